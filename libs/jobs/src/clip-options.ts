import type { CaptionOptions } from '@app/captions';
import {
  captionOptionsOf,
  CutOptions,
  cutOptionsOf,
  RenderOptionFields,
  renderOptionErrors,
} from './render-options';

/** The aspect ratios a clip can be rendered in, with their output frame size. */
export const ASPECT_RATIOS = {
  '9:16': { width: 1080, height: 1920 },
  '1:1': { width: 1080, height: 1080 },
  '4:5': { width: 1080, height: 1350 },
  '16:9': { width: 1920, height: 1080 },
} as const;

export type AspectRatio = keyof typeof ASPECT_RATIOS;

export const isAspectRatio = (value: string): value is AspectRatio => value in ASPECT_RATIOS;

/** What a user may ask of one processing job; defaults in `DEFAULT_CLIP_OPTIONS`. */
export interface ClipOptions {
  maxClips: number;
  minDuration: number;
  maxDuration: number;
  /** The main rendition: `clip-NN.mp4`. */
  aspectRatio: AspectRatio;
  /**
   * Every rendition, the main one first (`clip-NN.<w>x<h>.mp4` for the others), all framed from
   * one analysis; absent on jobs made before it existed (then only `aspectRatio`).
   */
  aspectRatios?: AspectRatio[];
  /** ISO 639-1 code, or 'auto' to let Whisper detect it. */
  language: string;
  /**
   * Transcription quality: 'fast' (greedy decoding) or 'accurate' (beam search); absent means
   * the deployment's ASR_PROFILE.
   */
  quality?: TranscriptionQuality;
  /**
   * Picture composition: 'auto' (per shot: follow the speaker, two people who talk in turn
   * stacked, the whole frame where no face), 'follow', 'split' (two people stacked wherever two
   * are in view) or 'fit' (whole frame over a blurred copy); absent means 'auto'.
   */
  layout?: ClipLayout;
  /** Topics the user wants: clips that mention them score higher (absent: none). */
  keywords?: string[];
  /** Burned-in captions; absent on jobs made before presets (then `karaoke`). */
  captions?: CaptionOptions;
  /** Jump cuts; absent means the clip is cut as said. */
  cuts?: CutOptions;
}

export const CLIP_LAYOUTS = ['auto', 'follow', 'split', 'fit'] as const;
export type ClipLayout = (typeof CLIP_LAYOUTS)[number];

export const TRANSCRIPTION_QUALITIES = ['fast', 'accurate'] as const;
export type TranscriptionQuality = (typeof TRANSCRIPTION_QUALITIES)[number];

export const DEFAULT_CLIP_OPTIONS: ClipOptions = {
  maxClips: 5,
  minDuration: 15,
  maxDuration: 60,
  aspectRatio: '9:16',
  language: 'auto',
};

/** Options as given (strings from a form or a command line, or absent), defaults filled in. */
export function withDefaults(
  given: RenderOptionFields & {
    maxClips?: number | string;
    minDuration?: number | string;
    maxDuration?: number | string;
    aspectRatio?: string;
    /** Comma-separated, e.g. '9:16,1:1'; its first becomes `aspectRatio`. */
    aspectRatios?: string;
    language?: string;
    quality?: string;
    layout?: string;
    /** Comma-separated, e.g. 'printing, gutenberg'. */
    keywords?: string;
  },
): ClipOptions {
  const list = given.aspectRatios?.split(',').map((r) => r.trim());
  const cuts = cutOptionsOf(given);
  const num = (v: number | string | undefined, fallback: number) =>
    v === undefined || v === '' ? fallback : Number(v);
  return {
    maxClips: num(given.maxClips, DEFAULT_CLIP_OPTIONS.maxClips),
    minDuration: num(given.minDuration, DEFAULT_CLIP_OPTIONS.minDuration),
    maxDuration: num(given.maxDuration, DEFAULT_CLIP_OPTIONS.maxDuration),
    aspectRatio: (given.aspectRatio ??
      list?.[0] ??
      DEFAULT_CLIP_OPTIONS.aspectRatio) as AspectRatio,
    ...(list ? { aspectRatios: list as AspectRatio[] } : {}),
    language: given.language ?? DEFAULT_CLIP_OPTIONS.language,
    ...(given.quality ? { quality: given.quality as TranscriptionQuality } : {}),
    ...(given.layout ? { layout: given.layout as ClipLayout } : {}),
    ...(given.keywords?.trim()
      ? { keywords: given.keywords.split(',').map((k) => k.trim().replace(/\s+/g, ' ')) }
      : {}),
    captions: captionOptionsOf(given),
    ...(cuts ? { cuts } : {}),
  };
}

