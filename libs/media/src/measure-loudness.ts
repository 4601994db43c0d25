import { runProcess } from './process/run-process';

/** EBU R128 figures of a stretch of audio, as ffmpeg's loudnorm first pass prints them. */
export interface LoudnessMeasurement {
  /** Integrated loudness, LUFS. */
  integrated: number;
  /** True peak, dBTP. */
  truePeak: number;
  /** Loudness range, LU. */
  range: number;
  threshold: number;
  /** Gain the first pass suggests for the target it was run with. */
  offset: number;
}

/**
 * Measures the loudness of `duration` seconds of audio from `start` (decoding the audio only), so
 * that a render can bring it to a target in one linear pass.
 */
export async function measureLoudness(
  ffmpeg: string,
  inputPath: string,
  span: { start: number; duration: number },
  signal?: AbortSignal,
): Promise<LoudnessMeasurement | null> {
  const { stderrTail } = await runProcess(
    ffmpeg,
    [
      '-hide_banner',
      '-nostats',
      '-ss',
      span.start.toFixed(3),
      '-t',
      span.duration.toFixed(3),
      '-i',
      inputPath,
      '-vn',
      '-af',
      'loudnorm=I=-14:TP=-1.5:LRA=11:print_format=json',
      '-f',
      'null',
      '-',
    ],
    { signal },
  );
  const json = stderrTail.slice(stderrTail.lastIndexOf('{'));
  const raw = JSON.parse(json.slice(0, json.indexOf('}') + 1)) as Record<string, string>;
  const m = {
    integrated: Number(raw.input_i),
    truePeak: Number(raw.input_tp),
    range: Number(raw.input_lra),
    threshold: Number(raw.input_thresh),
    offset: Number(raw.target_offset),
  };
  // Digital silence measures −inf: there is nothing to bring up.
  return Object.values(m).every(Number.isFinite) ? m : null;
}
