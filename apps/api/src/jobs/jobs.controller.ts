import { Controller, Delete, Param, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblemResponse, ApiProtected } from '../common/api-problem-response.decorator';
import { JobIdPipe } from '../common/job-id.pipe';
import { JobDeletionService } from './job-deletion.service';
import { OwnedJobs } from '../auth/owned-jobs';
import { CurrentPrincipal, Principal } from '../auth/principal';

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
  ) {}

  @Delete(':jobId')
  @ApiOperation({
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
