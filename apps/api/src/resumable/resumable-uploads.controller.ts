import { Controller, Delete, Head, Options, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { UploadRoute } from '../throttling/upload-route.decorator';
import { problemBody } from '../common/problem-body';
import { TusUploads } from './tus-uploads';

/**
 * The tus 1.0.0 endpoint (`POST /api/uploads`, then `PATCH`/`HEAD /api/uploads/{id}`), behind the
 * same key guard and rate limits as every route. Left out of the OpenAPI document: it is a
 * protocol of its own (https://tus.io/protocols/resumable-upload), spoken by tus clients.
 */
@ApiExcludeController()
@Controller('uploads')
export class ResumableUploadsController {
  constructor(private readonly tus: TusUploads) {}

  @Post()
  @UploadRoute()
  create(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.handle(req, res);
  }

  @Patch(':id')
  append(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.handle(req, res);
  }

  @Head(':id')
  offset(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.handle(req, res);
  }

  @Delete(':id')
  terminate(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.handle(req, res);
  }

  @Options(['/', ':id'])
  capabilities(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.handle(req, res);
  }

  private async handle(req: Request, res: Response): Promise<void> {
    if (req.method !== 'OPTIONS' && req.headers['tus-resumable'] === undefined) {
      res.status(412).type('application/problem+json').set('Tus-Resumable', '1.0.0');
      res.send(
        problemBody(
          412,
          'TUS_RESUMABLE_REQUIRED',
          'Precondition Failed',
          'send Tus-Resumable: 1.0.0 (this is the tus resumable upload endpoint)',
          req.originalUrl,
        ),
      );
      return;
    }
    // CORS is decided once for the whole API (security/cors-policy.ts), not by the tus library.
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name: string, value: number | string | readonly string[]) =>
      /^access-control-/i.test(name) ? res : setHeader(name, value);
    await this.tus.server.handle(req, res);
  }
}
