import { ApiProperty } from '@nestjs/swagger';
import { JobErrorDto } from '../status/job-status.dto';

export class JobLinksDto {
  @ApiProperty({ example: '/api/status/3f1c…' }) status: string;
  @ApiProperty({ example: '/api/jobs/3f1c…' }) detail: string;
  @ApiProperty({ example: '/api/jobs/3f1c…/events', description: 'Server-Sent Events' })
  events: string;
}

/** One job in the list: enough to show a row and follow it. */
export class JobSummaryDto {
  @ApiProperty({ format: 'uuid' }) jobId: string;
  @ApiProperty({ enum: ['queued', 'processing', 'completed', 'failed', 'cancelled'] })
  status: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['probe', 'transcribe', 'select', 'frame', 'render', 'publish'],
  })
  stage: string | null;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ type: Number, nullable: true }) etaSeconds: number | null;
  @ApiProperty({ example: 'talk.mp4' }) sourceFilename: string;
  @ApiProperty({ type: Number, nullable: true, description: 'source length in seconds' })
  durationSec: number | null;
  @ApiProperty({ type: JobErrorDto, nullable: true }) error: JobErrorDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty({ type: JobLinksDto }) links: JobLinksDto;
}

export class JobListDto {
  @ApiProperty({ type: [JobSummaryDto], description: 'newest first' }) items: JobSummaryDto[];
  @ApiProperty({ description: 'jobs matching the filter, in all' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the next page, null on the last',
    example: '/api/jobs?limit=20&offset=20',
  })
  next: string | null;
}
