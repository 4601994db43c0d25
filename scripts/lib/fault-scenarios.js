/**
 * Fault scenarios against a FaultCluster. Each injects one fault into a real job and measures
 * what the issue asks of it: jobs lost, orphan processes, leftover files, time to resume after a
 * new worker starts, and the work done twice. Shared by test/faults and scripts/bench-faults.js.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { sleep, waitUntil } = require('./fault-cluster');

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const OPTIONS = { maxClips: 3, minDuration: 5, maxDuration: 15 };
const JOB_TIMEOUT_MS = 240_000;

/**
 * 75 s of real conversation (the corpus interview) under a small looped talking head. Each
 * variant starts the audio elsewhere, so that no scenario gets another's cached transcript.
 */
function buildFaultInput(dir, variant = 0) {
  const file = path.join(dir, `fault-input-${variant}.mp4`);
  if (fs.existsSync(file)) return file;
  const ffmpeg = require('@ffmpeg-installer/ffmpeg').path;
  execFileSync(ffmpeg, ['-v', 'error', '-y',
    '-stream_loop', '-1', '-i', path.join(CORPUS, 'video', 'liveportrait_s18_16x9.mp4'),
    '-ss', String(variant * 7), '-i', path.join(CORPUS, 'speech', 'resemblyzer_hotones_interview.mp3'),
    '-map', '0:v:0', '-map', '1:a:0', '-t', '75', '-shortest', '-vf', 'scale=320:-2',
    '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', file]);
  return file;
}

const stagesDone = (log, jobId) =>
  [...log.matchAll(new RegExp(`job ${jobId}: (\\w+) done`, 'g'))].map((m) => m[1]);
const clipsStored = (log, jobId) =>
  [...log.matchAll(new RegExp(`job ${jobId}: clip (\\d+) stored`, 'g'))].map((m) => Number(m[1]));

/** Waits for a log line in a process's log; returns seconds since that process started. */
async function secondsUntilLog(proc, pattern, timeoutMs) {
  await waitUntil(() => pattern.test(proc.logText()), timeoutMs, `${pattern} in the ${proc.name} log`);
  return (Date.now() - proc.startedAt) / 1000;
}

function attemptsMade(cluster, jobId) {
  const out = execFileSync('redis-cli', ['-p', String(cluster.redisPort), 'HGET', `faults:video-processing:${jobId}`, 'atm'], { encoding: 'utf8' });
  return Number(out.trim() || 0);
}

/** Common ending: a job that completes with exactly the clips asked, nothing left behind. */
async function finish(cluster, jobId, result) {
  let job;
  try {
    job = await cluster.waitForStatus(jobId, (s) => ['completed', 'failed'].includes(s.status), JOB_TIMEOUT_MS, 'job end');
  } catch {
    job = await cluster.status(jobId);
  }
  const clipFiles = cluster.storedObjects(jobId).filter((f) => f.startsWith('results/clips/'));
  return {
    ...result,
    jobStatus: job.status,
    jobsLost: job.status === 'completed' ? 0 : 1,
    clips: job.clips?.length ?? 0,
    clipsAsked: OPTIONS.maxClips,
    clipFilesStored: clipFiles.length,
    leftoverFiles: cluster.leftoverFiles().length,
    error: job.error,
  };
}

async function uploadAndWaitFor(cluster, input, predicate, what) {
  const up = await cluster.upload(input, OPTIONS);
  if (up.status !== 202) throw new Error(`upload refused: ${JSON.stringify(up.body)}`);
  const jobId = up.body.jobId;
  const at = await cluster.waitForStatus(jobId, predicate, JOB_TIMEOUT_MS, what);
  return { jobId, at };
}

/** SIGKILL the worker in the middle of a stage, start a new one, measure the recovery. */
async function workerKilled(cluster, input, stage) {
  const worker = cluster.startWorker();
  const predicate =
    stage === 'render'
      ? // Clips are rendered as soon as they are framed: the first one may be stored in either stage.
        (s) => ['frame', 'render'].includes(s.stage) && /clip 1 stored/.test(worker.logText())
      : (s) => s.stage === stage && s.progress >= 10;
  const { jobId } = await uploadAndWaitFor(cluster, input, predicate, `stage ${stage}`);
  const doneBefore = stagesDone(worker.logText(), jobId);
  const storedBefore = clipsStored(worker.logText(), jobId);
  await worker.stop('SIGKILL');
  await sleep(1000);
  const orphans = cluster.orphans();
  const next = cluster.startWorker();
  const resumeSec = await secondsUntilLog(next, new RegExp(`job ${jobId} resumed after`), 60_000);
  const result = await finish(cluster, jobId, { fault: `worker SIGKILL mid-${stage}`, orphans: orphans.length, orphanList: orphans, resumeSec });
  const doneAfter = stagesDone(next.logText(), jobId);
  const redoneClips = clipsStored(next.logText(), jobId).filter((i) => storedBefore.includes(i));
  await next.stop('SIGTERM');
  return { ...result, stagesDoneBefore: doneBefore, redone: doneBefore.filter((s) => doneAfter.includes(s)).concat(redoneClips.map((i) => `clip ${i}`)), interrupted: stage };
}

