import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { accessConfig } from '@app/config';
import { checkSignedPath, LinkCheck, signPath } from './signed-link';

/** Signs download links that work without a key until they expire (for `<video>` tags, sharing). */
@Injectable()
export class LinkSigner {
  private readonly secret: string;

  constructor(@Inject(accessConfig.KEY) private readonly access: ConfigType<typeof accessConfig>) {
    this.secret = access.urlSigningSecret ?? randomBytes(32).toString('hex');
    if (!access.urlSigningSecret && !access.authDisabled)
      new Logger(LinkSigner.name).warn(
        'URL_SIGNING_SECRET is not set: download links are signed with a random secret of this process; they stop working when it restarts and on other replicas',
      );
  }

  /** Unix seconds at which links signed now expire. */
  expiresAt(nowMs = Date.now()): number {
    return Math.floor(nowMs / 1000) + this.access.signedUrlTtlSec;
  }

  sign(path: string, expiresAtSec = this.expiresAt()): string {
    return signPath(path, expiresAtSec, this.secret);
  }

  check(path: string, query: { expires?: unknown; signature?: unknown }): LinkCheck {
    return checkSignedPath(path, query, this.secret, Date.now() / 1000);
  }
}
