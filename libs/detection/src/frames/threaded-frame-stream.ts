// The file, not the lib's index: this runs in the analysis child, whose start-up the index's
// imports (Nest and friends) would slow by ~0.4 s.
import { compiledScript } from '@app/media/process/compiled-script';
import { Worker } from 'node:worker_threads';
import type { FrameStreamRequest, RawFrame } from './frame-stream';

export type FrameMessage = { frame: RawFrame } | { done: true } | { error: string };

const workerScript = () => compiledScript(__dirname, __filename, 'frame-reader.worker.js');

/**
 * `frameStream` read on a worker thread. A consumer that computes synchronously for long (wasm
 * face search) stops its own event loop; read there, the decoder's pipe would fill after a
 * fraction of a frame and decoding would wait for every detection. On its own thread the reader
 * keeps decoding up to `readAhead` frames ahead while the consumer works: measured on a 30 s
 * 1080p clip, waiting for frames fell from 1.5 s to 0.15 s.
 */
export async function* threadedFrameStream(
  request: FrameStreamRequest,
  readAhead = 8,
): AsyncGenerator<RawFrame> {
  const worker = new Worker(workerScript(), { workerData: { request, readAhead } });
  const frames: RawFrame[] = [];
  // Set by the worker's callbacks (a plain `= null` would narrow it to null for the compiler).
  let end = null as { done: true } | { error: string } | null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: FrameMessage) => {
    if ('frame' in m) frames.push(m.frame);
    else end = m;
    notify();
  });
  worker.on('error', (err) => {
    end = { error: err.message };
    notify();
  });
  worker.on('exit', () => {
    end ??= { error: 'frame reader stopped' };
    notify();
  });
  try {
    for (;;) {
      const frame = frames.shift();
      if (frame) {
        worker.postMessage('ack');
        yield frame;
      } else if (end) {
        if ('error' in end) throw new Error(end.error);
        return;
      } else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    if (!end) {
      // Stopped early: let the reader kill its decoder before the thread goes.
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    }
    await worker.terminate();
  }
}
