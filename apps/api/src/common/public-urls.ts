import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from '@app/config';

/**
 * URLs handed to clients: absolute under PUBLIC_BASE_URL when it is set (what clients outside a
 * proxy must use), else paths relative to the API's own origin.
 */
@Injectable()
export class PublicUrls {
  private readonly base: string;

  constructor(@Inject(appConfig.KEY) app: ConfigType<typeof appConfig>) {
    this.base = app.publicBaseUrl ?? '';
  }

  /** `path` (starting with /) as clients should call it; absolute URLs pass through. */
  of(path: string): string {
    return /^https?:\/\//.test(path) ? path : `${this.base}${path}`;
  }
}
