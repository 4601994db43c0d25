import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProcess } from '@app/media';
import { corpusPath } from './corpus';

const lavfi = (spec: string) => ['-f', 'lavfi', '-i', spec];

/**
 * Media that is valid to ffprobe yet must be refused: too long, too small, too fast, too many
 * streams, an unknown codec, damaged bytes. Each is a few kilobytes, made in well under a second.
 */
export async function makeHostileMedia(ffmpeg: string, dir: string) {
  const out = (name: string) => path.join(dir, name);
  const run = (args: string[]) => runProcess(ffmpeg, ['-v', 'error', '-y', ...args]);
  const av = (video: string, seconds: number, file: string, extra: string[] = []) =>
    run([
      ...lavfi(video),
      ...lavfi('anullsrc=r=8000:cl=mono'),
      ...['-t', String(seconds), '-c:v', 'libx264', '-c:a', 'aac', ...extra, out(file)],
    ]);
  await av('color=c=gray:s=32x32:r=1', 70, 'long.mp4');
  await av('color=c=gray:s=2x2:r=25', 1, 'tiny.mp4');
  await av('testsrc=s=64x64:r=1000', 0.8, 'fast.mp4');
  await av('testsrc=s=64x64:r=25', 2, 'ok.mkv');
  await run([
    ...lavfi('testsrc=s=64x64:r=25'),
    ...lavfi('sine=r=8000'),
    ...['-t', '1', '-map', '0:v', ...Array(17).fill(['-map', '1:a']).flat()],
    ...['-c:v', 'libx264', '-c:a', 'aac', out('streams.mp4')],
  ]);
  // A Matroska codec id nobody knows: ffprobe sees a video stream it cannot name.
  const mkv = fs.readFileSync(out('ok.mkv'));
  fs.writeFileSync(
    out('unknown-codec.mkv'),
    Buffer.from(mkv.toString('latin1').replace('V_MPEG4/ISO/AVC', 'V_ZZZZZ/ISO/ZZZ'), 'latin1'),
  );
  const real = fs.readFileSync(corpusPath('video/lrs2_00016.mp4'));
  const corrupt = Buffer.from(real);
  corrupt.fill(0x5a, 0, 8192);
  fs.writeFileSync(out('corrupt.mp4'), corrupt);
  return {
    long: out('long.mp4'),
    tiny: out('tiny.mp4'),
    fast: out('fast.mp4'),
    streams: out('streams.mp4'),
    unknownCodec: out('unknown-codec.mkv'),
    corrupt: out('corrupt.mp4'),
    truncated: real.subarray(0, 50_000),
  };
}
