import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { DEFAULT_BURN_IN_STYLE, groupCues, toAss, toSrt, toVtt, wordsForClip } from '@app/captions';
import { ASPECT_RATIOS, aspectTag, renditionsOf } from '@app/jobs';
import { ArtifactKind } from '@app/persistence';
import { renderClip } from '@app/rendering';
import { StorageDriver, StorageKeys } from '@app/storage';
import type { CropPath } from '@app/detection';
import type { Highlight } from '@app/selection';
import type { StoredRender } from './checkpoint';
import { framingEditData } from './framing-edit-data';
import type { PipelineContext } from './pipeline.types';

export const clipBaseName = (index: number) => `clip-${String(index + 1).padStart(2, '0')}`;

const CONTENT_TYPES = {
  mp4: 'video/mp4',
  srt: 'application/x-subrip',
  vtt: 'text/vtt',
  json: 'application/json',
};

/**
 * Writes captions (SRT/VTT sidecars once, ASS to burn per rendition), renders each highlight in
 * every aspect ratio with its crop path and puts its files in storage at once, reporting each
 * finished clip so that a resumed job renders only the clips it has not stored yet. The main
 * rendition is `clip-NN.mp4`, the others `clip-NN.<w>x<h>.mp4`. Nothing is recorded in the
 * database here (publish does that).
 */
export async function runRenderStage(
  ctx: PipelineContext,
  storage: StorageDriver,
  fontsDir: string | undefined,
  done: StoredRender[],
  onClipStored: (clip: StoredRender) => Promise<void>,
): Promise<StoredRender[]> {
  const highlights = ctx.highlights ?? [];
  const stored = [...done];
  for (const [index, highlight] of highlights.entries()) {
    if (stored.some((c) => c.index === index)) continue;
    const clip = await renderOneClip(ctx, storage, fontsDir, {
      index,
      highlight,
      crops: ctx.framings![index],
      report: (f) => ctx.report((index + f * 0.95) / highlights.length),
    });
    stored.push(clip);
    await onClipStored(clip);
    ctx.report((index + 1) / highlights.length);
  }
  return stored.sort((a, b) => a.index - b.index);
}

export interface ClipToRender {
  index: number;
  highlight: Highlight;
  /** One crop path per rendition (renditionsOf(options) order). */
  crops: CropPath[];
  report: (fraction: number) => void;
}

/** Captions, every rendition and the framing edit data of one clip, put in storage. */
export async function renderOneClip(
  ctx: PipelineContext,
  storage: StorageDriver,
  fontsDir: string | undefined,
  { index, highlight, crops, report }: ClipToRender,
): Promise<StoredRender> {
  const ratios = renditionsOf(ctx.options);
  const outDir = path.join(ctx.workDir, 'clips');
  await fs.mkdir(outDir, { recursive: true });
  const base = clipBaseName(index);
  const cues = groupCues(wordsForClip(highlight.words, highlight.start, highlight.end));
  const outputs: [string, string, ArtifactKind][] = [
    [`${base}.srt`, CONTENT_TYPES.srt, ArtifactKind.ClipCaptions],
    [`${base}.vtt`, CONTENT_TYPES.vtt, ArtifactKind.ClipCaptions],
  ];
  await fs.writeFile(path.join(outDir, `${base}.srt`), toSrt(cues));
  await fs.writeFile(path.join(outDir, `${base}.vtt`), toVtt(cues));
  for (const [k, ratio] of ratios.entries()) {
    const name = k === 0 ? base : `${base}.${aspectTag(ratio)}`;
    const size = ASPECT_RATIOS[ratio];
    const assPath = path.join(outDir, `${name}.ass`);
    await fs.writeFile(assPath, toAss(cues, { ...size, ...DEFAULT_BURN_IN_STYLE }));
    await fs.writeFile(
      path.join(outDir, `${name}.framing.json`),
      JSON.stringify(framingEditData(highlight, ratio, crops[k], size)),
    );
    await renderClip({
      ffmpeg: ctx.binaries.ffmpeg,
      sourcePath: ctx.sourcePath,
      start: highlight.start,
      end: highlight.end,
      crop: crops[k],
      outputWidth: size.width,
      outputHeight: size.height,
      assPath,
      fontsDir,
      outputPath: path.join(outDir, `${name}.mp4`),
      signal: ctx.signal,
      onProgress: (f) => report((k + f) / ratios.length),
    });
    outputs.push(
      [`${name}.mp4`, CONTENT_TYPES.mp4, ArtifactKind.ClipVideo],
      [`${name}.framing.json`, CONTENT_TYPES.json, ArtifactKind.ClipFraming],
    );
  }
  const files: StoredRender['files'] = [];
  for (const [filename, contentType, kind] of outputs) {
    const key = StorageKeys.clipFile(ctx.jobId, filename);
    const local = path.join(outDir, filename);
    const { sizeBytes } = await storage.putFile(key, local, contentType);
    files.push({ filename, key, contentType, sizeBytes, kind });
    await fs.rm(local, { force: true });
  }
  const { width, height } = ASPECT_RATIOS[ratios[0]];
  return { index, highlight, width, height, files };
}
