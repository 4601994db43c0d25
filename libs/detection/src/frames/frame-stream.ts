import { spawn } from 'node:child_process';

export interface FrameStreamRequest {
  ffmpeg: string;
  sourcePath: string;
  start: number;
  end: number;
  fps: number;
  width: number;
  height: number;
  /**
   * Decoder threads (ffmpeg's choice when absent). Face analysis decodes on one, leaving the
   * other core to the face search. (Skipping the deblocking filter would save a third of the
   * decoding but blurred the lip signal: a turn was followed 1 s late in bench:reframe.)
   */
  decoderThreads?: number;
}

export interface RawFrame {
  index: number;
  /** Seconds from the range start. */
  t: number;
  /** RGB, 3 bytes a pixel, row by row. */
  pixels: Uint8Array;
}

/** Sample size: the longer side at most `maxSide` px, even, never larger than the source. */
export function sampleSize(sourceWidth: number, sourceHeight: number, maxSide = 640) {
  const k = Math.min(1, maxSide / Math.max(sourceWidth, sourceHeight));
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  return { width: even(sourceWidth * k), height: even(sourceHeight * k) };
}

export function frameStreamArgs(r: FrameStreamRequest): string[] {
  return [
    '-nostdin',
    '-v',
    'error',
    ...(r.decoderThreads ? ['-threads', String(r.decoderThreads)] : []),
    '-ss',
    r.start.toFixed(3),
    '-t',
    Math.max(0.05, r.end - r.start).toFixed(3),
    '-i',
    r.sourcePath,
    '-map',
    '0:v:0',
    '-vf',
    `fps=${r.fps},scale=${r.width}:${r.height}:flags=fast_bilinear`,
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    '-',
  ];
}

/** Frames decoded ahead of the analysis: ffmpeg keeps decoding while a frame is analysed. */
const READ_AHEAD = 8;

/**
 * Decodes only the range, at reduced size and rate, and yields one frame at a time. ffmpeg runs
 * up to READ_AHEAD frames ahead of the consumer (decoding overlaps analysis) and is paused
 * beyond that, so memory stays a few frames whatever the clip's length.
 */
export async function* frameStream(r: FrameStreamRequest): AsyncGenerator<RawFrame> {
  const frameBytes = r.width * r.height * 3;
  const child = spawn(r.ffmpeg, frameStreamArgs(r), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const ready: Buffer[] = [];
  let current = Buffer.allocUnsafe(frameBytes);
  let filled = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  child.stdout.on('data', (chunk: Buffer) => {
    let offset = 0;
    while (offset < chunk.length) {
      const n = Math.min(frameBytes - filled, chunk.length - offset);
      chunk.copy(current, filled, offset, offset + n);
      filled += n;
      offset += n;
      if (filled === frameBytes) {
        ready.push(current);
        current = Buffer.allocUnsafe(frameBytes);
        filled = 0;
      }
    }
    if (ready.length >= READ_AHEAD) child.stdout.pause();
    notify();
  });
  let code: number | null | undefined;
  child.on('close', (c) => {
    code = c;
    notify();
  });
  let index = 0;
  try {
    for (;;) {
      const pixels = ready.shift();
      if (pixels) {
        if (ready.length < READ_AHEAD) child.stdout.resume();
        yield { index, t: index / r.fps, pixels };
        index++;
      } else if (code !== undefined) break;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
    if (code !== 0) throw new Error(`ffmpeg frame decode failed (${code}): ${stderr.trim()}`);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
