import type { TranscriptSegment } from '../transcript.types';
import { EnergyEnvelope, nearestOnset, voicedFraction } from './energy-envelope';

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
  const minQuiet = options.minQuietSec ?? 0.05;
  return segments.map((seg) => {
    const words = seg.words.map((w) => {
      if (voicedFraction(env, w.start, w.start + minQuiet) > 0) return w;
      // The start is in a pause, so the nearest onset after it is the word's first sound.
      const onset = nearestOnset(env, w.start, 0, maxShift, minQuiet);
      return onset === null || onset > w.end - 0.02 ? w : { ...w, start: Number(onset.toFixed(3)) };
    });
    const moved = words.length > 0 && words[0] !== seg.words[0];
    return { ...seg, start: moved ? words[0].start : seg.start, words };
  });
}
