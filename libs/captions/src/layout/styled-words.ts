import type { CaptionWord } from '../caption.types';
import { emojiFor, isKeyTerm } from '../emphasis/key-terms';
import type { FaceRun, FontBook } from '../fonts/font-book';
import { EMOJI_FONT } from '../fonts/font-catalog';
import type { SizedCaptionStyle } from '../style/sized-style';

/** A word as it will be drawn: its text in faces that have its characters, and whether it is key. */
export interface StyledWord {
  /** As spoken (punctuation ends pages). */
  text: string;
  start: number;
  end: number;
  runs: FaceRun[];
  key: boolean;
  width: number;
}

/** Applies case, emphasis, emoji and font fallback to each word, and measures it. */
export function styleWords(
  words: CaptionWord[],
  style: SizedCaptionStyle,
  keyTerms: Set<string>,
  fonts: FontBook,
): StyledWord[] {
  return words
    .filter((w) => w.text.trim())
    .map((w) => {
      const text = style.uppercase ? w.text.trim().toUpperCase() : w.text.trim();
      const key = style.emphasis && isKeyTerm(w.text, keyTerms);
      const runs: FaceRun[] = [{ text, face: fonts.faceFor(text, style.face) }];
      const emoji = key && style.emoji ? emojiFor(w.text) : undefined;
      if (emoji) runs.push({ text: ` ${emoji}`, face: fonts.faceFor(emoji, EMOJI_FONT) });
      return {
        text: w.text,
        start: w.start,
        end: w.end,
        runs,
        key,
        width: fonts.runsWidth(runs, style.fontSize),
      };
    });
}
