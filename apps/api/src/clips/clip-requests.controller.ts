import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblemResponse, ApiProtected } from '../common/api-problem-response.decorator';
import { ApiProblem } from '../common/api-problem';
import { JobIdPipe } from '../common/job-id.pipe';
import { OwnedJobs } from '../auth/owned-jobs';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ClipRequestAcceptedDto, ClipRequestDto, ClipRequestStatusDto } from './clip-request.dto';
import { ClipRequestService } from './clip-request.service';
import { parseClipRequest } from './parse-clip-request';

@ApiTags('clips')
@ApiProtected()
@Controller('jobs/:jobId/clips')
export class ClipRequestsController {
  constructor(
    private readonly requests: ClipRequestService,
    private readonly owned: OwnedJobs,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    operationId: 'requestClip',
    summary: 'Ask for a clip on a finished job: by time range or by words that were said',
    description:
      "The range is snapped outward to whole sentences; a query is found fuzzily in the transcript and grown to the job's minDuration a sentence at a time. The clip is scored, titled, framed and rendered like the others and added to the job's clips (origin `request`); follow `statusUrl`.",
  })
  @ApiParam({ name: 'jobId', format: 'uuid' })
  @ApiBody({ type: ClipRequestDto })
  @ApiResponse({ status: 202, type: ClipRequestAcceptedDto, description: 'queued for rendering' })
  @ApiProblemResponse(400, 'malformed job id or body')
  @ApiProblemResponse(404, 'unknown job id')
  @ApiProblemResponse(409, 'the job has not completed, or its transcript is gone')
  @ApiProblemResponse(
    422,
    'the words were not found, the range is outside the video, or nothing is said there',
  )
  async request(
    @Param('jobId', JobIdPipe) jobId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ClipRequestAcceptedDto> {
    const asked = parseClipRequest(body);
    return this.requests.request(await this.owned.find(jobId, principal), asked);
  }

  @Get('requests/:requestId')
  @ApiOperation({ operationId: 'getClipRequest', summary: 'Where a clip request stands' })
  @ApiParam({ name: 'jobId', format: 'uuid' })
  @ApiParam({
    name: 'requestId',
    format: 'uuid',
    description: 'as returned when the clip was asked for',
  })
  @ApiOkResponse({ type: ClipRequestStatusDto })
  @ApiProblemResponse(400, 'malformed id')
  @ApiProblemResponse(404, 'unknown job or request')
  async status(
    @Param('jobId', JobIdPipe) jobId: string,
    @Param(
      'requestId',
      new ParseUUIDPipe({
        exceptionFactory: () =>
          ApiProblem.badRequest('INVALID_REQUEST_ID', 'the request id is not a UUID'),
      }),
    )
    requestId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ClipRequestStatusDto> {
    await this.owned.find(jobId, principal);
    return this.requests.status(jobId, requestId);
  }
}
