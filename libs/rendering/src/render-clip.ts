import * as fs from 'node:fs/promises';
import { parseFfmpegTime, runProcess } from '@app/media';
import type { CropPath } from '@app/detection';
import { reframeFilter } from './reframe-filter';

export interface RenderClipRequest {
  ffmpeg: string;
  sourcePath: string;
  start: number;
  end: number;
  crop: CropPath;
  outputWidth: number;
  outputHeight: number;
  /** ASS captions to burn in, timed from the clip start. */
  assPath?: string;
  fontsDir?: string;
  outputPath: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** x264 preset: speed versus size. */
  preset?: string;
}

/** Escapes a path for use inside an ffmpeg filter argument. */
export const filterPath = (p: string) => p.replace(/\\/g, '/').replace(/([:'\\,[\];])/g, '\\$1');

/** Longer filter graphs go through a file: one argument may hold at most 128 KiB on Linux. */
const MAX_INLINE_FILTER = 32_000;

export function videoFilter(req: RenderClipRequest): string {
  const tail: string[] = [];
  if (req.assPath) {
    const fonts = req.fontsDir ? `:fontsdir=${filterPath(req.fontsDir)}` : '';
    tail.push(`ass=${filterPath(req.assPath)}${fonts}`);
  }
  tail.push('format=yuv420p');
  return reframeFilter(req.crop, req.outputWidth, req.outputHeight, tail);
}

/** ffmpeg arguments; `filterScript` names a file holding the graph when it is too long inline. */
export function buildRenderArgs(req: RenderClipRequest, filterScript?: string): string[] {
  const duration = Math.max(0.1, req.end - req.start);
  const graph = filterScript ? ['-filter_script:v', filterScript] : ['-vf', videoFilter(req)];
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
    '-map',
    '0:v:0',
    '-map',
    '0:a:0',
    ...graph,
    '-c:v',
    'libx264',
    '-preset',
    req.preset ?? 'veryfast',
    '-crf',
    '21',
    '-profile:v',
    'high',
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

/** One ffmpeg run per clip: accurate seek, crop, scale, burn captions, H.264 + AAC, faststart. */
export async function renderClip(req: RenderClipRequest): Promise<void> {
  const duration = Math.max(0.1, req.end - req.start);
  const graph = videoFilter(req);
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
