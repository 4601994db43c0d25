import { spawn } from 'node:child_process';

export interface GreyFrames {
  width: number;
  height: number;
  frames: Uint8Array[];
}

/**
 * Small grey frames of a video, `fps` a second, in one ffmpeg run (a 30 s clip at 1 fps is
 * under 1.5 MB), cancellable with the job.
 */
export function greyFrames(
  ffmpeg: string,
  videoPath: string,
  opts: { fps: number; width: number; height: number; signal?: AbortSignal },
): Promise<GreyFrames> {
  const { width, height } = opts;
  const args = [
    '-nostdin',
    '-v',
    'error',
    '-i',
    videoPath,
    '-vf',
    `fps=${opts.fps},scale=${width}:${height},format=gray`,
    '-f',
    'rawvideo',
    '-',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: opts.signal });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-1000)));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`ffmpeg grey frames failed (${code}): ${stderr}`));
      const all = Buffer.concat(chunks);
      const size = width * height;
      const frames: Uint8Array[] = [];
      for (let o = 0; o + size <= all.length; o += size) frames.push(all.subarray(o, o + size));
      resolve({ width, height, frames });
    });
  });
}