export const KEYWORD_LIMITS = { maxCount: 10, maxLength: 60 } as const;

export const CLIP_OPTION_LIMITS = {
  maxClips: { min: 1, max: 20 },
  minDuration: { min: 1, max: 600 },
  maxDuration: { min: 2, max: 900 },
} as const;

/** Every rule a ClipOptions must satisfy, as messages (empty when valid). Shared by API and CLI. */
export function clipOptionErrors(o: ClipOptions): string[] {
  const errors: string[] = [];
  const within = (name: keyof typeof CLIP_OPTION_LIMITS, value: number) => {
    const { min, max } = CLIP_OPTION_LIMITS[name];
    if (!Number.isFinite(value) || value < min || value > max)
      errors.push(`${name} must be between ${min} and ${max}`);
  };
  within('maxClips', o.maxClips);
  if (!Number.isInteger(o.maxClips)) errors.push('maxClips must be an integer');
  within('minDuration', o.minDuration);
  within('maxDuration', o.maxDuration);
  if (o.minDuration >= o.maxDuration) errors.push('minDuration must be less than maxDuration');
  if (!isAspectRatio(o.aspectRatio))
    errors.push(`aspectRatio must be one of ${Object.keys(ASPECT_RATIOS).join(', ')}`);
  if (o.aspectRatios) {
    const known = Object.keys(ASPECT_RATIOS).join(', ');
    if (!o.aspectRatios.length || o.aspectRatios.some((r) => !isAspectRatio(r)))
      errors.push(`aspectRatios must be a comma-separated list of ${known}`);
    if (new Set(o.aspectRatios).size !== o.aspectRatios.length)
      errors.push('aspectRatios must not repeat a ratio');
    if (o.aspectRatios[0] !== o.aspectRatio)
      errors.push('aspectRatio and aspectRatios disagree: give one of them');
  }
  if (!/^(auto|[a-z]{2,3})$/.test(o.language))
    errors.push("language must be 'auto' or an ISO 639-1 code");
  if (o.quality !== undefined && !TRANSCRIPTION_QUALITIES.includes(o.quality))
    errors.push(`quality must be one of ${TRANSCRIPTION_QUALITIES.join(', ')}`);
  if (o.layout !== undefined && !CLIP_LAYOUTS.includes(o.layout))
    errors.push(`layout must be one of ${CLIP_LAYOUTS.join(', ')}`);
  if (o.keywords !== undefined) {
    const { maxCount, maxLength } = KEYWORD_LIMITS;
    if (o.keywords.length > maxCount) errors.push(`keywords: at most ${maxCount}`);
    if (o.keywords.some((k) => !k || k.length > maxLength))
      errors.push(
        `keywords must be a comma-separated list of words, each 1 to ${maxLength} characters`,
      );
  }
  errors.push(...renderOptionErrors(o.captions, o.cuts));
  return errors;
}

/** Every rendition a job makes, the main one first. */
export const renditionsOf = (o: ClipOptions): AspectRatio[] => o.aspectRatios ?? [o.aspectRatio];

/** File-name tag of a rendition other than the main one: '1:1' → '1x1'. */
export const aspectTag = (ratio: AspectRatio) => ratio.replace(':', 'x');
