import { runProcess } from '@app/media';

/** Sounds that are not speech, for "nothing invented" tests: ffmpeg lavfi sources. */
export const NON_SPEECH = {
  silence: 'anullsrc=r=16000:cl=mono',
  tone: 'sine=frequency=220:sample_rate=16000',
  noise: 'anoisesrc=r=16000:a=0.1',
} as const;

/** Writes `seconds` of an ffmpeg lavfi source as 16 kHz mono 16-bit WAV. */
export async function synthesizeWav(
  ffmpeg: string,
  source: string,
  seconds: number,
  output: string,
): Promise<string> {
  await runProcess(ffmpeg, [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', source, '-t', String(seconds)],
    ...['-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', output],
  ]);
  return output;
}
