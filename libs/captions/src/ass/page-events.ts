import type { FontFace } from '../fonts/font-catalog';
import type { CaptionPage } from '../layout/paginate';
import type { StyledWord } from '../layout/styled-words';
import type { SizedCaptionStyle } from '../style/sized-style';
import { assColour, assTime, escapeAssText } from './ass-format';

const POP_UP_MS = 70;
const POP_DOWN_MS = 130;

const faceTags = (f: FontFace) => `\\fn${f.family}\\b${f.bold ? 1 : 0}`;

/** One word with its colour, its pop when spoken, and its fallback faces; back to the base after. */
function wordText(word: StyledWord, spoken: boolean, style: SizedCaptionStyle) {
  const colour = spoken ? style.highlightColor : word.key ? style.emphasisColor : undefined;
  let open = colour ? `\\1c${assColour(colour)}` : '';
  if (spoken && style.pop > 1) {
    const p = Math.round(style.pop * 100);
    open += `\\t(0,${POP_UP_MS},\\fscx${p}\\fscy${p})\\t(${POP_UP_MS},${POP_UP_MS + POP_DOWN_MS},\\fscx100\\fscy100)`;
  }
  const body = word.runs
    .map((r) =>
      r.face === style.face
        ? escapeAssText(r.text)
        : `{${faceTags(r.face)}}${escapeAssText(r.text)}{${faceTags(style.face)}}`,
    )
    .join('');
  return (open ? `{${open}}` : '') + body + (colour ? `{\\1c${assColour(style.color)}}` : '');
}

/**
 * The Dialogue lines of one page. With a highlight, one event per word (from its first sound to
 * the next word's) shows the whole page with that word coloured and popping — ASS `\k` could only
 * recolour; otherwise one event shows the page. A page whose lone word is wider than a line is
 * set smaller rather than cut at the frame's edges.
 */
export function pageEvents(
  page: CaptionPage,
  words: StyledWord[],
  style: SizedCaptionStyle,
  space: number,
): string[] {
  const pageWords = words.slice(page.first, page.first + page.lines.reduce((a, b) => a + b, 0));
  const grow = style.highlightColor ? style.pop : 1;
  let widest = 0;
  for (let i = 0, k = 0; k < page.lines.length; i += page.lines[k++]) {
    const line = pageWords.slice(i, i + page.lines[k]);
    const w = line.reduce((s, x) => s + x.width, space * (line.length - 1));
    widest = Math.max(widest, w + (grow - 1) * Math.max(...line.map((x) => x.width)));
  }
  const fontSize =
    widest > style.maxLineWidth
      ? Math.floor((style.fontSize * style.maxLineWidth) / widest)
      : style.fontSize;
  const text = (spoken: number) => {
    const lines: string[] = [];
    for (let i = 0, k = 0; k < page.lines.length; i += page.lines[k++]) {
      const line = pageWords.slice(i, i + page.lines[k]);
      lines.push(line.map((w, j) => wordText(w, i + j === spoken, style)).join(' '));
    }
    const size = fontSize === style.fontSize ? '' : `{\\fs${fontSize}}`;
    return size + lines.join('\\N');
  };
  const event = (start: number, end: number, body: string) =>
    `Dialogue: 0,${assTime(start)},${assTime(end)},Caption,,0,0,0,,${body}`;
  if (!style.highlightColor) return [event(page.start, page.end, text(-1))];
  return pageWords
    .map((w, k) => {
      const start = k === 0 ? page.start : w.start;
      const end = k === pageWords.length - 1 ? page.end : pageWords[k + 1].start;
      return end - start >= 0.01 ? event(start, end, text(k)) : '';
    })
    .filter(Boolean);
}
