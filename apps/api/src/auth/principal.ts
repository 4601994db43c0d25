import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * Who a request acts for. `key`: an API key (sees only its own jobs); `link`: a signed download
 * link (that one file); `open`: auth is off or the route is public (sees everything).
 */
export interface Principal {
  via: 'key' | 'link' | 'open';
  keyId: string | null;
}

export const OPEN: Principal = { via: 'open', keyId: null };

type WithPrincipal = Request & { principal?: Principal };

export const principalOf = (req: Request): Principal => (req as WithPrincipal).principal ?? OPEN;

export const setPrincipal = (req: Request, principal: Principal): void => {
  (req as WithPrincipal).principal = principal;
};

/** The request's principal, as the API key guard found it. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => principalOf(ctx.switchToHttp().getRequest()),
);
