import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { isProcessAlive } from '@app/media';

const ROOT = path.resolve(__dirname, '..', '..');

/** Starts a Node process that runs `sleep 300` through runProcess and prints nothing else. */
function parentWithChild(env: NodeJS.ProcessEnv = {}) {
  const script = `require(${JSON.stringify(path.join(ROOT, 'libs/media/src/process/run-process.ts'))})
    .runProcess('sleep', ['300']).catch(() => undefined);`;
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
}

async function childOf(pid: number): Promise<number> {
  const fs = await import('node:fs/promises');
  for (let i = 0; i < 100; i++) {
    const kids = (await fs.readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => ''))
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    for (const kid of kids) {
      const cmd = await fs.readFile(`/proc/${kid}/cmdline`, 'utf8').catch(() => '');
      if (cmd.startsWith('sleep\0')) return kid;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the child never started');
}

const gone = async (pid: number) => {
  for (let i = 0; i < 30 && isProcessAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  return !isProcessAlive(pid);
};

(process.platform === 'linux' ? describe : describe.skip)(
  'engine children and a dying parent',
  () => {
    it('an engine child dies with its parent when the parent is SIGKILLed', async () => {
      const parent = parentWithChild();
      const child = await childOf(parent.pid!);
      parent.kill('SIGKILL');
      expect(await gone(child)).toBe(true);
    }, 30_000);

    it('without the parent-death launcher the same child is orphaned (what the launcher fixes)', async () => {
      const parent = parentWithChild({ CLIPGEN_PARENT_DEATH: 'off' });
      const child = await childOf(parent.pid!);
      parent.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 1000));
      try {
        expect(isProcessAlive(child)).toBe(true);
      } finally {
        process.kill(child, 'SIGKILL');
      }
    }, 30_000);
  },
);
