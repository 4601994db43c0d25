import * as fs from 'node:fs';
import * as path from 'node:path';
import { ModelNotInstalledError } from './transcription.engine';

/** whisper.cpp model files are named ggml-<model>.bin inside MODELS_DIR. */
export const modelFile = (modelsDir: string, model: string) =>
  path.join(modelsDir, `ggml-${model}.bin`);

export function listInstalledModels(modelsDir: string): string[] {
  if (!fs.existsSync(modelsDir)) return [];
  return fs
    .readdirSync(modelsDir)
    .map((f) => /^ggml-(.+)\.bin$/.exec(f)?.[1])
    .filter((m): m is string => Boolean(m))
    .sort();
}

export function resolveModelPath(modelsDir: string, model: string): string {
  const file = modelFile(modelsDir, model);
  if (fs.existsSync(file)) return file;
  const installed = listInstalledModels(modelsDir);
  throw new ModelNotInstalledError(
    `Whisper model "${model}" is not installed in ${modelsDir} ` +
      `(installed: ${installed.join(', ') || 'none'}). Run \`npm run setup\`, or ` +
      `\`npm run setup -- --model ${model}\` with internet access.`,
  );
}

const DTW_PRESETS = new Set([
  'tiny',
  'tiny.en',
  'base',
  'base.en',
  'small',
  'small.en',
  'medium',
  'medium.en',
  'large.v1',
  'large.v2',
  'large.v3',
  'large.v3.turbo',
]);

/** whisper.cpp's alignment-head preset for a model name ("base-q8_0" → "base"), or null. */
export function dtwPreset(model: string): string | null {
  const base = model.replace(/-q\d.*$/, '').replace(/^large-v/, 'large.v');
  return DTW_PRESETS.has(base) ? base : null;
}
