import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig, limitsConfig } from '@app/config';
import { FaceAnalyzer, FramingStrategy } from '@app/detection';
import { MEDIA_BINARIES, MediaBinaries } from '@app/media';
import { ClipRepository, JobRepository, PipelineStage } from '@app/persistence';
import { assertFreeSpace, deleteJobObjects, StorageDriver, StorageKeys } from '@app/storage';
import { ChatClient, LLM_CLIENT, SentenceEncoder } from '@app/language';
import { TranscriptionEngine } from '@app/transcription';
import { RENDER_SETTINGS, RenderSettings } from './render/render-settings';
import { PipelineCheckpoint, readCheckpoint, StoredRender } from './checkpoint';
import { PipelineError, toPipelineError } from './pipeline.errors';
import { trackJobProgress } from './progress/job-progress';
import type { ProgressEvent } from './progress/progress-tracker';
import { PipelineContext, PipelineRunRequest } from './pipeline.types';
import { fileExists, runProbeStage } from './probe.stage';
import { ClipRenderDispatch, PipelineSuspended } from './fan-out/clip-render-dispatch';
import { framedClipLane, runFrameStage } from './frame-clip';
import { runPublishStage } from './publish.stage';
import { RenderTools, runRenderStage } from './render/render.stage';
import { runSelectStage } from './select.stage';
import { readTranscript, runTranscribeStage } from './transcribe.stage';
import { claimWorkDir, workerIdentity } from './work-dirs';

export interface PipelineRunOptions {
  /** Extra listener for progress (the worker forwards it to BullMQ, the CLI prints it). */
  onProgress?: (event: ProgressEvent) => void;
  /** Called as each stage ends, with its wall time (the worker's metrics). */
  onStageDone?: (stage: PipelineStage, seconds: number) => void;
  /** Renders clips on other workers (the queue worker); without it every clip renders here. */
  dispatch?: ClipRenderDispatch;
}

export interface PipelineOutcome {
  clipCount: number;
  /** Stages skipped because a previous run had finished them. */
  resumedStages: string[];
  /** Why there are fewer clips than asked, when that is not obvious. */
  notice: string | null;
}

const NO_SPEECH =
  'no clips: no speech was found in the audio (silence, music or noise only), so there is nothing to cut on';

/** Rough bytes a stage writes to the work folder, to refuse it before the disk fills up. */
const AUDIO_BYTES_PER_SEC = 32_000;
const RENDER_BYTES_PER_SEC = 1_500_000;

