#!/usr/bin/env node
/**
 * End-to-end benchmark: a 10-minute talking-head video built from corpus media (a 16:9 speaker
 * clip looped, under a real 2-minute interview looped), uploaded over HTTP to the real API,
 * processed by the real worker (SQLite, local storage, Redis). Writes bench-results/e2e.json with
 * media seconds, wall seconds per stage, and the worker's peak RSS (Node alone, and with its
 * ffmpeg/whisper.cpp children). Usage: npm run bench:e2e [-- --minutes 10]
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const OUT_DIR = path.join(ROOT, 'bench-results');
const minutes = Number(process.argv.includes('--minutes') ? process.argv[process.argv.indexOf('--minutes') + 1] : 10);
const { treeRss } = require('./lib/process-rss');
const { buildBenchInput } = require('./lib/bench-input');

async function waitFor(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up`);
}

async function main() {
  if (!fs.existsSync(path.join(CORPUS, 'video'))) throw new Error(`no corpus at ${CORPUS}`);
  const input = buildBenchInput(minutes);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-bench-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `sqlite:${path.join(work, 'bench.db')}`,
    STORAGE_DIR: path.join(work, 'storage'),
    WORK_DIR: path.join(work, 'work'),
    QUEUE_PREFIX: `clipgen-bench-${process.pid}`,
  };
  const api = spawn('node', [path.join(ROOT, 'dist/apps/api/src/main.js')], { env, stdio: 'ignore' });
  const worker = spawn('node', [path.join(ROOT, 'dist/apps/worker/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const peak = { workerNode: 0, workerTree: 0, apiNode: 0 };
  const sampler = setInterval(() => {
    const w = treeRss(worker.pid);
    peak.workerNode = Math.max(peak.workerNode, w.self);
    peak.workerTree = Math.max(peak.workerTree, w.total);
    peak.apiNode = Math.max(peak.apiNode, treeRss(api.pid).self);
  }, 250);
  try {
    await waitFor(`http://127.0.0.1:${port}/api/health`, 30_000);
    const form = new FormData();
    form.set('file', await fs.openAsBlob(input), path.basename(input));
    const started = Date.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/upload-video`, { method: 'POST', body: form });
    const accepted = await res.json();
    if (res.status !== 202) throw new Error(`upload refused: ${JSON.stringify(accepted)}`);
    const uploadSec = (Date.now() - started) / 1000;
    let job;
    for (;;) {
      job = await (await fetch(`http://127.0.0.1:${port}${accepted.statusUrl}`)).json();
      if (job.status === 'completed' || job.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const wallSec = (Date.now() - started) / 1000;
    const mb = (b) => Math.round(b / 1024 / 1024);
    const report = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${mb(os.totalmem())} MiB`,
      model: process.env.WHISPER_MODEL ?? 'base',
      status: job.status,
      error: job.error,
      mediaSec: job.source?.durationSec,
      inputBytes: fs.statSync(input).size,
      uploadSec,
      wallSec,
      realTimeFactor: wallSec / job.source?.durationSec,
      stageSec: job.stageTimings,
      clips: job.clips.map((c) => ({ start: c.start, end: c.end, duration: c.duration, score: c.score, title: c.title })),
      peakRssMiB: { workerNode: mb(peak.workerNode), workerWithChildren: mb(peak.workerTree), apiNode: mb(peak.apiNode) },
    };
    fs.mkdirSync(OUT_DIR, { recursive: true });
    fs.writeFileSync(path.join(OUT_DIR, 'e2e.json'), JSON.stringify(report, null, 2));
    console.log(JSON.stringify(report, null, 2));
    if (job.status !== 'completed') process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    api.kill('SIGTERM');
    worker.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`[bench] ${err.message}`);
  process.exit(1);
});
