import { ApiProperty } from '@nestjs/swagger';

export class UploadAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  jobId: string;

  @ApiProperty({
    example: '/api/status/8c1f2a4e-7b1d-4c55-9a7e-2f0c6d1b3a90',
    description: 'absolute when the server has PUBLIC_BASE_URL, else relative to the API',
  })
  statusUrl: string;

  @ApiProperty({
    example: '/api/jobs/8c1f2a4e-7b1d-4c55-9a7e-2f0c6d1b3a90/events',
    description: 'live progress (Server-Sent Events)',
  })
  eventsUrl: string;
}
