import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'clipgen:public';
export const SIGNED_LINK_ROUTE = 'clipgen:signed-link';

/** No key needed (health probes). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** A valid signed link (`?expires=…&signature=…`) stands in for a key (downloads). */
export const SignedLinkAllowed = () => SetMetadata(SIGNED_LINK_ROUTE, true);
