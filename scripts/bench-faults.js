#!/usr/bin/env node
/**
 * Fault-injection benchmark: runs every fault scenario against a private deployment (its own
 * Redis and PostgreSQL, the built API and worker) and writes bench-results/faults.json plus a
 * Markdown table: jobs lost, orphan processes, leftover files, time to resume, work redone.
 * Usage: npm run bench:faults  (needs `npm run build`)
 */
const fs = require('node:fs');
const path = require('node:path');
const { FaultCluster, ROOT } = require('./lib/fault-cluster');
const scenarios = require('./lib/fault-scenarios');

async function main() {
  const cluster = await new FaultCluster().start();
  const results = [];
  try {
    const input = (variant) => scenarios.buildFaultInput(cluster.dir, variant);
    cluster.api = await cluster.startApi();
    const runs = [
      () => scenarios.workerKilled(cluster, input(0), 'transcribe'),
      () => scenarios.workerKilled(cluster, input(1), 'render'),
      () => scenarios.workerStopped(cluster, input(2)),
      () => scenarios.redisRestarted(cluster, input(3)),
      () => scenarios.postgresDropped(cluster, input(4)),
      () => scenarios.apiKilledDuringUpload(cluster, input(5)),
      () => scenarios.cancelledWhileRunning(cluster, input(6)),
      () => scenarios.timedOut(cluster, input(7)),
    ];
    for (const run of runs) {
      const r = await run();
      console.error(`[faults] ${r.fault}: ${JSON.stringify(r)}`);
      results.push(r);
    }
  } finally {
    await cluster.stop();
  }
  const outDir = path.join(ROOT, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'faults.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
  console.log('| fault | jobs lost | orphans | leftover files | resume (s) | redone |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results)
    console.log(`| ${r.fault} | ${r.jobsLost} | ${r.orphans} | ${r.leftoverFiles} | ${r.resumeSec.toFixed(1)} | ${r.redone.join(', ') || 'nothing'} (interrupted: ${r.interrupted}) |`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
