import { registerAs } from '@nestjs/config';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateEnv } from './env.validation';
import { projectRoot } from './project-root';
import { accessConfig } from './access.config';
import { operationsConfig } from './operations.config';
import { webhooksConfig } from './webhooks.config';
import { renderConfig } from './render.config';
import { selectionConfig } from './selection.config';

/*
 * Typed configuration namespaces. Each reads the already validated environment, so values here
 * are trusted; nothing outside libs/config reads process.env.
 */
const env = () => validateEnv(process.env) as Record<string, never>;

export type DatabaseDriver = 'sqlite' | 'postgres';

export interface AppConfig {
  nodeEnv: string;
  port: number;
  /** Interface the API listens on. */
  host: string;
  maxUploadBytes: number;
  workDir: string;
  publicBaseUrl?: string;
  workerConcurrency: number;
  /** When a job's clips render as child jobs on other workers. */
  renderFanOut: 'auto' | 'always' | 'off';
}

export interface DatabaseConfig {
  driver: DatabaseDriver;
  url: string;
  sqlitePath?: string;
  logging: boolean;
}

export interface RedisConfig {
  url: string;
  prefix: string;
}

export interface StorageConfig {
  type: 'local' | 's3';
  dir: string;
  s3: {
    bucket?: string;
    region: string;
    endpoint?: string;
    forcePathStyle: boolean;
    accessKeyId?: string;
    secretAccessKey?: string;
    /** Status download URLs read straight from S3 (presigned) instead of through the API. */
    presignDownloads: boolean;
    /** Tries per request; throttling (503 SlowDown) and 5xx back off and retry, adaptively. */
    maxAttempts: number;
    lifecycle: BucketLifecycleDays;
    /** The endpoint clients reach, when it differs from S3_ENDPOINT (e.g. inside a network). */
    publicEndpoint?: string;
  };
}

export interface WhisperConfig {
  model: string;
  modelsDir: string;
  threads: number;
  binary: string;
  /** `accurate`: beam search + DTW; `fast`: greedy + flash attention, times from the aligner. */
  profile: 'fast' | 'accurate';
  /** `forced`: PocketSphinx forced alignment of English words (DTW elsewhere); `dtw`: DTW only. */
  wordAlignment: 'forced' | 'dtw';
  /** `silero`: Silero VAD model; `energy`: loudness only (cannot tell music from speech). */
  voiceActivity: 'silero' | 'energy';
  /** A Python with pocketsphinx, onnxruntime and silero-vad (set-up makes .cache/venv). */
  toolsPython: string;
  alignerScript: string;
  vadScript: string;
}

/** What a job may cost: checked before a job exists (API) and again before work (worker). */
export interface LimitsConfig {
  uploadIdleTimeoutMs: number;
  /** Judged from ffprobe's answer (the shape of @app/media's MediaLimits). */
  media: {
    maxDurationSec: number;
    minVideoSide: number;
    maxVideoSide: number;
    maxFrameRate: number;
    maxStreams: number;
  };
  /** Free bytes that must remain on the work volume after an upload or before a heavy stage. */
  minFreeDiskBytes: number;
  /** How long a stopping process waits for in-flight requests or to hand its job back. */
  shutdownGraceMs: number;
  /** A job is stopped after max(min, factor × media duration). */
  jobTimeoutFactor: number;
  jobTimeoutMinSec: number;
}

export interface MediaConfig {
  ffmpegPath?: string;
  ffprobePath?: string;
}

/** Days after which each storage area's objects expire (results: null keeps them). */
export interface BucketLifecycleDays {
  uploads: number;
  processing: number;
  results: number | null;
  abortIncompleteMultipart: number;
}

