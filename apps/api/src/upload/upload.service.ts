import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { HttpStatus, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Request } from 'express';
import { appConfig, limitsConfig, whisperConfig } from '@app/config';
import { assertFreeSpace, InsufficientSpaceError } from '@app/storage';
import { principalOf } from '../auth/principal';
import { ApiProblem } from '../common/api-problem';
import { DrainService } from '../lifecycle/drain.service';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { isValidIdempotencyKey, uploadFingerprint } from './idempotency/upload-fingerprint';
import { receiveMultipartUpload, ReceivedUpload } from './multipart-upload';
import { sweepStaleUploads } from './upload-temp-files';
import { CallbackPolicy } from './callback-policy';
import { checkUploadFields } from './parse-upload-options';
import { VideoAdmission } from './video-admission.service';

/** Multipart framing and the option fields around the file; a larger body cannot be an upload. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface AcceptedUpload {
  jobId: string;
  /** An earlier request with the same Idempotency-Key and body made this job. */
  replayed: boolean;
}

/** Receives multipart uploads (checked before and while the body arrives) and admits them as jobs. */
@Injectable()
export class UploadService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UploadService.name);

  constructor(
    private readonly admission: VideoAdmission,
    private readonly idempotency: IdempotencyStore,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(limitsConfig.KEY) private readonly limits: ConfigType<typeof limitsConfig>,
    @Inject(whisperConfig.KEY) private readonly whisper: ConfigType<typeof whisperConfig>,
    private readonly drain: DrainService,
    private readonly callbacks: CallbackPolicy,
  ) {}

  /** What the option fields alone can tell, before a byte of the file (multipart and tus). */
  checkFields(fields: Record<string, string>): void {
    checkUploadFields(fields, this.whisper.model);
    this.callbacks.check(fields);
  }

  private get tempDir(): string {
    return path.join(this.app.workDir, 'uploads');
  }

  async onApplicationBootstrap(): Promise<void> {
    await fs.mkdir(this.tempDir, { recursive: true });
    const removed = await sweepStaleUploads(this.tempDir);
    if (removed.length) this.logger.warn(`removed ${removed.length} upload(s) left by a crash`);
  }

  accept(req: Request): Promise<AcceptedUpload> {
    this.drain.assertAccepting(req);
    return this.drain.track(() => this.receiveAndQueue(req));
  }

  private async receiveAndQueue(req: Request): Promise<AcceptedUpload> {
    const idempotencyKey = idempotencyKeyOf(req);
    await this.checkBeforeBody(req);
    const upload = await receiveMultipartUpload(req, this.tempDir, {
      maxBytes: this.app.maxUploadBytes,
      idleTimeoutMs: this.limits.uploadIdleTimeoutMs,
      // Clients that send the options first learn of a mistake before sending gigabytes.
      checkFieldsBeforeFile: (fields) => this.checkFields(fields),
    });
    const owner = principalOf(req).keyId;
    const video = { ...upload, ownerKeyId: owner };
    if (!idempotencyKey) return { ...(await this.admission.admit(video)), replayed: false };
    return this.admitOnce(owner, idempotencyKey, upload, () => this.admission.admit(video));
  }

  /** Idempotency-Key: the first request with a key makes the job; the same body again gets it. */
  private async admitOnce(
    owner: string | null,
    key: string,
    upload: ReceivedUpload,
    admit: () => Promise<{ jobId: string }>,
  ): Promise<AcceptedUpload> {
    const fingerprint = uploadFingerprint(upload);
    const claim = await this.idempotency.claim(owner, key, fingerprint).catch((err: Error) => {
      this.logger.error(`idempotency store unavailable: ${err.message}`);
      return null;
    });
    if (claim?.kind !== 'claimed') await fs.rm(upload.tempPath, { force: true });
    if (!claim) throw unavailable('the idempotency store (Redis) is unavailable; retry shortly');
    if (claim.kind === 'replay') return { jobId: claim.jobId, replayed: true };
    if (claim.kind === 'mismatch')
      throw new ApiProblem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'IDEMPOTENCY_KEY_REUSED',
        'Unprocessable Content',
        'this Idempotency-Key was used with a different upload (file or fields); use a new key',
      );
    if (claim.kind === 'pending')
      throw new ApiProblem(
        HttpStatus.CONFLICT,
        'IDEMPOTENCY_KEY_IN_USE',
        'Conflict',
        'a request with this Idempotency-Key is still being processed; retry in a few seconds',
      );
    try {
      const { jobId } = await admit();
      await this.idempotency.complete(owner, key, fingerprint, jobId).catch((err: Error) => {
        this.logger.warn(`Idempotency-Key not recorded for job ${jobId}: ${err.message}`);
      });
      return { jobId, replayed: false };
    } catch (err) {
      await this.idempotency.release(owner, key).catch(() => undefined);
      throw err;
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
    await this.assertRoomFor(Number.isFinite(declared) ? declared : 0, req);
  }

  /** 507 when the work volume has no room for `bytes` more (also asked by resumable uploads). */
  async assertRoomFor(bytes: number, req?: Request): Promise<void> {
    try {
      await fs.mkdir(this.tempDir, { recursive: true });
      await assertFreeSpace(this.tempDir, bytes, this.limits.minFreeDiskBytes);
    } catch (err) {
      if (!(err instanceof InsufficientSpaceError)) throw err;
      this.logger.error(err.message);
      req?.res?.setHeader('Connection', 'close');
      throw new ApiProblem(
        HttpStatus.INSUFFICIENT_STORAGE,
        'INSUFFICIENT_STORAGE',
        'Insufficient Storage',
        'the server has no room for this upload right now; try again later',
      );
    }
  }
}

const unavailable = (detail: string) =>
  new ApiProblem(
    HttpStatus.SERVICE_UNAVAILABLE,
    'SERVICE_UNAVAILABLE',
    'Service Unavailable',
    detail,
  );

/** The Idempotency-Key header, checked before the body is read. */
function idempotencyKeyOf(req: Request): string | null {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return null;
  if (typeof key !== 'string' || !isValidIdempotencyKey(key))
    throw ApiProblem.badRequest(
      'INVALID_IDEMPOTENCY_KEY',
      'Idempotency-Key must be 1–255 visible ASCII characters (a UUID is a good choice)',
    );
  return key;
}
