import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import request from 'supertest';
import { DEFAULT_CLIP_OPTIONS } from '@app/jobs';
import { JobRepository, JobStatus, PipelineStage } from '@app/persistence';
import { KeyedApi, startKeyedApi } from '../support/keyed-api';

const SOURCE = {
  durationSec: 120,
  width: 1280,
  height: 720,
  fps: 25,
  videoCodec: 'h264',
  audioCodec: 'aac',
  sizeBytes: 1000,
  formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
};

/** Reads a Server-Sent Event stream until it ends, handing each event over as it arrives. */
function readEvents(
  url: string,
  key: string,
  onEvent: (name: string, data: Record<string, unknown>) => void,
): Promise<{ status: number; type: string; events: string[] }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { Authorization: `Bearer ${key}` } }, (res) => {
      const names: string[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (name && data) {
            names.push(name);
            onEvent(name, JSON.parse(data));
          }
        }
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          type: String(res.headers['content-type']),
          events: names,
        }),
      );
    });
    req.on('error', reject);
  });
}

/** The job list, the job detail and live progress, with keys on (each key sees its own). */
describe('jobs: list, detail and live progress', () => {
  let stack: KeyedApi;
  let jobs: JobRepository;
  const made: Record<string, string[]> = { alice: [], bob: [] };

  const makeJob = async (owner: 'alice' | 'bob', ownerKeyId: string) => {
    const id = randomUUID();
    await jobs.create({
      id,
      sourceKey: `uploads/${id}.mp4`,
      sourceFilename: `${owner}-${made[owner].length}.mp4`,
      sourceMetadata: SOURCE,
      options: DEFAULT_CLIP_OPTIONS,
      ownerKeyId,
    });
    made[owner].push(id);
    // created_at has whole-second precision in SQLite: keep the order unambiguous.
    await new Promise((r) => setTimeout(r, 1100));
    return id;
  };

  const get = (path: string, who: 'alice' | 'bob') =>
    request(stack.api.getHttpServer()).get(path).set('Authorization', `Bearer ${stack.keys[who]}`);

  beforeAll(async () => {
    stack = await startKeyedApi({}, ['alice', 'bob']);
    jobs = stack.api.get(JobRepository);
    for (let i = 0; i < 3; i++) await makeJob('alice', stack.keyIds.alice);
    await makeJob('bob', stack.keyIds.bob);
    await jobs.markFailed(made.alice[0], 'ASR_FAILED', 'whisper-cli crashed at /srv/models/x.bin');
  }, 60_000);
  afterAll(() => stack?.close());

  it('lists a key its own jobs, newest first, a page at a time, filtered by status', async () => {
    const page1 = (await get('/api/jobs?limit=2', 'alice').expect(200)).body;
    expect(page1).toMatchObject({
      total: 3,
      limit: 2,
      offset: 0,
      next: '/api/jobs?limit=2&offset=2',
    });
    expect(page1.items.map((j: { jobId: string }) => j.jobId)).toEqual([
      made.alice[2],
      made.alice[1],
    ]);
    expect(page1.items[0]).toMatchObject({
      status: 'queued',
      sourceFilename: 'alice-2.mp4',
      durationSec: 120,
      links: {
        status: `/api/status/${made.alice[2]}`,
        events: `/api/jobs/${made.alice[2]}/events`,
      },
    });
    const page2 = (await get(page1.next, 'alice').expect(200)).body;
    expect(page2).toMatchObject({ total: 3, offset: 2, next: null });
    expect(page2.items.map((j: { jobId: string }) => j.jobId)).toEqual([made.alice[0]]);

    const failed = (await get('/api/jobs?status=failed', 'alice').expect(200)).body;
    expect(failed.items).toHaveLength(1);
    // Errors in lists go through the same sanitiser as the status: no server paths.
    expect(failed.items[0].error).toEqual({
      code: 'ASR_FAILED',
      message: expect.not.stringMatching(/\/srv/),
    });
    const bobs = (await get('/api/jobs', 'bob').expect(200)).body;
    expect(bobs.items.map((j: { jobId: string }) => j.jobId)).toEqual(made.bob);
  });

  it('refuses bad list parameters with 400 problem+json', async () => {
    for (const q of ['status=done', 'limit=0', 'limit=1000', 'offset=-3', 'page=2']) {
      const res = await get(`/api/jobs?${q}`, 'alice').expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('INVALID_QUERY');
    }
  });

  it('shows a job in detail to its key only, with deliveries and events link', async () => {
    const id = made.alice[1];
    const detail = (await get(`/api/jobs/${id}`, 'alice').expect(200)).body;
    expect(detail).toMatchObject({
      jobId: id,
      status: 'queued',
      stageProgress: 0,
      etaSeconds: null,
      callbackUrl: null,
      webhookDeliveries: [],
      editListUrls: [],
      eventsUrl: `/api/jobs/${id}/events`,
    });
    await get(`/api/jobs/${id}`, 'bob').expect(404);
    await get(`/api/jobs/${id}/events`, 'bob').expect(404);
    await get(`/api/jobs/${id}/clips/0/edit-list`, 'alice').expect(404);
    await get(`/api/jobs/${id}/clips/x/edit-list`, 'alice').expect(400);
  });

  it('streams progress as Server-Sent Events while the job runs, then its end', async () => {
    const id = made.alice[2];
    const base = stack.base;
    const seen: { name: string; data: Record<string, unknown> }[] = [];
    let step = 0;
    // Each event moves the job on, as a worker would: processing, further, then completed.
    const moves = [
      () =>
        jobs.update(id, {
          status: JobStatus.Processing,
          stage: PipelineStage.Transcribe,
          progress: 10,
          stageProgress: 11,
          etaAt: new Date(Date.now() + 90_000),
        }),
      () =>
        jobs.update(id, {
          stage: PipelineStage.Render,
          progress: 60,
          stageProgress: 5,
          etaAt: new Date(Date.now() + 20_000),
        }),
      () => jobs.markCompleted(id, { probe: 0.1 }),
    ];
    const result = await readEvents(
      `${base}/api/jobs/${id}/events`,
      stack.keys.alice,
      (name, data) => {
        seen.push({ name, data });
        void moves[step++]?.();
      },
    );
    expect(result.status).toBe(200);
    expect(result.type).toMatch(/^text\/event-stream/);
    expect(result.events).toEqual(['progress', 'progress', 'progress', 'completed']);
    expect(seen[1].data).toMatchObject({
      status: 'processing',
      stage: 'transcribe',
      stageProgress: 11,
      progress: 10,
    });
    expect(seen[1].data.etaSeconds).toBeGreaterThan(80);
    expect(seen[2].data).toMatchObject({ stage: 'render', progress: 60 });
    expect(seen[3].data).toMatchObject({ status: 'completed', progress: 100, etaSeconds: null });
  }, 30_000);

  it('answers a finished job with its final event at once', async () => {
    const started = Date.now();
    const result = await readEvents(
      `${stack.base}/api/jobs/${made.alice[0]}/events`,
      stack.keys.alice,
      () => undefined,
    );
    expect(result.events).toEqual(['failed']);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
