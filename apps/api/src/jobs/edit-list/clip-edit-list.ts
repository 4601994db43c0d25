import type { ClipEntity, JobEntity } from '@app/persistence';
import type { Transcript } from '@app/transcription';

/** One rendition's framing as the worker stored it (framing.json). */
export interface StoredFraming {
  output: { aspectRatio: string; width: number; height: number };
  source: { width: number; height: number };
  cropPath: unknown[];
  fit: unknown[];
  split: unknown[];
}

/**
 * A clip as another editor needs it to rebuild or change the cut: the source range, the crop path
 * of each rendition (times from the clip start, source pixels) and the words said, timed from the
 * clip start. Built from what the job stored, so it matches the rendered files.
 */
export function buildEditList(
  job: JobEntity,
  clip: ClipEntity,
  transcript: Transcript | null,
  framings: { videoUrl: string; framing: StoredFraming | null }[],
) {
  const words = (transcript?.segments ?? [])
    .flatMap((s) => s.words)
    .filter((w) => w.end > clip.start && w.start < clip.end)
    .map((w) => ({
      text: w.text.trim(),
      start: round(Math.max(0, w.start - clip.start)),
      end: round(Math.min(clip.end, w.end) - clip.start),
    }));
  return {
    version: 1,
    jobId: job.id,
    clipIndex: clip.index,
    title: clip.title,
    timeUnit: 'seconds',
    source: {
      filename: job.sourceFilename,
      width: job.sourceMetadata?.width ?? null,
      height: job.sourceMetadata?.height ?? null,
      fps: job.sourceMetadata?.fps ?? null,
      start: clip.start,
      end: clip.end,
    },
    renditions: framings.map(({ videoUrl, framing }) => ({
      aspectRatio: framing?.output.aspectRatio ?? null,
      width: framing?.output.width ?? null,
      height: framing?.output.height ?? null,
      videoUrl,
      cropPath: framing?.cropPath ?? null,
      fit: framing?.fit ?? [],
      split: framing?.split ?? [],
    })),
    words,
    captions: job.options.captions ?? { style: 'karaoke' },
    // With jump cuts the rendered file is shorter than the range: these say what was cut.
    cuts: job.options.cuts ?? null,
  };
}

const round = (t: number) => Math.round(t * 1000) / 1000;
