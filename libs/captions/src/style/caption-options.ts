import type { CaptionFontId } from '../fonts/font-catalog';

export const CAPTION_PRESETS = ['karaoke', 'bold-pop', 'minimal', 'boxed', 'none'] as const;
export type CaptionPreset = (typeof CAPTION_PRESETS)[number];

export const CAPTION_POSITIONS = ['bottom', 'middle', 'top'] as const;
export type CaptionPosition = (typeof CAPTION_POSITIONS)[number];

/** Burned-in captions as a job asks for them: a preset, and any of its looks overridden. */
export interface CaptionOptions {
  style: CaptionPreset;
  font?: CaptionFontId;
  /** Multiplies the preset's text size (0.5–2). */
  size?: number;
  /** '#RRGGBB' of the text, the spoken word and the clip's key terms. */
  color?: string;
  highlightColor?: string;
  emphasisColor?: string;
  /** Outline thickness as a share of the text size (0–0.3). */
  outline?: number;
  position?: CaptionPosition;
  uppercase?: boolean;
  /** The clip's key terms in `emphasisColor`. */
  emphasis?: boolean;
  /** An emoji after emphasised words that have one in the local map. */
  emoji?: boolean;
}

export const DEFAULT_CAPTION_OPTIONS: CaptionOptions = { style: 'karaoke' };

export const CAPTION_LIMITS = {
  size: { min: 0.5, max: 2 },
  outline: { min: 0, max: 0.3 },
} as const;

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
