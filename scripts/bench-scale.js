#!/usr/bin/env node
/**
 * Scale-out benchmark: one 10-clip job on one worker process, then the same job on two worker
 * processes over one Redis (they fan its clips out as child jobs), side by side in one run on
 * this machine. Private Redis and PostgreSQL, the built API and workers as real processes, local
 * storage shared by all. A first run fills the transcript cache, so the two compared runs both
 * skip ASR: their wall times differ by what happens after selection (frame, render, publish).
 * `--pinned` puts each worker on a core of its own (taskset): one worker then has one core and
 * two have two, which is what adding a machine does; without it both share every core.
 * Writes bench-results/scale.json (scale-pinned.json) and prints a table.
 * Usage: npm run bench:scale [-- --pinned] [-- --minutes 10] (after npm run build)
 */
const fs = require('node:fs');
const path = require('node:path');
const { FaultCluster, waitUntil } = require('./lib/fault-cluster');
const { buildBenchInput, OUT_DIR } = require('./lib/bench-input');

const arg = (name, fallback) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback;
const minutes = Number(arg('--minutes', 10));
const OPTIONS = { maxClips: 10, minDuration: 10, maxDuration: 20, aspectRatios: '9:16' };
const round = (v, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

async function workersAlive(cluster) {
  const text = await (await fetch(cluster.url('/metrics'))).text();
  return Number(/^clipgen_workers_alive (\d+)/m.exec(text)?.[1] ?? 0);
}

/** With `pinned`, worker i runs on core i alone: two workers then have a core each, as two machines would. */
async function runJob(cluster, input, workers, pinned = false) {
  const started = [];
  for (let i = 0; i < workers; i++)
    started.push(
      cluster.startWorker(
        { RENDER_FAN_OUT: 'auto', ...(pinned ? { WHISPER_THREADS: '1' } : {}) },
        pinned ? { cpu: i } : {},
      ),
    );
  await waitUntil(async () => (await workersAlive(cluster)) === workers, 60_000, `${workers} workers`);
  const t0 = Date.now();
  const up = await cluster.upload(input, OPTIONS);
  if (up.status !== 202) throw new Error(`upload answered ${up.status}`);
  const job = await cluster.waitForStatus(
    up.body.jobId,
    (s) => ['completed', 'failed'].includes(s.status),
    60 * 60_000,
    'job end',
  );
  const wallSec = (Date.now() - t0) / 1000;
  for (const w of started) await w.stop('SIGTERM');
  await waitUntil(async () => (await workersAlive(cluster)) === 0, 60_000, 'workers gone');
  if (job.status !== 'completed') throw new Error(`job ${job.status}: ${job.error?.message}`);
  const t = job.stageTimings;
  return {
    workers,
    cores: pinned ? `${workers} (one each)` : 'shared',
    fannedOut: workers > 1,
    clips: job.clips.length,
    clipSec: round(job.clips.reduce((s, c) => s + c.end - c.start, 0)),
    frameSec: round(t.frame),
    renderSec: round(t.render),
    frameAndRenderSec: round(t.frame + t.render),
    wallSec: round(wallSec),
    afterSelectSec: round(wallSec - (t.probe ?? 0) - (t.transcribe ?? 0) - (t.select ?? 0)),
    transcriptCached: job.transcriptCached ?? null,
  };
}

async function main() {
  const input = buildBenchInput(minutes);
  const cluster = await new FaultCluster().start();
  try {
    await cluster.startApi();
    const warm = await runJob(cluster, input, 1);
    console.error(`[bench] warm-up (fills the transcript cache): ${JSON.stringify(warm)}`);
    const pinned = process.argv.includes('--pinned');
    const one = await runJob(cluster, input, 1, pinned);
    console.error(`[bench] one worker: ${JSON.stringify(one)}`);
    const two = await runJob(cluster, input, 2, pinned);
    console.error(`[bench] two workers: ${JSON.stringify(two)}`);
    const report = {
      machine: { cores: require('node:os').availableParallelism(), node: process.version },
      input: { minutes, options: OPTIONS },
      warmUp: warm,
      runs: [one, two],
      speedup: {
        afterSelect: round(one.afterSelectSec / two.afterSelectSec, 2),
        wall: round(one.wallSec / two.wallSec, 2),
      },
    };
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const name = pinned ? 'scale-pinned.json' : 'scale.json';
    fs.writeFileSync(path.join(OUT_DIR, name), `${JSON.stringify(report, null, 2)}\n`);
    console.log('| workers | cores | clips (s of video) | frame s | render s | after selection s | job wall s |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of report.runs)
      console.log(`| ${r.workers}${r.fannedOut ? ' (fan-out)' : ''} | ${r.cores} | ${r.clips} (${r.clipSec}) | ${r.frameSec} | ${r.renderSec} | ${r.afterSelectSec} | ${r.wallSec} |`);
    console.log(`speed-up, two workers over one: after selection ${report.speedup.afterSelect}×, job ${report.speedup.wall}×`);
  } finally {
    await cluster.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
