import type { CaptionWord } from '../caption.types';
import type { PageLimits } from '../style/caption-look';
import { breakLines } from './break-lines';

/** One screenful of caption: consecutive words set in lines, shown from `start` to `end`. */
export interface CaptionPage {
  /** Index of the first word and the word count of each line. */
  first: number;
  lines: number[];
  start: number;
  end: number;
}

export interface PageMeasure {
  /** Width of word i as drawn. */
  width(i: number): number;
  space: number;
  maxWidth: number;
  /** Share by which the spoken word grows as it pops (0: no pop). */
  growth: number;
}

const CLAUSE_END = /[.!?…,;:]["'”’)]*$/;
/** Pages this close together hand over without a blank frame between them. */
const HOLD_GAP_SEC = 0.6;
/** Read time left on screen after the last word of a page when the speaker pauses. */
const LINGER_SEC = 0.3;

/**
 * Groups words into pages: a new page at the end of a clause, after a pause, or when the page
 * would exceed its word count, its duration or its lines at the measured width.
 */
export function paginate(words: CaptionWord[], limits: PageLimits, m: PageMeasure): CaptionPage[] {
  const pages: CaptionPage[] = [];
  let first = 0;
  let lines: number[] = [];
  const close = (end: number) => {
    if (end > first)
      pages.push({ first, lines, start: words[first].start, end: words[end - 1].end });
    first = end;
    lines = [];
  };
  for (let i = 0; i < words.length; i++) {
    if (i > first) {
      const prev = words[i - 1];
      const tried = breakLines(
        words.slice(first, i + 1).map((_, k) => m.width(first + k)),
        m.space,
        m.maxWidth,
        limits.maxLines,
        false,
        m.growth,
      );
      if (
        !tried ||
        i - first >= limits.maxWords ||
        words[i].end - words[first].start > limits.maxSec ||
        words[i].start - prev.end >= limits.pauseBreakSec ||
        CLAUSE_END.test(prev.text)
      ) {
        close(i);
      } else {
        lines = tried;
        continue;
      }
    }
    // A page's first word: set alone, overflowing only if nothing narrower is possible.
    lines = [1];
  }
  close(words.length);
  return pages.map((page, k) => {
    const next = pages[k + 1];
    const end =
      next && next.start - page.end < HOLD_GAP_SEC
        ? next.start
        : Math.min(page.end + LINGER_SEC, next?.start ?? Infinity);
    return { ...page, end };
  });
}
