import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ClipRepository } from '@app/persistence';
import { OwnedJobs } from '../auth/owned-jobs';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { DownloadLinks } from '../download/download-links';
import { JobIdPipe } from '../common/job-id.pipe';
import { ApiProblemResponse, ApiProtected } from '../common/api-problem-response.decorator';
import { JobStatusDto } from './job-status.dto';
import { toJobStatusDto } from './job-status.mapper';

@ApiTags('jobs')
@ApiProtected()
@Controller('status')
export class StatusController {
  constructor(
    private readonly owned: OwnedJobs,
    private readonly clips: ClipRepository,
    private readonly links: DownloadLinks,
  ) {}

  @Get(':jobId')
  @ApiOperation({
    operationId: 'getJobStatus',
    summary: 'Status, progress, ETA, errors and (when completed) the clips of a job',
  })
  @ApiParam({ name: 'jobId', format: 'uuid' })
  @ApiResponse({ status: 200, type: JobStatusDto })
  @ApiProblemResponse(400, 'malformed job id')
  @ApiProblemResponse(404, 'unknown job id (or one made with another API key)')
  async status(
    @Param('jobId', JobIdPipe) jobId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<JobStatusDto> {
    const job = await this.owned.find(jobId, principal);
    const [clips, artifacts] = await Promise.all([
      this.clips.listByJob(jobId),
      this.clips.listArtifacts(jobId),
    ]);
    const { link, expiresAt } = await this.links.forJob(jobId, artifacts);
    return toJobStatusDto(job, clips, artifacts, link, expiresAt);
  }
}
