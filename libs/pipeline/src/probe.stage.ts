import * as fs from 'node:fs/promises';
import { extractAudio, inspectVideo, MediaLimits, SourceMetadata } from '@app/media';
import type { StorageDriver } from '@app/storage';
import type { PipelineContext } from './pipeline.types';

export interface ProbeStageOptions {
  /** The transcript is not made yet, so the audio must be extracted. */
  needAudio: boolean;
  limits: MediaLimits;
}

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

/**
 * Fetches the source into the work folder (unless a previous run on this machine left it there),
 * re-checks it with ffprobe against the limits, and extracts 16 kHz mono audio when needed.
 */
export async function runProbeStage(
  ctx: PipelineContext,
  storage: StorageDriver,
  options: ProbeStageOptions,
): Promise<SourceMetadata> {
  if (!(await exists(ctx.sourcePath))) {
    // Temporary names throughout: a crash mid-copy never leaves a short file that looks finished.
    await storage.download(ctx.sourceKey, `${ctx.sourcePath}.partial`);
    await fs.rename(`${ctx.sourcePath}.partial`, ctx.sourcePath);
  }
  ctx.report(0.2);
  const metadata = await inspectVideo(
    ctx.binaries.ffprobe,
    ctx.sourcePath,
    ctx.signal,
    options.limits,
  );
  if (options.needAudio && !(await exists(ctx.audioPath))) {
    const partial = `${ctx.audioPath}.partial.wav`;
    await extractAudio(ctx.binaries.ffmpeg, ctx.sourcePath, partial, {
      signal: ctx.signal,
      durationSec: metadata.durationSec,
      onProgress: (f) => ctx.report(0.2 + 0.8 * f),
    });
    await fs.rename(partial, ctx.audioPath);
  }
  return metadata;
}

export { exists as fileExists };
