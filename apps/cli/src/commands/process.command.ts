import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { limitsConfig, whisperConfig } from '@app/config';
import {
  ClipOptions,
  clipOptionErrors,
  RenderOptionFields,
  withDefaults,
  booleanFieldErrors,
} from '@app/jobs';
import { inspectVideo, MEDIA_BINARIES, MediaBinaries } from '@app/media';
import { ClipRepository, JobRepository } from '@app/persistence';
import { PipelineError, PipelineService } from '@app/pipeline';
import { StorageDriver, StorageKeys } from '@app/storage';
import { languageError } from '@app/transcription';
import { CliModule } from '../cli.module';
import { ProgressDisplay } from '../progress/progress-line';
import { exportJobFiles } from './export-job-files';
import { printClipReasons, printClipTable } from './print-clip-table';

export interface ProcessCommandOptions extends RenderOptionFields {
  out: string;
  maxClips?: string;
  minDuration?: string;
  maxDuration?: string;
  aspect?: string;
  language?: string;
  quality?: string;
  layout?: string;
  keywords?: string;
}

export function toClipOptions(o: ProcessCommandOptions): ClipOptions {
  // --aspect takes one ratio or several ('9:16,1:1'): one rendition each, the first the main one.
  const several = o.aspect?.includes(',');
  return withDefaults({
    ...o,
    aspectRatio: several ? undefined : o.aspect,
    aspectRatios: several ? o.aspect : undefined,
  });
}

/** `clipgen process`: the same pipeline as the worker, run in this process; outputs copied to --out. */
export async function processCommand(video: string, opts: ProcessCommandOptions): Promise<void> {
  const options = toClipOptions(opts);
  const errors = [...booleanFieldErrors(opts), ...clipOptionErrors(options)];
  if (errors.length) throw new Error(errors.join('; '));
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  try {
    const binaries = app.get<MediaBinaries>(MEDIA_BINARIES);
    const model = app.get<ConfigType<typeof whisperConfig>>(whisperConfig.KEY).model;
    const languageProblem = languageError(options.language, model);
    if (languageProblem) throw new Error(languageProblem);
    const limits = app.get<ConfigType<typeof limitsConfig>>(limitsConfig.KEY);
    const metadata = await inspectVideo(
      binaries.ffprobe,
      path.resolve(video),
      abort.signal,
      limits.media,
    );
    const jobId = randomUUID();
    const sourceKey = StorageKeys.source(jobId, path.extname(video).toLowerCase() || '.mp4');
    await app
      .get(StorageDriver)
      .putFile(sourceKey, path.resolve(video), 'application/octet-stream');
    const jobs = app.get(JobRepository);
    await jobs.create({
      id: jobId,
      sourceKey,
      sourceFilename: path.basename(video),
      sourceMetadata: metadata,
      options,
    });
    console.error(
      `job ${jobId}: ${path.basename(video)} (${metadata.durationSec.toFixed(1)} s, ${metadata.width}x${metadata.height})`,
    );

    const started = Date.now();
    const pipeline = app.get(PipelineService);
    const display = new ProgressDisplay();
    try {
      const outcome = await pipeline.run(
        { jobId, sourceKey, options, signal: abort.signal },
        { onProgress: (e) => display.show(e) },
      );
      display.done();
      if (outcome.notice) console.error(outcome.notice);
    } catch (err) {
      display.done();
      const failure = err as PipelineError;
      await jobs.markFailed(jobId, failure.code ?? 'INTERNAL', failure.message);
      await pipeline.discard(jobId).catch(() => undefined);
      throw new Error(`${failure.code ?? 'INTERNAL'}: ${failure.message}`);
    }
    const written = await exportJobFiles(
      app.get(ClipRepository),
      app.get(StorageDriver),
      jobId,
      path.resolve(opts.out),
    );
    const clips = await app.get(ClipRepository).listByJob(jobId);
    printClipTable(clips);
    printClipReasons(clips);
    console.log(
      `\n${clips.length} clip(s), ${written} files in ${path.resolve(opts.out)} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  } finally {
    process.off('SIGINT', onSigint);
    await app.close();
  }
}
