import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { InjectQueue } from '@nestjs/bullmq';
import { HttpStatus, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Request } from 'express';
import { Queue } from 'bullmq';
import { appConfig, limitsConfig, whisperConfig } from '@app/config';
import { ClipOptions, JOB_OPTIONS, JobName, ProcessVideoPayload, QueueName } from '@app/jobs';
import {
  inspectVideo,
  MEDIA_BINARIES,
  MediaBinaries,
  MediaError,
  SourceMetadata,
} from '@app/media';
import { JobRepository } from '@app/persistence';
import { assertFreeSpace, InsufficientSpaceError, StorageDriver, StorageKeys } from '@app/storage';
import { ApiProblem } from '../common/api-problem';
import { DrainService } from '../lifecycle/drain.service';
import { receiveMultipartUpload } from './multipart-upload';
import { sweepStaleUploads } from './upload-temp-files';
import { checkUploadFields, parseUploadOptions } from './parse-upload-options';

const VIDEO_EXTENSIONS = /^\.(mp4|mov|m4v|mkv|webm|avi|mpg|mpeg|ts|flv|wmv|3gp)$/i;

/** Multipart framing and the option fields around the file; a larger body cannot be an upload. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** Accepts an upload only once it is known to be a usable video; then stores it and enqueues it. */
@Injectable()
export class UploadService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UploadService.name);

  constructor(
    private readonly jobs: JobRepository,
    private readonly storage: StorageDriver,
    @InjectQueue(QueueName.VideoProcessing) private readonly queue: Queue<ProcessVideoPayload>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(MEDIA_BINARIES) private readonly binaries: MediaBinaries,
    @Inject(limitsConfig.KEY) private readonly limits: ConfigType<typeof limitsConfig>,
    @Inject(whisperConfig.KEY) private readonly whisper: ConfigType<typeof whisperConfig>,
    private readonly drain: DrainService,
  ) {}

  private get tempDir(): string {
    return path.join(this.app.workDir, 'uploads');
  }

  async onApplicationBootstrap(): Promise<void> {
    await fs.mkdir(this.tempDir, { recursive: true });
    const removed = await sweepStaleUploads(this.tempDir);
    if (removed.length) this.logger.warn(`removed ${removed.length} upload(s) left by a crash`);
  }

  accept(req: Request): Promise<{ jobId: string }> {
    if (this.drain.isDraining) {
      req.res?.setHeader('Retry-After', '5');
      throw new ApiProblem(
        HttpStatus.SERVICE_UNAVAILABLE,
        'SHUTTING_DOWN',
        'Service Unavailable',
        'this API instance is shutting down; retry in a few seconds',
      );
    }
    return this.drain.track(() => this.receiveAndQueue(req));
  }

  private async receiveAndQueue(req: Request): Promise<{ jobId: string }> {
    await this.checkBeforeBody(req);
    const upload = await receiveMultipartUpload(req, this.tempDir, {
      maxBytes: this.app.maxUploadBytes,
      idleTimeoutMs: this.limits.uploadIdleTimeoutMs,
      // Clients that send the options first learn of a mistake before sending gigabytes.
      checkFieldsBeforeFile: (fields) => void checkUploadFields(fields, this.whisper.model),
    });
    try {
      const options = parseUploadOptions(upload.fields, this.whisper.model);
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

  /** Early answers from the headers alone: too large, or no room on disk for it. */
  private async checkBeforeBody(req: Request): Promise<void> {
    const declared = Number(req.headers['content-length']);
    if (
      Number.isFinite(declared) &&
      declared > this.app.maxUploadBytes + MULTIPART_OVERHEAD_BYTES
    ) {
      req.res?.setHeader('Connection', 'close');
      throw new ApiProblem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'UPLOAD_TOO_LARGE',
        'Payload Too Large',
        `the upload (${declared} bytes) exceeds MAX_UPLOAD_BYTES (${this.app.maxUploadBytes} bytes)`,
        { limitBytes: this.app.maxUploadBytes },
      );
    }
    try {
      await fs.mkdir(this.tempDir, { recursive: true });
      await assertFreeSpace(
        this.tempDir,
        Number.isFinite(declared) ? declared : 0,
        this.limits.minFreeDiskBytes,
      );
    } catch (err) {
      if (!(err instanceof InsufficientSpaceError)) throw err;
      this.logger.error(err.message);
      req.res?.setHeader('Connection', 'close');
      throw new ApiProblem(
        HttpStatus.INSUFFICIENT_STORAGE,
        'INSUFFICIENT_STORAGE',
        'Insufficient Storage',
        'the server has no room for this upload right now; try again later',
      );
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
