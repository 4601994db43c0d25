import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { resolveMediaBinaries } from '@app/media';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { makeHostileMedia } from '../support/hostile-media';
import { multipartHead, rawRequest } from '../support/raw-http';
import { BadInputContext, badInputCases } from './bad-input.cases';
import { TestEnv, useTestEnv } from '../support/test-env';

const VIDEO = 'video/lrs2_00016.mp4';

/**
 * The bad-input corpus: hostile, broken and absurd requests. Each must get a 4xx
 * application/problem+json with a stable code, leave no file behind, and leave the API healthy.
 */
describeWithCorpus('bad input: every hostile request gets a 4xx problem+json', () => {
  let env: TestEnv;
  let api: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let port: number;
  let media: Awaited<ReturnType<typeof makeHostileMedia>>;
  const uploadsDir = () => path.join(env.dir, 'work', 'uploads');
  const storedJobs = () =>
    fs.readdirSync(path.join(env.dir, 'storage', 'uploads'), { withFileTypes: true }).length;

  beforeAll(async () => {
    env = useTestEnv({
      MAX_UPLOAD_BYTES: '3000000',
      UPLOAD_IDLE_TIMEOUT_SEC: '1',
      MAX_MEDIA_DURATION_SEC: '60',
    });
    fs.mkdirSync(path.join(env.dir, 'storage', 'uploads'), { recursive: true });
    media = await makeHostileMedia(resolveMediaBinaries().ffmpeg, env.dir);
    api = await createApiApp(['error']);
    await api.listen(0, '127.0.0.1');
    http = api.getHttpServer();
    port = (http.address() as AddressInfo).port;
    Object.assign(ctx, { http, port, media });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    env?.cleanup();
  });

  const ctx = {} as BadInputContext;
  const cases = badInputCases(ctx);

  it.each(cases)(
    '%s → %i %s',
    async (_name, status, code, send) => {
      const jobsBefore = storedJobs();
      const answer = await send();
      expect(answer.status).toBe(status);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({
        status,
        title: expect.any(String),
        detail: expect.any(String),
      });
      expect(answer.body.code).toEqual(
        typeof code === 'string' ? code : expect.stringMatching(code),
      );
      // No internals in any answer: no stack frames, no server paths, no engine output.
      const said = JSON.stringify(answer.body);
      expect(said).not.toMatch(/\bat \S+ \(|\.(ts|js):\d+|node_modules|ffprobe version|Stream #0/);
      expect(said).not.toContain(env.dir);
      // Nothing left behind: no half-written upload, no stored object.
      for (let i = 0; i < 20 && fs.readdirSync(uploadsDir()).length; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(fs.readdirSync(uploadsDir())).toEqual([]);
      expect(storedJobs()).toBe(jobsBefore);
    },
    20_000,
  );

  it('a client that vanishes mid-upload leaves no file behind', async () => {
    const res = await rawRequest(port, multipartHead('B', { 'Content-Length': '100000' }), {
      parts: [
        '--B\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\n\r\n',
        'A'.repeat(5000),
        100,
      ],
      abort: true,
    });
    expect(res.status).toBe(0);
    for (let i = 0; i < 20 && fs.readdirSync(uploadsDir()).length; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(fs.readdirSync(uploadsDir())).toEqual([]);
  });

  it('is still healthy and still takes a good upload afterwards', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    await request(http).get('/api/health').expect(200);
    const res = await request(http)
      .post('/api/upload-video')
      .field({ maxClips: '1' })
      .attach('file', corpusPath(VIDEO), 'ok.mp4')
      .expect(202);
    const status = await request(http).get(res.body.statusUrl).expect(200);
    expect(status.body).toMatchObject({ status: 'queued', sourceFilename: 'ok.mp4' });
    // Cancelling it (no worker runs here) stops it and deletes its files; the row says so.
    const cancelled = await request(http).delete(`/api/jobs/${res.body.jobId}`).expect(202);
    expect(cancelled.body).toEqual({ jobId: res.body.jobId, status: 'cancelled' });
    expect(fs.readdirSync(path.join(env.dir, 'storage', 'uploads'))).not.toContain(res.body.jobId);
    expect((await request(http).get(res.body.statusUrl)).body).toMatchObject({
      status: 'cancelled',
      error: { code: 'CANCELLED' },
    });
  });
});
