import type { CaptionWord } from '../caption.types';
import { keyTermSet } from '../emphasis/key-terms';
import { FontBook } from '../fonts/font-book';
import type { FontFace } from '../fonts/font-catalog';
import { paginate } from '../layout/paginate';
import { styleWords } from '../layout/styled-words';
import type { CaptionOptions } from '../style/caption-options';
import { SizedCaptionStyle, sizeCaptionStyle } from '../style/sized-style';
import { assColour } from './ass-format';
import { pageEvents } from './page-events';

const ALIGNMENT = { bottom: 2, middle: 5, top: 8 } as const;

/** An ASS style line; `box` draws only the translucent boxes (text transparent). */
function styleLine(s: SizedCaptionStyle, name: string, box: boolean): string {
  const fields = [
    name,
    s.face.family,
    s.fontSize,
    box ? assColour(s.color, 0) : assColour(s.color),
    assColour(s.highlightColor ?? s.color),
    box && s.box ? assColour(s.box.color, s.box.opacity) : assColour('#000000'),
    assColour('#000000', 0.55),
    s.face.bold ? -1 : 0,
    0,
    0,
    0,
    100,
    100,
    0,
    0,
    box ? 3 : 1,
    box || !s.box ? s.outlinePx : 0,
    s.box ? 0 : s.shadowPx,
    ALIGNMENT[s.position],
    s.marginH,
    s.marginH,
    s.marginV,
    1,
  ];
  return `Style: ${fields.join(',')}`;
}

function header(s: SizedCaptionStyle): string[] {
  return [
    '[Script Info]',
    'ScriptType: v4.00+',
    `PlayResX: ${s.width}`,
    `PlayResY: ${s.height}`,
    // Lines are broken here, by measured width: libass must not wrap them again.
    'WrapStyle: 2',
    'ScaledBorderAndShadow: yes',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    styleLine(s, 'Caption', false),
    ...(s.box ? [styleLine(s, 'Box', true)] : []),
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
  ];
}

export interface BurnInScript {
  ass: string;
  /** Every face the script draws with, for the render's fonts folder. */
  faces: FontFace[];
}

const sharedFonts = new FontBook();

/**
 * The ASS script that burns a clip's words into one output frame size in the job's caption
 * style: pages set by measured width, the spoken word highlighted, key terms emphasised. Word
 * times are on the clip's timeline. Null for the `none` style.
 */
export function burnInScript(
  words: CaptionWord[],
  options: CaptionOptions,
  frame: { width: number; height: number },
  keyTerms: string[] = [],
  fonts: FontBook = sharedFonts,
): BurnInScript | null {
  const style = sizeCaptionStyle(options, frame);
  if (!style) return null;
  const styled = styleWords(words, style, keyTermSet(keyTerms), fonts);
  const space = fonts.width(' ', style.face, style.fontSize);
  const pages = paginate(styled, style.page, {
    width: (i) => styled[i].width,
    space,
    maxWidth: style.maxLineWidth,
    growth: style.highlightColor ? style.pop - 1 : 0,
  });
  const events = pages.flatMap((p) => pageEvents(p, styled, style, space));
  const faces = new Set<FontFace>([
    style.face,
    ...styled.flatMap((w) => w.runs.map((r) => r.face)),
  ]);
  return { ass: [...header(style), ...events, ''].join('\n'), faces: [...faces] };
}
