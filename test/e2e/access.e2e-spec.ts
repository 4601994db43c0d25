import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { LinkSigner } from '@app/access';
import { ArtifactKind, ClipRepository } from '@app/persistence';
import { StorageDriver } from '@app/storage';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { multipartHead, rawRequest } from '../support/raw-http';
import { KeyedApi, startKeyedApi } from '../support/keyed-api';
import { TestEnv } from '../support/test-env';

const VIDEO = 'video/lrs2_00016.mp4';
const CLI = path.resolve(__dirname, '..', '..', 'bin', 'clipgen.js');
const ALLOWED_ORIGIN = 'https://app.example.com';
const run = promisify(execFile);

/** The built CLI against this suite's database (what an operator runs). */
const clipgen = (...args: string[]) =>
  run(process.execPath, [CLI, ...args], { env: process.env, timeout: 60_000 });

/** Keys, ownership, signed links, CORS, security headers and idempotent uploads, over HTTP. */
describeWithCorpus('access: API keys, ownership, signed links, CORS, idempotency', () => {
  let stack: KeyedApi;
  let env: TestEnv;
  let api: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let alice: string;
  let bob: string;

  const upload = (key: string, fields: Record<string, string> = { maxClips: '1' }) =>
    request(http)
      .post('/api/upload-video')
      .set('Authorization', `Bearer ${key}`)
      .field(fields)
      .attach('file', corpusPath(VIDEO), 'talk.mp4');

  beforeAll(async () => {
    stack = await startKeyedApi({ CORS_ORIGINS: ALLOWED_ORIGIN }, ['alice', 'bob']);
    ({ env, api } = stack);
    ({ alice, bob } = stack.keys);
    http = api.getHttpServer();
  }, 60_000);

  afterAll(() => stack?.close());

  it('keeps health probes and the API docs public', async () => {
    await request(http).get('/api/health').expect(200);
    await request(http).get('/docs-json').expect(200);
    await request(http).get('/docs').expect(200);
  });

  it('refuses requests without a key, or with an unknown one, with 401 problem+json', async () => {
    const none = await request(http).get(`/api/status/${randomUUID()}`).expect(401);
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.body.code).toBe('AUTH_REQUIRED');
    const bad = await request(http)
      .get(`/api/status/${randomUUID()}`)
      .set('X-API-Key', 'cgk_AAAAAAAA_' + 'A'.repeat(32))
      .expect(401);
    expect(bad.body.code).toBe('AUTH_INVALID');
  });

  it('answers an upload without a key before reading its body', async () => {
    const port = (http.address() as AddressInfo).port;
    const answer = await rawRequest(port, multipartHead('B', { 'Content-Length': '100000000' }), {
      parts: ['--B\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\n\r\n'],
    });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).code).toBe('AUTH_REQUIRED');
    expect(fs.readdirSync(path.join(env.dir, 'work', 'uploads'))).toEqual([]);
  });

  it('runs the key lifecycle from the CLI: create, use, list, revoke', async () => {
    const created = await clipgen('keys', 'create', '--name', 'ci robot');
    const key = created.stdout.trim();
    expect(key).toMatch(/^cgk_/);
    const accepted = await upload(key).expect(202);
    await request(http).get(accepted.body.statusUrl).set('X-API-Key', key).expect(200);
    const listed = JSON.parse((await clipgen('keys', 'list', '--json')).stdout);
    const row = listed.find((k: { name: string }) => k.name === 'ci robot');
    expect(row).toMatchObject({ prefix: key.slice(0, 12), revokedAt: null });
    expect(row.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(key.slice(12)); // only hashes are kept
    await clipgen('keys', 'revoke', row.id.slice(0, 8));
    const refused = await request(http).get(accepted.body.statusUrl).set('X-API-Key', key);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('AUTH_INVALID');
  }, 120_000);

  it("answers 404 for another key's job on every route, as for one that does not exist", async () => {
    const { jobId } = (await upload(alice).expect(202)).body;
    const asBob = (req: request.Test) => req.set('Authorization', `Bearer ${bob}`);
    for (const [route, req] of [
      ['status', request(http).get(`/api/status/${jobId}`)],
      ['delete', request(http).delete(`/api/jobs/${jobId}`)],
      ['clip', request(http).post(`/api/jobs/${jobId}/clips`).send({ query: 'hello' })],
      ['request', request(http).get(`/api/jobs/${jobId}/clips/requests/${randomUUID()}`)],
      ['download', request(http).get(`/api/download/clips/${jobId}/clip-01.mp4`)],
    ] as const) {
      const res = await asBob(req);
      expect({ route, status: res.status }).toEqual({ route, status: 404 });
      expect(res.body.detail).not.toMatch(/another key|owner/i);
    }
    await request(http)
      .get(`/api/status/${jobId}`)
      .set('Authorization', `Bearer ${alice}`)
      .expect(200);
  });

  it('hands out signed download links that work without a key until they expire', async () => {
    const { jobId } = (await upload(alice).expect(202)).body;
    const bytes = Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n');
    const storageKey = `jobs/${jobId}/clips/clip-01.vtt`;
    await api.get(StorageDriver).put(storageKey, bytes, 'text/vtt');
    await api.get(ClipRepository).saveArtifact({
      id: randomUUID(),
      jobId,
      kind: ArtifactKind.Transcript,
      filename: 'transcript.vtt',
      storageKey,
      contentType: 'text/vtt',
      sizeBytes: bytes.length,
    });
    const status = await request(http).get(`/api/status/${jobId}`).set('X-API-Key', alice);
    const url: string = status.body.transcript.vtt;
    expect(url).toMatch(/^\/api\/download\/captions\/.+\/transcript\.vtt\?expires=\d+&signature=/);
    expect(Date.parse(status.body.linksExpireAt)).toBeGreaterThan(Date.now() + 30 * 60_000);

    const shared = await request(http).get(url).expect(200); // no key: the link is the credential
    expect(shared.text).toBe(bytes.toString());
    const plain = url.split('?')[0];
    expect((await request(http).get(plain)).status).toBe(401);

    const tampered = url.replace(/signature=(.)/, (_m, c) => `signature=${c === 'A' ? 'B' : 'A'}`);
    expect((await request(http).get(tampered)).body.code).toBe('LINK_INVALID');
    const longer = url.replace(/expires=(\d+)/, (_m, e) => `expires=${Number(e) + 3600}`);
    expect((await request(http).get(longer)).status).toBe(403);
    const otherFile = url.replace('transcript.vtt', 'transcript.json');
    expect((await request(http).get(otherFile)).body.code).toBe('LINK_INVALID');

    const expired = api.get(LinkSigner).sign(plain, Math.floor(Date.now() / 1000) - 1);
    const gone = await request(http).get(expired).expect(403);
    expect(gone.body.code).toBe('LINK_EXPIRED');
    expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers CORS preflights from listed origins and refuses others', async () => {
    const allowed = await request(http)
      .options('/api/upload-video')
      .set('Origin', ALLOWED_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,idempotency-key')
      .expect(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization/);
    expect(allowed.headers['access-control-allow-headers']).toMatch(/Idempotency-Key/);

    const denied = await request(http)
      .options('/api/upload-video')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST')
      .expect(403);
    expect(denied.body.code).toBe('CORS_ORIGIN_DENIED');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();

    const simple = await request(http).get('/api/health').set('Origin', 'https://evil.example');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const listed = await request(http).get('/api/health').set('Origin', ALLOWED_ORIGIN);
    expect(listed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
  });

  it('sends security headers and nothing about the server', async () => {
    const res = await request(http).get(`/api/status/${randomUUID()}`).set('X-API-Key', alice);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('makes one job per Idempotency-Key: the same body replays it, another body is 422', async () => {
    const key = randomUUID();
    const jobsDir = path.join(env.dir, 'storage', 'uploads');
    const before = fs.readdirSync(jobsDir).length;
    const first = await upload(alice).set('Idempotency-Key', key).expect(202);
    const again = await upload(alice).set('Idempotency-Key', key).expect(202);
    expect(again.body.jobId).toBe(first.body.jobId);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(fs.readdirSync(jobsDir).length).toBe(before + 1);

    const changed = await upload(alice, { maxClips: '2' }).set('Idempotency-Key', key).expect(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Keys are per API key: Bob's request with the same Idempotency-Key is his own job.
    const bobs = await upload(bob).set('Idempotency-Key', key).expect(202);
    expect(bobs.body.jobId).not.toBe(first.body.jobId);
    const malformed = await upload(alice).set('Idempotency-Key', 'has spaces in it').expect(400);
    expect(malformed.body.code).toBe('INVALID_IDEMPOTENCY_KEY');
    expect(fs.readdirSync(path.join(env.dir, 'work', 'uploads'))).toEqual([]);
  });
});
