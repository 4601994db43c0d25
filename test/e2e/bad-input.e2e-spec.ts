import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { resolveMediaBinaries } from '@app/media';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { makeHostileMedia } from '../support/hostile-media';
import { multipartHead, rawRequest, RawResponse } from '../support/raw-http';
import { TestEnv, useTestEnv } from '../support/test-env';

const VIDEO = 'video/lrs2_00016.mp4';
const UUID = '9b2f0c2e-1111-4222-8333-444455556666';
type Answer = { status: number; contentType: string; body: Record<string, unknown> };

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
    fs.readdirSync(path.join(env.dir, 'storage', 'jobs'), { withFileTypes: true }).length;

  beforeAll(async () => {
    env = useTestEnv({
      MAX_UPLOAD_BYTES: '3000000',
      UPLOAD_IDLE_TIMEOUT_SEC: '1',
      MAX_MEDIA_DURATION_SEC: '60',
    });
    fs.mkdirSync(path.join(env.dir, 'storage', 'jobs'), { recursive: true });
    media = await makeHostileMedia(resolveMediaBinaries().ffmpeg, env.dir);
    api = await createApiApp(['error']);
    await api.listen(0, '127.0.0.1');
    http = api.getHttpServer();
    port = (http.address() as AddressInfo).port;
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    env?.cleanup();
  });

  const fromSupertest = (res: request.Response): Answer => ({
    status: res.status,
    contentType: String(res.headers['content-type'] ?? ''),
    body: res.body as Record<string, unknown>,
  });
  const fromRaw = (res: RawResponse): Answer => ({
    status: res.status,
    contentType: res.headers['content-type'] ?? '',
    body: res.status ? res.json() : {},
  });
  const upload = (file: string | Buffer, name?: string, fields: Record<string, string> = {}) =>
    request(http).post('/api/upload-video').field(fields).attach('file', file, name);

  const sendMultipart = (body: string | Buffer) =>
    rawRequest(port, multipartHead('B', { 'Content-Length': String(Buffer.byteLength(body)) }), {
      parts: [body],
    });
  const part = (name: string, value: string, filename?: string) =>
    `--B\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${value}\r\n`;

  const cases: [string, number, string | RegExp, () => Promise<Answer>][] = [
    // The 115-byte request that used to kill the process: a file part that never closes.
    [
      'unterminated file part',
      400,
      'BAD_MULTIPART',
      async () =>
        fromRaw(
          await rawRequest(port, multipartHead('B', { 'Content-Length': '74' }), {
            parts: [
              '--B\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\n\r\nAAAA',
            ],
          }),
        ),
    ],
    [
      'unterminated part, connection half-closed',
      400,
      'BAD_MULTIPART',
      async () =>
        fromRaw(
          await rawRequest(port, multipartHead('B', { 'Transfer-Encoding': 'chunked' }), {
            parts: [
              '4C\r\n--B\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\n\r\nAAAAAA\r\n0\r\n\r\n',
            ],
          }),
        ),
    ],
    [
      'multipart without a boundary',
      400,
      'BAD_MULTIPART',
      async () =>
        fromSupertest(
          await request(http)
            .post('/api/upload-video')
            .set('Content-Type', 'multipart/form-data')
            .send('x'),
        ),
    ],
    [
      'a body that is not multipart',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      async () => fromSupertest(await request(http).post('/api/upload-video').send({ file: 'x' })),
    ],
    [
      'non-media bytes',
      422,
      'MEDIA_INVALID',
      async () => fromSupertest(await upload(Buffer.from('just notes, not a video'), 'talk.mp4')),
    ],
    [
      'an image',
      422,
      /^MEDIA_/,
      async () => fromSupertest(await upload(corpusPath('faces/skimage_astronaut.png'))),
    ],
    [
      'a truncated MP4',
      422,
      'MEDIA_INVALID',
      async () => fromSupertest(await upload(media.truncated, 'cut.mp4')),
    ],
    [
      'a corrupt MP4 header',
      422,
      /^MEDIA_/,
      async () => fromSupertest(await upload(media.corrupt)),
    ],
    [
      'a zero-length file',
      400,
      'MEDIA_EMPTY',
      async () => fromSupertest(await upload(Buffer.alloc(0), 'empty.mp4')),
    ],
    [
      'audio only',
      422,
      'MEDIA_NO_VIDEO',
      async () => fromSupertest(await upload(corpusPath('speech/jfk_openai.flac'))),
    ],
    [
      'video only',
      422,
      'MEDIA_NO_AUDIO',
      async () => fromSupertest(await upload(corpusPath('video/liveportrait_d13_vertical.mp4'))),
    ],
    [
      'an unknown codec',
      422,
      'MEDIA_CODEC_UNSUPPORTED',
      async () => fromSupertest(await upload(media.unknownCodec)),
    ],
    [
      'longer than MAX_MEDIA_DURATION_SEC',
      422,
      'MEDIA_TOO_LONG',
      async () => fromSupertest(await upload(media.long)),
    ],
    [
      'a 2×2 video',
      422,
      'MEDIA_RESOLUTION_UNSUPPORTED',
      async () => fromSupertest(await upload(media.tiny)),
    ],
    [
      '1000 fps',
      422,
      'MEDIA_FRAME_RATE_UNSUPPORTED',
      async () => fromSupertest(await upload(media.fast)),
    ],
    [
      '18 streams',
      422,
      'MEDIA_TOO_MANY_STREAMS',
      async () => fromSupertest(await upload(media.streams)),
    ],
    [
      'a huge maxClips',
      400,
      'INVALID_OPTIONS',
      async () => fromSupertest(await upload(corpusPath(VIDEO), undefined, { maxClips: '1e12' })),
    ],
    [
      'a negative minDuration',
      400,
      'INVALID_OPTIONS',
      async () => fromSupertest(await upload(corpusPath(VIDEO), undefined, { minDuration: '-5' })),
    ],
    [
      'NaN and Infinity',
      400,
      'INVALID_OPTIONS',
      async () =>
        fromSupertest(
          await upload(corpusPath(VIDEO), undefined, {
            minDuration: 'NaN',
            maxDuration: 'Infinity',
          }),
        ),
    ],
    [
      'an unknown field',
      400,
      'INVALID_OPTIONS',
      async () =>
        fromSupertest(await upload(corpusPath(VIDEO), undefined, { webhook: 'http://x' })),
    ],
    [
      'a language Whisper does not know',
      400,
      'INVALID_OPTIONS',
      async () => fromSupertest(await upload(corpusPath(VIDEO), undefined, { language: 'zzz' })),
    ],
    [
      'an option given twice',
      400,
      'INVALID_OPTIONS',
      async () =>
        fromRaw(
          await sendMultipart(
            part('maxClips', '2') +
              part('maxClips', '3') +
              part('file', 'xx', 'a.mp4') +
              '--B--\r\n',
          ),
        ),
    ],
    [
      'two file fields',
      400,
      'TOO_MANY_FILES',
      async () =>
        fromRaw(
          await sendMultipart(
            part('file', 'x'.repeat(1000), 'a.mp4') +
              part('file', 'y'.repeat(1000), 'b.mp4') +
              '--B--\r\n',
          ),
        ),
    ],
    [
      'the file under another name',
      400,
      'UNEXPECTED_FILE_FIELD',
      async () =>
        fromSupertest(
          await request(http).post('/api/upload-video').attach('video', corpusPath(VIDEO)),
        ),
    ],
    [
      'bad options sent before the file: answered before the body ends',
      400,
      'INVALID_OPTIONS',
      async () =>
        fromRaw(
          await rawRequest(port, multipartHead('B', { 'Content-Length': String(2_000_000) }), {
            parts: [
              part('maxClips', '99') +
                '--B\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\n\r\n',
              'x'.repeat(1000),
            ],
          }),
        ),
    ],
    [
      'Content-Length over the limit: 413 before any byte of body',
      413,
      'UPLOAD_TOO_LARGE',
      async () =>
        fromRaw(await rawRequest(port, multipartHead('B', { 'Content-Length': String(10 ** 10) }))),
    ],
    [
      'a streamed body over the limit',
      413,
      'UPLOAD_TOO_LARGE',
      async () =>
        fromSupertest(await upload(corpusPath('video/remotion_tiktok_sample_vertical.mp4'))),
    ],
    [
      'oversized headers',
      431,
      'HEADERS_TOO_LARGE',
      async () =>
        fromRaw(
          await rawRequest(
            port,
            `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
          ),
        ),
    ],
    [
      'broken HTTP',
      400,
      'MALFORMED_REQUEST',
      async () => fromRaw(await rawRequest(port, 'HELLO /\r\n\r\n')),
    ],
    [
      'a slow drip: the upload stops sending',
      408,
      'UPLOAD_TIMEOUT',
      async () =>
        fromRaw(
          await rawRequest(port, multipartHead('B', { 'Content-Length': '100000' }), {
            parts: [
              '--B\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\n\r\n',
              'AAAA',
              400,
              'AAAA',
            ],
          }),
        ),
    ],
    [
      'traversal in the status path',
      400,
      'INVALID_JOB_ID',
      async () => fromSupertest(await request(http).get('/api/status/..%2F..%2Fetc%2Fpasswd')),
    ],
    [
      'encoded traversal in the cancel path',
      400,
      'INVALID_JOB_ID',
      async () =>
        fromSupertest(await request(http).delete('/api/jobs/%2e%2e%2f%2e%2e%2fpackage.json')),
    ],
    [
      'traversal in a clip name',
      404,
      'NOT_FOUND',
      async () =>
        fromSupertest(
          await request(http).get(`/api/download/clips/${UUID}/..%2F..%2Fpackage.json`),
        ),
    ],
    [
      'encoded traversal in a caption name',
      404,
      'NOT_FOUND',
      async () =>
        fromSupertest(
          await request(http).get(`/api/download/captions/${UUID}/%2e%2e%2fclipgen.db`),
        ),
    ],
    [
      'traversal in the download job id',
      400,
      'INVALID_JOB_ID',
      async () =>
        fromSupertest(await request(http).get('/api/download/clips/..%2F..%2F/clip-01.mp4')),
    ],
    [
      'SQL metacharacters in a job id',
      400,
      'INVALID_JOB_ID',
      async () =>
        fromSupertest(await request(http).get(`/api/status/${encodeURIComponent("1' OR '1'='1")}`)),
    ],
    [
      'SQL metacharacters in a file name',
      404,
      'NOT_FOUND',
      async () =>
        fromSupertest(
          await request(http).get(
            `/api/download/captions/${UUID}/${encodeURIComponent("x'; DROP TABLE jobs;--")}`,
          ),
        ),
    ],
    [
      'a non-UTF-8 file name on junk bytes',
      422,
      'MEDIA_INVALID',
      async () =>
        fromRaw(
          await sendMultipart(
            Buffer.concat([
              Buffer.from('--B\r\nContent-Disposition: form-data; name="file"; filename="'),
              Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
              Buffer.from('.mp4"\r\n\r\nnot a video\r\n--B--\r\n'),
            ]),
          ),
        ),
    ],
    [
      'cancelling an unknown job',
      404,
      'NOT_FOUND',
      async () => fromSupertest(await request(http).delete(`/api/jobs/${UUID}`)),
    ],
    [
      'an unknown route',
      404,
      'NOT_FOUND',
      async () => fromSupertest(await request(http).get('/api/nope')),
    ],
  ];

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
    const res = await upload(corpusPath(VIDEO), 'ok.mp4', { maxClips: '1' }).expect(202);
    const status = await request(http).get(res.body.statusUrl).expect(200);
    expect(status.body).toMatchObject({ status: 'queued', sourceFilename: 'ok.mp4' });
    // Cancelling it (no worker runs here) stops it and deletes its files; the row says so.
    const cancelled = await request(http).delete(`/api/jobs/${res.body.jobId}`).expect(202);
    expect(cancelled.body).toEqual({ jobId: res.body.jobId, status: 'cancelled' });
    expect(fs.readdirSync(path.join(env.dir, 'storage', 'jobs'))).not.toContain(res.body.jobId);
    expect((await request(http).get(res.body.statusUrl)).body).toMatchObject({
      status: 'cancelled',
      error: { code: 'CANCELLED' },
    });
  });
});
