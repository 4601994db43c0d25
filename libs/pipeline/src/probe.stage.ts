import { extractAudio, inspectVideo, SourceMetadata } from '@app/media';
import type { StorageDriver } from '@app/storage';
import type { PipelineContext } from './pipeline.types';

/** Fetches the source into the work folder, re-checks it with ffprobe, extracts 16 kHz mono audio. */
export async function runProbeStage(
  ctx: PipelineContext,
  storage: StorageDriver,
): Promise<SourceMetadata> {
  await storage.download(ctx.sourceKey, ctx.sourcePath);
  ctx.report(0.2);
  const metadata = await inspectVideo(ctx.binaries.ffprobe, ctx.sourcePath, ctx.signal);
  await extractAudio(ctx.binaries.ffmpeg, ctx.sourcePath, ctx.audioPath, {
    signal: ctx.signal,
    durationSec: metadata.durationSec,
    onProgress: (f) => ctx.report(0.2 + 0.8 * f),
  });
  return metadata;
}
