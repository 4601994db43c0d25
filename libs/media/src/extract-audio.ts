import { runProcess } from './process/run-process';

export interface ExtractAudioOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  durationSec?: number;
  /** Change the level by this many dB (benchmarks use it to test level independence). */
  gainDb?: number;
}

/** Decodes the first audio stream to 16 kHz mono 16-bit PCM WAV, the input Whisper expects. */
export async function extractAudio(
  ffmpeg: string,
  input: string,
  output: string,
  options: ExtractAudioOptions = {},
): Promise<void> {
  await runProcess(
    ffmpeg,
    [
      '-nostdin',
      '-y',
      '-v',
      'error',
      '-stats',
      '-i',
      input,
      '-map',
      '0:a:0',
      '-vn',
      ...(options.gainDb ? ['-af', `volume=${options.gainDb}dB`] : []),
      '-ac',
      '1',
      '-ar',
      '16000',
      '-c:a',
      'pcm_s16le',
      '-f',
      'wav',
      output,
    ],
    {
      signal: options.signal,
      onStderrLine: (line) => {
        const t = parseFfmpegTime(line);
        if (t !== null && options.durationSec)
          options.onProgress?.(Math.min(1, t / options.durationSec));
      },
    },
  );
}

/** Reads `time=HH:MM:SS.xx` from an ffmpeg -stats line. */
export function parseFfmpegTime(line: string): number | null {
  const m = /time=(\d+):(\d+):(\d+(?:\.\d+)?)/.exec(line);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}
