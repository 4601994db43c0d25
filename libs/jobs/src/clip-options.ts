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
  aspectRatio: AspectRatio;
  /** ISO 639-1 code, or 'auto' to let Whisper detect it. */
  language: string;
}

export const DEFAULT_CLIP_OPTIONS: ClipOptions = {
  maxClips: 5,
  minDuration: 15,
  maxDuration: 60,
  aspectRatio: '9:16',
  language: 'auto',
};

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
  if (!/^(auto|[a-z]{2,3})$/.test(o.language))
    errors.push("language must be 'auto' or an ISO 639-1 code");
  return errors;
}
