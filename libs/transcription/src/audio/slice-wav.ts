import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TimeSpan } from './speech-regions';

const RATE = 16000;
const HEADER = 44;

function wavHeader(bytes: number): Buffer {
  const header = Buffer.alloc(HEADER);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + bytes, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(bytes, 40);
  return header;
}

/** Multiplies 16-bit little-endian samples by `gain`, clipping at full scale. */
function amplify(chunk: Buffer, gain: number): Buffer {
  const out = Buffer.alloc(chunk.length);
  for (let i = 0; i + 1 < chunk.length; i += 2)
    out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(chunk.readInt16LE(i) * gain))), i);
  return out;
}

const sampleRange = (span: TimeSpan) => {
  const first = Math.max(0, Math.floor(span.start * RATE));
  return { first, last: Math.max(first, Math.floor(span.end * RATE)) };
};

/**
 * Writes spans of a 16 kHz mono 16-bit WAV one after another to a new WAV, `gapSec` of silence
 * between them, by streaming bytes (no decode), amplified by `gainDb` when given (a quiet
 * recording brought to an ordinary level). Reads are sample-aligned, so every chunk holds whole
 * samples.
 */
export async function joinWavSpans(
  source: string,
  spans: TimeSpan[],
  target: string,
  gainDb = 0,
  gapSec = 0,
): Promise<void> {
  const ranges = spans.map(sampleRange);
  const silence = Buffer.alloc(Math.round(gapSec * RATE) * 2);
  const bytes =
    ranges.reduce((sum, r) => sum + (r.last - r.first) * 2, 0) +
    silence.length * Math.max(0, spans.length - 1);
  const gain = gainDb > 0 ? 10 ** (gainDb / 20) : 1;
  async function* body() {
    yield wavHeader(bytes);
    for (const [i, r] of ranges.entries()) {
      if (i > 0 && silence.length) yield silence;
      if (r.last <= r.first) continue;
      const read = createReadStream(source, {
        start: HEADER + r.first * 2,
        end: HEADER + r.last * 2 - 1,
      });
      for await (const chunk of read as AsyncIterable<Buffer>)
        yield gain === 1 ? chunk : amplify(chunk, gain);
    }
  }
  await pipeline(Readable.from(body()), createWriteStream(target));
}

/** Writes [start, end) of a 16 kHz mono 16-bit WAV to a new WAV (see `joinWavSpans`). */
export function sliceWav(
  source: string,
  span: TimeSpan,
  target: string,
  gainDb = 0,
): Promise<void> {
  return joinWavSpans(source, [span], target, gainDb);
}
