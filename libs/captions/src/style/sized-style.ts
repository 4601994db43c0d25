import { CAPTION_FONTS, FontFace } from '../fonts/font-catalog';
import { CAPTION_LOOKS, CaptionLook } from './caption-look';
import type { CaptionOptions } from './caption-options';

/** A look sized to one output frame, in pixels. */
export interface SizedCaptionStyle extends Omit<CaptionLook, 'font'> {
  face: FontFace;
  width: number;
  height: number;
  fontSize: number;
  outlinePx: number;
  shadowPx: number;
  /** Distance of the text block from the frame's top or bottom edge. */
  marginV: number;
  marginH: number;
  /** Widest a line may be. */
  maxLineWidth: number;
}

/**
 * Platforms lay their buttons and description over the bottom ~20 % and the account name over the
 * top ~10 % of a vertical video; wider frames have thinner overlays.
 */
export function safeMargins(width: number, height: number): { top: number; bottom: number } {
  const vertical = height > width * 1.2;
  return vertical
    ? { top: Math.ceil(height * 0.12), bottom: Math.ceil(height * 0.22) }
    : { top: Math.ceil(height * 0.08), bottom: Math.ceil(height * 0.1) };
}

/** The preset's look with the job's overrides, sized to the frame; null for `none`. */
export function sizeCaptionStyle(
  options: CaptionOptions,
  frame: { width: number; height: number },
): SizedCaptionStyle | null {
  if (options.style === 'none') return null;
  const look: CaptionLook = CAPTION_LOOKS[options.style];
  const fontSize = Math.round(
    look.sizeScale * Math.min(frame.width, frame.height) * (options.size ?? 1),
  );
  const outline = options.outline ?? look.outline;
  const margins = safeMargins(frame.width, frame.height);
  const marginH = Math.round((frame.width * (1 - look.page.widthShare)) / 2);
  const position = options.position ?? look.position;
  const outlinePx = outline > 0 ? Math.max(1, Math.round(fontSize * outline)) : 0;
  return {
    ...look,
    face: CAPTION_FONTS[options.font ?? look.font],
    width: frame.width,
    height: frame.height,
    fontSize,
    outlinePx,
    shadowPx: Math.round(fontSize * look.shadow),
    color: options.color ?? look.color,
    highlightColor: look.highlightColor && (options.highlightColor ?? look.highlightColor),
    emphasis: options.emphasis ?? look.emphasis,
    emphasisColor: options.emphasisColor ?? look.emphasisColor,
    emoji: options.emoji ?? look.emoji,
    uppercase: options.uppercase ?? look.uppercase,
    position,
    marginV: position === 'top' ? margins.top : margins.bottom,
    marginH,
    // The outline (or box padding) draws outside the advance widths, on both sides.
    maxLineWidth: frame.width - 2 * marginH - 2 * outlinePx,
  };
}
