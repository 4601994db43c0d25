import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ClipgenConfigModule } from '@app/config';
import { DEFAULT_CLIP_OPTIONS, QueueModule } from '@app/jobs';
import { JobRepository, PersistenceModule } from '@app/persistence';
import { verifySignature, WebhookDispatch, WebhooksModule } from '@app/webhooks';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { WebhookProcessor } from '../../apps/worker/src/webhooks/webhook.processor';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { TestEnv, useTestEnv } from '../support/test-env';

const SECRET = 'whsec-for-the-tests-0123456789';
const VIDEO = 'video/lrs2_00016.mp4';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver that answers each delivery with the next status in `answers`, then 200. */
async function startReceiver(answers: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answers.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/clipgen`;
  return { url, received, close: () => new Promise((r) => server.close(r)) };
}

const until = async (check: () => boolean | Promise<boolean>, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Completion callbacks: signed, retried with backoff, recorded on the job, never to inside. */
describeWithCorpus('webhooks', () => {
  let env: TestEnv;
  let api: INestApplication;
  let worker: INestApplicationContext;
  let jobs: JobRepository;

  beforeAll(async () => {
    env = useTestEnv({
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_BACKOFF_SEC: '0.2',
      WEBHOOK_MAX_ATTEMPTS: '3',
    });
    api = await createApiApp(['error']);
    await api.init();
    // The worker's delivery side alone: the callbacks do not need a video to be processed.
    worker = await Test.createTestingModule({
      imports: [ClipgenConfigModule, QueueModule, PersistenceModule, WebhooksModule],
      providers: [WebhookProcessor],
    }).compile();
    await worker.init();
    jobs = api.get(JobRepository);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    env?.cleanup();
  });

  const makeJob = async (callbackUrl: string) => {
    const id = randomUUID();
    await jobs.create({
      id,
      sourceKey: `jobs/${id}/source.mp4`,
      sourceFilename: 'talk.mp4',
      sourceMetadata: {
        durationSec: 30,
        width: 640,
        height: 360,
        fps: 25,
        videoCodec: 'h264',
        audioCodec: 'aac',
        sizeBytes: 1,
        formatName: 'mp4',
      },
      options: DEFAULT_CLIP_OPTIONS,
      callbackUrl,
    });
    return id;
  };

  it('signs the callback, retries a failed delivery with backoff and records every attempt', async () => {
    const receiver = await startReceiver([500]);
    try {
      const id = await makeJob(receiver.url);
      await jobs.markCompleted(id, { probe: 0.1 });
      await api.get(WebhookDispatch).notify(id, 'job.completed');
      // Asked twice (worker and API may both say it): still one delivery.
      await api.get(WebhookDispatch).notify(id, 'job.completed');
      await until(() => receiver.received.length >= 2);
      await new Promise((r) => setTimeout(r, 800));
      expect(receiver.received).toHaveLength(2);
      const [first, second] = receiver.received;
      expect(second.headers).toMatchObject({
        'content-type': 'application/json',
        'x-clipgen-event': 'job.completed',
        'x-clipgen-attempt': '2',
        'user-agent': expect.stringMatching(/^clipgen\//),
      });
      expect(first.headers['x-clipgen-delivery']).not.toEqual(second.headers['x-clipgen-delivery']);
      const signature = String(second.headers['x-clipgen-signature']);
      expect(verifySignature(SECRET, second.body, signature)).toBe(true);
      expect(verifySignature(SECRET, second.body.replace('talk', 'tampered'), signature)).toBe(
        false,
      );
      expect(JSON.parse(second.body)).toMatchObject({
        event: 'job.completed',
        job: {
          jobId: id,
          status: 'completed',
          sourceFilename: 'talk.mp4',
          statusUrl: `/api/status/${id}`,
        },
      });
      await until(async () => ((await jobs.findById(id))?.webhookDeliveries?.length ?? 0) >= 2);
      const detail = (await request(api.getHttpServer()).get(`/api/jobs/${id}`).expect(200)).body;
      expect(detail.callbackUrl).toBe(receiver.url);
      expect(detail.webhookDeliveries).toEqual([
        expect.objectContaining({ attempt: 1, statusCode: 500, ok: false, error: 'answered 500' }),
        expect.objectContaining({ attempt: 2, statusCode: 200, ok: true, error: null }),
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('gives up after the last attempt, each one recorded', async () => {
    const receiver = await startReceiver([503, 503, 503, 503]);
    try {
      const id = await makeJob(receiver.url);
      await jobs.markFailed(id, 'ASR_FAILED', 'whisper failed');
      await api.get(WebhookDispatch).notify(id, 'job.failed');
      await until(async () => ((await jobs.findById(id))?.webhookDeliveries?.length ?? 0) >= 3);
      await new Promise((r) => setTimeout(r, 1500));
      const deliveries = (await jobs.findById(id))!.webhookDeliveries!;
      expect(deliveries.map((d) => [d.attempt, d.statusCode, d.event])).toEqual([
        [1, 503, 'job.failed'],
        [2, 503, 'job.failed'],
        [3, 503, 'job.failed'],
      ]);
      expect(JSON.parse(receiver.received[0].body).job.error).toEqual({ code: 'ASR_FAILED' });
    } finally {
      await receiver.close();
    }
  });

  it('says when a waiting job is cancelled', async () => {
    const receiver = await startReceiver([]);
    try {
      const id = await makeJob(receiver.url);
      await request(api.getHttpServer()).delete(`/api/jobs/${id}`).expect(202);
      await until(() => receiver.received.length >= 1);
      expect(JSON.parse(receiver.received[0].body)).toMatchObject({
        event: 'job.cancelled',
        job: { jobId: id, status: 'cancelled' },
      });
    } finally {
      await receiver.close();
    }
  });

  it('refuses callback URLs that are not http(s), carry credentials, or point inside', async () => {
    const upload = (callbackUrl: string) =>
      request(api.getHttpServer())
        .post('/api/upload-video')
        .field({ callbackUrl })
        .attach('file', corpusPath(VIDEO));
    for (const bad of ['ftp://example.com/x', 'https://u:p@example.com/', 'nonsense']) {
      const res = await upload(bad).expect(400);
      expect(res.body.code).toBe('INVALID_CALLBACK_URL');
    }
  });
});

describeWithCorpus('webhooks without a secret or with private addresses refused', () => {
  let env: TestEnv;
  let api: INestApplication;

  afterEach(async () => {
    await api?.close();
    env?.cleanup();
  });

  const uploadWith = async (overrides: Record<string, string>, callbackUrl: string) => {
    env = useTestEnv(overrides);
    api = await createApiApp(['error']);
    await api.init();
    return request(api.getHttpServer())
      .post('/api/upload-video')
      .field({ callbackUrl })
      .attach('file', corpusPath(VIDEO))
      .expect(400);
  };

  it('refuses callbacks the server cannot sign', async () => {
    const res = await uploadWith({}, 'https://hooks.example.com/x');
    expect(res.body.code).toBe('CALLBACKS_NOT_CONFIGURED');
  });

  it.each([
    'http://127.0.0.1:9/x',
    'http://169.254.169.254/latest/meta-data',
    'http://localhost/x',
  ])('refuses %s (SSRF) by default', async (url) => {
    const res = await uploadWith({ WEBHOOK_SECRET: SECRET }, url);
    expect(res.body).toMatchObject({ code: 'INVALID_CALLBACK_URL', status: 400 });
  });
});
