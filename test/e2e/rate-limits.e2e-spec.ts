import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ApiKeyService } from '@app/access';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { TestEnv, useTestEnv } from '../support/test-env';

const READS = 6;
const UPLOADS = 2;

/** Two API instances sharing one Redis and one database, as replicas behind a load balancer. */
describe('rate limits per key, held across API replicas', () => {
  let env: TestEnv;
  let one: INestApplication;
  let two: INestApplication;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    env = useTestEnv({
      AUTH_DISABLED: 'false',
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_READS: String(READS),
      RATE_LIMIT_UPLOADS: String(UPLOADS),
      RATE_LIMIT_WINDOW_SEC: '60',
    });
    one = await createApiApp(['error']);
    two = await createApiApp(['error']);
    await Promise.all([one.init(), two.init()]);
    alice = (await one.get(ApiKeyService).create('alice')).key;
    bob = (await one.get(ApiKeyService).create('bob')).key;
  }, 60_000);

  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
    env?.cleanup();
  });

  const status = (app: INestApplication, key: string) =>
    request(app.getHttpServer()).get(`/api/status/${randomUUID()}`).set('X-API-Key', key);

  it('counts reads of one key on both replicas together, then answers 429 with Retry-After', async () => {
    const answers: number[] = [];
    for (let i = 0; i < READS; i++) answers.push((await status(i % 2 ? two : one, alice)).status);
    expect(answers).toEqual(Array(READS).fill(404)); // within the limit: the normal answer
    for (const app of [one, two]) {
      const limited = await status(app, alice);
      expect(limited.status).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', status: 429, limit: READS });
    }
    // Another key has its own budget; health probes are never limited.
    expect((await status(two, bob)).status).toBe(404);
    for (let i = 0; i < 3; i++) await request(one.getHttpServer()).get('/api/health').expect(200);
  });

  it('limits uploads more strictly than reads, on their own counter', async () => {
    const post = (app: INestApplication) =>
      request(app.getHttpServer())
        .post('/api/upload-video')
        .set('Authorization', `Bearer ${bob}`)
        .field({ maxClips: '1' })
        .attach('file', Buffer.from('not a video'), 'x.mp4');
    const answers = [];
    for (let i = 0; i < UPLOADS + 1; i++) answers.push((await post(i % 2 ? two : one)).status);
    // Counted even when refused for their content: a client cannot probe for free.
    expect(answers).toEqual([422, 422, 429]);
    expect((await status(one, bob)).status).toBe(404); // reads still have room
  });
});
