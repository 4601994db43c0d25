import type { TranscriptSegment } from '../transcript.types';
import type { EnergyEnvelope } from './energy-envelope';

export interface StartOnSoundOptions {
  /** How far into a word its sound may begin after the start the timing gave it. */
  maxShiftSec?: number;
  /** Quiet this long at the given start means the word was placed in a pause, not on a weak sound. */
  minQuietSec?: number;
}

/**
 * Moves a word's start out of the pause before it: when the start lands on at least
 * `minQuietSec` of frames below the recording's speech threshold and the word's first loud frame
 * follows within `maxShiftSec` (and before its end), the word starts there. The forced aligner
 * lets a word absorb part of a preceding pause (LRS2's "beer" began 190 ms before its sound, a
 * phone call's turn-start "At" 70 ms); words that start in running speech, or whose sound never
 * rises above the threshold, keep their times.
 */
export function startWordsOnSound(
  segments: TranscriptSegment[],
  env: EnergyEnvelope,
  options: StartOnSoundOptions = {},
): TranscriptSegment[] {
  const maxShift = options.maxShiftSec ?? 0.25;
  const minQuiet = Math.max(1, Math.round((options.minQuietSec ?? 0.05) / env.frameSec));
  const loud = (i: number) => i < env.db.length && env.db[i] > env.thresholdDb;
  return segments.map((seg) => {
    const words = seg.words.map((w) => {
      const from = Math.round(w.start / env.frameSec);
      for (let k = from; k < from + minQuiet; k++) if (k >= env.db.length || loud(k)) return w;
      const last = Math.min(
        Math.round((w.start + maxShift) / env.frameSec),
        Math.round((w.end - 0.02) / env.frameSec),
      );
      for (let k = from + minQuiet; k <= last; k++)
        if (loud(k)) return { ...w, start: Number((k * env.frameSec).toFixed(3)) };
      return w;
    });
    const moved = words.length > 0 && words[0] !== seg.words[0];
    return { ...seg, start: moved ? words[0].start : seg.start, words };
  });
}
