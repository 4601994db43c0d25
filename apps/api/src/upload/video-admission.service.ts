import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { InjectQueue } from '@nestjs/bullmq';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import { limitsConfig, whisperConfig } from '@app/config';
import { ClipOptions, JOB_OPTIONS, JobName, ProcessVideoPayload, QueueName } from '@app/jobs';
import {
  inspectVideo,
  MEDIA_BINARIES,
  MediaBinaries,
  MediaError,
  SourceMetadata,
} from '@app/media';
import { JobRepository } from '@app/persistence';
import { StorageDriver, StorageKeys } from '@app/storage';
import { ApiProblem } from '../common/api-problem';
import { CallbackPolicy } from './callback-policy';
import { parseUploadOptions } from './parse-upload-options';

const VIDEO_EXTENSIONS = /^\.(mp4|mov|m4v|mkv|webm|avi|mpg|mpeg|ts|flv|wmv|3gp)$/i;

/** A fully received upload (multipart or resumable), still in a local file. */
export interface ReceivedVideo {
  tempPath: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  /** The option fields sent with it, as the multipart form names them. */
  fields: Record<string, string>;
  ownerKeyId: string | null;
}

/**
 * The one way a received file becomes a job, whichever way it was uploaded: options checked, the
 * file probed (only a usable video is accepted), moved to storage, recorded, queued.
 */
@Injectable()
export class VideoAdmission {
  private readonly logger = new Logger(VideoAdmission.name);

  constructor(
    private readonly jobs: JobRepository,
    private readonly storage: StorageDriver,
    private readonly callbacks: CallbackPolicy,
    @InjectQueue(QueueName.VideoProcessing) private readonly queue: Queue<ProcessVideoPayload>,
    @Inject(MEDIA_BINARIES) private readonly binaries: MediaBinaries,
    @Inject(limitsConfig.KEY) private readonly limits: ConfigType<typeof limitsConfig>,
    @Inject(whisperConfig.KEY) private readonly whisper: ConfigType<typeof whisperConfig>,
  ) {}

  /** Takes the file over: it ends in storage, or is deleted. */
  async admit(video: ReceivedVideo): Promise<{ jobId: string }> {
    try {
      const options = parseUploadOptions(video.fields, this.whisper.model);
      const callbackUrl = this.callbacks.check(video.fields);
      if (video.sizeBytes === 0)
        throw ApiProblem.badRequest('MEDIA_EMPTY', 'the uploaded file is empty');
      const metadata = await this.probe(video.tempPath, video.sizeBytes);
      const jobId = randomUUID();
      const ext = path.extname(video.originalName);
      const sourceKey = StorageKeys.source(
        jobId,
        VIDEO_EXTENSIONS.test(ext) ? ext.toLowerCase() : '.mp4',
      );
      await this.storage.moveFile(
        sourceKey,
        video.tempPath,
        video.mimeType || 'application/octet-stream',
      );
      try {
        await this.jobs.create({
          id: jobId,
          sourceKey,
          sourceFilename: video.originalName.slice(0, 255),
          sourceMetadata: metadata,
          options,
          ownerKeyId: video.ownerKeyId,
          callbackUrl,
        });
      } catch (err) {
        // No job row means no one will ever find this object: do not leave it behind.
        await this.storage.delete(sourceKey).catch(() => undefined);
        throw err;
      }
      await this.enqueue(jobId, sourceKey, options);
      return { jobId };
    } finally {
      await fs.rm(video.tempPath, { force: true });
    }
  }

  private async probe(file: string, sizeBytes: number): Promise<SourceMetadata> {
    try {
      const metadata = await inspectVideo(
        this.binaries.ffprobe,
        file,
        undefined,
        this.limits.media,
      );
      return { ...metadata, sizeBytes };
    } catch (err) {
      if (err instanceof MediaError) {
        throw new ApiProblem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          err.code,
          'Unprocessable Content',
          err.message,
          err.details,
        );
      }
      throw err;
    }
  }

  /** If Redis refuses the job, the job row says so: nothing is dropped silently. */
  private async enqueue(jobId: string, sourceKey: string, options: ClipOptions): Promise<void> {
    try {
      await this.queue.add(
        JobName.ProcessVideo,
        { jobId, sourceKey, options },
        { ...JOB_OPTIONS[JobName.ProcessVideo], jobId },
      );
    } catch (err) {
      this.logger.error(`enqueue of ${jobId} failed: ${(err as Error).message}`);
      await this.jobs.markFailed(
        jobId,
        'QUEUE_UNAVAILABLE',
        'the job could not be queued; upload again',
      );
      throw new ApiProblem(
        HttpStatus.SERVICE_UNAVAILABLE,
        'QUEUE_UNAVAILABLE',
        'Service Unavailable',
        'the job queue is unavailable; try again shortly',
      );
    }
  }
}
