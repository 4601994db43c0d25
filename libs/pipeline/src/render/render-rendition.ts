import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import {
  burnInScript,
  CaptionOptions,
  CaptionWord,
  DEFAULT_CAPTION_OPTIONS,
  linkFontsFolder,
} from '@app/captions';
import type { CropPath } from '@app/detection';
import type { LoudnessMeasurement } from '@app/media';
import { renderClip, Span, VideoEncoder } from '@app/rendering';
import type { Highlight } from '@app/selection';
import type { PipelineContext } from '../pipeline.types';

export interface Rendition {
  /** File name without extension: `clip-01` or `clip-01.1x1`. */
  name: string;
  size: { width: number; height: number };
  crop: CropPath;
}

export interface ClipCut {
  /** Words on the output timeline (after any jump cuts). */
  words: CaptionWord[];
  keep?: Span[];
  loudness: LoudnessMeasurement | null;
  /** Seconds the rendered clip lasts. */
  duration: number;
}

/**
 * The job's caption options; where the picture is two stacked people for most of the clip and
 * the job named no position, the captions sit on the seam between them rather than on the lower
 * person's face.
 */
function captionOptionsFor(ctx: PipelineContext, crop: CropPath, h: Highlight): CaptionOptions {
  const options = ctx.options.captions ?? DEFAULT_CAPTION_OPTIONS;
  const split = (crop.split ?? []).reduce((s, x) => s + x.end - x.start, 0);
  return options.position === undefined && split >= 0.5 * (h.end - h.start)
    ? { ...options, position: 'middle' }
    : options;
}

/**
 * Renders one rendition: its captions burned in the job's style (fonts linked beside it), the
 * cuts and the loudness applied by one ffmpeg run. Returns the MP4's path in `outDir`.
 */
export async function renderRendition(
  ctx: PipelineContext,
  outDir: string,
  highlight: Highlight,
  r: Rendition,
  cut: ClipCut,
  encoder: VideoEncoder,
  onProgress: (fraction: number) => void,
): Promise<string> {
  const keyTerms = [highlight.title, ...highlight.hashtags];
  const script = burnInScript(
    cut.words,
    captionOptionsFor(ctx, r.crop, highlight),
    r.size,
    keyTerms,
  );
  const assPath = path.join(outDir, `${r.name}.ass`);
  const fontsDir = path.join(outDir, `${r.name}.fonts`);
  if (script) {
    await fs.writeFile(assPath, script.ass);
    await linkFontsFolder(fontsDir, script.faces);
  }
  const outputPath = path.join(outDir, `${r.name}.mp4`);
  try {
    await renderClip({
      ffmpeg: ctx.binaries.ffmpeg,
      sourcePath: ctx.sourcePath,
      start: highlight.start,
      end: highlight.end,
      crop: r.crop,
      outputWidth: r.size.width,
      outputHeight: r.size.height,
      ...(script ? { assPath, fontsDir } : {}),
      keep: cut.keep,
      loudness: cut.loudness,
      encoder,
      outputPath,
      signal: ctx.signal,
      onProgress,
    });
  } finally {
    await fs.rm(fontsDir, { recursive: true, force: true });
    await fs.rm(assPath, { force: true });
  }
  return outputPath;
}
