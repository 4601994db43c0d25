import type { ArtifactEntity, ClipEntity, JobEntity } from '@app/persistence';
import { ArtifactKind } from '@app/persistence';
import { ASPECT_RATIOS, AspectRatio, isAspectRatio, renditionsOf } from '@app/jobs';
import type { JobStatusDto, RenditionDto } from './job-status.dto';

export const clipDownloadUrl = (jobId: string, filename: string) =>
  `/api/download/clips/${jobId}/${encodeURIComponent(filename)}`;
export const captionDownloadUrl = (jobId: string, filename: string) =>
  `/api/download/captions/${jobId}/${encodeURIComponent(filename)}`;

/** Every rendition of a clip: the main one, then `clip-NN.<w>x<h>.mp4` files, with edit data. */
function renditions(job: JobEntity, clip: ClipEntity, artifacts: ArtifactEntity[]): RenditionDto[] {
  const stem = clip.videoFilename.replace(/\.mp4$/, '');
  const main: RenditionDto = {
    aspectRatio: job.options.aspectRatio,
    width: clip.width,
    height: clip.height,
    downloadUrl: clipDownloadUrl(job.id, clip.videoFilename),
    framingUrl: framingUrl(job.id, clip.videoFilename, artifacts),
  };
  const others = artifacts.flatMap((a) => {
    const m = a.kind === ArtifactKind.ClipVideo && /^(.+)\.(\d+)x(\d+)\.mp4$/.exec(a.filename);
    const ratio = m && m[1] === stem ? `${m[2]}:${m[3]}` : null;
    if (!ratio || !isAspectRatio(ratio)) return [];
    return [
      {
        aspectRatio: ratio,
        ...ASPECT_RATIOS[ratio],
        downloadUrl: clipDownloadUrl(job.id, a.filename),
        framingUrl: framingUrl(job.id, a.filename, artifacts),
      },
    ];
  });
  const order = renditionsOf(job.options);
  return [
    main,
    ...others.sort(
      (a, b) =>
        order.indexOf(a.aspectRatio as AspectRatio) - order.indexOf(b.aspectRatio as AspectRatio),
    ),
  ];
}

/** The edit data (crop path, shots, face tracks) of a video, when the job that made it stored one. */
function framingUrl(jobId: string, videoFilename: string, artifacts: ArtifactEntity[]) {
  const name = videoFilename.replace(/\.mp4$/, '.framing.json');
  const found = artifacts.some((a) => a.kind === ArtifactKind.ClipFraming && a.filename === name);
  return found ? captionDownloadUrl(jobId, name) : null;
}

/** The clip's cover, when the job that made it picked one. */
function thumbnailUrl(jobId: string, videoFilename: string, artifacts: ArtifactEntity[]) {
  const name = videoFilename.replace(/\.mp4$/, '.jpg');
  const found = artifacts.some((a) => a.kind === ArtifactKind.ClipThumbnail && a.filename === name);
  return found ? `/api/download/thumbnails/${jobId}/${encodeURIComponent(name)}` : null;
}

export function toJobStatusDto(
  job: JobEntity,
  clips: ClipEntity[],
  artifacts: ArtifactEntity[],
): JobStatusDto {
  const transcriptArtifacts = artifacts.filter((a) => a.kind === ArtifactKind.Transcript);
  const transcript = transcriptArtifacts.find((a) => a.filename.endsWith('.json'));
  return {
    jobId: job.id,
    status: job.status,
    stage: job.stage,
    progress: job.progress,
    notice: job.notice ?? null,
    error: job.errorCode ? { code: job.errorCode, message: job.errorMessage ?? '' } : null,
    sourceFilename: job.sourceFilename,
    source: job.sourceMetadata,
    options: job.options,
    language: job.language,
    stageTimings: job.stageTimings,
    transcriptUrl: transcript ? captionDownloadUrl(job.id, transcript.filename) : null,
    transcript: Object.fromEntries(
      transcriptArtifacts.map((a) => [
        a.filename.split('.').pop()!,
        captionDownloadUrl(job.id, a.filename),
      ]),
    ),
    transcriptCached: Boolean(job.transcriptCached),
    clips: clips.map((c) => ({
      index: c.index,
      start: c.start,
      end: c.end,
      duration: Math.round((c.end - c.start) * 1000) / 1000,
      score: c.score,
      title: c.title,
      text: c.text,
      width: c.width,
      height: c.height,
      downloadUrl: clipDownloadUrl(job.id, c.videoFilename),
      srtUrl: captionDownloadUrl(job.id, c.srtFilename),
      vttUrl: captionDownloadUrl(job.id, c.vttFilename),
      framingUrl: framingUrl(job.id, c.videoFilename, artifacts),
      thumbnailUrl: thumbnailUrl(job.id, c.videoFilename, artifacts),
      renditions: renditions(job, c, artifacts),
      insights: c.insights ?? null,
    })),
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    completedAt: job.completedAt ? new Date(job.completedAt).toISOString() : null,
  };
}
