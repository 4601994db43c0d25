import { editSteps } from './edit-steps';

/** Words Whisper writes for sounds rather than speech: "[Music]", "(laughs)", "*sigh*", "♪". */
const SOUND_ANNOTATION = /\[[^\]]*\]|\([^)]*\)|\*[^*]*\*|[♪♫]+/g;

/** Segment text with sound annotations removed, so retention counts spoken words only. */
export const withoutSoundAnnotations = (text: string) => text.replace(SOUND_ANNOTATION, ' ');

/** A stretch where the two transcripts differ, read in place. */
export interface Difference {
  /** Index of the first differing reference word. */
  at: number;
  kind: 'missing' | 'different' | 'extra';
  reference: string[];
  transcript: string[];
  /** Up to four reference words either side. */
  before: string[];
  after: string[];
}

export interface RetentionReport {
  referenceWords: number;
  /** Reference words opposite the same word, on a minimum-edit alignment by text. */
  identical: number;
  /**
   * Share of reference words not missing outright: a word heard differently ("can" for "could",
   * decoded with other context) is kept, a word with nothing opposite it is lost.
   */
  retention: number;
  /** Share of reference words opposite the same word (the stricter measure). */
  identicalShare: number;
  /** Reference words with nothing opposite them (missing outright). */
  deleted: number;
  /** Reference words opposite a different word. */
  substituted: number;
  /** Transcript words with nothing opposite them. */
  inserted: number;
  differences: Difference[];
}

/**
 * How much of a reference transcript (the bare whisper.cpp CLI's, same model and decoding) a
 * transcript keeps: needs no human reference, so it runs on any recording. Inputs are normalised
 * word lists (`normalizeForWer`).
 */
export function measureRetention(reference: string[], transcript: string[]): RetentionReport {
  const steps = editSteps(reference, transcript);
  const differences: Difference[] = [];
  let r = 0;
  let h = 0;
  let open: Difference | null = null;
  const counts = { match: 0, sub: 0, del: 0, ins: 0 };
  for (const step of steps) {
    counts[step]++;
    if (step === 'match') open = null;
    else {
      if (!open) {
        open = {
          at: r,
          kind: 'missing',
          reference: [],
          transcript: [],
          before: reference.slice(Math.max(0, r - 4), r),
          after: [],
        };
        differences.push(open);
      }
      if (step !== 'ins') open.reference.push(reference[r]);
      if (step !== 'del') open.transcript.push(transcript[h]);
    }
    if (step !== 'ins') r++;
    if (step !== 'del') h++;
  }
  for (const d of differences) {
    const next = d.at + d.reference.length;
    d.after = reference.slice(next, next + 4);
    d.kind = !d.transcript.length ? 'missing' : !d.reference.length ? 'extra' : 'different';
  }
  return {
    referenceWords: reference.length,
    identical: counts.match,
    retention: reference.length ? 1 - counts.del / reference.length : 1,
    identicalShare: reference.length ? counts.match / reference.length : 1,
    deleted: counts.del,
    substituted: counts.sub,
    inserted: counts.ins,
    differences,
  };
}
