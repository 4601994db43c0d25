/** Stable error codes for media problems; the API maps them to 4xx, the pipeline to job errors. */
export const MEDIA_ERROR_CODES = [
  'MEDIA_INVALID',
  'MEDIA_NO_AUDIO',
  'MEDIA_NO_VIDEO',
  'MEDIA_EMPTY',
  'MEDIA_CODEC_UNSUPPORTED',
  'MEDIA_TOO_LONG',
  'MEDIA_RESOLUTION_UNSUPPORTED',
  'MEDIA_FRAME_RATE_UNSUPPORTED',
  'MEDIA_TOO_MANY_STREAMS',
] as const;

export type MediaErrorCode = (typeof MEDIA_ERROR_CODES)[number];

export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
