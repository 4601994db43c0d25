import { SetMetadata } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';

const UPLOAD_ROUTE = 'clipgen:upload-route';

/** Counted against the stricter upload limit instead of the read limit. */
export const UploadRoute = () => SetMetadata(UPLOAD_ROUTE, true);

export const isUploadRoute = (ctx: ExecutionContext): boolean =>
  Reflect.getMetadata(UPLOAD_ROUTE, ctx.getHandler()) === true;
