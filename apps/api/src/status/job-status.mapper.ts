import type { ArtifactEntity, ClipEntity, JobEntity } from '@app/persistence';
import { ArtifactKind } from '@app/persistence';
import { ASPECT_RATIOS, AspectRatio, isAspectRatio, renditionsOf } from '@app/jobs';
import { publicText } from '../common/public-text';
import type { JobStatusDto, RenditionDto } from './job-status.dto';

/** Turns a download path into the URL handed out (signed, or presigned in S3). */
export type LinkMaker = (path: string) => string;

type ServedKind = Exclude<ArtifactKind, ArtifactKind.Source>;

const ROUTE_OF_KIND: Record<ServedKind, string> = {
  [ArtifactKind.ClipVideo]: 'clips',
  [ArtifactKind.ClipThumbnail]: 'thumbnails',
  [ArtifactKind.ClipCaptions]: 'captions',
  [ArtifactKind.ClipFraming]: 'captions',
  [ArtifactKind.Transcript]: 'captions',
};

/** The API path that serves a stored file. */
export const isServed = (kind: ArtifactKind): kind is ServedKind => kind in ROUTE_OF_KIND;

export const downloadPath = (jobId: string, kind: ServedKind, filename: string) =>
  `/api/download/${ROUTE_OF_KIND[kind]}/${jobId}/${encodeURIComponent(filename)}`;

const clipPath = (jobId: string, filename: string) =>
  downloadPath(jobId, ArtifactKind.ClipVideo, filename);
const captionPath = (jobId: string, filename: string) =>
  downloadPath(jobId, ArtifactKind.ClipCaptions, filename);

/** Every rendition of a clip: the main one, then `clip-NN.<w>x<h>.mp4` files, with edit data. */
function renditions(
  job: JobEntity,
  clip: ClipEntity,
  artifacts: ArtifactEntity[],
  link: LinkMaker,
): RenditionDto[] {
  const stem = clip.videoFilename.replace(/\.mp4$/, '');
  const main: RenditionDto = {
    aspectRatio: job.options.aspectRatio,
    width: clip.width,
    height: clip.height,
    downloadUrl: link(clipPath(job.id, clip.videoFilename)),
    framingUrl: framingUrl(job.id, clip.videoFilename, artifacts, link),
  };
  const others = artifacts.flatMap((a) => {
    const m = a.kind === ArtifactKind.ClipVideo && /^(.+)\.(\d+)x(\d+)\.mp4$/.exec(a.filename);
    const ratio = m && m[1] === stem ? `${m[2]}:${m[3]}` : null;
    if (!ratio || !isAspectRatio(ratio)) return [];
    return [
      {
        aspectRatio: ratio,
        ...ASPECT_RATIOS[ratio],
        downloadUrl: link(clipPath(job.id, a.filename)),
        framingUrl: framingUrl(job.id, a.filename, artifacts, link),
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
function framingUrl(
  jobId: string,
  videoFilename: string,
  artifacts: ArtifactEntity[],
  link: LinkMaker,
) {
  const name = videoFilename.replace(/\.mp4$/, '.framing.json');
  const found = artifacts.some((a) => a.kind === ArtifactKind.ClipFraming && a.filename === name);
  return found ? link(captionPath(jobId, name)) : null;
}

/** The clip's cover, when the job that made it picked one. */
function thumbnailUrl(
  jobId: string,
  videoFilename: string,
  artifacts: ArtifactEntity[],
  link: LinkMaker,
) {
  const name = videoFilename.replace(/\.mp4$/, '.jpg');
  const found = artifacts.some((a) => a.kind === ArtifactKind.ClipThumbnail && a.filename === name);
  return found ? link(downloadPath(jobId, ArtifactKind.ClipThumbnail, name)) : null;
}

/** The estimated end of a running job, as seconds from now and as a moment. */
export function estimate(
  job: JobEntity,
): Pick<JobStatusDto, 'etaSeconds' | 'estimatedCompletionAt'> {
  if (job.status !== 'processing' || !job.etaAt)
    return { etaSeconds: null, estimatedCompletionAt: null };
  const at = new Date(job.etaAt);
  return {
    etaSeconds: Math.max(0, Math.round((at.getTime() - Date.now()) / 1000)),
    estimatedCompletionAt: at.toISOString(),
  };
}

export function toJobStatusDto(
  job: JobEntity,
  clips: ClipEntity[],
  artifacts: ArtifactEntity[],
  link: LinkMaker = (path) => path,
  linksExpireAt: Date | null = null,
): JobStatusDto {
  const transcriptArtifacts = artifacts.filter((a) => a.kind === ArtifactKind.Transcript);
  const transcript = transcriptArtifacts.find((a) => a.filename.endsWith('.json'));
  return {
    jobId: job.id,
    status: job.status,
    stage: job.stage,
    progress: job.progress,
    stageProgress: job.stageProgress ?? 0,
    ...estimate(job),
    notice: job.notice ? publicText(job.notice) : null,
    error: job.errorCode ? { code: job.errorCode, message: publicText(job.errorMessage) } : null,
    sourceFilename: job.sourceFilename,
    source: job.sourceMetadata,
    options: job.options,
    language: job.language,
    stageTimings: job.stageTimings,
    transcriptUrl: transcript ? link(captionPath(job.id, transcript.filename)) : null,
    transcript: Object.fromEntries(
      transcriptArtifacts.map((a) => [
        a.filename.split('.').pop()!,
        link(captionPath(job.id, a.filename)),
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
      downloadUrl: link(clipPath(job.id, c.videoFilename)),
      srtUrl: link(captionPath(job.id, c.srtFilename)),
      vttUrl: link(captionPath(job.id, c.vttFilename)),
      framingUrl: framingUrl(job.id, c.videoFilename, artifacts, link),
      thumbnailUrl: thumbnailUrl(job.id, c.videoFilename, artifacts, link),
      renditions: renditions(job, c, artifacts, link),
      insights: c.insights ?? null,
    })),
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    completedAt: job.completedAt ? new Date(job.completedAt).toISOString() : null,
    linksExpireAt: linksExpireAt ? linksExpireAt.toISOString() : null,
  };
}
