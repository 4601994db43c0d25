import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OwnedJobs } from '../../auth/owned-jobs';
import { CurrentPrincipal, Principal } from '../../auth/principal';
import { ApiProblemResponse, ApiProtected } from '../../common/api-problem-response.decorator';
import { JobIdPipe } from '../../common/job-id.pipe';
import { JobEventStreams } from './job-event-streams';

@ApiTags('jobs')
@ApiProtected()
@Controller('jobs')
export class JobEventsController {
  constructor(
    private readonly owned: OwnedJobs,
    private readonly streams: JobEventStreams,
  ) {}

  @Get(':jobId/events')
  @ApiOperation({
    operationId: 'streamJobEvents',
    summary: 'Live progress as Server-Sent Events, until the job ends',
    description:
      '`progress` events carry stage, stageProgress, progress, etaSeconds and estimatedCompletionAt whenever they change; the last event is named after the final status (`completed`, `failed`, `cancelled`, or `deleted`), then the stream ends. A finished job answers with its final event at once. In a browser with keys on, read it with fetch (EventSource cannot send headers).',
  })
  @ApiParam({ name: 'jobId', format: 'uuid', description: 'as returned by the upload' })
  @ApiProduces('text/event-stream')
  @ApiResponse({
    status: 200,
    description: 'an event stream',
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        example:
          'event: progress\nid: 1\ndata: {"jobId":"…","status":"processing","stage":"transcribe","stageProgress":40,"progress":23,"etaSeconds":95,…}\n\n',
      },
    },
  })
  @ApiProblemResponse(400, 'malformed job id')
  @ApiProblemResponse(404, 'unknown job id (or one made with another API key)')
  async events(
    @Param('jobId', JobIdPipe) jobId: string,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    await this.owned.find(jobId, principal);
    this.streams.stream(jobId, res);
  }
}
