import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { FileStore } from '@tus/file-store';
import { Server, Upload } from '@tus/server';
import type { Request } from 'express';
import { accessConfig, appConfig } from '@app/config';
import { principalOf } from '../auth/principal';
import { ApiProblem } from '../common/api-problem';
import { DrainService } from '../lifecycle/drain.service';
import { UploadService } from '../upload/upload.service';
import { VideoAdmission } from '../upload/video-admission.service';
import { toProblemAnswer, tusAnswerOf } from './tus-errors';

export const RESUMABLE_PATH = '/api/uploads';

/** Upload-Metadata keys that are not job options. */
const FILE_KEYS = ['filename', 'filetype', 'owner'];

const optionFields = (metadata: Upload['metadata']) =>
  Object.fromEntries(
    Object.entries(metadata ?? {}).filter(
      (e): e is [string, string] => !FILE_KEYS.includes(e[0]) && typeof e[1] === 'string',
    ),
  );

/**
 * Resumable uploads (tus 1.0.0: creation, expiration, termination) into the work folder. A
 * finished upload becomes a job through the same admission as a multipart one; an unfinished one
 * is deleted after RESUMABLE_UPLOAD_EXPIRY_SEC.
 */
@Injectable()
export class TusUploads implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ResumableUploads');
  readonly server: Server;
  private readonly store: FileStore;
  private sweeping?: Promise<number>;
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly admission: VideoAdmission,
    private readonly uploads: UploadService,
    private readonly drain: DrainService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(accessConfig.KEY) private readonly access: ConfigType<typeof accessConfig>,
  ) {
    this.store = new FileStore({
      directory: path.join(app.workDir, 'tus'),
      expirationPeriodInMilliseconds: access.resumableExpirySec * 1000,
    });
    this.server = new Server({
      path: RESUMABLE_PATH,
      datastore: this.store,
      maxSize: app.maxUploadBytes,
      relativeLocation: true,
      respectForwardedHeaders: true,
      disableTerminationForFinishedUploads: true,
      onIncomingRequest: (req, _res, id) => this.checkOwner(req, id),
      onUploadCreate: (req, res, upload) => this.create(req, res, upload),
      onUploadFinish: (req, res, upload) => this.finish(req, res, upload),
      onResponseError: (req, res, err) => {
        res.setHeader('Content-Type', 'application/problem+json');
        if (!(typeof err === 'object' && 'status_code' in err)) this.logger.error(String(err));
        return toProblemAnswer(err, (req as Request).originalUrl ?? req.url ?? '');
      },
    } as ConstructorParameters<typeof Server>[0]);
  }

  async onModuleInit(): Promise<void> {
    await fs.mkdir(path.join(this.app.workDir, 'tus'), { recursive: true });
    const everyMs = Math.min(this.access.resumableExpirySec * 250, 10 * 60_000);
    this.sweeper = setInterval(() => void this.sweep(), everyMs);
    this.sweeper.unref();
    await this.sweep();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /**
   * Deletes uploads left unfinished for longer than the expiry. One sweep at a time: two at once
   * would race to delete the same files, and the store rejects the loser outside any await.
   */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<number> {
    const removed = await this.server.cleanUpExpiredUploads().catch((err: Error) => {
      this.logger.warn(`expired uploads not swept: ${err.message}`);
      return 0;
    });
    if (removed) this.logger.log(`deleted ${removed} expired resumable upload(s)`);
    return removed;
  }

  /** An upload is its creator's: another key gets 404, as for jobs. */
  private async checkOwner(req: IncomingMessage, id: string): Promise<void> {
    const principal = principalOf(req as Request);
    if (principal.via !== 'key') return;
    const upload = await this.store.getUpload(id).catch(() => null);
    if (upload && (upload.metadata?.owner ?? '') !== principal.keyId)
      throw tusAnswerOf(ApiProblem.notFound(`no upload ${id}`), (req as Request).originalUrl);
  }

  private async create(req: IncomingMessage, res: ServerResponse, upload: Upload) {
    const instance = (req as Request).originalUrl;
    try {
      this.drain.assertAccepting(req as Request);
      this.uploads.checkFields(optionFields(upload.metadata));
      await this.uploads.assertRoomFor(upload.size ?? 0);
    } catch (err) {
      if (err instanceof ApiProblem) throw tusAnswerOf(err, instance);
      throw err;
    }
    const owner = principalOf(req as Request).keyId ?? '';
    return { res, metadata: { ...upload.metadata, owner } };
  }

  private async finish(req: IncomingMessage, res: ServerResponse, upload: Upload) {
    const instance = (req as Request).originalUrl;
    try {
      const { jobId } = await this.drain.track(() =>
        this.admission.admit({
          tempPath: path.join(this.store.directory, upload.id),
          originalName: upload.metadata?.filename ?? 'upload',
          mimeType: upload.metadata?.filetype ?? '',
          sizeBytes: upload.offset,
          fields: optionFields(upload.metadata),
          ownerKeyId: upload.metadata?.owner || null,
        }),
      );
      return {
        res,
        status_code: 204,
        headers: { 'Clipgen-Job-Id': jobId, 'Clipgen-Status-Url': `/api/status/${jobId}` },
      };
    } catch (err) {
      if (err instanceof ApiProblem) throw tusAnswerOf(err, instance);
      throw err;
    } finally {
      // The file itself was taken over by the admission (stored or deleted); its record goes too.
      await this.store.configstore.delete(upload.id).catch(() => undefined);
    }
  }
}
