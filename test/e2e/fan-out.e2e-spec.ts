import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import request from 'supertest';
import { QueueName } from '@app/jobs';
import { StorageDriver, StorageKeys } from '@app/storage';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { finished, InProcessStack, startInProcessStack } from '../support/in-process-stack';

const VIDEO = 'video/lrs2_00016.mp4';
const OPTIONS = {
  maxClips: '3',
  minDuration: '2',
  maxDuration: '5',
  aspectRatios: '9:16,1:1',
};

/**
 * A job's clips as child jobs (RENDER_FAN_OUT=always, so one in-process worker takes the parent,
 * then each child, then the parent again): the same clips and files as an in-process run.
 */
describeWithCorpus('render fan-out: clips as child jobs of their job', () => {
  let stack: InProcessStack;
  let http: InProcessStack['http'];

  beforeAll(async () => {
    stack = await startInProcessStack({ RENDER_FAN_OUT: 'always' });
    ({ http } = stack);
  }, 60_000);

  afterAll(() => stack?.close());

  const upload = () =>
    request(http)
      .post('/api/upload-video')
      .field(OPTIONS)
      .attach('file', corpusPath(VIDEO))
      .expect(202);

  it('renders each clip as a child job, then publishes them all from the parent', async () => {
    const { jobId } = (await upload()).body;
    const done = await stack.waitFor(jobId, finished);
    expect(done).toMatchObject({ status: 'completed', error: null });
    expect(done.clips.length).toBeGreaterThanOrEqual(1);

    const children = stack.worker.get<Queue>(getQueueToken(QueueName.ClipRenders));
    const parents = stack.worker.get<Queue>(getQueueToken(QueueName.VideoProcessing));
    const parent = await Job.fromId(parents, jobId);
    expect(parent!.data).toMatchObject({ jobId, renderFanOut: true });
    const values = await parent!.getChildrenValues<{ index: number; files: unknown[] }>();
    expect(Object.keys(values)).toHaveLength(done.clips.length);
    expect(
      Object.values(values)
        .map((v) => v.index)
        .sort(),
    ).toEqual(done.clips.map((_: unknown, i: number) => i));
    for (const key of Object.keys(values)) expect(key).toContain(`${jobId}.clip-`);
    expect(await children.getJobCounts('completed', 'failed')).toEqual({
      completed: done.clips.length,
      failed: 0,
    });

    // Every rendition of every clip is stored and downloadable, as with an in-process render.
    const storage = stack.worker.get(StorageDriver);
    const stored = await storage.list(StorageKeys.clipsPrefix(jobId));
    for (const clip of done.clips) {
      expect(clip.renditions.map((r: { aspectRatio: string }) => r.aspectRatio)).toEqual([
        '9:16',
        '1:1',
      ]);
      const res = await request(http).get(clip.downloadUrl).expect(200);
      expect(res.headers['content-type']).toBe('video/mp4');
    }
    expect(stored.filter((o) => o.key.endsWith('.mp4'))).toHaveLength(done.clips.length * 2);
    // The render stage counts from when the parent began to wait until all clips were in.
    expect(done.stageTimings.render).toBeGreaterThan(0);
  }, 300_000);

  it('cancels the children of a cancelled job and leaves nothing behind', async () => {
    const { jobId } = (await upload()).body;
    const children = stack.worker.get<Queue>(getQueueToken(QueueName.ClipRenders));
    const deadline = Date.now() + 240_000;
    while (!(await children.getJob(`${jobId}.clip-0`))) {
      if (Date.now() > deadline) throw new Error('no child job appeared');
      await new Promise((r) => setTimeout(r, 100));
    }
    await request(http).delete(`/api/jobs/${jobId}`).expect(202);
    await stack.waitFor(jobId, (s) => s === 'cancelled', 10_000);
    // Whatever the children were doing has stopped and been cleaned up within a few seconds.
    const storage = stack.worker.get(StorageDriver);
    const settled = Date.now() + 60_000;
    for (;;) {
      const active = await children.getJobCounts('active');
      const left = await storage.list(`results/${jobId}/`);
      if (!active.active && !left.length) break;
      if (Date.now() > settled)
        throw new Error(`still ${active.active} active, ${left.length} objects`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 300_000);
});
