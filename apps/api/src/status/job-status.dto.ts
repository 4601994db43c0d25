import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClipInsightsDto } from './clip-insights.dto';
import { CaptionOptionsDto, CutOptionsDto } from './render-options.dto';

export class JobErrorDto {
  @ApiProperty({ example: 'ASR_FAILED' })
  code: string;

  @ApiProperty()
  message: string;
}

export class SourceMetadataDto {
  @ApiProperty() durationSec: number;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty() fps: number;
  @ApiProperty({ example: 'h264' }) videoCodec: string;
  @ApiProperty({ example: 'aac' }) audioCodec: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ example: 'mov,mp4,m4a,3gp,3g2,mj2' }) formatName: string;
}

export class RenditionDto {
  @ApiProperty({ example: '1:1' }) aspectRatio: string;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty({ example: '/api/download/clips/<jobId>/clip-01.1x1.mp4' }) downloadUrl: string;
  @ApiProperty({ type: String, nullable: true, description: 'this rendition’s framing edit data' })
  framingUrl: string | null;
}

export class ClipDto {
  @ApiProperty({ description: '0 = best scored' }) index: number;
  @ApiProperty({ description: 'seconds into the source' }) start: number;
  @ApiProperty({ description: 'seconds into the source' }) end: number;
  @ApiProperty() duration: number;
  @ApiProperty({
    minimum: 0,
    maximum: 100,
    description: 'the sum of insights.features contributions',
  })
  score: number;
  @ApiProperty({ description: 'a key phrase naming what the clip is about' }) title: string;
  @ApiProperty() text: string;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty({ example: '/api/download/clips/<jobId>/clip-01.mp4' }) downloadUrl: string;
  @ApiProperty({ example: '/api/download/captions/<jobId>/clip-01.srt' }) srtUrl: string;
  @ApiProperty({ example: '/api/download/captions/<jobId>/clip-01.vtt' }) vttUrl: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/download/captions/<jobId>/clip-01.framing.json',
    description: 'edit data: crop path (t, x, y, w, h), shots, face tracks and who speaks when',
  })
  framingUrl: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/download/thumbnails/<jobId>/clip-01.jpg',
    description: 'a JPEG cover picked from the clip (sharp, open-eyed face where there is one)',
  })
  thumbnailUrl: string | null;
  @ApiProperty({
    type: [RenditionDto],
    description: 'every aspect ratio this clip was rendered in, the main one (downloadUrl) first',
  })
  renditions: RenditionDto[];
  @ApiPropertyOptional({ type: ClipInsightsDto, nullable: true })
  insights: ClipInsightsDto | null;
}

export class JobOptionsDto {
  @ApiProperty() maxClips: number;
  @ApiProperty() minDuration: number;
  @ApiProperty() maxDuration: number;
  @ApiProperty() aspectRatio: string;
  @ApiPropertyOptional({ type: [String], example: ['9:16', '1:1'] }) aspectRatios?: string[];
  @ApiProperty() language: string;
  @ApiPropertyOptional({ enum: ['fast', 'accurate'], description: "absent: the server's default" })
  quality?: string;
  @ApiPropertyOptional({ enum: ['auto', 'follow', 'split', 'fit'], description: "absent: 'auto'" })
  layout?: string;
  @ApiPropertyOptional({ type: [String], description: 'topics whose clips were boosted' })
  keywords?: string[];
  @ApiPropertyOptional({ type: CaptionOptionsDto, description: "absent: 'karaoke'" })
  captions?: CaptionOptionsDto;
  @ApiPropertyOptional({ type: CutOptionsDto, description: 'absent: no jump cuts' })
  cuts?: CutOptionsDto;
}

export class JobStatusDto {
  @ApiProperty({ format: 'uuid' }) jobId: string;
  @ApiProperty({ enum: ['queued', 'processing', 'completed', 'failed', 'cancelled'] })
  status: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'why the job stands as it does, when that is not obvious: requeued because its worker stopped, a retry, why there are no clips',
    example: 'its worker stopped; it resumes on the next worker',
  })
  notice: string | null;
  @ApiProperty({
    type: String,
    enum: ['probe', 'transcribe', 'select', 'frame', 'render', 'publish'],
    nullable: true,
    description: 'the stage running now; null when queued or ended',
  })
  stage: string | null;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'over the whole job' }) progress: number;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'within the current stage' })
  stageProgress: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      "seconds until the job should end, from this install's measured stage speeds; null unless it is processing",
    example: 42,
  })
  etaSeconds: number | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the job should end (same estimate as etaSeconds)',
  })
  estimatedCompletionAt: string | null;
  @ApiProperty({ type: JobErrorDto, nullable: true }) error: JobErrorDto | null;
  @ApiProperty() sourceFilename: string;
  @ApiProperty({ type: SourceMetadataDto, nullable: true })
  source: SourceMetadataDto | null;
  @ApiProperty({ type: JobOptionsDto }) options: JobOptionsDto;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'en',
    description: 'detected or requested language (ISO 639-1); null until transcribed',
  })
  language: string | null;
  @ApiProperty({
    description: 'seconds per stage; null until the job completes',
    type: 'object',
    nullable: true,
    additionalProperties: { type: 'number' },
    example: { probe: 0.2, transcribe: 6.1, select: 0.7, frame: 1.0, render: 7.4, publish: 0.1 },
  })
  stageTimings: Record<string, number> | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/download/captions/<jobId>/transcript.json',
    description: 'the whole-video transcript (JSON, timed words); null until transcribed',
  })
  transcriptUrl: string | null;
  @ApiPropertyOptional({
    description: 'whole-video transcript downloads by format (json, srt, vtt, txt)',
    type: 'object',
    additionalProperties: { type: 'string' },
    example: {
      json: '/api/download/captions/<jobId>/transcript.json',
      srt: '/api/download/captions/<jobId>/transcript.srt',
    },
  })
  transcript: Record<string, string>;
  @ApiProperty({
    description:
      'the transcript was reused from an earlier job with the same audio, model and language',
  })
  transcriptCached: boolean;
  @ApiProperty({ type: [ClipDto] }) clips: ClipDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'when the download URLs above stop working: they are signed (or presigned in S3) so that they work without a key, e.g. in a <video> tag; ask the status again for fresh ones',
  })
  linksExpireAt: string | null;
}
