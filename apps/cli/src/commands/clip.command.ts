import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ClipRepository, JobRepository } from '@app/persistence';
import { clipBaseName, planRequestedClip, RequestedClipService } from '@app/pipeline';
import type { ClipRequest } from '@app/selection';
import { StorageDriver } from '@app/storage';
import { CliModule } from '../cli.module';
import { exportJobFiles } from './export-job-files';
import { printClipReasons, printClipTable } from './print-clip-table';

export interface ClipCommandOptions {
  query?: string;
  start?: string;
  end?: string;
  out?: string;
}

export function toClipRequest(o: ClipCommandOptions): ClipRequest {
  if (o.query !== undefined) {
    if (o.start !== undefined || o.end !== undefined)
      throw new Error('give either --query or --start/--end, not both');
    if (!o.query.trim()) throw new Error('--query must not be empty');
    return { query: o.query };
  }
  const start = Number(o.start);
  const end = Number(o.end);
  if (o.start === undefined || o.end === undefined || !isFinite(start) || !isFinite(end))
    throw new Error('give --query "words that were said", or --start and --end in seconds');
  if (start < 0 || end <= start) throw new Error('need 0 ≤ --start < --end');
  return { start, end };
}

/** `clipgen clip <jobId>`: one more clip on a finished job, rendered here like the worker would. */
export async function clipCommand(jobId: string, opts: ClipCommandOptions): Promise<void> {
  const asked = toClipRequest(opts);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  try {
    const job = await app.get(JobRepository).findById(jobId);
    if (!job) throw new Error(`no job ${jobId} in this database`);
    const storage = app.get(StorageDriver);
    const { range, text } = await planRequestedClip(storage, job, asked);
    console.error(
      `clip ${range.start.toFixed(1)}–${range.end.toFixed(1)} s: ${text.slice(0, 120)}…`,
    );
    const index = await app
      .get(RequestedClipService)
      .render(
        { jobId, requestId: randomUUID(), start: range.start, end: range.end, asked },
        abort.signal,
        (f) => process.stderr.write(`\r  ${String(Math.round(f * 100)).padStart(3)}%`),
      );
    process.stderr.write('\n');
    const clip = (await app.get(ClipRepository).listByJob(jobId)).filter((c) => c.index === index);
    printClipTable(clip);
    printClipReasons(clip);
    if (opts.out) {
      const base = clipBaseName(index);
      const n = await exportJobFiles(
        app.get(ClipRepository),
        storage,
        jobId,
        path.resolve(opts.out),
        (f) => f.startsWith(`${base}.`),
      );
      console.log(`\n${n} files in ${path.resolve(opts.out)}`);
    }
  } finally {
    process.off('SIGINT', onSigint);
    await app.close();
  }
}
