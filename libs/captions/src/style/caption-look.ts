import type { CaptionFontId } from '../fonts/font-catalog';
import type { CaptionPosition, CaptionPreset } from './caption-options';

/** Everything a preset decides, before it is sized to a frame. */
export interface CaptionLook {
  font: CaptionFontId;
  /** Text size as a share of the frame's shorter side, so every aspect ratio reads alike. */
  sizeScale: number;
  uppercase: boolean;
  color: string;
  /** Absent: no spoken-word highlight (the page is shown as one piece). */
  highlightColor?: string;
  /** How much the spoken word grows as it is said (1 = not at all). */
  pop: number;
  emphasis: boolean;
  emphasisColor: string;
  emoji: boolean;
  /** Shares of the text size. */
  outline: number;
  shadow: number;
  /** Text on a translucent box instead of an outline. */
  box?: { color: string; opacity: number };
  position: CaptionPosition;
  page: PageLimits;
}

export interface PageLimits {
  maxWords: number;
  maxSec: number;
  maxLines: number;
  /** Share of the frame width a line may take. */
  widthShare: number;
  /** A silence this long starts a new page. */
  pauseBreakSec: number;
}

const WHITE = '#FFFFFF';
const YELLOW = '#FFD400';
const MINT = '#3BE8B0';

/** The looks users ask for most on short-form clips; `none` burns nothing in. */
export const CAPTION_LOOKS: Record<Exclude<CaptionPreset, 'none'>, CaptionLook> = {
  karaoke: {
    font: 'montserrat',
    sizeScale: 0.068,
    uppercase: false,
    color: WHITE,
    highlightColor: YELLOW,
    pop: 1.12,
    emphasis: true,
    emphasisColor: MINT,
    emoji: false,
    outline: 0.09,
    shadow: 0.04,
    position: 'bottom',
    page: { maxWords: 6, maxSec: 1.5, maxLines: 2, widthShare: 0.84, pauseBreakSec: 0.5 },
  },
  'bold-pop': {
    font: 'montserrat-black',
    sizeScale: 0.085,
    uppercase: true,
    color: WHITE,
    highlightColor: YELLOW,
    pop: 1.22,
    emphasis: true,
    emphasisColor: MINT,
    emoji: false,
    outline: 0.12,
    shadow: 0.06,
    position: 'bottom',
    page: { maxWords: 3, maxSec: 1.2, maxLines: 2, widthShare: 0.86, pauseBreakSec: 0.4 },
  },
  minimal: {
    font: 'montserrat-semibold',
    sizeScale: 0.056,
    uppercase: false,
    color: WHITE,
    pop: 1,
    emphasis: false,
    emphasisColor: YELLOW,
    emoji: false,
    outline: 0.05,
    shadow: 0.07,
    position: 'bottom',
    page: { maxWords: 16, maxSec: 3.5, maxLines: 2, widthShare: 0.86, pauseBreakSec: 0.7 },
  },
  boxed: {
    font: 'montserrat',
    sizeScale: 0.054,
    uppercase: false,
    color: WHITE,
    highlightColor: YELLOW,
    pop: 1,
    emphasis: true,
    emphasisColor: MINT,
    emoji: false,
    // The box's padding: lines' boxes meet without much overlap (which shows darker).
    outline: 0.15,
    shadow: 0,
    box: { color: '#000000', opacity: 0.62 },
    position: 'bottom',
    page: { maxWords: 6, maxSec: 1.6, maxLines: 2, widthShare: 0.8, pauseBreakSec: 0.5 },
  },
};
