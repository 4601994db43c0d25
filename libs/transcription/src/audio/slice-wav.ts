import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import type { TimeSpan } from './speech-regions';

const RATE = 16000;
const HEADER = 44;

/** Multiplies 16-bit little-endian samples by `gain`, clipping at full scale. */
function amplify(gain: number): Transform {
  let carry: Buffer | null = null;
  return new Transform({
    transform(raw: Buffer, _enc, done) {
      const chunk: Buffer = carry ? Buffer.concat([carry, raw]) : raw;
      const usable = chunk.length - (chunk.length % 2);
      carry = usable < chunk.length ? chunk.subarray(usable) : null;
      const out = Buffer.alloc(usable);
      for (let i = 0; i < usable; i += 2)
        out.writeInt16LE(
          Math.max(-32768, Math.min(32767, Math.round(chunk.readInt16LE(i) * gain))),
          i,
        );
      done(null, out);
    },
  });
}

/**
 * Writes [start, end) of a 16 kHz mono 16-bit WAV to a new WAV by streaming bytes (no decode),
 * amplified by `gainDb` when given (a quiet recording brought to an ordinary level).
 */
export async function sliceWav(
  source: string,
  span: TimeSpan,
  target: string,
  gainDb = 0,
): Promise<void> {
  const first = Math.max(0, Math.floor(span.start * RATE));
  const last = Math.max(first, Math.floor(span.end * RATE));
  const bytes = (last - first) * 2;
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
  const body =
    bytes > 0
      ? createReadStream(source, { start: HEADER + first * 2, end: HEADER + last * 2 - 1 })
      : Readable.from([]);
  const out = createWriteStream(target);
  out.write(header);
  if (gainDb > 0) await pipeline(body, amplify(10 ** (gainDb / 20)), out);
  else await pipeline(body, out);
}
