import { randomUUID } from 'node:crypto';
import { ArtifactKind, ClipRepository, NewArtifact, NewClip } from '@app/persistence';
import { StorageDriver, StorageKeys } from '@app/storage';
import type { PipelineContext, RenderedClip } from './pipeline.types';

const CONTENT_TYPES = { mp4: 'video/mp4', srt: 'application/x-subrip', vtt: 'text/vtt' };

/**
 * Uploads every rendered file, then records all clips and artifacts in one transaction: a reader
 * sees either no clips or the complete set.
 */
export async function runPublishStage(
  ctx: PipelineContext,
  storage: StorageDriver,
  clipsRepo: ClipRepository,
): Promise<void> {
  const renders = ctx.renders ?? [];
  const clips: NewClip[] = [];
  const artifacts: NewArtifact[] = [];
  let done = 0;
  const total = renders.length * 3 || 1;
  for (const r of renders) {
    const uploads: [string, string, string, ArtifactKind][] = [
      [r.videoFilename, r.videoPath, CONTENT_TYPES.mp4, ArtifactKind.ClipVideo],
      [r.srtFilename, r.srtPath, CONTENT_TYPES.srt, ArtifactKind.ClipCaptions],
      [r.vttFilename, r.vttPath, CONTENT_TYPES.vtt, ArtifactKind.ClipCaptions],
    ];
    for (const [filename, localPath, contentType, kind] of uploads) {
      const key = StorageKeys.clipFile(ctx.jobId, filename);
      const stored = await storage.putFile(key, localPath, contentType);
      artifacts.push({
        id: randomUUID(),
        jobId: ctx.jobId,
        kind,
        filename,
        storageKey: key,
        contentType,
        sizeBytes: stored.sizeBytes,
      });
      ctx.report(++done / total);
    }
    clips.push(toClipRow(ctx.jobId, r));
  }
  await clipsRepo.replaceForJob(ctx.jobId, clips, artifacts);
}

function toClipRow(jobId: string, r: RenderedClip): NewClip {
  return {
    id: randomUUID(),
    jobId,
    index: r.index,
    start: round3(r.highlight.start),
    end: round3(r.highlight.end),
    score: r.highlight.score,
    title: r.highlight.title.slice(0, 255),
    text: r.highlight.text,
    width: r.width,
    height: r.height,
    videoFilename: r.videoFilename,
    srtFilename: r.srtFilename,
    vttFilename: r.vttFilename,
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