/**
 * probe → transcribe → select → frame → render → publish for one job. Used by both the queue
 * worker and the CLI; it knows nothing of either. Each finished stage is checkpointed on the job
 * row, so a run that follows a crash, a stop or a retry continues where the last one ended.
 * Throws a PipelineError with a stable code; the work folder is kept then (a resumed run here
 * reuses its source and audio) until the job succeeds or is discarded.
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
    private readonly encoder: SentenceEncoder,
    @Inject(LLM_CLIENT) private readonly llm: ChatClient | null,
    @Inject(MEDIA_BINARIES) private readonly binaries: MediaBinaries,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(limitsConfig.KEY) private readonly limits: ConfigType<typeof limitsConfig>,
    @Inject(RENDER_SETTINGS) private readonly render: RenderSettings,
    private readonly faces: FaceAnalyzer,
  ) {}

  workDirOf(jobId: string): string {
    return path.join(this.app.workDir, jobId);
  }

  async run(
    request: PipelineRunRequest,
    runOptions: PipelineRunOptions = {},
  ): Promise<PipelineOutcome> {
    const { jobId } = request;
    if (!(await this.jobs.claim(jobId, workerIdentity())))
      throw new PipelineError('CANCELLED', 'the job was cancelled or has already ended', null);
    const job = await this.jobs.findById(jobId);
    const cp = readCheckpoint(job?.checkpoint);
    const resumedStages = Object.keys(cp).filter((k) => k !== 'timings');
    if (resumedStages.length)
      this.logger.log(`job ${jobId} resumed after: ${resumedStages.join(', ')}`);
    const workDir = this.workDirOf(jobId);
    await claimWorkDir(workDir);
    const tracker = await trackJobProgress(this.jobs, job, jobId, runOptions.onProgress);
    const timings: Record<string, number> = { ...cp.timings };
    const save = async (patch: Partial<PipelineCheckpoint>) => {
      Object.assign(cp, patch, { timings });
      await this.jobs.update(jobId, { checkpoint: cp as Record<string, unknown> });
    };
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
      // A stage that waited for other workers counts from when the wait began.
      const started = name === PipelineStage.Render && cp.suspendedAt ? cp.suspendedAt : Date.now();
      const result = await work();
      const seconds = (Date.now() - started) / 1000;
      timings[name] = Number(((timings[name] ?? 0) + seconds).toFixed(3));
      ctx.report(1);
      runOptions.onStageDone?.(name, seconds);
      this.logger.log(`job ${jobId}: ${name} done in ${seconds.toFixed(1)} s`);
      return result;
    };

    try {
      const rendersDone =
        (cp.render?.clips.length ?? 0) >= (cp.select?.highlights.length ?? Infinity);
      const needAudio = !cp.transcribe;
      if (
        !cp.probe ||
        (!rendersDone && !(await fileExists(ctx.sourcePath))) ||
        (needAudio && !(await fileExists(ctx.audioPath)))
      ) {
        const metadata = await step(PipelineStage.Probe, async () => {
          const source = job?.sourceMetadata;
          await this.assertRoom(
            workDir,
            (source?.sizeBytes ?? 0) + (source?.durationSec ?? 0) * AUDIO_BYTES_PER_SEC,
          );
          return runProbeStage(ctx, this.storage, { needAudio, limits: this.limits.media });
        });
        await save({ probe: { metadata } });
      }
      ctx.metadata = cp.probe!.metadata;

      if (!cp.transcribe) {
        const result = await step(PipelineStage.Transcribe, () =>
          runTranscribeStage(ctx, this.engine, this.storage, this.clips),
        );
        ctx.transcript = result.transcript;
        await save({
          transcribe: {
            transcriptKey: result.key,
            cached: result.cached,
            language: result.transcript.language,
            warnings: result.transcript.warnings ?? [],
          },
        });
      }
      const t = cp.transcribe!;
      await this.jobs.update(jobId, {
        transcriptKey: t.transcriptKey,
        language: t.language,
        transcriptCached: t.cached,
      });

      if (!cp.select) {
        ctx.transcript ??= (await readTranscript(this.storage, t.transcriptKey)) ?? undefined;
        if (!ctx.transcript)
          throw new PipelineError('ASR_FAILED', 'the stored transcript is gone', stage);
        const highlights = await step(PipelineStage.Select, () =>
          runSelectStage(ctx, { storage: this.storage, encoder: this.encoder, llm: this.llm }),
        );
        await save({ select: { highlights } });
      }
      ctx.highlights = cp.select!.highlights;

      const clipSeconds = ctx.highlights.reduce((s, h) => s + h.end - h.start, 0);
      const stored: StoredRender[] = [...(cp.render?.clips ?? [])];
      const onClipStored = async (clip: StoredRender) => {
        stored.push(clip);
        await save({ render: { clips: stored } });
        this.logger.log(`job ${jobId}: clip ${clip.index + 1} stored`);
      };
      const fansOut = (await runOptions.dispatch?.fansOut()) ?? false;
      if (!cp.frame?.renditions) {
        await this.assertRoom(workDir, clipSeconds * RENDER_BYTES_PER_SEC);
        const lane =
          this.render.whileFraming && !fansOut
            ? framedClipLane(ctx, this.renderTools(), stored, onClipStored)
            : null;
        const renditions = await step(PipelineStage.Frame, () =>
          runFrameStage(this.framing, ctx, lane),
        ).catch(async (err: unknown) => {
          await lane?.drain().catch(() => undefined);
          throw err;
        });
        await save({ frame: { renditions } });
        stage = PipelineStage.Render;
        // Clips still encoding after framing ended: render time, outside the frame stage.
        const draining = Date.now();
        await lane?.drain();
        const drained = (Date.now() - draining) / 1000;
        if (lane) timings.render = Number(((timings.render ?? 0) + drained).toFixed(3));
      }
      ctx.framings = cp.frame!.renditions;

      const renders = await step(PipelineStage.Render, async () => {
        if (fansOut) {
          const pending = ctx
            .highlights!.map((_, i) => i)
            .filter((i) => !stored.some((c) => c.index === i));
          for (const clip of await runOptions.dispatch!.render(pending)) await onClipStored(clip);
        }
        await this.assertRoom(workDir, clipSeconds * RENDER_BYTES_PER_SEC);
        return runRenderStage(ctx, this.renderTools(), stored, onClipStored);
      });
      await step(PipelineStage.Publish, () => runPublishStage(ctx, this.clips, renders));
      await tracker.flush();
      // Speech heard but not recognised explains zero clips better than "no speech".
      const warnings = t.warnings ?? [];
      const notice = warnings.length ? warnings.join('; ') : renders.length ? null : NO_SPEECH;
      await this.jobs.update(jobId, { notice, checkpoint: null });
      await this.jobs.markCompleted(jobId, timings);
      await fs.rm(workDir, { recursive: true, force: true });
      this.logger.log(`job ${jobId} completed: ${renders.length} clips ${JSON.stringify(timings)}`);
      return { clipCount: renders.length, resumedStages, notice };
    } catch (err) {
      await tracker.flush();
      if (err instanceof PipelineSuspended) {
        await save({ suspendedAt: cp.suspendedAt ?? Date.now() });
        throw err;
      }
      throw toPipelineError(err, stage);
    }
  }

  /**
   * Drops what a job that will not run again leaves behind: its scratch folder and its stored
   * clips (never recorded); with `everything`, also the source, transcript and all rows of files.
   */
  async discard(jobId: string, everything = false): Promise<void> {
    await fs.rm(this.workDirOf(jobId), { recursive: true, force: true });
    await (
      everything
        ? deleteJobObjects(this.storage, jobId)
        : this.storage.deletePrefix(StorageKeys.clipsPrefix(jobId))
    ).catch(() => undefined);
    if (everything) await this.clips.deleteForJob(jobId);
    await this.jobs.update(jobId, { checkpoint: null });
  }

  private renderTools(): RenderTools {
    return { storage: this.storage, settings: this.render, faces: this.faces };
  }

  private assertRoom(dir: string, bytes: number): Promise<void> {
    return assertFreeSpace(dir, bytes, this.limits.minFreeDiskBytes);
  }
}
