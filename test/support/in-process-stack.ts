import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { TestEnv, useTestEnv } from './test-env';

/** A job's status as the API answers it (the tests read it loosely, as JSON). */
type StatusBody = request.Response['body'];

/** The API and a worker in this process, over the shared Redis, in a fresh test environment. */
export interface InProcessStack {
  env: TestEnv;
  api: INestApplication;
  worker: INestApplicationContext;
  http: ReturnType<INestApplication['getHttpServer']>;
  /** Polls the job's status until `done` accepts it; throws with the last status on timeout. */
  waitFor(
    jobId: string,
    done: (status: string) => boolean,
    timeoutMs?: number,
  ): Promise<StatusBody>;
  close(): Promise<void>;
}

export async function startInProcessStack(
  overrides: Record<string, string>,
): Promise<InProcessStack> {
  const env = useTestEnv(overrides);
  const api = await createApiApp(['error', 'warn']);
  await api.init();
  const http = api.getHttpServer();
  const worker = await NestFactory.createApplicationContext(WorkerModule, {
    logger: ['error', 'warn'],
  });
  return {
    env,
    api,
    worker,
    http,
    async waitFor(jobId, done, timeoutMs = 240_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const res = await request(http).get(`/api/status/${jobId}`).expect(200);
        if (done(res.body.status)) return res.body;
        if (Date.now() > deadline)
          throw new Error(`job ${jobId} still ${res.body.status} at ${res.body.progress}%`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async close() {
      await worker.close();
      await api.close();
      env.cleanup();
    },
  };
}

export const finished = (status: string) => status === 'completed' || status === 'failed';
