import { parentPort, workerData } from 'node:worker_threads';
import { frameStream, type FrameStreamRequest } from './frame-stream';
import type { FrameMessage } from './threaded-frame-stream';

/**
 * Worker thread: reads the decoder's frames and hands each to the main thread (the buffer moves,
 * it is not copied). It keeps at most `readAhead` frames unacknowledged, so memory stays a few
 * frames; the main thread acknowledges each frame it takes.
 */
const { request, readAhead } = workerData as { request: FrameStreamRequest; readAhead: number };
const port = parentPort!;
let credit = readAhead;
let stopped = false;
let wake: (() => void) | null = null;
/** 'ack' for each frame taken; 'stop' ends reading (and the decoder) early. */
port.on('message', (m: 'ack' | 'stop') => {
  if (m === 'stop') stopped = true;
  else credit++;
  wake?.();
  wake = null;
});

async function run(): Promise<void> {
  for await (const frame of frameStream(request)) {
    while (credit <= 0 && !stopped) await new Promise<void>((resolve) => (wake = resolve));
    // Leaving the loop runs frameStream's cleanup, which kills the decoder.
    if (stopped) break;
    credit--;
    const pixels =
      frame.pixels.byteOffset === 0 && frame.pixels.byteLength === frame.pixels.buffer.byteLength
        ? frame.pixels
        : Uint8Array.from(frame.pixels);
    const message: FrameMessage = { frame: { index: frame.index, t: frame.t, pixels } };
    port.postMessage(message, [pixels.buffer as ArrayBuffer]);
  }
  // Stopped: closing the port lets the thread exit at once (it is what the main thread waits for).
  if (stopped) port.close();
  else port.postMessage({ done: true } satisfies FrameMessage);
}

run().catch((err: unknown) =>
  port.postMessage({
    error: err instanceof Error ? err.message : String(err),
  } satisfies FrameMessage),
);
