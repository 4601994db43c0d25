import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import request from 'supertest';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QueueName } from '@app/jobs';
import { publishBeat, withdrawBeat } from '@app/operations';
import { CloudWatchPublisher } from '../../apps/api/src/metrics/cloudwatch-publisher.service';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { TestEnv, useTestEnv } from '../support/test-env';

const METRICS_TOKEN = 'a-metrics-token-of-some-length';
const API_MAIN = path.resolve(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');
const { freePort } = require('../../scripts/lib/fault-cluster') as {
  freePort: () => Promise<number>;
};

/** Probes and metrics as an operator's Kubernetes and Prometheus see them (no worker runs here). */
describe('operations: health probes and metrics', () => {
  let env: TestEnv;
  let api: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

  const start = async (overrides: Record<string, string>) => {
    env = useTestEnv(overrides);
    api = await createApiApp(['error']);
    await api.init();
    http = api.getHttpServer();
  };
  const stop = async () => {
    await api?.close();
    env?.cleanup();
  };
  afterAll(() => redis.quit());

  describe('with a worker required for readiness', () => {
    beforeAll(() => start({ HEALTH_REQUIRE_WORKER: 'true', HEALTH_WORKER_MAX_AGE_SEC: '30' }));
    afterAll(stop);

    it('answers liveness from the process alone', async () => {
      const res = await request(http).get('/api/health/live').expect(200);
      expect(res.body).toEqual({ status: 'ok', uptimeSec: expect.any(Number) });
    });

    it('is not ready without a worker heartbeat, and ready once a worker beats', async () => {
      const down = await request(http).get('/api/health').expect(503);
      expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(down.body)).toMatch(/no worker heartbeat/);

      const beat = {
        workerId: 'test-host:1',
        host: 'test-host',
        pid: 1,
        version: '0.1.0',
        startedAt: new Date().toISOString(),
        beatAt: new Date().toISOString(),
        concurrency: 2,
        running: ['a-job'],
      };
      await publishBeat(redis, env.prefix, beat, 30);
      try {
        const up = await request(http).get('/api/health').expect(200);
        expect(up.body.details).toMatchObject({
          database: { status: 'up' },
          redis: { status: 'up' },
          storage: { status: 'up' },
          disk: { status: 'up', detail: expect.stringMatching(/MiB free/) },
          workers: { status: 'up', detail: expect.stringMatching(/1 alive .*1\/2 slots busy/) },
        });
        const text = (await request(http).get('/metrics').expect(200)).text;
        expect(text).toMatch(/^clipgen_workers_alive 1$/m);
        expect(text).toMatch(/^clipgen_workers_busy_ratio 0.5$/m);
      } finally {
        await withdrawBeat(redis, env.prefix, beat.workerId);
      }
    });
  });

  describe('metrics', () => {
    beforeAll(() => start({}));
    afterAll(stop);

    it('serves Prometheus text to a private address: HTTP latency by route, jobs, queues', async () => {
      await request(http).get('/api/health/live').expect(200);
      await request(http).get('/api/status/00000000-0000-4000-8000-000000000000').expect(404);
      const res = await request(http).get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toMatch(
        /^clipgen_http_request_duration_seconds_count\{method="GET",route="\/api\/health\/live",status="200"\} 1$/m,
      );
      expect(res.text).toMatch(/route="\/api\/status\/:jobId",status="404"/);
      expect(res.text).toMatch(/^clipgen_jobs\{status="queued"\} 0$/m);
      expect(res.text).toMatch(
        /^clipgen_queue_jobs\{queue="video-processing",state="waiting"\} 0$/m,
      );
      expect(res.text).toMatch(
        /^clipgen_queue_oldest_waiting_seconds\{queue="video-processing"\} 0$/m,
      );
      expect(res.text).toMatch(/^clipgen_api_process_resident_memory_bytes \d+/m);
      // Raw paths never become labels (one series per job id would grow without end).
      expect(res.text).not.toMatch(/00000000-0000/);
    });

    it('judges the socket address, not a forwarded header, without TRUST_PROXY', async () => {
      // A public client cannot claim a private address by sending the header.
      await request(http).get('/metrics').set('X-Forwarded-For', '8.8.8.8').expect(200);
    });
  });

  describe('metrics behind a token', () => {
    beforeAll(() => start({ METRICS_TOKEN }));
    afterAll(stop);

    it('wants the bearer token, even from a private address', async () => {
      const none = await request(http).get('/metrics').expect(403);
      expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(none.body.code).toBe('METRICS_FORBIDDEN');
      await request(http).get('/metrics').set('Authorization', 'Bearer wrong').expect(403);
      await request(http)
        .get('/metrics')
        .set('Authorization', `Bearer ${METRICS_TOKEN}`)
        .expect(200);
    });
  });

  describe('metrics from a public address behind a trusted proxy', () => {
    beforeAll(() => start({ TRUST_PROXY: 'loopback' }));
    afterAll(stop);

    it('refuses with 403 problem+json', async () => {
      const res = await request(http).get('/metrics').set('X-Forwarded-For', '8.8.8.8').expect(403);
      expect(res.body).toMatchObject({ code: 'METRICS_FORBIDDEN', status: 403 });
      await request(http).get('/metrics').set('X-Forwarded-For', '10.0.0.7').expect(200);
    });
  });

  describe('queue dashboard', () => {
    const ADMIN = 'an-admin-key-for-the-dashboard';
    beforeAll(() => start({ ADMIN_API_KEY: ADMIN }));
    afterAll(stop);

    it('asks for the admin key, then shows every queue', async () => {
      const none = await request(http).get('/admin/queues').expect(401);
      expect(none.headers['www-authenticate']).toMatch(/^Basic realm="clipgen admin"/);
      expect(none.body.code).toBe('ADMIN_AUTH_REQUIRED');
      await request(http).get('/admin/queues').auth('admin', 'wrong-key').expect(401);
      const page = await request(http).get('/admin/queues').auth('admin', ADMIN).expect(200);
      expect(page.headers['content-type']).toMatch(/html/);
      const api = await request(http)
        .get('/admin/queues/api/queues')
        .set('Authorization', `Bearer ${ADMIN}`)
        .expect(200);
      expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
        'clip-renders',
        'clip-requests',
        'video-processing',
        'webhooks',
      ]);
    });
  });

  describe('queue dashboard without an admin key', () => {
    beforeAll(() => start({}));
    afterAll(stop);

    it('does not exist', async () => {
      await request(http).get('/admin/queues').expect(404);
    });
  });

  describe('queue metrics for CloudWatch', () => {
    beforeAll(() => start({ CLOUDWATCH_METRICS_NAMESPACE: 'Clipgen/test' }));
    afterAll(stop);

    it('writes the backlog as an Embedded Metric Format line', async () => {
      const queue = api.get<Queue>(getQueueToken(QueueName.VideoProcessing));
      await queue.add('process-video', { jobId: 'waiting-one' }, { jobId: 'waiting-one' });
      await queue.add('process-video', { jobId: 'retrying' }, { jobId: 'retrying', delay: 60_000 });
      const lines: string[] = [];
      await api.get(CloudWatchPublisher).publish('Clipgen/test', (line) => void lines.push(line));
      expect(lines).toHaveLength(1);
      const record = JSON.parse(lines[0]);
      expect(record._aws.CloudWatchMetrics[0].Namespace).toBe('Clipgen/test');
      expect(record._aws.CloudWatchMetrics[0].Metrics).toContainEqual({
        Name: 'QueueDepth',
        Unit: 'Count',
      });
      expect(record).toMatchObject({ QueueDepth: 2, JobsFailed: 0, WorkersAlive: 0 });
      expect(record.QueueOldestWaitingSeconds).toBeGreaterThanOrEqual(0);
      await queue.obliterate({ force: true });
    });
  });

  describe('metrics turned off', () => {
    beforeAll(() => start({ METRICS_ENABLED: 'false' }));
    afterAll(stop);

    it('answers 404', async () => {
      await request(http).get('/metrics').expect(404);
    });
  });
});

