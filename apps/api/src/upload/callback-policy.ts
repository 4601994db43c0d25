import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { webhooksConfig } from '@app/config';
import { CallbackUrlError, checkCallbackUrl } from '@app/webhooks';
import { ApiProblem } from '../common/api-problem';

/**
 * Whether an upload's `callbackUrl` may be used: the server can sign callbacks, and the URL is
 * http(s) and not an address inside this network (SSRF). Null when none was asked for.
 */
@Injectable()
export class CallbackPolicy {
  constructor(
    @Inject(webhooksConfig.KEY) private readonly config: ConfigType<typeof webhooksConfig>,
  ) {}

  check(fields: Record<string, string>): string | null {
    const raw = fields.callbackUrl?.trim();
    if (!raw) return null;
    if (!this.config.secret)
      throw ApiProblem.badRequest(
        'CALLBACKS_NOT_CONFIGURED',
        'this server cannot sign callbacks (WEBHOOK_SECRET is not set); poll the status or stream /events instead',
      );
    try {
      return checkCallbackUrl(raw, this.config.allowPrivate).toString();
    } catch (err) {
      if (err instanceof CallbackUrlError)
        throw ApiProblem.badRequest('INVALID_CALLBACK_URL', err.message);
      throw err;
    }
  }
}
