import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Job, Queue, QueueEvents } from 'bullmq';
import { ClipgenConfigModule } from '@app/config';
import {
  DEFAULT_CLIP_OPTIONS,
  JOB_OPTIONS,
  JobName,
  QueueModule,
  QueueName,
  redisConnectionFromUrl,
} from '@app/jobs';
import { JobRepository, JobStatus, PersistenceModule } from '@app/persistence';
import { PipelineError, PipelineRunRequest, PipelineService } from '@app/pipeline';
import { ProcessVideoProcessor } from '../../apps/worker/src/process-video.processor';
import { FanOutPolicy } from '../../apps/worker/src/fan-out/fan-out-policy';
import { RequeueUnfinishedService } from '../../apps/worker/src/requeue-unfinished.service';
import { RunningJobs } from '../../apps/worker/src/running-jobs';
import { WorkerMetricsService } from '../../apps/worker/src/operations/worker-metrics.service';
import { WebhookDispatch } from '@app/webhooks';
import { TestEnv, useTestEnv } from '../support/test-env';

/**
 * The worker's queue behaviour on a real Redis and a real database. Only the pipeline is replaced,
 * by a scripted one, so each test can decide how a run ends.
 */
class ScriptedPipeline {
  outcomes: (PipelineError | 'block' | null)[] = [];
  runs: PipelineRunRequest[] = [];
  discarded: { jobId: string; everything: boolean }[] = [];
  async run(request: PipelineRunRequest) {
    this.runs.push(request);
    const outcome = this.outcomes.shift();
    if (outcome === 'block') {
      // A long stage: runs until its signal says stop, as an engine killed on abort would.
      await new Promise((resolve) => request.signal!.addEventListener('abort', resolve));
      throw new PipelineError('CANCELLED', 'the job was cancelled', null);
    }
    if (outcome) throw outcome;
    return { clipCount: 0, resumedStages: [], notice: null };
  }
  async discard(jobId: string, everything = false) {
    this.discarded.push({ jobId, everything });
  }
}

const metadata = {
  durationSec: 10,
  width: 640,
  height: 360,
  fps: 25,
  videoCodec: 'h264',
  audioCodec: 'aac',
  sizeBytes: 1,
  formatName: 'mp4',
};

