import { ApiProperty } from '@nestjs/swagger';

export class UploadAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  jobId: string;

  @ApiProperty({ example: '/api/status/8c1f…' })
  statusUrl: string;
}
