import { CropPath, FramingStrategy } from '@app/detection';
import { ASPECT_RATIOS, renditionsOf } from '@app/jobs';
import type { Highlight } from '@app/selection';
import type { StoredRender } from './checkpoint';
import type { PipelineContext } from './pipeline.types';
import { RenderLane } from './render/render-lane';
import { renderOneClip, RenderTools } from './render/render.stage';

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

/**
 * Per clip, a crop path for each rendition, from one look at the picture; each framed clip is
 * handed to the render lane, when there is one.
 */
export async function runFrameStage(
  framing: FramingStrategy,
  ctx: PipelineContext,
  lane: RenderLane | null,
): Promise<CropPath[][]> {
  const crops: CropPath[][] = [];
  const count = ctx.highlights?.length ?? 0;
  for (const [i, h] of (ctx.highlights ?? []).entries()) {
    crops.push(await frameOneClip(framing, ctx, h, (f) => ctx.report((i + f) / count)));
    lane?.push(i, crops[i]);
    ctx.report((i + 1) / count);
  }
  return crops;
}

/** Renders framed clips in the background (no progress of its own: the frame stage reports). */
export function framedClipLane(
  ctx: PipelineContext,
  tools: RenderTools,
  stored: StoredRender[],
  onClipStored: (clip: StoredRender) => Promise<void>,
): RenderLane {
  return new RenderLane(async (index, crops) => {
    if (stored.some((c) => c.index === index)) return;
    const highlight = ctx.highlights![index];
    await onClipStored(
      await renderOneClip(ctx, tools, { index, highlight, crops, report: () => undefined }),
    );
  });
}