/** SIGTERM mid-stage: the job goes back to the queue with no attempt spent and resumes. */
async function workerStopped(cluster, input) {
  const worker = cluster.startWorker();
  const { jobId } = await uploadAndWaitFor(cluster, input, (s) => s.stage === 'transcribe' && s.progress >= 10, 'transcribe');
  const doneBefore = stagesDone(worker.logText(), jobId);
  const stopStarted = Date.now();
  const exit = await worker.stop('SIGTERM');
  const stopSec = (Date.now() - stopStarted) / 1000;
  const afterStop = await cluster.status(jobId);
  const attempts = attemptsMade(cluster, jobId);
  const orphans = cluster.orphans();
  const next = cluster.startWorker();
  const resumeSec = await secondsUntilLog(next, new RegExp(`job ${jobId} resumed after`), 60_000);
  const result = await finish(cluster, jobId, { fault: 'worker SIGTERM mid-transcribe', orphans: orphans.length, resumeSec });
  const doneAfter = stagesDone(next.logText(), jobId);
  await next.stop('SIGTERM');
  return {
    ...result,
    stopSec,
    // Nest re-raises the signal once its shutdown hooks are done: an exit by SIGTERM is a clean stop.
    cleanExit: exit.code === 0 || exit.signal === 'SIGTERM',
    statusAfterStop: afterStop.status,
    noticeAfterStop: afterStop.notice,
    attemptsSpent: attempts,
    redone: doneBefore.filter((s) => doneAfter.includes(s)),
    interrupted: 'transcribe',
  };
}

/** The queue's Redis dies mid-job and comes back empty on the same port. */
async function redisRestarted(cluster, input) {
  const worker = cluster.startWorker();
  const { jobId } = await uploadAndWaitFor(cluster, input, (s) => s.stage === 'transcribe' && s.progress >= 10, 'transcribe');
  await cluster.redis.stop('SIGKILL');
  await sleep(3000);
  await cluster.startRedis();
  const result = await finish(cluster, jobId, { fault: 'Redis restarted (empty) mid-job', orphans: 0, resumeSec: 0 });
  // A job uploaded after the restart runs too: the service recovered without help.
  const again = await cluster.upload(input, { ...OPTIONS, maxClips: 1 });
  const second = again.status === 202
    ? await cluster.waitForStatus(again.body.jobId, (s) => ['completed', 'failed'].includes(s.status), JOB_TIMEOUT_MS, 'second job')
    : { status: `upload ${again.status}` };
  await worker.stop('SIGTERM');
  return { ...result, orphans: cluster.orphans().length, workerAlive: true, nextJobStatus: second.status, redone: [], interrupted: 'transcribe' };
}

/** Every PostgreSQL connection is terminated mid-job (a failover, a proxy restart). */
async function postgresDropped(cluster, input) {
  const worker = cluster.startWorker();
  const { jobId } = await uploadAndWaitFor(cluster, input, (s) => s.stage === 'transcribe' && s.progress >= 10, 'transcribe');
  const dropped = cluster.dropPostgresConnections();
  const result = await finish(cluster, jobId, { fault: 'PostgreSQL connections dropped mid-job', orphans: 0, resumeSec: 0 });
  const alive = worker.child.exitCode === null;
  await worker.stop('SIGTERM');
  return { ...result, connectionsDropped: dropped, workerAlive: alive, orphans: cluster.orphans().length, redone: [], interrupted: 'transcribe' };
}

