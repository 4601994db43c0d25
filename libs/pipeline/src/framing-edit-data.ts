import type { CropPath } from '@app/detection';
import type { AspectRatio } from '@app/jobs';
import type { Highlight } from '@app/selection';

/** A rendition's framing as integrators re-edit it: times from the clip start, source pixels. */
export function framingEditData(
  highlight: Highlight,
  aspectRatio: AspectRatio,
  crop: CropPath,
  size: { width: number; height: number },
) {
  return {
    clip: { sourceStart: highlight.start, sourceEnd: highlight.end },
    output: { aspectRatio, ...size },
    source: { width: crop.sourceWidth, height: crop.sourceHeight },
    cropPath: crop.keyframes,
    fit: crop.fit ?? [],
    split: crop.split ?? [],
    shots: crop.analysis?.shots ?? [],
    faceTracks: crop.analysis?.tracks ?? [],
    speakers: crop.analysis?.speakers ?? [],
  };
}
