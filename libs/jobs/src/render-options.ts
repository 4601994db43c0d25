import {
  CAPTION_FONT_IDS,
  CAPTION_LIMITS,
  CAPTION_POSITIONS,
  CAPTION_PRESETS,
  CaptionFontId,
  CaptionOptions,
  CaptionPosition,
  CaptionPreset,
  HEX_COLOUR,
} from '@app/captions';

/** Jump cuts inside each clip; absent means none. */
export interface CutOptions {
  /** Cut pauses longer than `silenceThreshold` seconds. */
  removeSilences: boolean;
  silenceThreshold: number;
  /** Cut "um", "uh" and "you know"/"like" where they are fillers. */
  removeFillers: boolean;
}

export const DEFAULT_SILENCE_THRESHOLD = 0.6;
export const SILENCE_THRESHOLD_LIMITS = { min: 0.2, max: 5 } as const;

/** The caption and cut fields as a form or command line gives them (strings). */
export interface RenderOptionFields {
  captionStyle?: string;
  captionFont?: string;
  captionSize?: number | string;
  captionColor?: string;
  captionHighlightColor?: string;
  captionEmphasisColor?: string;
  captionOutline?: number | string;
  captionPosition?: string;
  captionUppercase?: boolean | string;
  captionEmphasis?: boolean | string;
  captionEmoji?: boolean | string;
  removeSilences?: boolean | string;
  silenceThreshold?: number | string;
  removeFillers?: boolean | string;
}

const flag = (v: boolean | string | undefined) =>
  v === undefined || v === '' ? undefined : v === true || v === 'true' || v === '1';
const number = (v: number | string | undefined) =>
  v === undefined || v === '' ? undefined : Number(v);

/** Drops the keys whose value is undefined, so stored options hold only what was asked. */
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function captionOptionsOf(f: RenderOptionFields): CaptionOptions {
  return defined({
    style: (f.captionStyle || 'karaoke') as CaptionPreset,
    font: (f.captionFont || undefined) as CaptionFontId | undefined,
    size: number(f.captionSize),
    color: f.captionColor || undefined,
    highlightColor: f.captionHighlightColor || undefined,
    emphasisColor: f.captionEmphasisColor || undefined,
    outline: number(f.captionOutline),
    position: (f.captionPosition || undefined) as CaptionPosition | undefined,
    uppercase: flag(f.captionUppercase),
    emphasis: flag(f.captionEmphasis),
    emoji: flag(f.captionEmoji),
  });
}

export function cutOptionsOf(f: RenderOptionFields): CutOptions | undefined {
  const removeSilences = flag(f.removeSilences) ?? false;
  const removeFillers = flag(f.removeFillers) ?? false;
  if (!removeSilences && !removeFillers && f.silenceThreshold === undefined) return undefined;
  const silenceThreshold = number(f.silenceThreshold) ?? DEFAULT_SILENCE_THRESHOLD;
  return { removeSilences, silenceThreshold, removeFillers };
}

const BOOLEAN = /^(true|false|1|0)$/;

/** Fields that are not booleans where booleans are expected, before conversion. */
export function booleanFieldErrors(f: RenderOptionFields): string[] {
  const names = [
    'captionUppercase',
    'captionEmphasis',
    'captionEmoji',
    'removeSilences',
    'removeFillers',
  ] as const;
  return names
    .filter((n) => typeof f[n] === 'string' && f[n] !== '' && !BOOLEAN.test(f[n] as string))
    .map((n) => `${n} must be true or false`);
}

export function renderOptionErrors(c: CaptionOptions | undefined, cuts: CutOptions | undefined) {
  const errors: string[] = [];
  const oneOf = (name: string, value: string | undefined, allowed: readonly string[]) => {
    if (value !== undefined && !allowed.includes(value))
      errors.push(`${name} must be one of ${allowed.join(', ')}`);
  };
  const within = (name: string, value: number | undefined, lim: { min: number; max: number }) => {
    if (value !== undefined && !(value >= lim.min && value <= lim.max))
      errors.push(`${name} must be between ${lim.min} and ${lim.max}`);
  };
  if (c) {
    oneOf('captionStyle', c.style, CAPTION_PRESETS);
    oneOf('captionFont', c.font, CAPTION_FONT_IDS);
    oneOf('captionPosition', c.position, CAPTION_POSITIONS);
    within('captionSize', c.size, CAPTION_LIMITS.size);
    within('captionOutline', c.outline, CAPTION_LIMITS.outline);
    for (const [name, value] of [
      ['captionColor', c.color],
      ['captionHighlightColor', c.highlightColor],
      ['captionEmphasisColor', c.emphasisColor],
    ] as const)
      if (value !== undefined && !HEX_COLOUR.test(value))
        errors.push(`${name} must be a colour like #FFD400`);
  }
  if (cuts) within('silenceThreshold', cuts.silenceThreshold, SILENCE_THRESHOLD_LIMITS);
  return errors;
}
