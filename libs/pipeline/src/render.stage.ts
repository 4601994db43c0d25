import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { DEFAULT_BURN_IN_STYLE, groupCues, toAss, toSrt, toVtt, wordsForClip } from '@app/captions';
import type { CropPath } from '@app/detection';
import { ASPECT_RATIOS } from '@app/jobs';
import { ArtifactKind } from '@app/persistence';
import { renderClip } from '@app/rendering';
import type { Highlight } from '@app/selection';
import { StorageDriver, StorageKeys } from '@app/storage';
import type { StoredRender } from './checkpoint';
import type { PipelineContext } from './pipeline.types';

export const clipBaseName = (index: number) => `clip-${String(index + 1).padStart(2, '0')}`;

const CONTENT_TYPES = {
  mp4: 'video/mp4',
  srt: 'application/x-subrip',
  vtt: 'text/vtt',
  json: 'application/json',
};

/**
 * Writes captions (ASS to burn, SRT/VTT sidecars), renders each highlight with its crop and puts
 * its files in storage at once, reporting each finished clip so that a resumed job renders only
 * the clips it has not stored yet. Nothing is recorded in the database here (publish does that).
 */
/** A clip's framing as integrators re-edit it: times from the clip start, source pixels. */
function framingEditData(highlight: Highlight, crop: CropPath, width: number, height: number) {
  return {
    clip: {
      sourceStart: highlight.start,
      sourceEnd: highlight.end,
      outputWidth: width,
      outputHeight: height,
    },
    source: { width: crop.sourceWidth, height: crop.sourceHeight },
    cropPath: crop.keyframes,
    fit: crop.fit ?? [],
    shots: crop.analysis?.shots ?? [],
    faceTracks: crop.analysis?.tracks ?? [],
    speakers: crop.analysis?.speakers ?? [],
  };
}

export async function runRenderStage(
  ctx: PipelineContext,
  storage: StorageDriver,
  fontsDir: string | undefined,
  done: StoredRender[],
  onClipStored: (clip: StoredRender) => Promise<void>,
): Promise<StoredRender[]> {
  const highlights = ctx.highlights ?? [];
  const crops = ctx.crops ?? [];
  const { width, height } = ASPECT_RATIOS[ctx.options.aspectRatio];
  const outDir = path.join(ctx.workDir, 'clips');
  await fs.mkdir(outDir, { recursive: true });
  const stored = [...done];
  for (const [index, highlight] of highlights.entries()) {
    if (stored.some((c) => c.index === index)) continue;
    const base = clipBaseName(index);
    const cues = groupCues(wordsForClip(highlight.words, highlight.start, highlight.end));
    const assPath = path.join(outDir, `${base}.ass`);
    const outputs: [string, string, ArtifactKind][] = [
      [`${base}.mp4`, CONTENT_TYPES.mp4, ArtifactKind.ClipVideo],
      [`${base}.srt`, CONTENT_TYPES.srt, ArtifactKind.ClipCaptions],
      [`${base}.vtt`, CONTENT_TYPES.vtt, ArtifactKind.ClipCaptions],
      [`${base}.framing.json`, CONTENT_TYPES.json, ArtifactKind.ClipFraming],
    ];
    await fs.writeFile(assPath, toAss(cues, { width, height, ...DEFAULT_BURN_IN_STYLE }));
    await fs.writeFile(path.join(outDir, `${base}.srt`), toSrt(cues));
    await fs.writeFile(path.join(outDir, `${base}.vtt`), toVtt(cues));
    await fs.writeFile(
      path.join(outDir, `${base}.framing.json`),
      JSON.stringify(framingEditData(highlight, crops[index], width, height)),
    );
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
      outputPath: path.join(outDir, `${base}.mp4`),
      signal: ctx.signal,
      onProgress: (f) => ctx.report((index + f * 0.95) / highlights.length),
    });
    const files: StoredRender['files'] = [];
    for (const [filename, contentType, kind] of outputs) {
      const key = StorageKeys.clipFile(ctx.jobId, filename);
      const local = path.join(outDir, filename);
      const { sizeBytes } = await storage.putFile(key, local, contentType);
      files.push({ filename, key, contentType, sizeBytes, kind });
      await fs.rm(local, { force: true });
    }
    const clip: StoredRender = { index, highlight, width, height, files };
    stored.push(clip);
    await onClipStored(clip);
    ctx.report((index + 1) / highlights.length);
  }
  return stored.sort((a, b) => a.index - b.index);
}
