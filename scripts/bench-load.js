#!/usr/bin/env node
/**
 * Load benchmark of the API alone (no worker): 50 concurrent uploads of a ≥ 50 MB video, then a
 * steady 500 status requests/s for 60 s (autocannon), with the API's RSS sampled throughout.
 * Twice: auth off and no rate limits (raw capacity), then keys and the default rate limits on
 * (limits hit must be 429, never 5xx). Writes bench-results/load.json and a Markdown table.
 * Usage: npm run bench:load  (needs `npm run build`; LOAD_UPLOADS, LOAD_RATE, LOAD_SECONDS override)
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const Redis = require('ioredis');
const { ROOT, freePort } = require('./lib/fault-cluster');
const { startApi, uploadFile, sampleRss } = require('./load/load-api');

const UPLOADS = Number(process.env.LOAD_UPLOADS ?? 50);
const RATE = Number(process.env.LOAD_RATE ?? 500);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const MIN_INPUT_BYTES = 50 * 1024 * 1024;
const MB = (b) => Math.round((b / 1024 ** 2) * 10) / 10;

/** A ≥ 50 MB talking-head video with speech, made once from the corpus and kept in /tmp. */
function buildInput(dir) {
  const file = path.join(os.tmpdir(), 'clipgen-bench-load-input.mp4');
  if (fs.existsSync(file) && fs.statSync(file).size >= MIN_INPUT_BYTES) return file;
  const ffmpeg = require('@ffmpeg-installer/ffmpeg').path;
  const corpus = path.join(ROOT, '..', 'shared', 'corpus');
  const tmp = path.join(dir, 'input.mp4');
  execFileSync(ffmpeg, [
    ...['-v', 'error', '-y', '-stream_loop', '-1'],
    ...['-i', path.join(corpus, 'video', 'liveportrait_s18_16x9.mp4')],
    ...['-i', path.join(corpus, 'speech', 'resemblyzer_hotones_interview.mp3')],
    ...['-map', '0:v', '-map', '1:a', '-t', '45', '-c:v', 'libx264', '-preset', 'ultrafast'],
    ...['-b:v', '10M', '-minrate', '10M', '-maxrate', '10M', '-bufsize', '20M', '-c:a', 'aac'],
    tmp,
  ]);
  fs.renameSync(tmp, file);
  return file;
}

/** 50 uploads at once: every one must be answered 202 or refused with a problem, never dropped. */
async function uploadBurst(base, file, headers) {
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: UPLOADS }, (_, i) => uploadFile(base, file, { ...headers, 'Idempotency-Key': `load-${i}-${started}` })),
  );
  const byStatus = {};
  for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  const unclean = answers.filter((a) => a.status === 0 || (a.status >= 500 && a.status !== 503 && a.status !== 507) || (a.status >= 400 && !a.problem));
  const accepted = answers.filter((a) => a.status === 202);
  return {
    uploads: UPLOADS,
    byStatus,
    accepted: accepted.length,
    unclean: unclean.length,
    wallSec: (Date.now() - started) / 1000,
    slowestSec: Math.max(...answers.map((a) => a.seconds)),
    jobId: accepted[0]?.jobId ?? null,
  };
}

/** A steady request rate on one job's status, as pollers do. */
function statusLoad(base, jobId, headers) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: `${base}/api/status/${jobId}`, connections: 50, overallRate: RATE, duration: SECONDS, headers },
      (err, r) => {
        if (err) return reject(err);
        const codes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([c, s]) => [c, s.count]));
        const fiveXx = Object.entries(codes).filter(([c]) => c >= 500).reduce((n, [, k]) => n + k, 0);
        resolve({
          rate: RATE,
          seconds: SECONDS,
          requests: r.requests.total,
          perSec: Math.round(r.requests.average),
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          maxMs: r.latency.max,
          byStatus: codes,
          errors: r.errors + r.timeouts,
          fiveXx,
        });
      },
    );
  });
}

async function phase(name, dir, input, env) {
  const api = await startApi(path.join(dir, name), { ...env, MAX_UPLOAD_BYTES: String(512 * 1024 ** 2) });
  try {
    const headers = api.key ? { Authorization: `Bearer ${api.key}` } : {};
    await new Promise((r) => setTimeout(r, 2000));
    const rss = sampleRss(api.pid);
    const before = rss.now();
    const uploads = await uploadBurst(api.base, input, headers);
    console.error(`[load] ${name}: uploads ${JSON.stringify(uploads.byStatus)} in ${uploads.wallSec.toFixed(1)} s`);
    if (!uploads.jobId) throw new Error(`${name}: no upload was accepted`);
    const loadStarted = Date.now();
    const status = await statusLoad(api.base, uploads.jobId, headers);
    // Flat means no growth with requests served: the range in the load's first and last 10 s.
    const firstTen = rss.between(loadStarted, loadStarted + 10_000);
    const lastTen = rss.between(Date.now() - 10_000, Date.now());
    console.error(`[load] ${name}: status ${JSON.stringify(status.byStatus)} p50 ${status.p50Ms} ms p99 ${status.p99Ms} ms`);
    await new Promise((r) => setTimeout(r, 5000));
    const after = rss.now();
    rss.stop();
    const rssMb = {
      before: MB(before),
      peak: MB(rss.peak()),
      statusLoadFirst10s: [MB(firstTen.min), MB(firstTen.max)],
      statusLoadLast10s: [MB(lastTen.min), MB(lastTen.max)],
      after: MB(after),
    };
    return { phase: name, uploads, status, rssMb };
  } finally {
    await api.stop();
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${env.QUEUE_PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-load-'));
  try {
    const input = buildInput(dir);
    const inputMb = MB(fs.statSync(input).size);
    console.error(`[load] input ${inputMb} MB, ${UPLOADS} uploads, ${RATE} status/s for ${SECONDS} s`);
    const prefix = `clipgen-load-${process.pid}`;
    const results = [
      await phase('open', dir, input, { AUTH_DISABLED: 'true', RATE_LIMIT_ENABLED: 'false', QUEUE_PREFIX: `${prefix}-a`, PORT: String(await freePort()) }),
      await phase('keys+limits', dir, input, { AUTH_DISABLED: 'false', RATE_LIMIT_ENABLED: 'true', QUEUE_PREFIX: `${prefix}-b`, PORT: String(await freePort()) }),
    ];
    const out = path.join(ROOT, 'bench-results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'load.json'), JSON.stringify({ at: new Date().toISOString(), inputMb, cores: os.cpus().length, results }, null, 2));
    console.log('| phase | uploads 202 / other (unclean) | upload burst (s) | status req/s | p50 / p99 (ms) | status codes | 5xx + errors | API RSS before / peak / after (MB) | RSS first / last 10 s of status load (MB) |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of results) {
      const other = Object.entries(r.uploads.byStatus).filter(([c]) => c !== '202').map(([c, n]) => `${n}×${c}`).join(', ') || '0';
      const codes = Object.entries(r.status.byStatus).map(([c, n]) => `${n}×${c}`).join(', ');
      console.log(`| ${r.phase} | ${r.uploads.accepted} / ${other} (${r.uploads.unclean}) | ${r.uploads.wallSec.toFixed(1)} | ${r.status.perSec} | ${r.status.p50Ms} / ${r.status.p99Ms} | ${codes} | ${r.status.fiveXx + r.status.errors} | ${r.rssMb.before} / ${r.rssMb.peak} / ${r.rssMb.after} | ${r.rssMb.statusLoadFirst10s.join('–')} / ${r.rssMb.statusLoadLast10s.join('–')} |`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
