import type { CaptionCue } from './caption.types';

export interface BurnInStyle {
  width: number;
  height: number;
  fontName: string;
  /** Font size as a share of the frame height. */
  fontScale: number;
  /** Distance of the caption baseline from the bottom, as a share of the frame height. */
  bottomMargin: number;
}

export const DEFAULT_BURN_IN_STYLE: Omit<BurnInStyle, 'width' | 'height'> = {
  fontName: 'DejaVu Sans',
  fontScale: 0.042,
  bottomMargin: 0.25,
};

function assTime(seconds: number): string {
  const cs = Math.max(0, Math.round(seconds * 100));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(cs % 100).padStart(2, '0')}`;
}

const escapeAss = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/[{}]/g, '').replace(/\r?\n/g, ' ');

/** An ASS script for ffmpeg's `ass` filter: bold white words, black outline, lower third. */
export function toAss(cues: CaptionCue[], style: BurnInStyle): string {
  const fontSize = Math.round(style.height * style.fontScale);
  const outline = Math.max(2, Math.round(fontSize / 12));
  const marginV = Math.round(style.height * style.bottomMargin);
  const marginH = Math.round(style.width * 0.08);
  const header = [
    '[Script Info]',
    'ScriptType: v4.00+',
    `PlayResX: ${style.width}`,
    `PlayResY: ${style.height}`,
    'WrapStyle: 0',
    'ScaledBorderAndShadow: yes',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    `Style: Caption,${style.fontName},${fontSize},&H00FFFFFF,&H0000FFFF,&H00000000,&H64000000,-1,0,0,0,100,100,0,0,1,${outline},${Math.round(outline / 2)},2,${marginH},${marginH},${marginV},1`,
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
  ];
  const events = cues.map(
    (c) => `Dialogue: 0,${assTime(c.start)},${assTime(c.end)},Caption,,0,0,0,,${escapeAss(c.text)}`,
  );
  return [...header, ...events, ''].join('\n');
}
