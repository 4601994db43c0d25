/** Every stable error `code` a client may see, with its meaning: the API description lists them. */
export const REQUEST_ERROR_CODES: Record<string, string> = {
  AUTH_REQUIRED: '401 — no API key sent',
  AUTH_INVALID: '401 — unknown or revoked API key',
  ADMIN_AUTH_REQUIRED: '401 — the queue dashboard needs ADMIN_API_KEY',
  LINK_EXPIRED: '403 — a signed download link past its expiry',
  LINK_INVALID: '403 — a signed link that was altered or is for another file',
  CORS_ORIGIN_DENIED: '403 — a browser origin not in CORS_ORIGINS',
  METRICS_FORBIDDEN: '403 — /metrics from a public address, or without METRICS_TOKEN',
  INVALID_JOB_ID: '400 — the job id is not a UUID',
  INVALID_OPTIONS:
    '400 — an upload option is unknown, malformed or out of range (`errors` lists each)',
  INVALID_QUERY: '400 — a query parameter is unknown or out of range',
  INVALID_CLIP_REQUEST: '400 — a clip request body that is neither a range nor a query',
  INVALID_CLIP_INDEX: '400 — the clip index is not a whole number',
  INVALID_CALLBACK_URL:
    '400 — callbackUrl is not http(s), carries credentials or points inside the network',
  CALLBACKS_NOT_CONFIGURED: '400 — callbacks asked for but the server has no WEBHOOK_SECRET',
  INVALID_IDEMPOTENCY_KEY: '400 — Idempotency-Key is empty or too long',
  BAD_MULTIPART: '400 — the multipart body is malformed',
  FILE_MISSING: '400 — no `file` part',
  TOO_MANY_FILES: '400 — more than one file part',
  UNEXPECTED_FILE_FIELD: '400 — a file in a field other than `file`',
  MEDIA_EMPTY: '400 — the uploaded file is empty',
  MALFORMED_REQUEST: '400 — not valid HTTP',
  NOT_FOUND: '404 — no such job, clip or file (or one made with another key)',
  METHOD_NOT_ALLOWED: '405 — the path exists but not with this method (see Allow)',
  REQUEST_TIMEOUT: '408 — the request took too long',
  UPLOAD_TIMEOUT: '408 — the client stopped sending the upload',
  IDEMPOTENCY_KEY_IN_USE: '409 — an upload with this Idempotency-Key is still running',
  UPLOAD_TOO_LARGE: '413 — larger than MAX_UPLOAD_BYTES',
  UNSUPPORTED_MEDIA_TYPE: '415 — the upload is not multipart/form-data',
  RANGE_NOT_SATISFIABLE: '416 — the Range is outside the file',
  MEDIA_INVALID: '422 — not a readable media file',
  MEDIA_NO_AUDIO: '422 — the video has no audio stream',
  MEDIA_NO_VIDEO: '422 — no video stream',
  MEDIA_CODEC_UNSUPPORTED: '422 — a codec the server cannot decode',
  MEDIA_TOO_LONG: '422 — longer than MAX_MEDIA_DURATION_SEC',
  MEDIA_RESOLUTION_UNSUPPORTED: '422 — smaller or larger than the allowed picture size',
  MEDIA_FRAME_RATE_UNSUPPORTED: '422 — frame rate above MAX_FRAME_RATE',
  MEDIA_TOO_MANY_STREAMS: '422 — more streams than MAX_STREAMS',
  IDEMPOTENCY_KEY_REUSED: '422 — an Idempotency-Key sent again with a different body',
  JOB_NOT_FINISHED: '409 — a clip asked for on a job that has not completed',
  TRANSCRIPT_GONE: '409 — a clip asked for on a job whose transcript was deleted',
  QUERY_NOT_FOUND: '422 — the words asked for were not said in the video',
  OUT_OF_RANGE: '422 — the time range is outside the video',
  NO_SPEECH: '422 — nothing is said in that range',
  RATE_LIMITED: '429 — too many requests for this key or address (see Retry-After)',
  HEADERS_TOO_LARGE: '431 — request headers too large',
  INTERNAL: '500 — unexpected; logged with the request id',
  QUEUE_UNAVAILABLE: '503 — Redis is unreachable; nothing was kept',
  SHUTTING_DOWN: '503 — this instance is stopping; retry (another replica answers)',
  SERVICE_UNAVAILABLE: '503 — readiness: a dependency is down (`health` says which)',
  INSUFFICIENT_STORAGE: '507 — no disk room for the upload',
};

/** Codes a job can end with (`error.code` in the status; the job is `failed` or `cancelled`). */
export const JOB_ERROR_CODES: Record<string, string> = {
  ASR_MODEL_MISSING: 'the Whisper model is not installed (`npm run setup`)',
  ASR_FAILED: 'transcription failed',
  SELECT_FAILED: 'choosing the highlights failed',
  FRAME_FAILED: 'face tracking or framing failed',
  RENDER_FAILED: 'ffmpeg failed to render a clip',
  STORAGE_FAILED: 'storage could not be read or written',
  DISK_FULL: 'no room in WORK_DIR for the next stage',
  JOB_TIMEOUT: 'the job ran longer than its limit',
  CANCELLED: 'cancelled on request (DELETE)',
  'MEDIA_*': 'the file turned out unusable when the worker read it (meanings as above)',
  INTERNAL: 'unexpected; logged with the job id',
};

const table = (codes: Record<string, string>) =>
  Object.entries(codes)
    .map(([code, meaning]) => `| \`${code}\` | ${meaning} |`)
    .join('\n');

export const errorCatalogMarkdown = () =>
  [
    '### Errors',
    'Every error is `application/problem+json` (RFC 9457) with a stable `code`; branch on the code, not on the text.',
    '',
    '| code | status — meaning |',
    '| --- | --- |',
    table(REQUEST_ERROR_CODES),
    '',
    '### Job failure codes (`error.code` in the status)',
    '',
    '| code | meaning |',
    '| --- | --- |',
    table(JOB_ERROR_CODES),
  ].join('\n');
