import { ApiProperty } from '@nestjs/swagger';
import { JobStatusDto } from '../status/job-status.dto';

export class WebhookDeliveryDto {
  @ApiProperty({ description: '1 for the first try' }) attempt: number;
  @ApiProperty({ enum: ['job.completed', 'job.failed', 'job.cancelled'] }) event: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status the receiver answered' })
  statusCode: number | null;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() durationMs: number;
}

/** The status, plus what an integrator or operator needs to follow and re-edit a job. */
export class JobDetailDto extends JobStatusDto {
  @ApiProperty({ type: String, nullable: true, description: 'where the completion callback goes' })
  callbackUrl: string | null;
  @ApiProperty({ type: [WebhookDeliveryDto], description: 'every callback attempt, oldest first' })
  webhookDeliveries: WebhookDeliveryDto[];
  @ApiProperty({
    type: [String],
    description:
      'per clip (same order as `clips`), its edit list: source range, crop path per rendition and timed words, for re-editing elsewhere',
    example: ['/api/jobs/3f1c…/clips/0/edit-list'],
  })
  editListUrls: string[];
  @ApiProperty({ type: String, format: 'uri-reference', example: '/api/jobs/3f1c…/events' })
  eventsUrl: string;
}
