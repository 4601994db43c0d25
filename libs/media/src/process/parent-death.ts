import * as fs from 'node:fs';
import * as path from 'node:path';

/*
 * Engine children run in their own process groups (so abort kills a whole tree), which also means
 * nothing kills them when their Node parent dies abruptly (SIGKILL, OOM): whisper.cpp would keep a
 * core busy for minutes. On Linux a tiny launcher asks the kernel to SIGKILL the child when its
 * parent dies (PR_SET_PDEATHSIG, kept across exec), checks the parent is still the one that
 * spawned it (it may have died before the request), then execs the real command in place.
 */
const LAUNCHER = [
  'import ctypes,os,signal,sys',
  'ctypes.CDLL(None).prctl(1, signal.SIGKILL)',
  "os.getppid() == int(os.environ.get('CLIPGEN_PARENT_PID', '0')) or os._exit(137)",
  'os.execvp(sys.argv[1], sys.argv[1:])',
].join('\n');

let python: string | null | undefined;

function findPython(): string | null {
  if (python !== undefined) return python;
  python = null;
  if (process.platform !== 'linux' || process.env.CLIPGEN_PARENT_DEATH === 'off') return python;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'python3');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return (python = candidate);
    } catch {
      /* next */
    }
  }
  return python;
}

export interface LaunchSpec {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** The command line that runs `command` so that it dies with this process (Linux; as-is elsewhere). */
export function dieWithParent(command: string, args: string[]): LaunchSpec {
  const launcher = findPython();
  if (!launcher) return { command, args, env: process.env };
  return {
    command: launcher,
    args: ['-S', '-c', LAUNCHER, command, ...args],
    env: { ...process.env, CLIPGEN_PARENT_PID: String(process.pid) },
  };
}