/** A postgres URL with DATABASE_PASSWORD in it (percent-encoded); other URLs as they are. */
export function withPassword(url: string, password?: string): string {
  if (!password || !/^postgres(ql)?:\/\//.test(url)) return url;
  const parsed = new URL(url);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export function parseDatabaseUrl(url: string): Pick<DatabaseConfig, 'driver' | 'sqlitePath'> {
  if (/^postgres(ql)?:\/\//.test(url)) return { driver: 'postgres' };
  const file = url.replace(/^sqlite:(\/\/)?/, '').replace(/^file:/, '');
  return { driver: 'sqlite', sqlitePath: file === ':memory:' ? file : path.resolve(file) };
}

export const appConfig = registerAs('app', (): AppConfig => {
  const e = env();
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    workDir: path.resolve(e.WORK_DIR ?? path.join(os.tmpdir(), 'clipgen-work')),
    // Without its trailing slash, so paths append as they are.
    publicBaseUrl: (e.PUBLIC_BASE_URL as string | undefined)?.replace(/\/+$/, ''),
    workerConcurrency: e.WORKER_CONCURRENCY,
    renderFanOut: e.RENDER_FAN_OUT,
  };
});

export const databaseConfig = registerAs('database', (): DatabaseConfig => {
  const e = env();
  const url = withPassword(e.DATABASE_URL, e.DATABASE_PASSWORD);
  return { url, logging: e.DATABASE_LOGGING, ...parseDatabaseUrl(url) };
});

export const redisConfig = registerAs('redis', (): RedisConfig => ({
  url: env().REDIS_URL,
  prefix: env().QUEUE_PREFIX,
}));

export const storageConfig = registerAs('storage', (): StorageConfig => {
  const e = env();
  return {
    type: e.STORAGE_TYPE,
    dir: path.resolve(e.STORAGE_DIR),
    s3: {
      bucket: e.S3_BUCKET,
      region: e.S3_REGION,
      endpoint: e.S3_ENDPOINT,
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      presignDownloads: e.S3_PRESIGNED_DOWNLOADS ?? e.S3_PRESIGN_DOWNLOADS,
      maxAttempts: e.S3_MAX_ATTEMPTS,
      lifecycle: {
        uploads: e.S3_UPLOADS_EXPIRE_DAYS,
        processing: e.S3_PROCESSING_EXPIRE_DAYS,
        results: e.S3_RESULTS_EXPIRE_DAYS || null,
        abortIncompleteMultipart: e.S3_ABORT_MULTIPART_DAYS,
      },
      publicEndpoint: e.S3_PUBLIC_ENDPOINT,
    },
  };
});

export const whisperConfig = registerAs('whisper', (): WhisperConfig => {
  const e = env();
  return {
    model: e.WHISPER_MODEL,
    modelsDir: path.resolve(projectRoot(), e.MODELS_DIR ?? 'models'),
    // ggml's worker threads spin while they wait: two jobs with all cores each run many times
    // slower than one after the other, so concurrent jobs split the cores.
    threads:
      e.WHISPER_THREADS ??
      Math.max(1, Math.floor(os.availableParallelism() / (e.WORKER_CONCURRENCY || 1))),
    binary: e.WHISPER_BIN ?? path.join(projectRoot(), '.cache', 'whisper.cpp', 'whisper-cli'),
    profile: e.ASR_PROFILE,
    wordAlignment: e.WORD_ALIGNMENT,
    voiceActivity: e.VOICE_ACTIVITY,
    toolsPython: e.TOOLS_PYTHON ?? path.join(projectRoot(), '.cache', 'venv', 'bin', 'python'),
    alignerScript: path.join(projectRoot(), 'scripts', 'align', 'pocketsphinx_align.py'),
    vadScript: path.join(projectRoot(), 'scripts', 'vad', 'detect_speech.py'),
  };
});

export const mediaConfig = registerAs('media', (): MediaConfig => ({
  ffmpegPath: env().FFMPEG_PATH,
  ffprobePath: env().FFPROBE_PATH,
}));

export const limitsConfig = registerAs('limits', (): LimitsConfig => {
  const e = env();
  return {
    uploadIdleTimeoutMs: e.UPLOAD_IDLE_TIMEOUT_SEC * 1000,
    media: {
      maxDurationSec: e.MAX_MEDIA_DURATION_SEC,
      minVideoSide: e.MIN_VIDEO_SIDE,
      maxVideoSide: e.MAX_VIDEO_SIDE,
      maxFrameRate: e.MAX_FRAME_RATE,
      maxStreams: e.MAX_STREAMS,
    },
    minFreeDiskBytes: e.MIN_FREE_DISK_BYTES,
    shutdownGraceMs: e.SHUTDOWN_GRACE_SEC * 1000,
    jobTimeoutFactor: e.JOB_TIMEOUT_FACTOR,
    jobTimeoutMinSec: e.JOB_TIMEOUT_MIN_SEC,
  };
});

export const allConfigNamespaces = [
  limitsConfig,
  appConfig,
  databaseConfig,
  redisConfig,
  storageConfig,
  whisperConfig,
  mediaConfig,
  selectionConfig,
  renderConfig,
  accessConfig,
  operationsConfig,
  webhooksConfig,
];
