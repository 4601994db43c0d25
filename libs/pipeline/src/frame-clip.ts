import { CropPath, FramingStrategy } from '@app/detection';
import { ASPECT_RATIOS, renditionsOf } from '@app/jobs';
import type { Highlight } from '@app/selection';
import type { PipelineContext } from './pipeline.types';

/** One crop path per rendition of a clip (the job's aspect ratios in order), from one analysis. */
export function frameOneClip(
  framing: FramingStrategy,
  ctx: PipelineContext,
  highlight: Highlight,
  onProgress: (fraction: number) => void,
): Promise<CropPath[]> {
  const aspects = renditionsOf(ctx.options).map(
    (r) => ASPECT_RATIOS[r].width / ASPECT_RATIOS[r].height,
  );
  return framing.planEach(
    {
      sourcePath: ctx.sourcePath,
      sourceWidth: ctx.metadata!.width,
      sourceHeight: ctx.metadata!.height,
      start: highlight.start,
      end: highlight.end,
      aspect: aspects[0],
      layout: ctx.options.layout,
      words: highlight.words,
      signal: ctx.signal,
      onProgress,
    },
    aspects,
  );
}
