import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import SwaggerParser from '@apidevtools/swagger-parser';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import * as ts from 'typescript';
import { DEFAULT_CLIP_OPTIONS } from '@app/jobs';
import { JobRepository } from '@app/persistence';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { TestEnv, useTestEnv } from '../support/test-env';

const GENERATOR = path.resolve(
  __dirname,
  '..',
  '..',
  'node_modules',
  'openapi-typescript',
  'bin',
  'cli.js',
);

type Doc = {
  info: { title: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
};
type Operation = {
  operationId: string;
  tags: string[];
  parameters?: { name: string; in: string; description?: string }[];
  responses: Record<
    string,
    { content?: Record<string, { example?: { status: number; code: string } }> }
  >;
};

/** The document as Swagger UI users and client generators read it. */
describeWithCorpus('the OpenAPI document', () => {
  let env: TestEnv;
  let api: INestApplication;
  let doc: Doc;

  beforeAll(async () => {
    env = useTestEnv({ PUBLIC_BASE_URL: 'https://clips.example.com' });
    api = await createApiApp(['error']);
    await api.init();
    doc = (await request(api.getHttpServer()).get('/docs-json').expect(200)).body;
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    env?.cleanup();
  });

  it('is a valid OpenAPI document', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('names every operation for generated clients and explains tags, servers and errors', () => {
    const ops = Object.values(doc.paths).flatMap((item) => Object.values(item));
    const ids = ops.map((o) => o.operationId);
    expect(ids).toEqual(
      expect.arrayContaining([
        'uploadVideo',
        'getJobStatus',
        'downloadClip',
        'listJobs',
        'getJob',
        'streamJobEvents',
      ]),
    );
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]+$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.info.title).toBe('clipgen API');
    expect(doc.servers).toEqual([
      { url: 'https://clips.example.com', description: expect.any(String) },
    ]);
    const used = new Set(ops.flatMap((o) => o.tags));
    for (const tag of used) expect(doc.tags.find((t) => t.name === tag)?.description).toBeTruthy();
    expect(doc.info.description).toMatch(/\| `MEDIA_NO_AUDIO` \|/);
    expect(doc.info.description).toMatch(/\| `RATE_LIMITED` \|/);
    for (const op of ops)
      for (const p of op.parameters ?? [])
        if (p.in === 'path')
          expect({ op: op.operationId, p: p.name, d: Boolean(p.description) }).toEqual({
            op: op.operationId,
            p: p.name,
            d: true,
          });
  });

  it('gives each error of each route its own realistic problem+json example', () => {
    const seen = new Set<string>();
    for (const [route, item] of Object.entries(doc.paths))
      for (const op of Object.values(item))
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          const example = response.content?.['application/problem+json']?.example;
          expect({ route, status, example: Boolean(example) }).toEqual({
            route,
            status,
            example: true,
          });
          expect(example!.status).toBe(Number(status));
          seen.add(example!.code);
        }
    // Not one body everywhere: the codes differ by status and route.
    expect(seen.size).toBeGreaterThan(10);
    expect(
      doc.paths['/api/upload-video'].post.responses['400'].content!['application/problem+json']
        .example!.code,
    ).toBe('INVALID_OPTIONS');
  });

  it('declares downloads as binary in their media types and the status examples as coherent bodies', () => {
    const clip = doc.paths['/api/download/clips/{jobId}/{filename}'].get.responses;
    expect(Object.keys(clip['200'].content!)).toEqual(['video/mp4']);
    expect(Object.keys(clip['206'].content!)).toEqual(['video/mp4']);
    const examples = (
      doc.paths['/api/status/{jobId}'].get.responses['200'].content!['application/json'] as {
        examples: Record<string, { value: { status: string; error: unknown; progress: number } }>;
      }
    ).examples;
    expect(Object.keys(examples)).toEqual(['queued', 'processing', 'completed', 'failed']);
    expect(examples.queued.value).toMatchObject({ status: 'queued', progress: 0, error: null });
    expect(examples.completed.value).toMatchObject({
      status: 'completed',
      progress: 100,
      error: null,
    });
  });

  it('generates a typed client that compiles against the real responses', async () => {
    const jobs = api.get(JobRepository);
    const http = api.getHttpServer();
    const upload = await request(http)
      .post('/api/upload-video')
      .field({ maxClips: '2' })
      .attach('file', corpusPath('video/lrs2_00016.mp4'))
      .expect(202);
    expect(upload.headers.location).toBe(
      `https://clips.example.com/api/status/${upload.body.jobId}`,
    );
    const failedId = randomUUID();
    await jobs.create({
      id: failedId,
      sourceKey: 'x',
      sourceFilename: 'a.mp4',
      sourceMetadata: null as never,
      options: DEFAULT_CLIP_OPTIONS,
    });
    await jobs.markFailed(failedId, 'ASR_FAILED', 'whisper.cpp exited with code 134');
    const real = {
      upload: upload.body,
      status: (await request(http).get(`/api/status/${upload.body.jobId}`).expect(200)).body,
      failed: (await request(http).get(`/api/status/${failedId}`).expect(200)).body,
      list: (await request(http).get('/api/jobs?limit=1').expect(200)).body,
      detail: (await request(http).get(`/api/jobs/${upload.body.jobId}`).expect(200)).body,
      deleted: (await request(http).delete(`/api/jobs/${failedId}`).expect(200)).body,
      notFound: (await request(http).get(`/api/status/${randomUUID()}`).expect(404)).body,
      live: (await request(http).get('/api/health/live').expect(200)).body,
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-client-'));
    // The generator is ESM-only: run as users run it, its CLI.
    fs.writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(doc));
    execFileSync(
      process.execPath,
      [GENERATOR, path.join(dir, 'openapi.json'), '-o', path.join(dir, 'api.d.ts')],
      { stdio: 'pipe' },
    );
    fs.writeFileSync(
      path.join(dir, 'client.ts'),
      `import type { operations } from './api';
type Json<O extends keyof operations, S extends keyof operations[O]['responses'], M extends string = 'application/json'> =
  operations[O]['responses'][S] extends { content: Record<M, infer B> } ? B : never;
export const upload: Json<'uploadVideo', 202> = ${JSON.stringify(real.upload)};
export const status: Json<'getJobStatus', 200> = ${JSON.stringify(real.status)};
export const failed: Json<'getJobStatus', 200> = ${JSON.stringify(real.failed)};
export const list: Json<'listJobs', 200> = ${JSON.stringify(real.list)};
export const detail: Json<'getJob', 200> = ${JSON.stringify(real.detail)};
export const deleted: Json<'deleteJob', 200> = ${JSON.stringify(real.deleted)};
export const notFound: Json<'getJobStatus', 404, 'application/problem+json'> = ${JSON.stringify(real.notFound)};
export const live: Json<'getLiveness', 200> = ${JSON.stringify(real.live)};
// The generated types are not loose: a wrong field type does not compile.
// @ts-expect-error progress is a number
export const wrong: Json<'getJobStatus', 200> = { ...status, progress: 'half' };
`,
    );
    const program = ts.createProgram([path.join(dir, 'client.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      skipLibCheck: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
