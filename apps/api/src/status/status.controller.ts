import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ClipRepository, JobRepository } from '@app/persistence';
import { ApiProblem } from '../common/api-problem';
import { JobIdPipe } from '../common/job-id.pipe';
import { ApiProblemResponse } from '../common/api-problem-response.decorator';
import { JobStatusDto } from './job-status.dto';
import { toJobStatusDto } from './job-status.mapper';

@ApiTags('jobs')
@Controller('status')
export class StatusController {
  constructor(
    private readonly jobs: JobRepository,
    private readonly clips: ClipRepository,
  ) {}

  @Get(':jobId')
  @ApiOperation({ summary: 'Status, progress, errors and (when completed) the clips of a job' })
  @ApiParam({ name: 'jobId', format: 'uuid' })
  @ApiResponse({ status: 200, type: JobStatusDto })
  @ApiProblemResponse(400, 'malformed job id')
  @ApiProblemResponse(404, 'unknown job id')
  async status(@Param('jobId', JobIdPipe) jobId: string): Promise<JobStatusDto> {
    const job = await this.jobs.findById(jobId);
    if (!job) throw ApiProblem.notFound(`no job ${jobId}`);
    const [clips, artifacts] = await Promise.all([
      this.clips.listByJob(jobId),
      this.clips.listArtifacts(jobId),
    ]);
    return toJobStatusDto(job, clips, artifacts);
  }
}
