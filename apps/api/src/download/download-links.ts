import { Injectable } from '@nestjs/common';
import { LinkSigner } from '@app/access';
import type { ArtifactEntity } from '@app/persistence';
import { StorageDriver } from '@app/storage';
import { PublicUrls } from '../common/public-urls';
import { downloadPath, isServed, LinkMaker } from '../status/job-status.mapper';

/**
 * Download URLs that work without a key until they expire: presigned by the object store when it
 * can (S3 serves the bytes, not the API), else the API's own path with an HMAC signature.
 */
@Injectable()
export class DownloadLinks {
  constructor(
    private readonly signer: LinkSigner,
    private readonly storage: StorageDriver,
    private readonly urls: PublicUrls,
  ) {}

  async forJob(
    jobId: string,
    artifacts: ArtifactEntity[],
  ): Promise<{ link: LinkMaker; expiresAt: Date }> {
    const expiresAtSec = this.signer.expiresAt();
    const expiresInSec = expiresAtSec - Math.floor(Date.now() / 1000);
    const presigned = new Map<string, string>();
    for (const a of artifacts) {
      if (!isServed(a.kind)) continue;
      const url = await this.storage.presignedReadUrl(a.storageKey, {
        expiresInSec,
        filename: a.filename,
        contentType: a.contentType,
      });
      if (url) presigned.set(downloadPath(jobId, a.kind, a.filename), url);
    }
    return {
      link: (path) => presigned.get(path) ?? this.urls.of(this.signer.sign(path, expiresAtSec)),
      expiresAt: new Date(expiresAtSec * 1000),
    };
  }
}
