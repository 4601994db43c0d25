import { Controller, Delete, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblemResponse, ApiProtected } from '../common/api-problem-response.decorator';
import { JobIdPipe } from '../common/job-id.pipe';
import { JobDeletionService } from './job-deletion.service';
import { OwnedJobs } from '../auth/owned-jobs';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ApiProblem } from '../common/api-problem';
import { EditListService } from './edit-list/edit-list.service';
import { JobDetailDto } from './job-detail.dto';
import { parseJobListQuery, MAX_PAGE } from './job-list-query';
import { JobListDto } from './job-list.dto';
import { JobViews } from './job-views.service';

class JobDeletedDto {
  @ApiProperty({ format: 'uuid' }) jobId: string;
  @ApiProperty({
    enum: ['cancelled', 'deleted'],
    description: '`cancelled`: it was queued or running and is stopping; `deleted`: it had ended',
  })
  status: string;
}

@ApiTags('jobs')
@ApiProtected()
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly deletion: JobDeletionService,
    private readonly owned: OwnedJobs,
    private readonly views: JobViews,
    private readonly editLists: EditListService,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listJobs',
    summary: 'Jobs, newest first, a page at a time (a key sees only its own)',
  })
  @ApiQuery({
    name: 'status',
    required: false,
    enum: ['queued', 'processing', 'completed', 'failed', 'cancelled'],
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 20 },
  })
  @ApiQuery({
    name: 'offset',
    required: false,
    schema: { type: 'integer', minimum: 0, default: 0 },
  })
  @ApiOkResponse({ type: JobListDto })
  @ApiProblemResponse(400, 'an unknown status, a limit outside 1–100, or an unknown parameter')
  list(
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<JobListDto> {
    return this.views.list(principal, parseJobListQuery(query));
  }

  @Get(':jobId')
  @ApiOperation({
    operationId: 'getJob',
    summary: 'A job in full: the status, plus callback deliveries and per-clip edit lists',
  })
  @ApiParam({ name: 'jobId', format: 'uuid', description: 'as returned by the upload' })
  @ApiOkResponse({ type: JobDetailDto })
  @ApiProblemResponse(400, 'malformed job id')
  @ApiProblemResponse(404, 'unknown job id (or one made with another API key)')
  async detail(
    @Param('jobId', JobIdPipe) jobId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<JobDetailDto> {
    return this.views.detail(await this.owned.find(jobId, principal));
  }

  @Get(':jobId/clips/:index/edit-list')
  @ApiOperation({
    operationId: 'getClipEditList',
    summary: "A clip's edit list: source range, crop path per rendition, timed words",
    description:
      'Times are seconds from the clip start on the source timeline; crop rectangles are in source pixels. For rebuilding or changing the cut in another editor.',
  })
  @ApiParam({ name: 'jobId', format: 'uuid', description: 'as returned by the upload' })
  @ApiParam({
    name: 'index',
    schema: { type: 'integer', minimum: 0 },
    description: 'the clip index (0 = best)',
  })
  @ApiOkResponse({ description: 'the edit list', schema: { type: 'object' } })
  @ApiProblemResponse(400, 'malformed job id or index')
  @ApiProblemResponse(404, 'unknown job or clip')
  async editList(
    @Param('jobId', JobIdPipe) jobId: string,
    @Param(
      'index',
      new ParseIntPipe({
        exceptionFactory: () =>
          ApiProblem.badRequest('INVALID_CLIP_INDEX', 'the clip index must be a whole number'),
      }),
    )
    index: number,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.editLists.build(await this.owned.find(jobId, principal), index);
  }

  @Delete(':jobId')
  @ApiOperation({
    operationId: 'deleteJob',
    summary: 'Cancel a job (queued or running) or delete a finished one, with all its files',
    description:
      'A running job is stopped promptly (its engine processes are killed). Its source, transcript and clips are deleted. A cancelled job stays visible with status `cancelled`; a finished one is gone (404 afterwards).',
  })
  @ApiParam({ name: 'jobId', format: 'uuid' })
  @ApiResponse({ status: 202, type: JobDeletedDto, description: 'cancelled; stopping' })
  @ApiOkResponse({ type: JobDeletedDto, description: 'deleted' })
  @ApiProblemResponse(400, 'malformed job id')
  @ApiProblemResponse(404, 'unknown job id')
  async delete(
    @Param('jobId', JobIdPipe) jobId: string,
    @Res({ passthrough: true }) res: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<JobDeletedDto> {
    await this.owned.find(jobId, principal);
    const result = await this.deletion.delete(jobId);
    res.status(result.status === 'cancelled' ? 202 : 200);
    return result;
  }
}
