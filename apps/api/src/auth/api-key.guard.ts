import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiKeyService, LinkSigner } from '@app/access';
import { accessConfig } from '@app/config';
import { ApiProblem } from '../common/api-problem';
import { answerBeforeBody } from '../common/unread-body';
import { OPEN, setPrincipal } from './principal';
import { PUBLIC_ROUTE, SIGNED_LINK_ROUTE } from './route-access.decorator';

/** `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function presentedKey(req: Request): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (bearer) return bearer[1];
  const header = req.headers['x-api-key'];
  return typeof header === 'string' && header.trim() ? header.trim() : null;
}

/**
 * Decides who a request acts for before any handler runs — so an upload without a key is refused
 * before a byte of its body is read. Public routes and `AUTH_DISABLED=true` need no key.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyService,
    private readonly links: LinkSigner,
    @Inject(accessConfig.KEY) private readonly access: ConfigType<typeof accessConfig>,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.access.authDisabled || this.reflector.getAllAndOverride(PUBLIC_ROUTE, targets)) {
      setPrincipal(req, OPEN);
      return true;
    }
    const secret = presentedKey(req);
    // A key, when sent, is what counts; a signed link stands in for one only without it.
    const signed = req.query.signature !== undefined || req.query.expires !== undefined;
    if (!secret && signed && this.reflector.getAllAndOverride(SIGNED_LINK_ROUTE, targets)) {
      const check = this.links.check(req.path, req.query);
      if (check !== 'valid') throw refuse(req, linkProblem(check));
      setPrincipal(req, { via: 'link', keyId: null });
      return true;
    }
    if (!secret) {
      req.res?.setHeader('WWW-Authenticate', 'Bearer realm="clipgen"');
      throw refuse(
        req,
        unauthorized('AUTH_REQUIRED', 'send an API key: Authorization: Bearer <key> or X-API-Key'),
      );
    }
    const key = await this.keys.authenticate(secret);
    if (!key) {
      req.res?.setHeader('WWW-Authenticate', 'Bearer realm="clipgen", error="invalid_token"');
      throw refuse(req, unauthorized('AUTH_INVALID', 'the API key is unknown or revoked'));
    }
    setPrincipal(req, { via: 'key', keyId: key.id });
    return true;
  }
}

const unauthorized = (code: string, detail: string) =>
  new ApiProblem(HttpStatus.UNAUTHORIZED, code, 'Unauthorized', detail);

const linkProblem = (check: 'expired' | 'invalid') =>
  check === 'expired'
    ? new ApiProblem(
        HttpStatus.FORBIDDEN,
        'LINK_EXPIRED',
        'Forbidden',
        'this download link has expired; ask the status for a new one',
      )
    : new ApiProblem(
        HttpStatus.FORBIDDEN,
        'LINK_INVALID',
        'Forbidden',
        'this download link is not valid (altered or signed for another file)',
      );

/** A refused request's body is not read by any handler (see answerBeforeBody). */
function refuse(req: Request, problem: ApiProblem): ApiProblem {
  answerBeforeBody(req);
  return problem;
}
