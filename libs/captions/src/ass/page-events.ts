import type { FontFace } from '../fonts/font-catalog';
import type { CaptionPage } from '../layout/paginate';
import type { StyledWord } from '../layout/styled-words';
import type { SizedCaptionStyle } from '../style/sized-style';
import { assColour, assTime, escapeAssText } from './ass-format';

const POP_UP_MS = 70;
const POP_DOWN_MS = 130;

const faceTags = (f: FontFace) => `\\fn${f.family}\\b${f.bold ? 1 : 0}`;

/**
 * One word with its colour, its pop when spoken, and its fallback faces; back to the base after.
 * `plain` leaves colours out (the box layer: every colour change would start a new box).
 */
function wordText(word: StyledWord, spoken: boolean, style: SizedCaptionStyle, plain = false) {
  const colour = plain
    ? undefined
    : spoken
      ? style.highlightColor
      : word.key
        ? style.emphasisColor
        : undefined;
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
  const lines: { words: StyledWord[]; first: number }[] = [];
  for (let i = 0, k = 0; k < page.lines.length; i += page.lines[k++])
    lines.push({ words: pageWords.slice(i, i + page.lines[k]), first: i });
  const grow = style.highlightColor ? style.pop - 1 : 0;
  const widest = Math.max(
    ...lines.map(({ words: line }) => {
      const w = line.reduce((s, x) => s + x.width, space * (line.length - 1));
      return w + grow * Math.max(...line.map((x) => x.width));
    }),
  );
  const fontSize =
    widest > style.maxLineWidth
      ? Math.floor((style.fontSize * style.maxLineWidth) / widest)
      : style.fontSize;
  const size = fontSize === style.fontSize ? '' : `{\\fs${fontSize}}`;
  const text = (spoken: number, plain = false) =>
    size +
    lines
      .map(({ words: line, first }) =>
        line.map((w, j) => wordText(w, first + j === spoken, style, plain)).join(' '),
      )
      .join('\\N');
  const event = (start: number, end: number, body: string, layer = 1, name = 'Caption') =>
    `Dialogue: ${layer},${assTime(start)},${assTime(end)},${name},,0,0,0,,${body}`;
  // Boxes are drawn by a layer of their own under the text: one box a line.
  const boxes = style.box ? [event(page.start, page.end, text(-1, true), 0, 'Box')] : [];
  if (!style.highlightColor) return [...boxes, event(page.start, page.end, text(-1))];
  return [
    ...boxes,
    ...pageWords
      .map((w, k) => {
        const start = k === 0 ? page.start : w.start;
        const end = k === pageWords.length - 1 ? page.end : pageWords[k + 1].start;
        return end - start >= 0.01 ? event(start, end, text(k)) : '';
      })
      .filter(Boolean),
  ];
}
