import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { corpusPath } from '../support/corpus';
import type { makeHostileMedia } from '../support/hostile-media';
import { multipartHead, rawRequest, RawResponse } from '../support/raw-http';

const VIDEO = 'video/lrs2_00016.mp4';
const UUID = '9b2f0c2e-1111-4222-8333-444455556666';
export type Answer = { status: number; contentType: string; body: Record<string, unknown> };
export type BadInputCase = [string, number, string | RegExp, () => Promise<Answer>];

export interface BadInputContext {
  http: ReturnType<INestApplication['getHttpServer']>;
  port: number;
  media: Awaited<ReturnType<typeof makeHostileMedia>>;
}

/**
 * The bad-input corpus: [name, expected status, expected code, how to send it]. `ctx` is filled
 * in once the API runs; a case reads it only when it is sent.
 */
export function badInputCases(ctx: BadInputContext): BadInputCase[] {
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
    request(ctx.http).post('/api/upload-video').field(fields).attach('file', file, name);

  const sendMultipart = (body: string | Buffer) =>
    rawRequest(
      ctx.port,
      multipartHead('B', { 'Content-Length': String(Buffer.byteLength(body)) }),
      {
        parts: [body],
      },
    );
  const part = (name: string, value: string, filename?: string) =>
    `--B\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${value}\r\n`;

  return [
    // The 115-byte request that used to kill the process: a file part that never closes.
    [
      'unterminated file part',
      400,
      'BAD_MULTIPART',
      async () =>
        fromRaw(
          await rawRequest(ctx.port, multipartHead('B', { 'Content-Length': '74' }), {
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
          await rawRequest(ctx.port, multipartHead('B', { 'Transfer-Encoding': 'chunked' }), {
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
          await request(ctx.http)
            .post('/api/upload-video')
            .set('Content-Type', 'multipart/form-data')
            .send('x'),
        ),
    ],
    [
      'a body that is not multipart',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      async () =>
        fromSupertest(await request(ctx.http).post('/api/upload-video').send({ file: 'x' })),
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
      async () => fromSupertest(await upload(ctx.media.truncated, 'cut.mp4')),
    ],
    [
      'a corrupt MP4 header',
      422,
      /^MEDIA_/,
      async () => fromSupertest(await upload(ctx.media.corrupt)),
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
      async () => fromSupertest(await upload(ctx.media.unknownCodec)),
    ],
    [
      'longer than MAX_MEDIA_DURATION_SEC',
      422,
      'MEDIA_TOO_LONG',
      async () => fromSupertest(await upload(ctx.media.long)),
    ],
    [
      'a 2×2 video',
      422,
      'MEDIA_RESOLUTION_UNSUPPORTED',
      async () => fromSupertest(await upload(ctx.media.tiny)),
    ],
    [
      '1000 fps',
      422,
      'MEDIA_FRAME_RATE_UNSUPPORTED',
      async () => fromSupertest(await upload(ctx.media.fast)),
    ],
    [
      '18 streams',
      422,
      'MEDIA_TOO_MANY_STREAMS',
      async () => fromSupertest(await upload(ctx.media.streams)),
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
          await request(ctx.http).post('/api/upload-video').attach('video', corpusPath(VIDEO)),
        ),
    ],
    [
      'bad options sent before the file: answered before the body ends',
      400,
      'INVALID_OPTIONS',
      async () =>
        fromRaw(
          await rawRequest(ctx.port, multipartHead('B', { 'Content-Length': String(2_000_000) }), {
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
        fromRaw(
          await rawRequest(ctx.port, multipartHead('B', { 'Content-Length': String(10 ** 10) })),
        ),
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
            ctx.port,
            `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
          ),
        ),
    ],
    [
      'broken HTTP',
      400,
      'MALFORMED_REQUEST',
      async () => fromRaw(await rawRequest(ctx.port, 'HELLO /\r\n\r\n')),
    ],
    [
      'a slow drip: the upload stops sending',
      408,
      'UPLOAD_TIMEOUT',
      async () =>
        fromRaw(
          await rawRequest(ctx.port, multipartHead('B', { 'Content-Length': '100000' }), {
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
      async () => fromSupertest(await request(ctx.http).get('/api/status/..%2F..%2Fetc%2Fpasswd')),
    ],
    [
      'encoded traversal in the cancel path',
      400,
      'INVALID_JOB_ID',
      async () =>
        fromSupertest(await request(ctx.http).delete('/api/jobs/%2e%2e%2f%2e%2e%2fpackage.json')),
    ],
    [
      'traversal in a clip name',
      404,
      'NOT_FOUND',
      async () =>
        fromSupertest(
          await request(ctx.http).get(`/api/download/clips/${UUID}/..%2F..%2Fpackage.json`),
        ),
    ],
    [
      'encoded traversal in a caption name',
      404,
      'NOT_FOUND',
      async () =>
        fromSupertest(
          await request(ctx.http).get(`/api/download/captions/${UUID}/%2e%2e%2fclipgen.db`),
        ),
    ],
    [
      'traversal in the download job id',
      400,
      'INVALID_JOB_ID',
      async () =>
        fromSupertest(await request(ctx.http).get('/api/download/clips/..%2F..%2F/clip-01.mp4')),
    ],
    [
      'SQL metacharacters in a job id',
      400,
      'INVALID_JOB_ID',
      async () =>
        fromSupertest(
          await request(ctx.http).get(`/api/status/${encodeURIComponent("1' OR '1'='1")}`),
        ),
    ],
    [
      'SQL metacharacters in a file name',
      404,
      'NOT_FOUND',
      async () =>
        fromSupertest(
          await request(ctx.http).get(
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
      async () => fromSupertest(await request(ctx.http).delete(`/api/jobs/${UUID}`)),
    ],
    [
      'an unknown route',
      404,
      'NOT_FOUND',
      async () => fromSupertest(await request(ctx.http).get('/api/nope')),
    ],
  ];
}
