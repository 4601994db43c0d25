import type { TranscriptSegment, TranscriptWord } from '../transcript.types';
import type { AlignmentWindow, WindowAlignment } from './word-aligner';

export interface WindowPlanOptions {
  /** Longest window; the aligner's search grows with window length × words. */
  maxWindowSec?: number;
  /**
   * Audio added beyond the outer segments: Whisper's segment times can be a second off (a first
   * "Hello" folded into the next segment), and extra silence costs the aligner nothing.
   */
  padSec?: number;
  durationSec: number;
}

/** A window over segments [first, last] (inclusive) of the transcript. */
export interface PlannedWindow extends AlignmentWindow {
  first: number;
  last: number;
}

const extentOf = (seg: TranscriptSegment) => ({
  start: Math.min(seg.start, seg.words[0]?.start ?? seg.start),
  end: Math.max(seg.end, seg.words[seg.words.length - 1]?.end ?? seg.end),
});

/**
 * Groups consecutive segments into windows of at most `maxWindowSec`, or one segment per window
 * when `maxWindowSec` is 0. Neighbouring windows meet halfway through the gap between them (plus
 * a small overlap), so no stretch of speech is left outside every window.
 */
export function planAlignmentWindows(
  segments: TranscriptSegment[],
  options: WindowPlanOptions,
): PlannedWindow[] {
  const maxWindow = options.maxWindowSec ?? 30;
  const pad = options.padSec ?? 1;
  const groups: [number, number][] = [];
  for (let i = 0; i < segments.length; i++) {
    const open = groups[groups.length - 1];
    if (
      open &&
      maxWindow > 0 &&
      extentOf(segments[i]).end - extentOf(segments[open[0]]).start <= maxWindow
    ) {
      open[1] = i;
    } else groups.push([i, i]);
  }
  const overlap = 0.1;
  return groups.map(([first, last], g) => {
    const prev = groups[g - 1];
    const next = groups[g + 1];
    const own = { start: extentOf(segments[first]).start, end: extentOf(segments[last]).end };
    const start = prev
      ? Math.max(own.start - pad, (extentOf(segments[prev[1]]).end + own.start) / 2 - overlap)
      : own.start - pad;
    const end = next
      ? Math.min(own.end + pad, (own.end + extentOf(segments[next[0]]).start) / 2 + overlap)
      : own.end + pad;
    return {
      first,
      last,
      start: Math.max(0, Math.min(start, own.start)),
      end: Math.min(options.durationSec, Math.max(end, own.end)),
      words: segments.slice(first, last + 1).flatMap((s) => s.words.map((w) => w.text)),
    };
  });
}

export interface ApplyOptions {
  /**
   * An aligned start further than this from the engine's own is not trusted (the transcript and
   * the audio disagree there); the engine's time is kept for that word. DTW itself can be a
   * second off, so this only catches gross mismatches.
   */
  maxShiftSec?: number;
}

/**
 * Replaces word times with aligned ones, window by window; words without an alignment keep
 * theirs. Returns the new segments and how many words took an aligned time.
 */
export function applyAlignment(
  segments: TranscriptSegment[],
  windows: PlannedWindow[],
  results: WindowAlignment[],
  options: ApplyOptions = {},
): { segments: TranscriptSegment[]; alignedWords: number } {
  const maxShift = options.maxShiftSec ?? 2;
  const out = segments.map((s) => ({ ...s, words: s.words.map((w) => ({ ...w })) }));
  const aligned = new Set<TranscriptWord>();
  windows.forEach((window, i) => {
    const result = results[i];
    if (!result) return;
    const words = out.slice(window.first, window.last + 1).flatMap((s) => s.words);
    if (result.length !== words.length) return;
    words.forEach((word, k) => {
      const a = result[k];
      if (!a || Math.abs(a.start - word.start) > maxShift) return;
      word.start = a.start;
      word.end = Math.max(a.end, a.start + 0.02);
      aligned.add(word);
    });
  });
  for (const seg of out) {
    keepOrder(seg.words);
    if (!seg.words.length) continue;
    seg.start = seg.words[0].start;
    seg.end = Math.max(seg.words[seg.words.length - 1].end, seg.start);
  }
  return { segments: out, alignedWords: aligned.size };
}

/** Starts never go backwards and a word ends by the time the next starts. */
function keepOrder(words: TranscriptWord[]): void {
  for (let i = 1; i < words.length; i++)
    words[i].start = Math.max(words[i].start, words[i - 1].start);
  for (let i = 0; i < words.length - 1; i++)
    words[i].end = Math.max(words[i].start + 0.02, Math.min(words[i].end, words[i + 1].start));
}
