import * as Joi from 'joi';

/**
 * Every environment variable clipgen reads, validated once at start-up. A bad value stops the
 * process with a message that names the variable (Joi's message starts with the key).
 */
export const envSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().port().default(3000),
  DATABASE_URL: Joi.string()
    .pattern(/^(sqlite:|postgres(ql)?:\/\/|file:|\.|\/)/)
    .default('sqlite:./data/clipgen.db')
    .messages({ 'string.pattern.base': '"DATABASE_URL" must be sqlite:<path> or postgres://…' }),
  /** Put into a postgres DATABASE_URL, so a secret store can inject it apart from the URL. */
  DATABASE_PASSWORD: Joi.string().optional(),
  DATABASE_LOGGING: Joi.boolean().default(false),
  REDIS_URL: Joi.string()
    .uri({ scheme: ['redis', 'rediss'] })
    .default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: Joi.string().default('clipgen'),
  STORAGE_TYPE: Joi.string().valid('local', 's3').default('local'),
  STORAGE_DIR: Joi.string().default('./storage'),
  S3_BUCKET: Joi.string().when('STORAGE_TYPE', { is: 's3', then: Joi.required() }),
  S3_REGION: Joi.string().default('us-east-1'),
  S3_ENDPOINT: Joi.string().uri().optional(),
  S3_FORCE_PATH_STYLE: Joi.boolean().default(false),
  S3_ACCESS_KEY_ID: Joi.string().optional(),
  S3_SECRET_ACCESS_KEY: Joi.string().optional(),
  S3_PRESIGN_DOWNLOADS: Joi.boolean().default(true),
  /** The earlier name of S3_PRESIGN_DOWNLOADS, still honoured. */
  S3_PRESIGNED_DOWNLOADS: Joi.boolean().optional(),
  S3_MAX_ATTEMPTS: Joi.number().integer().min(1).max(20).default(6),
  // Lifecycle written by `clipgen s3 setup` (and the AWS stack); 0 keeps results forever.
  S3_UPLOADS_EXPIRE_DAYS: Joi.number().integer().min(1).default(7),
  S3_PROCESSING_EXPIRE_DAYS: Joi.number().integer().min(1).default(7),
  S3_RESULTS_EXPIRE_DAYS: Joi.number().integer().min(0).default(30),
  S3_ABORT_MULTIPART_DAYS: Joi.number().integer().min(1).default(1),
  S3_PUBLIC_ENDPOINT: Joi.string().uri().optional(),
  MODELS_DIR: Joi.string().optional(),
  WHISPER_MODEL: Joi.string()
    .pattern(/^[a-z0-9.\-_]+$/i)
    .default('base'),
  WHISPER_THREADS: Joi.number().integer().min(1).max(64).optional(),
  WHISPER_BIN: Joi.string().optional(),
  WORD_ALIGNMENT: Joi.string().valid('forced', 'dtw').default('forced'),
  ASR_PROFILE: Joi.string().valid('fast', 'accurate').default('accurate'),
  VOICE_ACTIVITY: Joi.string().valid('silero', 'energy').default('silero'),
  TOOLS_PYTHON: Joi.string().optional(),
  SENTENCE_ENCODER: Joi.string().valid('use', 'wordllama').default('use'),
  LLM_BASE_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .optional(),
  LLM_API_KEY: Joi.string().optional(),
  LLM_MODEL: Joi.string().default('llama3.1'),
  LLM_TIMEOUT_SEC: Joi.number().min(1).max(600).default(30),
  LLM_MAX_TOKENS: Joi.number().integer().min(64).max(32000).default(1200),
  RENDER_CONCURRENCY: Joi.number().integer().min(1).max(16).default(2),
  RENDER_WHILE_FRAMING: Joi.boolean().default(true),
  RENDER_ENCODER: Joi.string()
    .valid('auto', 'libx264', 'h264_nvenc', 'h264_qsv', 'h264_videotoolbox')
    .default('auto'),
  HOST: Joi.string().hostname().default('0.0.0.0'),
  AUTH_DISABLED: Joi.boolean().default(true),
  URL_SIGNING_SECRET: Joi.string().min(32).optional().messages({
    'string.min': '"URL_SIGNING_SECRET" must be at least 32 characters (e.g. openssl rand -hex 32)',
  }),
  SIGNED_URL_TTL_SEC: Joi.number()
    .integer()
    .min(60)
    .max(7 * 86400)
    .default(3600),
  CORS_ORIGINS: Joi.string()
    .allow('')
    .pattern(/^(\*|(https?:\/\/[^,\s/]+\/?)(\s*,\s*https?:\/\/[^,\s/]+\/?)*)$/)
    .default('')
    .messages({
      'string.pattern.base':
        '"CORS_ORIGINS" must be * or comma-separated origins like https://app.example.com',
    }),
  TRUST_PROXY: Joi.string().default('false'),
  RATE_LIMIT_ENABLED: Joi.boolean().default(true),
  RATE_LIMIT_WINDOW_SEC: Joi.number().integer().min(1).max(3600).default(60),
  RATE_LIMIT_UPLOADS: Joi.number().integer().min(1).default(20),
  RATE_LIMIT_READS: Joi.number().integer().min(1).default(1200),
  IDEMPOTENCY_TTL_SEC: Joi.number().integer().min(60).default(86400),
  RESUMABLE_UPLOAD_EXPIRY_SEC: Joi.number().integer().min(1).default(86400),
  FFMPEG_PATH: Joi.string().optional(),
  FFPROBE_PATH: Joi.string().optional(),
  MAX_UPLOAD_BYTES: Joi.number()
    .integer()
    .min(1024)
    .default(2 * 1024 ** 3),
  WORK_DIR: Joi.string().optional(),
  WORKER_CONCURRENCY: Joi.number().integer().min(1).max(16).default(1),
  PUBLIC_BASE_URL: Joi.string().uri().optional(),
  UPLOAD_IDLE_TIMEOUT_SEC: Joi.number().min(1).max(3600).default(30),
  MAX_MEDIA_DURATION_SEC: Joi.number()
    .min(1)
    .default(4 * 3600),
  MIN_VIDEO_SIDE: Joi.number().integer().min(1).default(32),
  MAX_VIDEO_SIDE: Joi.number().integer().min(16).default(8192),
  MAX_FRAME_RATE: Joi.number().min(1).default(240),
  MAX_STREAMS: Joi.number().integer().min(2).default(16),
  MIN_FREE_DISK_BYTES: Joi.number()
    .integer()
    .min(0)
    .default(1024 ** 3),
  /** auto: clips render as child jobs on any worker when more than one worker runs. */
  RENDER_FAN_OUT: Joi.string().valid('auto', 'always', 'off').default('auto'),
  SHUTDOWN_GRACE_SEC: Joi.number().min(0).max(3600).default(25),
  JOB_TIMEOUT_FACTOR: Joi.number().min(0.1).default(10),
  JOB_TIMEOUT_MIN_SEC: Joi.number().min(1).default(600),
  ADMIN_API_KEY: Joi.string().min(16).optional(),
  LOG_LEVEL: Joi.string()
    .valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent')
    .default('info'),
  LOG_FORMAT: Joi.string().valid('json', 'pretty').optional(),
  HEARTBEAT_INTERVAL_SEC: Joi.number().min(0.1).max(300).default(5),
  HEALTH_WORKER_MAX_AGE_SEC: Joi.number().min(1).max(3600).default(30),
  HEALTH_REQUIRE_WORKER: Joi.boolean().default(true),
  METRICS_ENABLED: Joi.boolean().default(true),
  METRICS_TOKEN: Joi.string().min(16).optional(),
  WORKER_METRICS_PORT: Joi.number().port().default(9464),
  CLOUDWATCH_METRICS_NAMESPACE: Joi.string()
    .pattern(/^[A-Za-z0-9._/#:-]{1,255}$/)
    .optional(),
  CLOUDWATCH_METRICS_INTERVAL_SEC: Joi.number().integer().min(10).max(3600).default(60),
  WEBHOOK_SECRET: Joi.string().min(16).optional(),
  WEBHOOK_ALLOW_PRIVATE: Joi.boolean().default(false),
  WEBHOOK_MAX_ATTEMPTS: Joi.number().integer().min(1).max(20).default(6),
  WEBHOOK_BACKOFF_SEC: Joi.number().min(0.01).max(3600).default(10),
  WEBHOOK_TIMEOUT_SEC: Joi.number().min(0.1).max(120).default(10),
});

export interface ValidatedEnv {
  [key: string]: unknown;
}

/** Used as ConfigModule's `validate`: returns defaults filled in, throws naming the variable. */
export function validateEnv(raw: Record<string, unknown>): ValidatedEnv {
  const { value, error } = envSchema.validate(raw, {
    allowUnknown: true,
    abortEarly: false,
    convert: true,
  });
  if (error) {
    const lines = error.details.map((d) => `  - ${d.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return value as ValidatedEnv;
}
