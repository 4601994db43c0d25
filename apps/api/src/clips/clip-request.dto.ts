import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ClipRequestDto {
  @ApiPropertyOptional({ example: 62.5, description: 'seconds into the source (with `end`)' })
  start?: number;
  @ApiPropertyOptional({ example: 95, description: 'seconds into the source (with `start`)' })
  end?: number;
  @ApiPropertyOptional({
    example: 'the invention of movable metal letters',
    description: 'words that were said (found fuzzily in the transcript); instead of start/end',
  })
  query?: string;
}

export class ClipRequestAcceptedDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) jobId: string;
  @ApiProperty({ description: 'clip start, snapped to a sentence (seconds)' }) start: number;
  @ApiProperty({ description: 'clip end, snapped to a sentence (seconds)' }) end: number;
  @ApiProperty({ description: 'what the clip says' }) text: string;
  @ApiProperty({ example: '/api/jobs/<jobId>/clips/requests/<requestId>' }) statusUrl: string;
}

export class ClipRequestStatusDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) jobId: string;
  @ApiProperty({ enum: ['queued', 'rendering', 'done', 'failed'] }) state: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiPropertyOptional({
    nullable: true,
    description: "the new clip's index in the job's clips, once done",
  })
  clipIndex: number | null;
  @ApiPropertyOptional({ nullable: true }) error: string | null;
}
