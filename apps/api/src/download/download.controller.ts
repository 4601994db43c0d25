import { pipeline } from 'node:stream/promises';
import { Controller, Get, Headers, HttpStatus, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ArtifactEntity, ArtifactKind, ClipRepository } from '@app/persistence';
import { StorageDriver } from '@app/storage';
import { ApiBinaryDownload } from '../common/api-binary-response.decorator';
import { ApiProblem } from '../common/api-problem';
import { JobIdPipe } from '../common/job-id.pipe';
import { ApiProblemResponse, ApiProtected } from '../common/api-problem-response.decorator';
import { OwnedJobs } from '../auth/owned-jobs';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { SignedLinkAllowed } from '../auth/route-access.decorator';
import { parseByteRange } from './byte-range';

/**
 * Serves stored clip files. The (jobId, filename) pair is looked up in the database and the
 * storage key comes from there, so no user input ever becomes part of a path.
 */
@ApiTags('downloads')
@ApiProtected()
@Controller('download')
@SignedLinkAllowed()
@ApiQuery({
  name: 'expires',
  required: false,
  schema: { type: 'integer', minimum: 0 },
  description: 'signed link (from the status; stands in for a key): expiry, Unix seconds',
})
@ApiQuery({
  name: 'signature',
  required: false,
  description: 'signed link: HMAC of path and expiry',
})
export class DownloadController {
  constructor(
    private readonly clips: ClipRepository,
    private readonly storage: StorageDriver,
    private readonly owned: OwnedJobs,
  ) {}

  @Get('clips/:jobId/:filename')
  @ApiOperation({
    operationId: 'downloadClip',
    summary: 'Download a rendered clip (MP4); honours HTTP Range for seeking',
  })
  @ApiParam({ name: 'jobId', format: 'uuid', description: 'as returned by the upload' })
  @ApiParam({
    name: 'filename',
    example: 'clip-01.mp4',
    description: 'as named in the status URLs',
  })
  @ApiBinaryDownload(['video/mp4'], 'the MP4')
  @ApiProblemResponse(400, 'malformed job id')
  @ApiProblemResponse(403, 'a signed link that expired or was altered')
  @ApiProblemResponse(404, 'no such clip')
  @ApiProblemResponse(416, 'range outside the file')
  async clip(
    @Param('jobId', JobIdPipe) jobId: string,
    @Param('filename') filename: string,
    @Headers('range') range: string | undefined,
    @Res() res: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.send(
      await this.find(principal, jobId, filename, [ArtifactKind.ClipVideo]),
      range,
      res,
    );
  }

  @Get('thumbnails/:jobId/:filename')
  @ApiOperation({
    operationId: 'downloadThumbnail',
    summary: "Download a clip's cover picture (JPEG)",
  })
  @ApiParam({ name: 'jobId', format: 'uuid', description: 'as returned by the upload' })
  @ApiParam({
    name: 'filename',
    example: 'clip-01.jpg',
    description: 'as named in the status URLs',
  })
  @ApiBinaryDownload(['image/jpeg'], 'the JPEG')
  @ApiProblemResponse(400, 'malformed job id')
  @ApiProblemResponse(403, 'a signed link that expired or was altered')
  @ApiProblemResponse(404, 'no such thumbnail')
  @ApiProblemResponse(416, 'range outside the file')
  async thumbnail(
    @Param('jobId', JobIdPipe) jobId: string,
    @Param('filename') filename: string,
    @Headers('range') range: string | undefined,
    @Res() res: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.send(
      await this.find(principal, jobId, filename, [ArtifactKind.ClipThumbnail]),
      range,
      res,
    );
  }

  @Get('captions/:jobId/:filename')
  @ApiOperation({
    operationId: 'downloadCaptions',
    summary:
      "Download clip captions (.srt / .vtt), a clip's framing edit data (.framing.json) or the whole-video transcript",
  })
  @ApiParam({ name: 'jobId', format: 'uuid', description: 'as returned by the upload' })
  @ApiParam({
    name: 'filename',
    example: 'clip-01.srt',
    description: 'as named in the status URLs',
  })
  @ApiBinaryDownload(
    ['application/x-subrip', 'text/vtt', 'application/json', 'text/plain'],
    'the file (type by its extension)',
  )
  @ApiProblemResponse(400, 'malformed job id')
  @ApiProblemResponse(403, 'a signed link that expired or was altered')
  @ApiProblemResponse(404, 'no such file')
  @ApiProblemResponse(416, 'range outside the file')
  async captions(
    @Param('jobId', JobIdPipe) jobId: string,
    @Param('filename') filename: string,
    @Headers('range') range: string | undefined,
    @Res() res: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    const artifact = await this.find(principal, jobId, filename, [
      ArtifactKind.ClipCaptions,
      ArtifactKind.ClipFraming,
      ArtifactKind.Transcript,
    ]);
    await this.send(artifact, range, res);
  }

  private async find(
    principal: Principal,
    jobId: string,
    filename: string,
    kinds: ArtifactKind[],
  ): Promise<ArtifactEntity> {
    if (principal.via === 'key') await this.owned.find(jobId, principal);
    const artifact = filename.length <= 255 ? await this.clips.findArtifact(jobId, filename) : null;
    if (!artifact || !kinds.includes(artifact.kind))
      throw ApiProblem.notFound(`no file "${filename.slice(0, 80)}" for job ${jobId}`);
    return artifact;
  }

  private async send(
    artifact: ArtifactEntity,
    rangeHeader: string | undefined,
    res: Response,
  ): Promise<void> {
    const size = (await this.storage.size(artifact.storageKey)) ?? -1;
    if (size < 0)
      throw ApiProblem.notFound(`the file ${artifact.filename} is missing from storage`);
    const range = parseByteRange(rangeHeader, size);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Content-Type', artifact.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${artifact.filename}"`);
    if (range.kind === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${size}`);
      throw new ApiProblem(
        HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
        'RANGE_NOT_SATISFIABLE',
        'Range Not Satisfiable',
        `the file has ${size} bytes`,
      );
    }
    const part = range.kind === 'partial' ? { start: range.start, end: range.end } : undefined;
    const { stream } = await this.storage.read(artifact.storageKey, part);
    if (part) {
      res.status(HttpStatus.PARTIAL_CONTENT);
      res.setHeader('Content-Range', `bytes ${part.start}-${part.end}/${size}`);
      res.setHeader('Content-Length', String(part.end - part.start + 1));
    } else {
      res.status(HttpStatus.OK);
      res.setHeader('Content-Length', String(size));
    }
    await pipeline(stream, res).catch(() => res.destroy());
  }
}
