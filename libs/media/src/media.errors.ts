/** Stable error codes for media problems; the API maps them to 4xx, the pipeline to job errors. */
export type MediaErrorCode = 'MEDIA_INVALID' | 'MEDIA_NO_AUDIO' | 'MEDIA_NO_VIDEO' | 'MEDIA_EMPTY';

export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
  }
}
