import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from '@app/config';
import { FramingStrategy } from '@app/detection';
import { ASPECT_RATIOS } from '@app/jobs';
import { MEDIA_BINARIES, MediaBinaries } from '@app/media';
import { ClipRepository, JobRepository, JobStatus, PipelineStage } from '@app/persistence';
import { selectHighlights } from '@app/selection';
import { StorageDriver, StorageKeys } from '@app/storage';
import { TranscriptionEngine, transcriptWords } from '@app/transcription';
import { PipelineError, toPipelineError } from './pipeline.errors';
import { ProgressEvent, ProgressTracker } from './progress-tracker';
import { FONTS_DIR, PipelineContext, PipelineRunRequest } from './pipeline.types';
import { runProbeStage } from './probe.stage';
import { runPublishStage } from './publish.stage';
import { runRenderStage } from './render.stage';
import { runTranscribeStage } from './transcribe.stage';

export interface PipelineRunOptions {
  /** Extra listener for progress (the worker forwards it to BullMQ, the CLI prints it). */
  onProgress?: (event: ProgressEvent) => void;
}

/**
 * probe → transcribe → select → frame → render → publish for one job. Used by both the queue
 * worker and the CLI; it knows nothing of either. Throws a PipelineError with a stable code.
 */
@Injectable()
export class PipelineService {
  private readonly logger = new Logger(PipelineService.name);

  constructor(
    private readonly jobs: JobRepository,
    private readonly clips: ClipRepository,
    private readonly storage: StorageDriver,
    private readonly engine: TranscriptionEngine,
    private readonly framing: FramingStrategy,
    @Inject(MEDIA_BINARIES) private readonly binaries: MediaBinaries,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Optional() @Inject(FONTS_DIR) private readonly fontsDir?: string,
  ) {}

  async run(request: PipelineRunRequest, runOptions: PipelineRunOptions = {}): Promise<void> {
    const workDir = path.join(this.app.workDir, request.jobId);
    await fs.mkdir(workDir, { recursive: true });
    const tracker = new ProgressTracker(async (e) => {
      await this.jobs.update(request.jobId, { stage: e.stage, progress: e.progress });
      runOptions.onProgress?.(e);
    });
    const timings: Record<string, number> = {};
    const ctx: PipelineContext = {
      ...request,
      workDir,
      sourcePath: path.join(workDir, `source${path.extname(request.sourceKey) || '.mp4'}`),
      audioPath: path.join(workDir, 'audio.wav'),
      binaries: this.binaries,
      report: () => undefined,
    };
    let stage = PipelineStage.Probe;
    const step = async <T>(name: PipelineStage, work: () => Promise<T>): Promise<T> => {
      stage = name;
      if (request.signal?.aborted)
        throw new PipelineError('CANCELLED', 'the job was cancelled', name);
      ctx.report = (fraction) => tracker.report(name, fraction);
      ctx.report(0);
      const started = Date.now();
      const result = await work();
      timings[name] = Number(((Date.now() - started) / 1000).toFixed(3));
      ctx.report(1);
      return result;
    };

    try {
      await this.jobs.update(request.jobId, { status: JobStatus.Processing, progress: 0 });
      ctx.metadata = await step(PipelineStage.Probe, () => runProbeStage(ctx, this.storage));
      const { transcript, key, cached } = await step(PipelineStage.Transcribe, () =>
        runTranscribeStage(ctx, this.engine, this.storage, this.clips),
      );
      ctx.transcript = transcript;
      await this.jobs.update(request.jobId, {
        transcriptKey: key,
        language: transcript.language,
        transcriptCached: cached,
      });
      ctx.highlights = await step(PipelineStage.Select, async () =>
        selectHighlights(transcriptWords(transcript), {
          ...request.options,
          mediaDuration: ctx.metadata!.durationSec,
        }),
      );
      ctx.crops = await step(PipelineStage.Frame, () => this.planCrops(ctx));
      ctx.renders = await step(PipelineStage.Render, () => runRenderStage(ctx, this.fontsDir));
      await step(PipelineStage.Publish, () => runPublishStage(ctx, this.storage, this.clips));
      await tracker.flush();
      await this.jobs.markCompleted(request.jobId, timings);
      this.logger.log(
        `job ${request.jobId} completed: ${ctx.renders.length} clips ${JSON.stringify(timings)}`,
      );
    } catch (err) {
      await tracker.flush();
      const failure = toPipelineError(err, stage);
      // Files of a failed publish are not recorded anywhere: remove them rather than leak them.
      await this.storage
        .deletePrefix(`${StorageKeys.jobPrefix(request.jobId)}clips`)
        .catch(() => undefined);
      throw failure;
    } finally {
      await fs.rm(workDir, { recursive: true, force: true });
    }
  }

  private async planCrops(ctx: PipelineContext) {
    const { width, height } = ASPECT_RATIOS[ctx.options.aspectRatio];
    const aspect = width / height;
    const crops = [];
    for (const [i, h] of (ctx.highlights ?? []).entries()) {
      crops.push(
        await this.framing.plan({
          sourcePath: ctx.sourcePath,
          sourceWidth: ctx.metadata!.width,
          sourceHeight: ctx.metadata!.height,
          start: h.start,
          end: h.end,
          aspect,
          signal: ctx.signal,
        }),
      );
      ctx.report((i + 1) / ctx.highlights!.length);
    }
    return crops;
  }
}
