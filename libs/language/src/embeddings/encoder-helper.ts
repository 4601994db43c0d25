import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runProcess } from '@app/media';
import { decodeVectors } from './vector-file';

/** Long enough for a 3-hour transcript on a slow machine; an encoder that hangs is killed. */
const ENCODE_TIMEOUT_MS = 10 * 60_000;

/**
 * Runs an encoder helper (child process: never blocks the event loop, dies with the job) on a
 * batch of texts through two temporary files, and reads the vectors back.
 */
export async function encodeWithHelper(
  command: string,
  args: (input: string, output: string) => string[],
  texts: string[],
  signal?: AbortSignal,
): Promise<Float32Array[]> {
  if (!texts.length) return [];
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'clipgen-embed-'));
  try {
    const input = path.join(dir, 'texts.json');
    const output = path.join(dir, 'vectors.bin');
    await fs.writeFile(input, JSON.stringify(texts));
    await runProcess(command, args(input, output), { signal, timeoutMs: ENCODE_TIMEOUT_MS });
    const vectors = decodeVectors(await fs.readFile(output));
    if (vectors.length !== texts.length)
      throw new Error(`the encoder returned ${vectors.length} vectors for ${texts.length} texts`);
    return vectors;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
