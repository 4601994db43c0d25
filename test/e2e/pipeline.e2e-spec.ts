import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { probeMedia, resolveMediaBinaries } from '@app/media';
import { normalizeForWer } from '@app/transcription';
import { corpusPath, describeWithCorpus, referenceText } from '../support/corpus';
import { finished, InProcessStack, startInProcessStack } from '../support/in-process-stack';
import { TestEnv } from '../support/test-env';

const VIDEO = 'video/lrs2_00016.mp4';
const OPTIONS = {
  maxClips: '2',
  minDuration: '3',
  maxDuration: '8',
  layout: 'auto',
  aspectRatios: '9:16,1:1',
  keywords: 'supermarket',
  captionStyle: 'bold-pop',
  captionPosition: 'middle',
};

/** Collects a response body as raw bytes (supertest would otherwise decode it as text). */
function binaryParser(
  res: request.Response,
  done: (err: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describeWithCorpus('upload → worker → clips, over HTTP', () => {
  let stack: InProcessStack;
  let env: TestEnv;
  let http: InProcessStack['http'];
  /** The first test's finished job, which the clips-on-request test adds to. */
  let finishedJobId: string;

  beforeAll(async () => {
    stack = await startInProcessStack({
      MAX_UPLOAD_BYTES: '3000000',
      HEALTH_REQUIRE_WORKER: 'true',
    });
    ({ env, http } = stack);
  }, 60_000);

  afterAll(() => stack?.close());

  const waitForJob = (jobId: string, timeoutMs = 240_000) =>
    stack.waitFor(jobId, finished, timeoutMs);

  it('turns an uploaded talking-head video into captioned 9:16 clips', async () => {
    const upload = await request(http)
      .post('/api/upload-video')
      .field(OPTIONS)
      .attach('file', corpusPath(VIDEO))
      .expect(202);
    expect(upload.body).toEqual({
      jobId: expect.any(String),
      statusUrl: `/api/status/${upload.body.jobId}`,
      eventsUrl: `/api/jobs/${upload.body.jobId}/events`,
    });
    expect(upload.headers.location).toBe(upload.body.statusUrl);

    const job = await waitForJob(upload.body.jobId);
    expect(job).toMatchObject({ status: 'completed', progress: 100, error: null, language: 'en' });
    finishedJobId = job.jobId;
    expect(job.options.keywords).toEqual(['supermarket']);
    for (const clip of job.clips) {
      // Scores explain themselves: named features adding up to the 0–100 score, each with a reason.
      expect(clip.score).toBeGreaterThan(0);
      expect(clip.score).toBeLessThanOrEqual(100);
      const { features } = clip.insights;
      expect(features.map((f: { name: string }) => f.name)).toEqual([
        'hook',
        'standalone',
        'payoff',
        'coherence',
        'delivery',
        'density',
        'keywords',
      ]);
      const sum = features.reduce(
        (a: number, f: { contribution: number }) => a + f.contribution,
        0,
      );
      expect(Math.abs(sum - clip.score)).toBeLessThan(0.3);
      for (const f of features) expect(f.reason.length).toBeGreaterThan(3);
      expect(clip.insights).toMatchObject({ origin: 'auto', topic: expect.any(Number) });
      expect(clip.title.length).toBeGreaterThan(2);
    }
    const reference0 = new Set(normalizeForWer(referenceText(VIDEO)));
    expect(job.source).toMatchObject({ width: 160, height: 160 });
    expect(Object.keys(job.stageTimings)).toEqual([
      'probe',
      'transcribe',
      'select',
      'frame',
      'render',
      'publish',
    ]);
    expect(job.clips.length).toBeGreaterThanOrEqual(1);
    expect(job.clips.length).toBeLessThanOrEqual(2);

    expect(Object.keys(job.transcript).sort()).toEqual(['json', 'srt', 'txt', 'vtt']);
    expect(job.transcriptCached).toBe(false);
    const wholeSrt = await request(http).get(job.transcript.srt).expect(200);
    expect(wholeSrt.headers['content-type']).toMatch(/application\/x-subrip/);
    const txt = await request(http).get(job.transcript.txt).expect(200);
    expect(normalizeForWer(txt.text).filter((w) => reference0.has(w)).length).toBeGreaterThan(20);
    const transcript = (await request(http).get(job.transcriptUrl).expect(200)).body;
    // Speech found by the VAD model; English words placed by forced alignment.
    expect(transcript.speechDetection).toBe('silero-vad');
    expect(transcript.wordTiming.method).toBe('forced-alignment:pocketsphinx-en-us');
    expect(transcript.wordTiming.alignedWords).toBeGreaterThan(transcript.wordTiming.words * 0.8);
    const words: { text: string; start: number; end: number }[] = transcript.segments.flatMap(
      (s: { words: unknown[] }) => s.words,
    );
    const reference = new Set(normalizeForWer(referenceText(VIDEO)));
    const tmp = path.join(env.dir, 'downloads');
    fs.mkdirSync(tmp, { recursive: true });

    for (const clip of job.clips) {
      // Video: H.264 1080x1920 with sound, as long as the clip says and within the bounds asked.
      const video = await request(http)
        .get(clip.downloadUrl)
        .buffer(true)
        .parse(binaryParser)
        .expect(200);
      expect(video.headers['content-type']).toBe('video/mp4');
      const file = path.join(tmp, `clip-${clip.index}.mp4`);
      fs.writeFileSync(file, video.body);
      const probe = await probeMedia(resolveMediaBinaries().ffprobe, file);
      expect(probe.video).toMatchObject({ codec: 'h264', width: 1080, height: 1920 });
      expect(probe.audio).toBeDefined();
      expect(probe.durationSec).toBeGreaterThanOrEqual(Number(OPTIONS.minDuration) - 0.1);
      expect(probe.durationSec).toBeLessThanOrEqual(Number(OPTIONS.maxDuration) + 0.6);
      expect(Math.abs(probe.durationSec - clip.duration)).toBeLessThan(0.25);

      // Cut on a sentence end: the last word inside the clip closes a sentence (punctuation),
      // or a clear pause follows it, or nothing follows it.
      const inside = words.filter((w) => w.start >= clip.start - 0.01 && w.end <= clip.end + 0.01);
      const last = inside[inside.length - 1];
      const next = words[words.indexOf(last) + 1];
      const endsSentence = /[.!?]["')]*$/.test(last.text) || !next || next.start - last.end >= 1.0;
      expect(endsSentence).toBe(true);
      expect(clip.end - last.end).toBeLessThan(0.5);

      // Captions: mostly the words a human heard.
      const srt = await request(http).get(clip.srtUrl).expect(200);
      expect(srt.headers['content-type']).toMatch(/application\/x-subrip/);
      const vtt = await request(http).get(clip.vttUrl).expect(200);
      expect(vtt.headers['content-type']).toMatch(/text\/vtt/);
      expect(vtt.text.startsWith('WEBVTT')).toBe(true);

      // A JPEG cover, picked from the clip.
      const cover = await request(http)
        .get(clip.thumbnailUrl)
        .buffer(true)
        .parse(binaryParser)
        .expect(200);
      expect(cover.headers['content-type']).toMatch(/image\/jpeg/);
      expect((cover.body as Buffer).subarray(0, 2).toString('hex')).toBe('ffd8');

      // Framing edit data: a crop path inside the source frame, from the face analysis.
      const framing = await request(http).get(clip.framingUrl).expect(200);
      expect(framing.headers['content-type']).toMatch(/application\/json/);
      const edit = JSON.parse(framing.text);
      expect(edit.cropPath.length).toBeGreaterThanOrEqual(1);
      for (const k of edit.cropPath) {
        expect(k.x).toBeGreaterThanOrEqual(0);
        expect(k.x + k.width).toBeLessThanOrEqual(edit.source.width);
      }
      expect(Array.isArray(edit.faceTracks)).toBe(true);

      // The second rendition: square, framed from the same analysis.
      expect(clip.renditions.map((r: { aspectRatio: string }) => r.aspectRatio)).toEqual([
        '9:16',
        '1:1',
      ]);
      const square = await request(http)
        .get(clip.renditions[1].downloadUrl)
        .buffer(true)
        .parse(binaryParser)
        .expect(200);
      const squareFile = path.join(tmp, `clip-${clip.index}-square.mp4`);
      fs.writeFileSync(squareFile, square.body);
      const squareProbe = await probeMedia(resolveMediaBinaries().ffprobe, squareFile);
      expect(squareProbe.video).toMatchObject({ width: 1080, height: 1080 });
      const squareEdit = JSON.parse(
        (await request(http).get(clip.renditions[1].framingUrl).expect(200)).text,
      );
      expect(squareEdit.output).toMatchObject({ aspectRatio: '1:1', width: 1080, height: 1080 });
      expect(squareEdit.faceTracks).toEqual(edit.faceTracks);
      const captionWords = normalizeForWer(
        srt.text
          .split('\n')
          .filter((l) => l && !/^\d+$/.test(l) && !l.includes('-->'))
          .join(' '),
      );
      const heard = captionWords.filter((w) => reference.has(w)).length / captionWords.length;
      expect(captionWords.length).toBeGreaterThan(3);
      expect(heard).toBeGreaterThan(0.7);
    }

    // Browsers seek with Range requests.
    const ranged = await request(http)
      .get(job.clips[0].downloadUrl)
      .set('Range', 'bytes=0-99')
      .buffer(true)
      .parse(binaryParser)
      .expect(206);
    expect(ranged.headers['content-range']).toMatch(/^bytes 0-99\/\d+$/);
    expect(ranged.body.length).toBe(100);
    await request(http).get(job.clips[0].downloadUrl).set('Range', 'bytes=999999999-').expect(416);
  }, 300_000);

  it('gives each clip an edit list built from what the job stored', async () => {
    const detail = (await request(http).get(`/api/jobs/${finishedJobId}`).expect(200)).body;
    expect(detail.editListUrls.length).toBe(detail.clips.length);
    const clip = detail.clips[0];
    const edit = (await request(http).get(detail.editListUrls[0]).expect(200)).body;
    expect(edit).toMatchObject({
      jobId: finishedJobId,
      clipIndex: clip.index,
      title: clip.title,
      source: { start: clip.start, end: clip.end, width: 160, height: 160 },
    });
    // Both renditions, each with its crop path; the words said, timed from the clip start.
    expect(edit.renditions.map((r: { aspectRatio: string }) => r.aspectRatio)).toEqual([
      '9:16',
      '1:1',
    ]);
    for (const r of edit.renditions) expect(r.cropPath.length).toBeGreaterThan(0);
    expect(edit.words.length).toBeGreaterThan(3);
    expect(edit.words[0].start).toBeGreaterThanOrEqual(0);
    expect(edit.words.at(-1).end).toBeLessThanOrEqual(clip.end - clip.start + 1e-6);
    expect(
      edit.words
        .map((w: { text: string }) => w.text)
        .join(' ')
        .toLowerCase(),
    ).toContain(
      clip.text
        .split(/\s+/)[1]
        .toLowerCase()
        .replace(/[^a-z']/g, ''),
    );
  });

  it('reuses the transcript when the same video is processed again with other clip options', async () => {
    const upload = await request(http)
      .post('/api/upload-video')
      .field({ maxClips: '1', minDuration: '2', maxDuration: '6' })
      .attach('file', corpusPath(VIDEO))
      .expect(202);
    const job = await waitForJob(upload.body.jobId);
    expect(job).toMatchObject({ status: 'completed', transcriptCached: true });
    expect(job.stageTimings.transcribe).toBeLessThan(1);
    expect(job.clips).toHaveLength(1);
  }, 300_000);

  it('adds a clip asked for by words that were said, and refuses requests it cannot cut', async () => {
    const asked = await request(http)
      .post(`/api/jobs/${finishedJobId}/clips`)
      .send({ query: 'not as salty as the stuff you buy' })
      .expect(202);
    expect(asked.body).toMatchObject({
      jobId: finishedJobId,
      text: expect.stringMatching(/salty/i),
    });
    expect(asked.body.end - asked.body.start).toBeGreaterThanOrEqual(Number(OPTIONS.minDuration));
    const deadline = Date.now() + 120_000;
    let state = (await request(http).get(asked.body.statusUrl).expect(200)).body;
    while (state.state !== 'done' && state.state !== 'failed' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      state = (await request(http).get(asked.body.statusUrl).expect(200)).body;
    }
    expect(state).toMatchObject({ state: 'done', error: null });
    const job = (await request(http).get(`/api/status/${finishedJobId}`).expect(200)).body;
    const added = job.clips.find((c: { index: number }) => c.index === state.clipIndex);
    expect(added.insights.origin).toBe('request');
    expect(added.start).toBeCloseTo(asked.body.start, 2);
    expect(added.renditions.map((r: { aspectRatio: string }) => r.aspectRatio)).toEqual([
      '9:16',
      '1:1',
    ]);
    await request(http).get(added.downloadUrl).expect(200);

    const problem = async (body: unknown, status: number, code: string, job = finishedJobId) => {
      const res = await request(http)
        .post(`/api/jobs/${job}/clips`)
        .send(body as object);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe(code);
    };
    await problem({ query: 'rockets reach orbit in eight minutes' }, 422, 'QUERY_NOT_FOUND');
    await problem({ start: 500, end: 510 }, 422, 'OUT_OF_RANGE');
    await problem({ start: 3, query: 'beer' }, 400, 'INVALID_CLIP_REQUEST');
    await problem({ start: 'soon' }, 400, 'INVALID_CLIP_REQUEST');
    await problem({ query: 'beer' }, 404, 'NOT_FOUND', '00000000-0000-4000-8000-000000000000');
    const malformed = await request(http)
      .post(`/api/jobs/${finishedJobId}/clips`)
      .set('content-type', 'application/json')
      .send('{"query": ');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
  }, 180_000);

  describe('bad input gets a clear problem+json 4xx', () => {
    const expectProblem = (res: request.Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        status,
        code,
        title: expect.any(String),
        detail: expect.any(String),
        instance: expect.any(String),
      });
    };

    it('a text file named .mp4', async () => {
      const res = await request(http)
        .post('/api/upload-video')
        .attach('file', Buffer.from('just some notes, not a video'), 'talk.mp4');
      expectProblem(res, 422, 'MEDIA_INVALID');
    });

    it('a truncated MP4', async () => {
      const head = fs.readFileSync(corpusPath(VIDEO)).subarray(0, 200_000);
      expectProblem(
        await request(http).post('/api/upload-video').attach('file', head, 'cut.mp4'),
        422,
        'MEDIA_INVALID',
      );
    });

    it('an audio-only file', async () => {
      expectProblem(
        await request(http)
          .post('/api/upload-video')
          .attach('file', corpusPath('speech/jfk_openai.flac')),
        422,
        'MEDIA_NO_VIDEO',
      );
    });

    it('a video without sound', async () => {
      const res = await request(http)
        .post('/api/upload-video')
        .attach('file', corpusPath('video/liveportrait_d13_vertical.mp4'));
      expectProblem(res, 422, 'MEDIA_NO_AUDIO');
    });

    it('an empty upload', async () => {
      expectProblem(
        await request(http).post('/api/upload-video').attach('file', Buffer.alloc(0), 'empty.mp4'),
        400,
        'MEDIA_EMPTY',
      );
    });

    it('a form without the file field', async () => {
      expectProblem(
        await request(http).post('/api/upload-video').field('maxClips', '3'),
        400,
        'FILE_MISSING',
      );
    });

    it('a body that is not multipart', async () => {
      expectProblem(
        await request(http).post('/api/upload-video').send({ file: 'x' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });

    it('out-of-range options', async () => {
      const res = await request(http)
        .post('/api/upload-video')
        .field({ maxClips: '100', aspectRatio: '3:2' })
        .attach('file', corpusPath(VIDEO));
      expectProblem(res, 400, 'INVALID_OPTIONS');
      expect(res.body.errors.length).toBe(2);
    });

    it('a file over MAX_UPLOAD_BYTES', async () => {
      const res = await request(http)
        .post('/api/upload-video')
        .attach('file', corpusPath('video/remotion_tiktok_sample_vertical.mp4'));
      expectProblem(res, 413, 'UPLOAD_TOO_LARGE');
    });

    it('unknown and malformed job ids', async () => {
      expectProblem(
        await request(http).get('/api/status/9b2f0c2e-1111-4222-8333-444455556666'),
        404,
        'NOT_FOUND',
      );
      expectProblem(await request(http).get('/api/status/not-a-uuid'), 400, 'INVALID_JOB_ID');
    });

    it('path tricks in download names', async () => {
      const id = '9b2f0c2e-1111-4222-8333-444455556666';
      expectProblem(
        await request(http).get(`/api/download/clips/${id}/..%2F..%2Fpackage.json`),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await request(http).get(`/api/download/captions/${id}/..%2Fclipgen.db`),
        404,
        'NOT_FOUND',
      );
      const res = await request(http).get(`/api/download/clips/${id}/../../../etc/passwd`);
      expect(res.status).toBe(404);
    });

    it('leaves the service healthy', async () => {
      const res = await request(http).get('/api/health').expect(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        details: {
          database: { status: 'up' },
          redis: { status: 'up' },
          storage: { status: 'up' },
          disk: { status: 'up' },
          // The in-process worker's heartbeat: readiness wants one live worker here.
          workers: { status: 'up', detail: expect.stringMatching(/^1 alive/) },
        },
      });
    });
  });

  it('documents the API in Swagger', async () => {
    const doc = (await request(http).get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/upload-video',
        '/api/status/{jobId}',
        '/api/download/clips/{jobId}/{filename}',
        '/api/download/captions/{jobId}/{filename}',
        '/api/health',
      ]),
    );
    expect(doc.components.schemas).toHaveProperty('ProblemDto');
    expect(doc.components.schemas).toHaveProperty('JobStatusDto');
    await request(http).get('/docs').expect(200).expect('content-type', /html/);
  });
});
