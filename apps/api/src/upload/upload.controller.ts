import { RENDER_FIELDS_SCHEMA } from './render-fields.schema';
import { Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import {
  ASPECT_RATIOS,
  CLIP_OPTION_LIMITS,
  DEFAULT_CLIP_OPTIONS,
  TRANSCRIPTION_QUALITIES,
  CLIP_LAYOUTS,
} from '@app/jobs';
import { WHISPER_LANGUAGES } from '@app/transcription';
import { ApiProblemResponse, ApiProtected } from '../common/api-problem-response.decorator';
import { UploadAcceptedDto } from './upload-response.dto';
import { PublicUrls } from '../common/public-urls';
import { UploadService } from './upload.service';
import { UploadRoute } from '../throttling/upload-route.decorator';

const range = (name: keyof typeof CLIP_OPTION_LIMITS) => ({
  minimum: CLIP_OPTION_LIMITS[name].min,
  maximum: CLIP_OPTION_LIMITS[name].max,
});

@ApiTags('jobs')
@ApiProtected()
@Controller()
export class UploadController {
  constructor(
    private readonly uploads: UploadService,
    private readonly urls: PublicUrls,
  ) {}

  @Post('upload-video')
  @UploadRoute()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'retry-safe uploads: the same key and body return the same job (header Idempotent-Replayed: true); the same key with a different body is 422',
  })
  @ApiOperation({
    operationId: 'uploadVideo',
    summary: 'Upload a video and start a clip job',
    description:
      'The file is streamed to storage and checked with ffprobe before a job is created. For large files on unsteady connections, the resumable tus endpoint `/api/uploads` (tus 1.0.0, options as Upload-Metadata) does the same and can resume a cut upload.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'a video with an audio track' },
        maxClips: { type: 'integer', ...range('maxClips'), default: DEFAULT_CLIP_OPTIONS.maxClips },
        minDuration: {
          type: 'number',
          ...range('minDuration'),
          default: DEFAULT_CLIP_OPTIONS.minDuration,
          description: 'seconds; less than maxDuration',
        },
        maxDuration: {
          type: 'number',
          ...range('maxDuration'),
          default: DEFAULT_CLIP_OPTIONS.maxDuration,
          description: 'seconds',
        },
        aspectRatio: { type: 'string', enum: Object.keys(ASPECT_RATIOS), default: '9:16' },
        aspectRatios: {
          type: 'string',
          example: '9:16,1:1',
          description:
            'several renditions per clip, comma-separated (9:16, 1:1, 4:5, 16:9); the first is the main one',
        },
        language: {
          type: 'string',
          enum: ['auto', ...WHISPER_LANGUAGES],
          default: 'auto',
          description: "ISO 639-1 code, or 'auto' to detect it (English-only models take 'en')",
        },
        quality: {
          type: 'string',
          enum: [...TRANSCRIPTION_QUALITIES],
          description:
            "transcription: 'fast' (greedy decoding) or 'accurate' (beam search); default: the server's ASR_PROFILE",
        },
        layout: {
          type: 'string',
          enum: [...CLIP_LAYOUTS],
          default: 'auto',
          description:
            "framing: 'auto' (per shot: follow whoever speaks, two people talking in turn stacked, the whole frame over a blur where no face is seen), 'follow', 'split' or 'fit'",
        },
        keywords: {
          type: 'string',
          example: 'printing, gutenberg',
          description: 'comma-separated topics (at most 10): clips that mention them score higher',
        },
        ...RENDER_FIELDS_SCHEMA,
        callbackUrl: {
          type: 'string',
          maxLength: 2048,
          example: 'https://hooks.example.com/clipgen',
          description:
            'POSTed a signed JSON summary when the job completes, fails or is cancelled (needs WEBHOOK_SECRET on the server); see the API description',
        },
      },
    },
  })
  @ApiResponse({
    status: 202,
    type: UploadAcceptedDto,
    description: 'job queued; follow Location (the status) or stream eventsUrl',
    headers: {
      Location: {
        description: 'the job status URL',
        schema: { type: 'string', format: 'uri-reference' },
      },
      'Idempotent-Replayed': {
        description: '`true` when an earlier upload with this Idempotency-Key is answered again',
        schema: { type: 'string' },
      },
    },
    links: {
      getJobStatus: {
        operationId: 'getJobStatus',
        parameters: { jobId: '$response.body#/jobId' },
        description: 'the status of the job just made',
      },
    },
  })
  @ApiProblemResponse(400, 'missing or empty file, malformed form, bad or unknown options')
  @ApiProblemResponse(408, 'the client stopped sending')
  @ApiProblemResponse(409, 'a request with this Idempotency-Key is still being processed')
  @ApiProblemResponse(413, 'larger than MAX_UPLOAD_BYTES')
  @ApiProblemResponse(415, 'not multipart/form-data')
  @ApiProblemResponse(
    422,
    'not a video with an audio stream, beyond the duration, resolution, frame-rate or stream limits, or an Idempotency-Key reused with a different body',
  )
  @ApiProblemResponse(503, 'queue unavailable or the instance is shutting down')
  @ApiProblemResponse(507, 'no free disk space for the upload')
  async upload(@Req() req: Request): Promise<UploadAcceptedDto> {
    const { jobId, replayed } = await this.uploads.accept(req);
    if (replayed) req.res?.setHeader('Idempotent-Replayed', 'true');
    const statusUrl = this.urls.of(`/api/status/${jobId}`);
    req.res?.setHeader('Location', statusUrl);
    return { jobId, statusUrl, eventsUrl: this.urls.of(`/api/jobs/${jobId}/events`) };
  }
}
