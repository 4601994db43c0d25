import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { groupCues, toSrt, toVtt } from '@app/captions';
import { ASPECT_RATIOS, aspectTag, renditionsOf } from '@app/jobs';
import { ArtifactKind } from '@app/persistence';
import { StorageDriver, StorageKeys } from '@app/storage';
import type { CropPath, FaceAnalyzer } from '@app/detection';
import type { Highlight } from '@app/selection';
import type { StoredRender } from '../checkpoint';
import { framingEditData } from '../framing-edit-data';
import type { PipelineContext } from '../pipeline.types';
import { planClipCut } from './clip-cut';
import { makeThumbnail } from './clip-thumbnail';
import { renderRendition } from './render-rendition';
import type { RenderSettings } from './render-settings';
import { runPool } from './run-pool';

export const clipBaseName = (index: number) => `clip-${String(index + 1).padStart(2, '0')}`;

const CONTENT_TYPES = {
  mp4: 'video/mp4',
  srt: 'application/x-subrip',
  vtt: 'text/vtt',
  json: 'application/json',
  jpg: 'image/jpeg',
};

/**
 * Renders each highlight in every aspect ratio and puts its files in storage at once, reporting
 * each finished clip so that a resumed job renders only the clips it has not stored yet. The main
 * rendition is `clip-NN.mp4`, the others `clip-NN.<w>x<h>.mp4`. Nothing is recorded in the
 * database here (publish does that).
 */
export async function runRenderStage(
  ctx: PipelineContext,
  tools: RenderTools,
  done: StoredRender[],
  onClipStored: (clip: StoredRender) => Promise<void>,
): Promise<StoredRender[]> {
  const highlights = ctx.highlights ?? [];
  const stored = [...done];
  for (const [index, highlight] of highlights.entries()) {
    if (stored.some((c) => c.index === index)) continue;
    const clip = await renderOneClip(ctx, tools, {
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

export interface RenderTools {
  storage: StorageDriver;
  settings: RenderSettings;
  /** For the thumbnail's open-eyed face. */
  faces: FaceAnalyzer;
}

export interface ClipToRender {
  index: number;
  highlight: Highlight;
  /** One crop path per rendition (renditionsOf(options) order). */
  crops: CropPath[];
  report: (fraction: number) => void;
}

/** Captions, every rendition, its edit data and a thumbnail of one clip, put in storage. */
export async function renderOneClip(
  ctx: PipelineContext,
  { storage, settings, faces }: RenderTools,
  { index, highlight, crops, report }: ClipToRender,
): Promise<StoredRender> {
  const ratios = renditionsOf(ctx.options);
  const outDir = path.join(ctx.workDir, 'clips');
  await fs.mkdir(outDir, { recursive: true });
  const base = clipBaseName(index);
  const cut = await planClipCut(ctx, highlight);
  // Sidecars follow the cut timeline, which every aspect ratio shares.
  const cues = groupCues(cut.words);
  await fs.writeFile(path.join(outDir, `${base}.srt`), toSrt(cues));
  await fs.writeFile(path.join(outDir, `${base}.vtt`), toVtt(cues));
  const outputs: [string, string, ArtifactKind][] = [
    [`${base}.srt`, CONTENT_TYPES.srt, ArtifactKind.ClipCaptions],
    [`${base}.vtt`, CONTENT_TYPES.vtt, ArtifactKind.ClipCaptions],
  ];
  const renditions = ratios.map((ratio, k) => ({
    ratio,
    name: k === 0 ? base : `${base}.${aspectTag(ratio)}`,
    size: ASPECT_RATIOS[ratio],
    crop: crops[k],
  }));
  const progress = renditions.map(() => 0);
  await runPool(renditions, settings.concurrency, async (r, k) => {
    await fs.writeFile(
      path.join(outDir, `${r.name}.framing.json`),
      JSON.stringify({
        ...framingEditData(highlight, r.ratio, r.crop, r.size),
        cuts: cut.keep ?? null,
      }),
    );
    await renderRendition(ctx, outDir, highlight, r, cut, settings.encoder, (f) => {
      progress[k] = f;
      report(progress.reduce((a, b) => a + b, 0) / renditions.length);
    });
  });
  const main = renditions[0];
  await makeThumbnail(
    ctx,
    faces,
    { path: path.join(outDir, `${main.name}.mp4`), ...main.size, duration: cut.duration },
    path.join(outDir, `${base}.jpg`),
  );
  outputs.push([`${base}.jpg`, CONTENT_TYPES.jpg, ArtifactKind.ClipThumbnail]);
  for (const r of renditions)
    outputs.push(
      [`${r.name}.mp4`, CONTENT_TYPES.mp4, ArtifactKind.ClipVideo],
      [`${r.name}.framing.json`, CONTENT_TYPES.json, ArtifactKind.ClipFraming],
    );
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
