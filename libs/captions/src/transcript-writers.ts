import type { CaptionWord, CueLayout } from './caption.types';
import { groupCues } from './group-cues';
import { toSrt, toVtt } from './subtitle-writers';

/** Whole-video subtitles read like broadcast captions: longer lines than the burned-in ones. */
export const TRANSCRIPT_CUE_LAYOUT: CueLayout = {
  maxWords: 14,
  maxChars: 84,
  maxDurationSec: 6,
  pauseBreakSec: 1,
};

export interface TranscriptFiles {
  srt: string;
  vtt: string;
  txt: string;
}

/** SRT, VTT and plain text (one paragraph per segment) of a whole transcript. */
export function transcriptFiles(
  segments: { text: string; words: CaptionWord[] }[],
): TranscriptFiles {
  const cues = groupCues(
    segments.flatMap((s) => s.words),
    TRANSCRIPT_CUE_LAYOUT,
  );
  return {
    srt: toSrt(cues),
    vtt: toVtt(cues),
    txt:
      segments
        .map((s) => s.text.trim())
        .filter(Boolean)
        .join('\n') + '\n',
  };
}
