/** The built API as its own process for bench:load: start, upload, sample memory, stop. */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, waitUntil } = require('../lib/fault-cluster');
const { treeRss } = require('../lib/process-rss');

/** Starts dist/apps/api on a private database, storage and queue prefix; a key when auth is on. */
async function startApi(dir, env) {
  fs.mkdirSync(dir, { recursive: true });
  const fullEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: `sqlite:${path.join(dir, 'clipgen.db')}`,
    STORAGE_TYPE: 'local',
    STORAGE_DIR: path.join(dir, 'storage'),
    WORK_DIR: path.join(dir, 'work'),
    HOST: '127.0.0.1',
    // Load on the API alone: no worker runs.
    HEALTH_REQUIRE_WORKER: 'false',
    ...env,
  };
  let key = null;
  if (env.AUTH_DISABLED === 'false') {
    const cli = path.join(ROOT, 'bin', 'clipgen.js');
    key = execFileSync(process.execPath, [cli, 'keys', 'create', '--name', 'bench-load'], { env: fullEnv, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  }
  const log = fs.openSync(path.join(dir, 'api.log'), 'w');
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps/api/src/main.js')], { env: fullEnv, stdio: ['ignore', log, log] });
  const base = `http://127.0.0.1:${env.PORT}`;
  await waitUntil(async () => (await fetch(`${base}/api/health`)).ok, 60_000, 'the API');
  return {
    base,
    key,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** One multipart upload streamed from disk; the answer's status, whether it was a problem, time. */
async function uploadFile(base, file, headers) {
  const started = Date.now();
  try {
    const form = new FormData();
    form.set('maxClips', '1');
    form.set('file', await fs.openAsBlob(file, { type: 'video/mp4' }), path.basename(file));
    const res = await fetch(`${base}/api/upload-video`, { method: 'POST', body: form, headers });
    const type = res.headers.get('content-type') ?? '';
    const body = await res.json().catch(() => ({}));
    return { status: res.status, problem: type.startsWith('application/problem+json'), jobId: body.jobId, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    return { status: 0, problem: false, error: err.message, seconds: (Date.now() - started) / 1000 };
  }
}

/** Samples a process's RSS every 100 ms until stopped; `between` gives the range over a span. */
function sampleRss(pid) {
  const samples = [];
  const timer = setInterval(() => samples.push({ at: Date.now(), rss: treeRss(pid).self }), 100);
  return {
    now: () => treeRss(pid).self,
    peak: () => Math.max(0, ...samples.map((s) => s.rss)),
    between: (from, to) => {
      const inside = samples.filter((s) => s.at >= from && s.at <= to).map((s) => s.rss);
      return { min: Math.min(...inside), max: Math.max(...inside) };
    },
    stop: () => clearInterval(timer),
  };
}

module.exports = { startApi, uploadFile, sampleRss };
