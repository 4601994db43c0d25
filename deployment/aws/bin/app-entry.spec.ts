import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const AWS_DIR = path.resolve(__dirname, '..');

/** Runs cdk.json's app command the way the CDK CLI does (it hands over CDK_OUTDIR and context). */
describe('the CDK app entry', () => {
  it('synthesises a cloud assembly with the three stacks from cdk.json alone', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-cdk-'));
    try {
      const { app, context } = JSON.parse(fs.readFileSync(path.join(AWS_DIR, 'cdk.json'), 'utf8'));
      execSync(app, {
        cwd: AWS_DIR,
        env: {
          ...process.env,
          CDK_OUTDIR: out,
          CDK_CONTEXT_JSON: JSON.stringify({
            ...context,
            domainName: 'clips.example.com',
            githubRepository: 'example/clipgen',
          }),
        },
        stdio: 'pipe',
      });
      const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
      const stacks = Object.entries(manifest.artifacts as Record<string, { type: string }>)
        .filter(([, a]) => a.type === 'aws:cloudformation:stack')
        .map(([name]) => name)
        .sort();
      expect(stacks).toEqual([
        'Clipgen-prod-DeployAccess',
        'Clipgen-prod-Foundation',
        'Clipgen-prod-Services',
      ]);
      for (const stack of stacks)
        expect(fs.existsSync(path.join(out, `${stack}.template.json`))).toBe(true);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