/** The API is killed while a client uploads; it restarts; the client retries. */
async function apiKilledDuringUpload(cluster, input) {
  const jobsDir = path.join(cluster.storageDir, 'uploads');
  const storedJobs = () => (fs.existsSync(jobsDir) ? fs.readdirSync(jobsDir).length : 0);
  const jobsBefore = storedJobs();
  const rowsBefore = cluster.jobRowCount();
  const size = fs.statSync(input).size;
  const socket = net.connect(cluster.apiPort, '127.0.0.1');
  await new Promise((r) => socket.on('connect', r));
  socket.on('error', () => undefined);
  const head = `--B\r\nContent-Disposition: form-data; name="file"; filename="talk.mp4"\r\nContent-Type: video/mp4\r\n\r\n`;
  socket.write(`POST /api/upload-video HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=B\r\nContent-Length: ${head.length + size + 8}\r\n\r\n${head}`);
  socket.write(fs.readFileSync(input).subarray(0, Math.floor(size / 2)));
  await waitUntil(() => fs.readdirSync(path.join(cluster.workDir, 'uploads')).length > 0, 10_000, 'upload temp file');
  await cluster.api.stop('SIGKILL');
  socket.destroy();
  const tempAfterKill = fs.readdirSync(path.join(cluster.workDir, 'uploads')).length;
  cluster.api = await cluster.startApi();
  const t0 = Date.now();
  await waitUntil(async () => (await fetch(cluster.url('/api/health'))).ok, 30_000, 'api health');
  const leftover = fs.readdirSync(path.join(cluster.workDir, 'uploads')).length;
  const storedAfter = storedJobs() - jobsBefore;
  const rowsAfter = cluster.jobRowCount() - rowsBefore;
  const retry = await cluster.upload(input, OPTIONS);
  // No worker runs in this scenario: the accepted retry is cancelled so the next scenario starts clean.
  if (retry.status === 202) await fetch(cluster.url(`/api/jobs/${retry.body.jobId}`), { method: 'DELETE' });
  return {
    fault: 'API SIGKILL during an upload',
    jobsLost: 0,
    orphans: 0,
    tempFilesAfterKill: tempAfterKill,
    leftoverFiles: leftover,
    storedObjectsOfFailedUpload: storedAfter,
    jobRowsOfFailedUpload: rowsAfter,
    resumeSec: (Date.now() - t0) / 1000,
    retryStatus: retry.status,
    retryJobId: retry.body.jobId,
    redone: [],
    interrupted: 'upload',
  };
}

/** DELETE of a running job: its engine processes die at once and every file it made goes. */
async function cancelledWhileRunning(cluster, input) {
  const worker = cluster.startWorker();
  const { jobId } = await uploadAndWaitFor(cluster, input, (s) => s.stage === 'transcribe' && s.progress >= 10, 'transcribe');
  const res = await fetch(cluster.url(`/api/jobs/${jobId}`), { method: 'DELETE' });
  const t0 = Date.now();
  await waitUntil(() => cluster.orphans().length === 0, 10_000, 'engine processes to stop').catch(() => undefined);
  const stopSec = (Date.now() - t0) / 1000;
  await waitUntil(() => cluster.leftoverFiles().length === 0, 10_000, 'scratch files to go').catch(() => undefined);
  const status = await cluster.status(jobId);
  const result = {
    fault: 'DELETE of a running job',
    httpStatus: res.status,
    jobStatus: status.status,
    errorCode: status.error?.code,
    stopSec,
    orphans: cluster.orphans().length,
    leftoverFiles: cluster.leftoverFiles().length,
    storedObjects: cluster.storedObjects(jobId).length,
    workerAlive: worker.child.exitCode === null,
    jobsLost: 0,
    resumeSec: 0,
    redone: [],
    interrupted: 'transcribe',
  };
  await worker.stop('SIGTERM');
  return result;
}

/** A job past its hard time limit is stopped and failed with a clear code. */
async function timedOut(cluster, input) {
  const worker = cluster.startWorker({ JOB_TIMEOUT_MIN_SEC: '4', JOB_TIMEOUT_FACTOR: '0.1' });
  const up = await cluster.upload(input, OPTIONS);
  const job = await cluster.waitForStatus(up.body.jobId, (s) => ['completed', 'failed'].includes(s.status), 60_000, 'job end');
  await sleep(500);
  const result = {
    fault: 'job past its time limit',
    jobStatus: job.status,
    errorCode: job.error?.code,
    orphans: cluster.orphans().length,
    leftoverFiles: cluster.leftoverFiles().length,
    jobsLost: 0,
    resumeSec: 0,
    redone: [],
    interrupted: job.stage ?? 'transcribe',
  };
  await worker.stop('SIGTERM');
  return result;
}

module.exports = {
  cancelledWhileRunning,
  timedOut,
  OPTIONS,
  buildFaultInput,
  workerKilled,
  workerStopped,
  redisRestarted,
  postgresDropped,
  apiKilledDuringUpload,
};
