import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 9457 problem details, as every error response is shaped. */
export class ProblemDto {
  @ApiProperty({ example: 'https://clipgen.dev/problems/media-no-audio' })
  type: string;

  @ApiProperty({ example: 'Unprocessable Content' })
  title: string;

  @ApiProperty({ example: 422 })
  status: number;

  @ApiProperty({ example: 'the video has no audio stream' })
  detail: string;

  @ApiProperty({ example: 'MEDIA_NO_AUDIO', description: 'stable, machine-readable error code' })
  code: string;

  @ApiProperty({ example: '/api/upload-video' })
  instance: string;

  @ApiPropertyOptional({ type: [String], description: 'validation messages, when several' })
  errors?: string[];
}
