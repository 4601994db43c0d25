import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasCorpus } from '../support/corpus';

/*
 * Fault injection against a private deployment: its own Redis and PostgreSQL on free ports, the
 * built API and worker as real processes (run `npm run build` first; scripts/test.sh does). The
 * scenarios are the ones `npm run bench:faults` measures.
 */
const { FaultCluster } = require('../../scripts/lib/fault-cluster');
const scenarios = require('../../scripts/lib/fault-scenarios');

const ROOT = path.resolve(__dirname, '..', '..');
const built = fs.existsSync(path.join(ROOT, 'dist/apps/worker/src/main.js'));
const canRun = hasCorpus && built && fs.existsSync('/usr/lib/postgresql');

type Result = Record<string, unknown> & { redone: string[]; orphans: number; jobsLost: number };

(canRun ? describe : describe.skip)('faults: nothing is lost, stranded, leaked or redone', () => {
  let cluster: { dir: string; stop(): Promise<void>; startApi(): Promise<unknown>; api: unknown };
  const input = (variant: number): string => scenarios.buildFaultInput(cluster.dir, variant);

  beforeAll(async () => {
    cluster = await new FaultCluster().start();
    cluster.api = await cluster.startApi();
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  /** A clip's video, SRT, VTT, framing edit data (one rendition) and thumbnail. */
  const FILES_PER_CLIP = 5;

  const completedCleanly = (r: Result) => {
    expect(r).toMatchObject({
      jobStatus: 'completed',
      jobsLost: 0,
      orphans: 0,
      leftoverFiles: 0,
      clips: scenarios.OPTIONS.maxClips,
      clipFilesStored: scenarios.OPTIONS.maxClips * FILES_PER_CLIP,
    });
  };

  it('worker SIGKILL mid-transcribe: no orphan, resumes after probe, exact clips', async () => {
    const r: Result = await scenarios.workerKilled(cluster, input(0), 'transcribe');
    completedCleanly(r);
    expect(r.stagesDoneBefore).toEqual(['probe']);
    expect(r.redone).toEqual([]);
    expect(r.resumeSec).toBeLessThanOrEqual(15);
  }, 300_000);

  it('worker SIGKILL mid-render: stored clips are not rendered again', async () => {
    const r: Result = await scenarios.workerKilled(cluster, input(1), 'render');
    completedCleanly(r);
    expect(r.redone).toEqual([]);
    expect(r.resumeSec).toBeLessThanOrEqual(15);
  }, 300_000);

  it('worker SIGTERM: the job goes back to the queue, no attempt spent, and resumes', async () => {
    const r: Result = await scenarios.workerStopped(cluster, input(2));
    completedCleanly(r);
    expect(r).toMatchObject({ cleanExit: true, statusAfterStop: 'queued', attemptsSpent: 0 });
    expect(r.noticeAfterStop).toMatch(/worker stopped/);
    expect(r.redone).toEqual([]);
  }, 300_000);

  it('Redis restarted empty mid-job: the job completes and the next one runs', async () => {
    const r: Result = await scenarios.redisRestarted(cluster, input(3));
    completedCleanly(r);
    expect(r.nextJobStatus).toBe('completed');
  }, 400_000);

  it('PostgreSQL connections dropped mid-job: recovered without help', async () => {
    const r: Result = await scenarios.postgresDropped(cluster, input(4));
    completedCleanly(r);
    expect(r.workerAlive).toBe(true);
  }, 300_000);

  it('DELETE of a running job: engines stop at once, every file goes, the worker lives on', async () => {
    const r: Result = await scenarios.cancelledWhileRunning(cluster, input(6));
    expect(r).toMatchObject({
      httpStatus: 202,
      jobStatus: 'cancelled',
      errorCode: 'CANCELLED',
      orphans: 0,
      leftoverFiles: 0,
      storedObjects: 0,
      workerAlive: true,
    });
    expect(r.stopSec).toBeLessThan(5);
  }, 300_000);

  it('a job past its time limit fails with JOB_TIMEOUT and leaves nothing running', async () => {
    const r: Result = await scenarios.timedOut(cluster, input(7));
    expect(r).toMatchObject({
      jobStatus: 'failed',
      errorCode: 'JOB_TIMEOUT',
      orphans: 0,
      leftoverFiles: 0,
    });
  }, 120_000);

  it('API SIGKILL during an upload: nothing left, the retry succeeds', async () => {
    const r: Result = await scenarios.apiKilledDuringUpload(cluster, input(5));
    expect(r).toMatchObject({
      tempFilesAfterKill: 1,
      leftoverFiles: 0,
      storedObjectsOfFailedUpload: 0,
      jobRowsOfFailedUpload: 0,
      retryStatus: 202,
    });
  }, 120_000);
});
