import { ProcessFailedError } from '@app/media';
import type { TranscriptSegment, WordTimingReport } from '../transcript.types';
import { applyAlignment, planAlignmentWindows } from './alignment-windows';
import type { WordAligner } from './word-aligner';

export interface AlignTranscriptInput {
  wavPath: string;
  segments: TranscriptSegment[];
  language: string;
  durationSec: number;
  /** How the segments' words were timed so far ('dtw' or 'tokens'). */
  fallbackMethod: string;
  signal?: AbortSignal;
}

/**
 * Places the recognised words in time with the forced aligner, in windows of up to 30 s. A
 * window that fails (overlapping voices, a misheard phrase) is retried segment by segment, so it
 * costs only its own segment the aligned times; words still unplaced keep the engine's times.
 */
export async function alignTranscript(
  aligner: WordAligner | null | undefined,
  input: AlignTranscriptInput,
): Promise<{ segments: TranscriptSegment[]; wordTiming: WordTimingReport }> {
  const { wavPath, segments, durationSec, signal } = input;
  const total = segments.reduce((n, s) => n + s.words.length, 0);
  const unaligned: WordTimingReport = {
    method: input.fallbackMethod,
    alignedWords: 0,
    words: total,
  };
  if (!aligner || !total || !aligner.supports(input.language) || !(await aligner.isReady()))
    return { segments, wordTiming: unaligned };
  try {
    const grouped = planAlignmentWindows(segments, { durationSec });
    const results = await aligner.align(wavPath, grouped, { signal });
    const failed = grouped.filter((_, i) => !results[i]);
    const singles = planAlignmentWindows(segments, { durationSec, maxWindowSec: 0 }).filter((s) =>
      failed.some((f) => s.first >= f.first && s.last <= f.last),
    );
    const retried = singles.length ? await aligner.align(wavPath, singles, { signal }) : [];
    const applied = applyAlignment(
      segments,
      [...grouped.filter((_, i) => results[i]), ...singles],
      [...results.filter((r) => r), ...retried],
    );
    return {
      segments: applied.segments,
      wordTiming: {
        method: `forced-alignment:${aligner.name}`,
        alignedWords: applied.alignedWords,
        words: total,
      },
    };
  } catch (err) {
    if (err instanceof ProcessFailedError && err.reason === 'aborted') throw err;
    // The words are right either way; only their timing stays the engine's.
    return {
      segments,
      wordTiming: { ...unaligned, note: `alignment failed: ${(err as Error).message}` },
    };
  }
}
