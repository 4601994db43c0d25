import * as fs from 'node:fs/promises';
import { LoudnessMeasurement, parseFfmpegTime, runProcess } from '@app/media';
import type { CropPath } from '@app/detection';
import { audioGraph } from './audio/audio-filter';
import type { Span } from './cuts/plan-cuts';
import { videoCutGraph } from './cuts/video-cuts';
import { reframeFilter } from './reframe-filter';
import { VideoEncoder, X264 } from './encoders/video-encoder';

export interface RenderClipRequest {
  ffmpeg: string;
  sourcePath: string;
  start: number;
  end: number;
  crop: CropPath;
  outputWidth: number;
  outputHeight: number;
  /** ASS captions to burn in, timed on the output (cut) timeline. */
  assPath?: string;
  fontsDir?: string;
  /** Jump cuts: the stretches of the clip to keep (clip timeline); absent keeps it whole. */
  keep?: Span[];
  /** The clip's first-pass loudness: the render brings it to −14 LUFS; absent leaves it. */
  loudness?: LoudnessMeasurement | null;
  encoder?: VideoEncoder;
  outputPath: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Escapes a path for use inside an ffmpeg filter argument. */
export const filterPath = (p: string) => p.replace(/\\/g, '/').replace(/([:'\\,[\];])/g, '\\$1');

/** Longer filter graphs go through a file: one argument may hold at most 128 KiB on Linux. */
const MAX_INLINE_FILTER = 32_000;

/**
 * The whole graph: the moving crop on the clip's own timeline (so the path needs no remapping),
 * then the cuts, then the captions on the cut timeline; the audio cut alike and normalised.
 */
export function filterGraph(req: RenderClipRequest): string {
  const captions = req.assPath
    ? `ass=${filterPath(req.assPath)}${req.fontsDir ? `:fontsdir=${filterPath(req.fontsDir)}` : ''},`
    : '';
  return [
    `[0:v:0]${reframeFilter(req.crop, req.outputWidth, req.outputHeight, [])}[framed]`,
    videoCutGraph('[framed]', req.keep, '[cut]'),
    `[cut]${captions}format=yuv420p[vout]`,
    audioGraph('[0:a:0]', req.keep, req.loudness),
  ].join(';');
}

/** Seconds the output lasts. */
export const outputDuration = (req: RenderClipRequest) =>
  req.keep?.length
    ? req.keep.reduce((s, k) => s + k.end - k.start, 0)
    : Math.max(0.1, req.end - req.start);

/** ffmpeg arguments; `filterScript` names a file holding the graph when it is too long inline. */
export function buildRenderArgs(req: RenderClipRequest, filterScript?: string): string[] {
  const duration = Math.max(0.1, req.end - req.start);
  const graph = filterScript
    ? ['-filter_complex_script', filterScript]
    : ['-filter_complex', filterGraph(req)];
  return [
    '-nostdin',
    '-y',
    '-v',
    'error',
    '-stats',
    // Input seeking with re-encoding is frame-accurate and avoids decoding from the file start.
    '-ss',
    req.start.toFixed(3),
    '-t',
    duration.toFixed(3),
    '-i',
    req.sourcePath,
    ...graph,
    '-map',
    '[vout]',
    '-map',
    '[aout]',
    ...(req.encoder ?? X264).args,
    '-c:a',
    'aac',
    '-b:a',
    '160k',
    '-ac',
    '2',
    '-ar',
    '48000',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    req.outputPath,
  ];
}

/** One ffmpeg run per clip: accurate seek, crop, cuts, captions, loudness, H.264 + AAC, faststart. */
export async function renderClip(req: RenderClipRequest): Promise<void> {
  const duration = outputDuration(req);
  const graph = filterGraph(req);
  let script: string | undefined;
  if (graph.length > MAX_INLINE_FILTER) {
    script = `${req.outputPath}.filter.txt`;
    await fs.writeFile(script, graph);
  }
  await runProcess(req.ffmpeg, buildRenderArgs(req, script), {
    signal: req.signal,
    onStderrLine: (line) => {
      const t = parseFfmpegTime(line);
      if (t !== null) req.onProgress?.(Math.min(1, t / duration));
    },
  }).finally(() => script && fs.rm(script, { force: true }));
}