/** The built API as operators run it: one JSON line per request, nothing secret in them. */
describe('operations: structured logs', () => {
  let env: TestEnv;
  let child: ChildProcess;
  let base: string;
  const lines: string[] = [];

  beforeAll(async () => {
    env = useTestEnv({});
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [API_MAIN], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ok = await fetch(`${base}/api/health/live`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`API did not start:\n${lines.join('\n')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGTERM');
    await new Promise((r) => child?.once('exit', r));
    env?.cleanup();
  });

  it('logs requests as JSON with a request id and the job id, credentials and link signatures hidden, probes not at all', async () => {
    const jobId = '00000000-0000-4000-8000-00000000abcd';
    await fetch(`${base}/api/health`);
    await fetch(`${base}/metrics`);
    const res = await fetch(`${base}/api/status/${jobId}`, {
      headers: { Authorization: 'Bearer cgk_secret_value', 'X-Request-Id': 'trace-42' },
    });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    await fetch(
      `${base}/api/download/clips/${jobId}/clip-01.mp4?expires=9999999999&signature=deadbeef`,
    );
    await new Promise((r) => setTimeout(r, 500));
    const records = lines.flatMap((l) => {
      try {
        return [JSON.parse(l)];
      } catch {
        return [];
      }
    });
    // Every line is JSON (start-up included).
    expect(records.length).toBe(lines.length);
    const requests = records.filter((r) => r.req);
    expect(requests.map((r) => r.req.url)).toEqual([
      `/api/status/${jobId}`,
      `/api/download/clips/${jobId}/clip-01.mp4?expires=9999999999&signature=[Redacted]`,
    ]);
    expect(requests[0]).toMatchObject({
      service: 'api',
      jobId,
      req: { id: 'trace-42', headers: { authorization: '[Redacted]' } },
      res: { statusCode: 404 },
      responseTime: expect.any(Number),
    });
    expect(lines.join('\n')).not.toMatch(/cgk_secret_value|deadbeef/);
    expect(records.some((r) => r.context === 'SelfCheck' && /database/.test(r.msg))).toBe(true);
  });
});
