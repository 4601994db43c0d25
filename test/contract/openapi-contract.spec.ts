import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { execFile } from 'node:child_process';
import { ApiKeyService } from '@app/access';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { TestEnv, useTestEnv } from '../support/test-env';

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMATHESIS = path.join(ROOT, '.cache', 'test-venv', 'bin', 'schemathesis');

/** Runs a command to its end (bounded), with stdout and stderr together. */
const run = (command: string, args: string[]) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    execFile(command, args, { timeout: 150_000, maxBuffer: 64 * 2 ** 20 }, (err, stdout, stderr) =>
      resolve({
        code: err ? Number((err as { code?: number }).code ?? 1) : 0,
        output: stdout + stderr,
      }),
    );
  });

describe('the OpenAPI contract', () => {
  let env: TestEnv;
  let api: INestApplication;
  let base: string;
  let key: string;

  beforeAll(async () => {
    // Fuzzed as deployed on the internet: keys required (schemathesis checks that requests without
    // one are refused as the document declares).
    env = useTestEnv({
      MAX_UPLOAD_BYTES: '3000000',
      UPLOAD_IDLE_TIMEOUT_SEC: '5',
      AUTH_DISABLED: 'false',
    });
    api = await createApiApp(['error']);
    key = (await api.get(ApiKeyService).create('schemathesis')).key;
    await api.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    env?.cleanup();
  });

  it('declares application/problem+json for every error status of every route', async () => {
    const doc = (await request(api.getHttpServer()).get('/docs-json').expect(200)).body;
    for (const [route, ops] of Object.entries(doc.paths as Record<string, object>)) {
      for (const [method, op] of Object.entries(ops as Record<string, { responses: object }>)) {
        const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
        expect({ route, method, errors: errors.length > 0 }).toEqual({
          route,
          method,
          errors: true,
        });
        for (const [status, response] of errors) {
          const content = (response as { content?: object }).content ?? {};
          expect({ route, method, status, types: Object.keys(content) }).toEqual({
            route,
            method,
            status,
            types: ['application/problem+json'],
          });
        }
      }
    }
  });

  it('answers a known path with an undeclared method with 405 and Allow', async () => {
    const res = await request(api.getHttpServer()).put('/api/health').expect(405);
    expect(res.headers['allow']).toBe('GET, HEAD');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  // Property-based fuzzing of every operation against the live API, all checks, bounded in time.
  (fs.existsSync(SCHEMATHESIS) ? it : it.skip)(
    'passes schemathesis (all checks) against the live API',
    async () => {
      const { code, output } = await run(SCHEMATHESIS, [
        ...['--config-file', path.join(__dirname, 'schemathesis.toml'), 'run'],
        `${base}/docs-json`,
        ...['--checks', 'all', '--workers', '1', '--max-examples', '25', '--max-time', '75'],
        ...['--seed', '20261125', '--no-color'],
        ...['--header', `Authorization: Bearer ${key}`],
      ]);
      if (code !== 0) throw new Error(`schemathesis found failures:\n${output.slice(-6000)}`);
      expect(output).toMatch(/SUMMARY/);
    },
    180_000,
  );
});
