const JOB = '3f1c2a4e-7b1d-4c55-9a7e-2f0c6d1b3a90';

interface Example {
  code: string;
  title: string;
  detail: string;
}

/** What each error status most often is, when the route does not say better below. */
const BY_STATUS: Record<number, Example> = {
  400: { code: 'INVALID_JOB_ID', title: 'Bad Request', detail: '"12345" is not a job id (UUID)' },
  401: {
    code: 'AUTH_REQUIRED',
    title: 'Unauthorized',
    detail: 'an API key is required: send Authorization: Bearer <key> or X-API-Key',
  },
  403: {
    code: 'LINK_EXPIRED',
    title: 'Forbidden',
    detail: 'this link expired at 2026-12-03T15:00:00.000Z; ask the status for a fresh one',
  },
  404: { code: 'NOT_FOUND', title: 'Not Found', detail: `no job ${JOB}` },
  408: {
    code: 'UPLOAD_TIMEOUT',
    title: 'Request Timeout',
    detail: 'no data for 30 s: upload abandoned',
  },
  409: {
    code: 'IDEMPOTENCY_KEY_IN_USE',
    title: 'Conflict',
    detail: 'an upload with this Idempotency-Key is still being processed',
  },
  413: {
    code: 'UPLOAD_TOO_LARGE',
    title: 'Payload Too Large',
    detail: 'the upload is larger than 2048 MiB (MAX_UPLOAD_BYTES)',
  },
  415: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    title: 'Unsupported Media Type',
    detail: 'send the video as multipart/form-data with a `file` part',
  },
  416: {
    code: 'RANGE_NOT_SATISFIABLE',
    title: 'Range Not Satisfiable',
    detail: 'bytes=900000- is outside the file (48213 bytes)',
  },
  422: {
    code: 'MEDIA_NO_AUDIO',
    title: 'Unprocessable Content',
    detail: 'the video has no audio stream',
  },
  429: {
    code: 'RATE_LIMITED',
    title: 'Too Many Requests',
    detail: 'rate limit reached (1200 requests per 60 s); retry after 12 s',
  },
  500: {
    code: 'INTERNAL',
    title: 'Internal Server Error',
    detail: 'An unexpected error occurred; it has been logged.',
  },
  503: {
    code: 'QUEUE_UNAVAILABLE',
    title: 'Service Unavailable',
    detail: 'the job queue is unreachable; nothing was kept, try again',
  },
  507: {
    code: 'INSUFFICIENT_STORAGE',
    title: 'Insufficient Storage',
    detail: 'not enough free disk space: 812 MiB free, 1530 MiB needed',
  },
};

/** Where a route's error is another than its status's usual one. */
const BY_OPERATION: Record<string, Partial<Record<number, Example>>> = {
  uploadVideo: {
    400: {
      code: 'INVALID_OPTIONS',
      title: 'Bad Request',
      detail: 'maxClips must not be greater than 20',
    },
  },
  listJobs: {
    400: {
      code: 'INVALID_QUERY',
      title: 'Bad Request',
      detail: '"limit" must be a whole number from 1 to 100',
    },
  },
  requestClip: {
    409: {
      code: 'JOB_NOT_FINISHED',
      title: 'Conflict',
      detail: 'clips can be asked for once the job has completed',
    },
    422: {
      code: 'QUERY_NOT_FOUND',
      title: 'Unprocessable Content',
      detail: 'no passage of the transcript matches "printing press"',
    },
  },
  getClipEditList: {
    404: { code: 'NOT_FOUND', title: 'Not Found', detail: `job ${JOB} has no clip 7` },
  },
  getReadiness: {
    503: {
      code: 'SERVICE_UNAVAILABLE',
      title: 'Service Unavailable',
      detail: 'unhealthy: workers',
    },
  },
};

/** The path of an example request: parameters filled with plausible values. */
const instanceOf = (path: string, status: number) =>
  path
    .replace('{jobId}', status === 400 ? '12345' : JOB)
    .replace('{requestId}', '9d7e1b52-0c4a-4f7e-8a31-5b2d6c9e0f14')
    .replace('{index}', '7')
    .replace('{filename}', 'clip-01.mp4');

/** One realistic problem+json example for an error response of one route. */
export function problemExample(operationId: string, path: string, status: number) {
  const e = BY_OPERATION[operationId]?.[status] ?? BY_STATUS[status];
  if (!e) return undefined;
  return {
    type: `https://clipgen.dev/problems/${e.code.toLowerCase().replace(/_/g, '-')}`,
    title: e.title,
    status,
    detail: e.detail,
    code: e.code,
    instance: instanceOf(path, status),
  };
}
