import * as fs from 'node:fs';
import * as path from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import * as tus from 'tus-js-client';
import { TusUploads } from '../../apps/api/src/resumable/tus-uploads';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { KeyedApi, startKeyedApi } from '../support/keyed-api';
import { TestEnv } from '../support/test-env';

const VIDEO = 'video/lrs2_00016.mp4';

interface Finished {
  jobId: string | null;
}

/** The tus endpoint with a real tus client: cut, resumed, finished into a job; owned; expiring. */
describeWithCorpus('resumable uploads (tus)', () => {
  let stack: KeyedApi;
  let env: TestEnv;
  let api: INestApplication;
  let base: string;
  let alice: string;
  let bob: string;
  const file = () => fs.readFileSync(corpusPath(VIDEO));
  const tusDir = () => path.join(env.dir, 'work', 'tus');

  const options = (key: string, extra: Partial<tus.UploadOptions>): tus.UploadOptions => ({
    endpoint: `${base}/api/uploads`,
    chunkSize: Math.ceil(file().length / 10),
    headers: { Authorization: `Bearer ${key}` },
    metadata: { filename: 'talk.mp4', filetype: 'video/mp4', maxClips: '2' },
    retryDelays: [],
    ...extra,
  });

  /** Runs an upload to its end; resolves with the job the server made of it. */
  const finish = (upload: tus.Upload) =>
    new Promise<Finished>((resolve, reject) => {
      upload.options.onSuccess = (payload) =>
        resolve({ jobId: payload.lastResponse.getHeader('Clipgen-Job-Id') ?? null });
      upload.options.onError = reject;
      upload.start();
    });

  const head = (url: string, key: string) =>
    fetch(url, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0', 'X-API-Key': key } });

  /** Starts an upload and cuts it as soon as some bytes went (the upload exists, unfinished). */
  const startThenCut = (upload: tus.Upload) =>
    new Promise<void>((resolve, reject) => {
      upload.options.onProgress = () => void upload.abort().then(() => resolve());
      upload.options.onError = reject;
      upload.start();
    });

  beforeAll(async () => {
    stack = await startKeyedApi({ RESUMABLE_UPLOAD_EXPIRY_SEC: '5' }, ['alice', 'bob']);
    ({ env, api, base } = stack);
    ({ alice, bob } = stack.keys);
  }, 60_000);

  afterAll(() => stack?.close());

  it('resumes an upload cut at 60 % from where it stopped, and makes a job of it', async () => {
    const bytes = file();
    let cutAt = 0;
    const first = new tus.Upload(bytes, options(alice, {}));
    await new Promise<void>((resolve, reject) => {
      first.options.onProgress = (sent, total) => {
        if (cutAt || sent < total * 0.6) return;
        cutAt = sent;
        void first.abort().then(() => resolve());
      };
      first.options.onError = reject;
      first.start();
    });
    expect(first.url).toMatch(/\/api\/uploads\/[0-9a-f]+$/);

    // The server kept what arrived: the offset is where the cut was, not 0 and not the end.
    const offset = Number((await head(first.url!, alice)).headers.get('upload-offset'));
    expect(offset).toBeGreaterThanOrEqual(bytes.length * 0.6);
    expect(offset).toBeLessThan(bytes.length);
    expect(offset).toBeLessThanOrEqual(cutAt);

    const sentAfterResume: number[] = [];
    const resumed = new tus.Upload(
      bytes,
      options(alice, {
        uploadUrl: first.url,
        onProgress: (sent) => sentAfterResume.push(sent),
      }),
    );
    const { jobId } = await finish(resumed);
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    // Only the rest was sent again (progress counts from the start of the file).
    expect(Math.min(...sentAfterResume)).toBe(offset);

    const status = await request(api.getHttpServer())
      .get(`/api/status/${jobId}`)
      .set('X-API-Key', alice)
      .expect(200);
    expect(status.body).toMatchObject({
      status: 'queued',
      sourceFilename: 'talk.mp4',
      source: { sizeBytes: bytes.length },
      options: { maxClips: 2 },
    });
    // The upload's files were taken over by the job.
    expect(fs.readdirSync(tusDir())).toEqual([]);
  });

  it("keeps uploads to their key: none without a key, another key's is 404", async () => {
    const upload = new tus.Upload(file(), options(alice, {}));
    await startThenCut(upload);
    expect((await head(upload.url!, bob)).status).toBe(404);
    const anonymous = await fetch(upload.url!, {
      method: 'HEAD',
      headers: { 'Tus-Resumable': '1.0.0' },
    });
    expect(anonymous.status).toBe(401);
    expect((await head(upload.url!, alice)).status).toBe(200);
  });

  it('refuses bad options at creation and a finished non-video with problem+json', async () => {
    const badOptions = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': '100',
        'X-API-Key': alice,
        'Upload-Metadata': `filename ${Buffer.from('a.mp4').toString('base64')},maxClips ${Buffer.from('999').toString('base64')}`,
      },
    });
    expect(badOptions.status).toBe(400);
    expect(badOptions.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await badOptions.json()).code).toBe('INVALID_OPTIONS');

    const notVideo = new tus.Upload(Buffer.alloc(4096, 7), options(alice, {}));
    const refused = await finish(notVideo).then(
      () => null,
      (err: tus.DetailedError) => err,
    );
    expect(refused?.originalResponse?.getStatus()).toBe(422);
    expect(JSON.parse(refused!.originalResponse!.getBody()).code).toMatch(/^MEDIA_/);
    const id = notVideo.url!.split('/').pop()!;
    expect(fs.readdirSync(tusDir()).filter((f) => f.startsWith(id))).toEqual([]);
  });

  it('deletes uploads abandoned for longer than RESUMABLE_UPLOAD_EXPIRY_SEC', async () => {
    const upload = new tus.Upload(file(), options(alice, {}));
    await startThenCut(upload);
    const id = upload.url!.split('/').pop()!;
    expect(fs.readdirSync(tusDir())).toContain(id);
    await new Promise((r) => setTimeout(r, 5500));
    await api.get(TusUploads).sweep(); // the periodic sweep may have been first
    expect(fs.readdirSync(tusDir()).filter((f) => f.startsWith(id))).toEqual([]);
    expect([404, 410]).toContain((await head(upload.url!, alice)).status);
  }, 20_000);
});
