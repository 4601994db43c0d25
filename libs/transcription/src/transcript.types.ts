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

export interface Transcript {
  engine: string;
  model: string;
  language: string;
  durationSec: number;
  segments: TranscriptSegment[];
}

export const transcriptWords = (t: Transcript): TranscriptWord[] =>
  t.segments.flatMap((s) => s.words);
