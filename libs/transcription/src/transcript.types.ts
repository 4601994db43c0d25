/** Times are seconds from the start of the audio. */
export interface TranscriptWord {
  text: string;
  start: number;
  end: number;
  /** 0–1, the engine's token probability averaged over the word. */
  confidence: number;
}

export interface TranscriptSegment {
  start: number;
  end: number;
  text: string;
  words: TranscriptWord[];
}

/** How word times were found: forced alignment, DTW over attention, or decoder timestamps. */
export interface WordTimingReport {
  method: string;
  /** Words whose times come from `method` when it is forced alignment. */
  alignedWords: number;
  words: number;
  note?: string;
}

export interface Transcript {
  engine: string;
  model: string;
  language: string;
  durationSec: number;
  /** What found the speech sent to Whisper: `silero-vad`, or `energy` (the fallback). */
  speechDetection?: string;
  wordTiming?: WordTimingReport;
  /** Seconds the speech detection called speech. */
  speechSec?: number;
  /** What the user should know: e.g. speech was heard but almost no words came out. */
  warnings?: string[];
  segments: TranscriptSegment[];
}

export const transcriptWords = (t: Transcript): TranscriptWord[] =>
  t.segments.flatMap((s) => s.words);
