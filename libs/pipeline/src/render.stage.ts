import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { DEFAULT_BURN_IN_STYLE, groupCues, toAss, toSrt, toVtt, wordsForClip } from '@app/captions';
import { ASPECT_RATIOS } from '@app/jobs';
import { renderClip } from '@app/rendering';
import type { PipelineContext, RenderedClip } from './pipeline.types';

export const clipBaseName = (index: number) => `clip-${String(index + 1).padStart(2, '0')}`;

/** Writes captions (ASS to burn, SRT/VTT sidecars) and renders each highlight with its crop. */
export async function runRenderStage(
  ctx: PipelineContext,
  fontsDir: string | undefined,
): Promise<RenderedClip[]> {
  const highlights = ctx.highlights ?? [];
  const crops = ctx.crops ?? [];
  const { width, height } = ASPECT_RATIOS[ctx.options.aspectRatio];
  const outDir = path.join(ctx.workDir, 'clips');
  await fs.mkdir(outDir, { recursive: true });
  const rendered: RenderedClip[] = [];
  for (const [index, highlight] of highlights.entries()) {
    const base = clipBaseName(index);
    const cues = groupCues(wordsForClip(highlight.words, highlight.start, highlight.end));
    const files = {
      videoFilename: `${base}.mp4`,
      srtFilename: `${base}.srt`,
      vttFilename: `${base}.vtt`,
    };
    const assPath = path.join(outDir, `${base}.ass`);
    const srtPath = path.join(outDir, files.srtFilename);
    const vttPath = path.join(outDir, files.vttFilename);
    const videoPath = path.join(outDir, files.videoFilename);
    await fs.writeFile(assPath, toAss(cues, { width, height, ...DEFAULT_BURN_IN_STYLE }));
    await fs.writeFile(srtPath, toSrt(cues));
    await fs.writeFile(vttPath, toVtt(cues));
    await renderClip({
      ffmpeg: ctx.binaries.ffmpeg,
      sourcePath: ctx.sourcePath,
      start: highlight.start,
      end: highlight.end,
      crop: crops[index],
      outputWidth: width,
      outputHeight: height,
      assPath,
      fontsDir,
      outputPath: videoPath,
      signal: ctx.signal,
      onProgress: (f) => ctx.report((index + f) / highlights.length),
    });
    rendered.push({ index, highlight, width, height, videoPath, srtPath, vttPath, ...files });
  }
  return rendered;
}
