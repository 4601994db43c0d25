import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from '@app/config';
import { FaceAnalyzer } from '@app/detection';
import { MEDIA_BINARIES, MediaBinaries } from '@app/media';
import { JobRepository, JobStatus } from '@app/persistence';
import { StorageDriver } from '@app/storage';
import { readCheckpoint, StoredRender } from '../checkpoint';
import { PipelineError } from '../pipeline.errors';
import { singleClipContext } from '../single-clip-context';
import { renderOneClip } from '../render/render.stage';
import { RENDER_SETTINGS, RenderSettings } from '../render/render-settings';
import { claimWorkDir } from '../work-dirs';

/**
 * One clip of a running job, rendered on whichever worker took the child job: the source comes
 * from storage into a scratch folder of its own, removed whatever happens; the clip's files go
 * to storage and what the parent needs to publish them is returned.
 */
@Injectable()
export class ClipRenderService {
  private readonly logger = new Logger(ClipRenderService.name);

  constructor(
    private readonly jobs: JobRepository,
    private readonly storage: StorageDriver,
    private readonly faces: FaceAnalyzer,
    @Inject(MEDIA_BINARIES) private readonly binaries: MediaBinaries,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(RENDER_SETTINGS) private readonly settings: RenderSettings,
  ) {}

  async render(
    jobId: string,
    index: number,
    signal?: AbortSignal,
    onProgress: (fraction: number) => void = () => undefined,
  ): Promise<StoredRender> {
    const job = await this.jobs.findById(jobId);
    // Queued too: its parent may have been handed back to the queue while this clip waited.
    if (!job || ![JobStatus.Processing, JobStatus.Queued].includes(job.status))
      throw new PipelineError('CANCELLED', `job ${jobId} is ${job?.status ?? 'gone'}`, null);
    const cp = readCheckpoint(job.checkpoint);
    const highlight = cp.select?.highlights[index];
    const crops = cp.frame?.renditions?.[index];
    if (!highlight || !crops)
      throw new PipelineError('INTERNAL', `job ${jobId} has no framed clip ${index + 1}`, null);
    const workDir = path.join(this.app.workDir, `${jobId}.clip-${index}`);
    await claimWorkDir(workDir);
    try {
      const ctx = singleClipContext(job, workDir, this.binaries, signal, onProgress);
      ctx.metadata = cp.probe?.metadata ?? ctx.metadata;
      await this.storage.download(job.sourceKey, ctx.sourcePath);
      const stored = await renderOneClip(
        ctx,
        { storage: this.storage, settings: this.settings, faces: this.faces },
        { index, highlight, crops, report: onProgress },
      );
      this.logger.log(`job ${jobId}: clip ${index + 1} rendered`);
      return stored;
    } finally {
      await fs.rm(workDir, { recursive: true, force: true });
    }
  }
}
