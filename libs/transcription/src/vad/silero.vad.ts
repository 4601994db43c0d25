import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { runProcess } from '@app/media';
import type { TimeSpan } from '../audio/speech-regions';
import { DetectSpeechOptions, VoiceActivityDetector } from './voice-activity-detector';

export interface SileroVadOptions {
  /** A Python with onnxruntime and the `silero-vad` wheel (set-up installs them in .cache/venv). */
  python: string;
  /** scripts/vad/detect_speech.py */
  script: string;
}

const PROGRESS = /progress\s*=\s*(\d+)%/;

/** Silero VAD (ONNX, from the silero-vad PyPI wheel) on onnxruntime, as a cancellable child process. */
export class SileroVad extends VoiceActivityDetector {
  readonly name = 'silero-vad';
  private ready: Promise<boolean> | null = null;

  constructor(private readonly options: SileroVadOptions) {
    super();
  }

  isReady(): Promise<boolean> {
    this.ready ??= (async () => {
      try {
        await fs.access(this.options.script);
        await runProcess(
          this.options.python,
          ['-c', 'import importlib.util as u, onnxruntime; assert u.find_spec("silero_vad")'],
          { timeoutMs: 30_000 },
        );
        return true;
      } catch {
        return false;
      }
    })();
    return this.ready;
  }

  async detect(wavPath: string, options: DetectSpeechOptions = {}): Promise<TimeSpan[]> {
    const dir = await fs.mkdtemp(path.join(path.dirname(wavPath), '.vad-'));
    try {
      const result = path.join(dir, 'regions.json');
      const gain = String(options.gainDb ?? 0);
      await runProcess(this.options.python, [this.options.script, wavPath, result, gain], {
        signal: options.signal,
        maxStdoutBytes: 0,
        onStderrLine: (line) => {
          const m = PROGRESS.exec(line);
          if (m) options.onProgress?.(Number(m[1]) / 100);
        },
      });
      const parsed = JSON.parse(await fs.readFile(result, 'utf8')) as { regions: TimeSpan[] };
      return parsed.regions;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
}
