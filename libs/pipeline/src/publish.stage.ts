import { randomUUID } from 'node:crypto';
import { ArtifactKind, ClipRepository, NewArtifact, NewClip } from '@app/persistence';
import type { StoredRender } from './checkpoint';
import type { PipelineContext } from './pipeline.types';

/**
 * Records every clip and its stored files in one transaction: a reader sees either no clips or
 * the complete set. The files are already in storage (the render stage put them there).
 */
export async function runPublishStage(
  ctx: PipelineContext,
  clipsRepo: ClipRepository,
  renders: StoredRender[],
): Promise<void> {
  const clips: NewClip[] = [];
  const artifacts: NewArtifact[] = [];
  for (const r of renders) {
    artifacts.push(...artifactRows(ctx.jobId, r));
    clips.push(toClipRow(ctx.jobId, r));
  }
  await clipsRepo.replaceForJob(ctx.jobId, clips, artifacts);
}

/** The rows of stored files of one rendered clip. */
export function artifactRows(jobId: string, r: StoredRender): NewArtifact[] {
  return r.files.map((f) => ({
    id: randomUUID(),
    jobId,
    kind: f.kind as ArtifactKind,
    filename: f.filename,
    storageKey: f.key,
    contentType: f.contentType,
    sizeBytes: f.sizeBytes,
  }));
}

export function toClipRow(jobId: string, r: StoredRender): NewClip {
  const name = (ext: string) => r.files.find((f) => f.filename.endsWith(ext))!.filename;
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
    videoFilename: name('.mp4'),
    srtFilename: name('.srt'),
    vttFilename: name('.vtt'),
    insights: {
      description: r.highlight.description ?? '',
      hashtags: r.highlight.hashtags ?? [],
      topic: r.highlight.topic ?? 0,
      features: Array.isArray(r.highlight.features) ? r.highlight.features : [],
      origin: r.highlight.origin ?? 'auto',
      rankedBy: r.highlight.rankedBy,
    },
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
