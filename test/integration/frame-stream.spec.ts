import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { frameStream, threadedFrameStream, type FrameStreamRequest } from '@app/detection';
import { resolveMediaBinaries, runProcess } from '@app/media';

/** ffmpeg processes whose command line names this file. */
function decodersOf(file: string): number {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes('ffmpeg') && l.includes(file)).length;
}

/**
 * The face analysis reads its frames on a worker thread (so that decoding goes on while the wasm
 * face search holds the main thread): the frames must be exactly those of the plain stream, an
 * early stop must end the decoder, and a decoding error must reach the consumer.
 */
describe('frames read on a worker thread', () => {
  const { ffmpeg } = resolveMediaBinaries();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-frames-'));
  const source = path.join(tmp, 'testsrc.mp4');
  const request = (over: Partial<FrameStreamRequest> = {}): FrameStreamRequest => ({
    ffmpeg, sourcePath: source, start: 0.5, end: 3.5, fps: 6, width: 160, height: 90, ...over,
  }); // prettier-ignore
  const all = async (frames: AsyncIterable<{ index: number; t: number; pixels: Uint8Array }>) => {
    const out = [];
    for await (const f of frames) out.push(f);
    return out;
  };

  beforeAll(async () => {
    await runProcess(ffmpeg, [
      '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=25:d=12',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', source,
    ]); // prettier-ignore
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('yields the same frames as the plain stream, decoded on one thread', async () => {
    const plain = await all(frameStream(request()));
    const threaded = await all(threadedFrameStream(request({ decoderThreads: 1 }), 3));
    expect(plain).toHaveLength(18);
    expect(threaded.map((f) => [f.index, f.t])).toEqual(plain.map((f) => [f.index, f.t]));
    threaded.forEach((f, i) => expect(Buffer.compare(f.pixels, plain[i].pixels)).toBe(0));
  }, 30_000);

  it('ends the decoder when the consumer stops early, even one that blocks its thread', async () => {
    let taken = 0;
    for await (const frame of threadedFrameStream(request({ end: 12 }), 2)) {
      // A synchronous pause, as a wasm detection makes: the reader thread goes on meanwhile.
      const until = Date.now() + 50;
      while (Date.now() < until);
      expect(frame.pixels.length).toBe(160 * 90 * 3);
      if (++taken < 3) continue;
      // 66 frames asked for, a dozen at most buffered: the decoder is still at work here.
      expect(decodersOf(source)).toBe(1);
      break;
    }
    expect(taken).toBe(3);
    expect(decodersOf(source)).toBe(0);
  }, 30_000);

  it('reports a source that cannot be decoded', async () => {
    const missing = path.join(tmp, 'missing.mp4');
    await expect(all(threadedFrameStream(request({ sourcePath: missing })))).rejects.toThrow(
      /ffmpeg frame decode failed/,
    );
  }, 30_000);
});
