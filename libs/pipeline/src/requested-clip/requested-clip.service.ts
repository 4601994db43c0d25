import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from '@app/config';
import { FaceAnalyzer, FramingStrategy } from '@app/detection';
import { RenderRequestedClipPayload } from '@app/jobs';
import { SentenceEncoder } from '@app/language';
import { MEDIA_BINARIES, MediaBinaries } from '@app/media';
import { ClipRepository, JobRepository } from '@app/persistence';
import { analyzeTranscript, candidateRanges, scoreRange, toHighlight } from '@app/selection';
import { StorageDriver } from '@app/storage';
import { PipelineError } from '../pipeline.errors';
import { singleClipContext } from '../single-clip-context';
import { RENDER_SETTINGS, RenderSettings } from '../render/render-settings';
import { artifactRows, toClipRow } from '../publish.stage';
import { frameOneClip } from '../frame-clip';
import { renderOneClip } from '../render/render.stage';
import { sentenceVectors } from '../sentence-vectors';
import { planRequestedClip } from './plan-requested-clip';

/**
 * Renders one clip asked for on a finished job and adds it to the job's clips: scored and titled
 * like the others (origin `request`), framed and rendered in every aspect ratio of the job, its
 * files in storage and its row added in one transaction (files removed again if that fails).
 */
@Injectable()
export class RequestedClipService {
  private readonly logger = new Logger(RequestedClipService.name);

  constructor(
    private readonly jobs: JobRepository,
    private readonly clips: ClipRepository,
    private readonly storage: StorageDriver,
    private readonly framing: FramingStrategy,
    private readonly encoder: SentenceEncoder,
    @Inject(MEDIA_BINARIES) private readonly binaries: MediaBinaries,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(RENDER_SETTINGS) private readonly settings: RenderSettings,
    private readonly faces: FaceAnalyzer,
  ) {}

  async render(
    request: RenderRequestedClipPayload,
    signal?: AbortSignal,
    onProgress: (fraction: number) => void = () => undefined,
  ): Promise<number> {
    const job = await this.jobs.findById(request.jobId);
    if (!job) throw new PipelineError('CANCELLED', 'the job is gone', null);
    const { sentences, range } = await planRequestedClip(this.storage, job, {
      start: request.start,
      end: request.end,
    });
    const vectors = await sentenceVectors(this.storage, this.encoder, sentences, signal);
    const bounds = { ...job.options, mediaDuration: job.sourceMetadata!.durationSec };
    const analysis = analyzeTranscript(sentences, vectors, {
      keywords: job.options.keywords,
      ranges: candidateRanges(sentences, bounds),
    });
    const highlight = toHighlight(analysis, range, scoreRange(analysis, range), 'request');
    const index =
      (await this.clips.listByJob(job.id)).reduce((m, c) => Math.max(m, c.index), -1) + 1;
    const workDir = path.join(this.app.workDir, `${job.id}.request-${request.requestId}`);
    await fs.mkdir(workDir, { recursive: true });
    try {
      const ctx = singleClipContext(job, workDir, this.binaries, signal, onProgress);
      await this.storage.download(job.sourceKey, ctx.sourcePath);
      onProgress(0.1);
      const crops = await frameOneClip(this.framing, ctx, highlight, (f) =>
        onProgress(0.1 + 0.3 * f),
      );
      const stored = await renderOneClip(
        ctx,
        { storage: this.storage, settings: this.settings, faces: this.faces },
        {
          index,
          highlight,
          crops,
          report: (f) => onProgress(0.4 + 0.55 * f),
        },
      );
      try {
        await this.clips.addClip(toClipRow(job.id, stored), artifactRows(job.id, stored));
      } catch (err) {
        await Promise.all(
          stored.files.map((f) => this.storage.delete(f.key).catch(() => undefined)),
        );
        throw err;
      }
      this.logger.log(`job ${job.id}: requested clip ${index + 1} added (${highlight.title})`);
      return index;
    } finally {
      await fs.rm(workDir, { recursive: true, force: true });
    }
  }
}