describe('video-processing queue (Redis + BullMQ)', () => {
  let env: TestEnv;
  let app: INestApplicationContext;
  let queue: Queue;
  let events: QueueEvents;
  let jobs: JobRepository;
  const pipeline = new ScriptedPipeline();

  beforeAll(async () => {
    env = useTestEnv();
    const moduleRef = await Test.createTestingModule({
      imports: [ClipgenConfigModule, QueueModule, PersistenceModule],
      providers: [
        RunningJobs,
        ProcessVideoProcessor,
        RequeueUnfinishedService,
        WorkerMetricsService,
        WebhookDispatch,
        FanOutPolicy,
        { provide: PipelineService, useValue: pipeline },
      ],
    }).compile();
    app = await moduleRef.init();
    queue = app.get(getQueueToken(QueueName.VideoProcessing));
    jobs = app.get(JobRepository);
    events = new QueueEvents(QueueName.VideoProcessing, {
      connection: redisConnectionFromUrl(process.env.REDIS_URL!),
      prefix: env.prefix,
    });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events?.close();
    await queue?.obliterate({ force: true });
    await app?.close();
    env?.cleanup();
  });

  async function enqueue(overrides: object = {}): Promise<Job> {
    const id = randomUUID();
    await jobs.create({
      id,
      sourceKey: `jobs/${id}/source.mp4`,
      sourceFilename: 'a.mp4',
      sourceMetadata: metadata,
      options: DEFAULT_CLIP_OPTIONS,
    });
    return queue.add(
      JobName.ProcessVideo,
      { jobId: id, sourceKey: `jobs/${id}/source.mp4`, options: DEFAULT_CLIP_OPTIONS },
      {
        ...JOB_OPTIONS[JobName.ProcessVideo],
        backoff: { type: 'fixed', delay: 50 },
        jobId: id,
        ...overrides,
      },
    );
  }

  it("applies the contract's default options to every job", async () => {
    expect(JOB_OPTIONS[JobName.ProcessVideo]).toMatchObject({
      attempts: 3,
      backoff: { type: 'exponential' },
    });
    expect(JOB_OPTIONS[JobName.ProcessVideo].removeOnComplete).toBeTruthy();
    expect(JOB_OPTIONS[JobName.ProcessVideo].removeOnFail).toBeTruthy();
  });

  it('runs the pipeline for a queued job and returns a typed result', async () => {
    const job = await enqueue();
    const result = await job.waitUntilFinished(events, 15_000);
    expect(result).toEqual({ jobId: job.id, clipCount: 0 });
    expect(pipeline.runs.at(-1)).toMatchObject({ jobId: job.id, options: DEFAULT_CLIP_OPTIONS });
  });

  it('retries a transient failure and succeeds on the next attempt', async () => {
    pipeline.outcomes = [new PipelineError('RENDER_FAILED', 'ffmpeg crashed', null), null];
    const job = await enqueue();
    await job.waitUntilFinished(events, 15_000);
    const done = await queue.getJob(job.id!);
    expect(done?.attemptsMade).toBe(2);
    // The worker's metrics count both outcomes (its own registry, as served on its port).
    const text = await app.get(WorkerMetricsService).metrics.registry.metrics();
    expect(text).toMatch(/^clipgen_jobs_finished_total\{outcome="retried"\} 1$/m);
    expect(text).toMatch(/^clipgen_jobs_finished_total\{outcome="completed"\} 2$/m);
    expect(text).toMatch(/^clipgen_worker_busy_ratio 0$/m);
  });

  it('fails at once, without retrying, on media a retry cannot fix', async () => {
    pipeline.outcomes = [
      new PipelineError('MEDIA_NO_AUDIO', 'the video has no audio stream', null),
    ];
    const job = await enqueue();
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/MEDIA_NO_AUDIO/);
    expect((await queue.getJob(job.id!))?.attemptsMade).toBe(1);
    expect(await jobs.findById(job.id!)).toMatchObject({
      status: JobStatus.Failed,
      errorCode: 'MEDIA_NO_AUDIO',
    });
  });

  it('says on the row why a failed job is queued again', async () => {
    const failing = new PipelineError('STORAGE_FAILED', 'the bucket said 503', null);
    pipeline.outcomes = [failing, 'block'];
    const job = await enqueue();
    await waitFor(() => pipeline.runs.filter((r) => r.jobId === job.id).length === 2);
    expect(await jobs.findById(job.id!)).toMatchObject({
      status: JobStatus.Queued,
      notice: expect.stringMatching(/attempt 1 failed \(STORAGE_FAILED: the bucket said 503\)/),
    });
    await jobs.markCancelled(job.id!);
    app.get(RunningJobs).abort(job.id!, 'cancel');
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/CANCELLED/);
  });

  it('a job cancelled on request ends as cancelled and every file of it is discarded', async () => {
    pipeline.outcomes = ['block'];
    const job = await enqueue();
    await waitFor(() => pipeline.runs.at(-1)?.jobId === job.id);
    // As the API does it: the row first, then the message to the worker.
    await jobs.markCancelled(job.id!);
    expect(app.get(RunningJobs).abort(job.id!, 'cancel')).toBe(true);
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/CANCELLED/);
    expect(await jobs.findById(job.id!)).toMatchObject({ status: JobStatus.Cancelled });
    expect(pipeline.discarded).toContainEqual({ jobId: job.id, everything: true });
  });

  it('records the failure once the attempts run out', async () => {
    const failure = new PipelineError('ASR_FAILED', 'whisper.cpp exited with code 134', null);
    pipeline.outcomes = [failure, failure];
    const job = await enqueue({ attempts: 2 });
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/ASR_FAILED/);
    expect(await jobs.findById(job.id!)).toMatchObject({
      status: 'failed',
      errorCode: 'ASR_FAILED',
      errorMessage: 'whisper.cpp exited with code 134',
    });
  });

  it('puts jobs the database still lists as unfinished back on the queue at start-up', async () => {
    const id = randomUUID();
    await jobs.create({
      id,
      sourceKey: `jobs/${id}/source.mp4`,
      sourceFilename: 'lost.mp4',
      sourceMetadata: metadata,
      options: DEFAULT_CLIP_OPTIONS,
    });
    await app.get(RequeueUnfinishedService).onApplicationBootstrap();
    const job = await queue.getJob(id);
    expect(job?.data).toMatchObject({ jobId: id, sourceKey: `jobs/${id}/source.mp4` });
    await job!.waitUntilFinished(events, 15_000);
  });

  // Last: it stops the worker.
  it('on shutdown hands the running job back to the queue, spending no attempt', async () => {
    pipeline.outcomes = ['block'];
    const job = await enqueue();
    await waitFor(
      async () => (await job.getState()) === 'active' && pipeline.runs.at(-1)?.jobId === job.id,
    );
    await app.get(ProcessVideoProcessor).beforeApplicationShutdown('SIGTERM');
    expect(await job.getState()).toBe('waiting');
    expect((await queue.getJob(job.id!))?.attemptsMade).toBe(0);
    expect(await jobs.findById(job.id!)).toMatchObject({
      status: JobStatus.Queued,
      notice: expect.stringMatching(/worker stopped/),
    });
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
