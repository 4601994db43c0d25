import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ASPECT_RATIOS,
  CLIP_OPTION_LIMITS,
  DEFAULT_CLIP_OPTIONS,
  TRANSCRIPTION_QUALITIES,
  CLIP_LAYOUTS,
} from '@app/jobs';
import { RenderFieldsDto } from './render-fields.dto';
import { RENDER_FIELDS_SCHEMA } from './render-fields.schema';

/** The optional form fields of an upload; multipart values arrive as strings and are converted. */
export class UploadOptionsDto extends RenderFieldsDto {
  @ApiPropertyOptional({ default: DEFAULT_CLIP_OPTIONS.maxClips, minimum: 1, maximum: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(CLIP_OPTION_LIMITS.maxClips.min)
  @Max(CLIP_OPTION_LIMITS.maxClips.max)
  maxClips?: number;

  @ApiPropertyOptional({ default: DEFAULT_CLIP_OPTIONS.minDuration, description: 'seconds' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(CLIP_OPTION_LIMITS.minDuration.min)
  @Max(CLIP_OPTION_LIMITS.minDuration.max)
  minDuration?: number;

  @ApiPropertyOptional({ default: DEFAULT_CLIP_OPTIONS.maxDuration, description: 'seconds' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(CLIP_OPTION_LIMITS.maxDuration.min)
  @Max(CLIP_OPTION_LIMITS.maxDuration.max)
  maxDuration?: number;

  @ApiPropertyOptional({
    default: DEFAULT_CLIP_OPTIONS.aspectRatio,
    enum: Object.keys(ASPECT_RATIOS),
  })
  @IsOptional()
  @IsIn(Object.keys(ASPECT_RATIOS))
  aspectRatio?: string;

  @ApiPropertyOptional({
    example: '9:16,1:1',
    description:
      'several renditions of every clip, comma-separated, framed from one analysis; the first is the main one (clip-NN.mp4)',
  })
  @IsOptional()
  @Matches(/^[0-9:, ]{1,40}$/, { message: 'aspectRatios must be a comma-separated list of ratios' })
  aspectRatios?: string;

  @ApiPropertyOptional({ default: 'auto', description: "ISO 639-1 code such as 'en', or 'auto'" })
  @IsOptional()
  @Matches(/^(auto|[a-z]{2,3})$/, { message: "language must be 'auto' or an ISO 639-1 code" })
  language?: string;

  @ApiPropertyOptional({
    enum: TRANSCRIPTION_QUALITIES,
    description: "transcription: 'fast' (greedy) or 'accurate' (beam search); default ASR_PROFILE",
  })
  @IsOptional()
  @IsIn(TRANSCRIPTION_QUALITIES)
  quality?: string;

  @ApiPropertyOptional({
    enum: CLIP_LAYOUTS,
    default: 'auto',
    description:
      "framing: 'auto' (per shot: follow the speaker, two people stacked, whole frame where no face), 'follow', 'split', 'fit'",
  })
  @IsOptional()
  @IsIn(CLIP_LAYOUTS)
  layout?: string;

  @ApiPropertyOptional({
    example: 'printing, gutenberg',
    description: 'comma-separated topics: clips that mention them score higher',
  })
  @IsOptional()
  @IsString()
  keywords?: string;

  @ApiPropertyOptional({
    example: 'https://hooks.example.com/clipgen',
    maxLength: 2048,
    description:
      'POSTed a signed JSON summary when the job completes, fails or is cancelled (X-Clipgen-Signature: t=…,v1=HMAC-SHA256 of "t.body" with WEBHOOK_SECRET); retried with backoff; every attempt is listed in GET /api/jobs/{jobId}. http(s) only; private and loopback addresses are refused unless WEBHOOK_ALLOW_PRIVATE.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  callbackUrl?: string;
}

/** The form fields an upload may carry besides `file`; anything else is a client mistake. */
export const UPLOAD_OPTION_FIELDS = [
  'maxClips',
  'minDuration',
  'maxDuration',
  'aspectRatio',
  'aspectRatios',
  'language',
  'quality',
  'layout',
  'keywords',
  'callbackUrl',
  ...Object.keys(RENDER_FIELDS_SCHEMA),
];
