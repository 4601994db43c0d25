import { spawn } from 'node:child_process';

export interface FrameStreamRequest {
  ffmpeg: string;
  sourcePath: string;
  start: number;
  end: number;
  fps: number;
  width: number;
  height: number;
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

/**
 * Decodes only the range, at reduced size and rate, and yields one frame at a time: ffmpeg is
 * paused while a frame is analysed, so memory holds a frame or two whatever the clip's length.
 */
export async function* frameStream(r: FrameStreamRequest): AsyncGenerator<RawFrame> {
  const frameBytes = r.width * r.height * 3;
  const child = spawn(r.ffmpeg, frameStreamArgs(r), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  let buffer: Buffer = Buffer.alloc(0);
  let index = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      while (buffer.length >= frameBytes) {
        const pixels = new Uint8Array(buffer.subarray(0, frameBytes));
        buffer = buffer.subarray(frameBytes);
        yield { index, t: index / r.fps, pixels };
        index++;
      }
    }
    const code = await exited;
    if (code !== 0) throw new Error(`ffmpeg frame decode failed (${code}): ${stderr.trim()}`);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
