import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { InjectQueue } from '@nestjs/bullmq';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { Queue } from 'bullmq';
import { appConfig } from '@app/config';
import {
  AspectRatio,
  ClipOptions,
  clipOptionErrors,
  DEFAULT_CLIP_OPTIONS,
  JOB_OPTIONS,
  JobName,
  ProcessVideoPayload,
  QueueName,
} from '@app/jobs';
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
import { receiveMultipartUpload } from './multipart-upload';
import { UploadOptionsDto } from './upload-options.dto';

const VIDEO_EXTENSIONS = /^\.(mp4|mov|m4v|mkv|webm|avi|mpg|mpeg|ts|flv|wmv|3gp)$/i;

/** Accepts an upload only once it is known to be a usable video; then stores it and enqueues it. */
@Injectable()
export class UploadService {
  private readonly logger = new Logger(UploadService.name);

  constructor(
    private readonly jobs: JobRepository,
    private readonly storage: StorageDriver,
    @InjectQueue(QueueName.VideoProcessing) private readonly queue: Queue<ProcessVideoPayload>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(MEDIA_BINARIES) private readonly binaries: MediaBinaries,
  ) {}

  async accept(req: Request): Promise<{ jobId: string }> {
    const tempDir = path.join(this.app.workDir, 'uploads');
    await fs.mkdir(tempDir, { recursive: true });
    const upload = await receiveMultipartUpload(req, tempDir, this.app.maxUploadBytes);
    try {
      const options = await this.parseOptions(upload.fields);
      if (upload.sizeBytes === 0)
        throw ApiProblem.badRequest('MEDIA_EMPTY', 'the uploaded file is empty');
      const metadata = await this.probe(upload.tempPath, upload.sizeBytes);
      const jobId = randomUUID();
      const ext = path.extname(upload.originalName);
      const sourceKey = StorageKeys.source(
        jobId,
        VIDEO_EXTENSIONS.test(ext) ? ext.toLowerCase() : '.mp4',
      );
      await this.storage.moveFile(
        sourceKey,
        upload.tempPath,
        upload.mimeType || 'application/octet-stream',
      );
      try {
        await this.jobs.create({
          id: jobId,
          sourceKey,
          sourceFilename: upload.originalName.slice(0, 255),
          sourceMetadata: metadata,
          options,
        });
      } catch (err) {
        // No job row means no one will ever find this object: do not leave it behind.
        await this.storage.delete(sourceKey).catch(() => undefined);
        throw err;
      }
      await this.enqueue(jobId, sourceKey, options);
      return { jobId };
    } finally {
      await fs.rm(upload.tempPath, { force: true });
    }
  }

  private async parseOptions(fields: Record<string, string>): Promise<ClipOptions> {
    const dto = plainToInstance(UploadOptionsDto, fields);
    const errors = await validate(dto, { forbidUnknownValues: false });
    if (errors.length) {
      const messages = errors.flatMap((e) => Object.values(e.constraints ?? {}));
      throw ApiProblem.badRequest('INVALID_OPTIONS', messages.join('; '), { errors: messages });
    }
    const options: ClipOptions = {
      maxClips: dto.maxClips ?? DEFAULT_CLIP_OPTIONS.maxClips,
      minDuration: dto.minDuration ?? DEFAULT_CLIP_OPTIONS.minDuration,
      maxDuration: dto.maxDuration ?? DEFAULT_CLIP_OPTIONS.maxDuration,
      aspectRatio: (dto.aspectRatio as AspectRatio) ?? DEFAULT_CLIP_OPTIONS.aspectRatio,
      language: dto.language ?? DEFAULT_CLIP_OPTIONS.language,
    };
    const rules = clipOptionErrors(options);
    if (rules.length)
      throw ApiProblem.badRequest('INVALID_OPTIONS', rules.join('; '), { errors: rules });
    return options;
  }

  private async probe(file: string, sizeBytes: number): Promise<SourceMetadata> {
    try {
      return { ...(await inspectVideo(this.binaries.ffprobe, file)), sizeBytes };
    } catch (err) {
      if (err instanceof MediaError) {
        throw new ApiProblem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          err.code,
          'Unprocessable Content',
          err.message,
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
