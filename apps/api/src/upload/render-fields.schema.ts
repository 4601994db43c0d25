import { CAPTION_FONT_IDS, CAPTION_POSITIONS, CAPTION_PRESETS } from '@app/captions';
import { DEFAULT_SILENCE_THRESHOLD } from '@app/jobs';

const colour = (description: string, example: string) => ({
  type: 'string',
  pattern: '^#[0-9a-fA-F]{6}$',
  example,
  description,
});
const flag = (description: string) => ({ type: 'boolean', description });

/** The caption and jump-cut fields of the upload form, as Swagger shows them. */
export const RENDER_FIELDS_SCHEMA = {
  captionStyle: {
    type: 'string',
    enum: [...CAPTION_PRESETS],
    default: 'karaoke',
    description:
      "burned-in captions: 'karaoke' (the spoken word lit and popping), 'bold-pop' (1–3 big words), 'minimal' (clean sentence lines), 'boxed' (on a translucent box) or 'none'",
  },
  captionFont: { type: 'string', enum: [...CAPTION_FONT_IDS], description: "default: the style's" },
  captionSize: { type: 'number', minimum: 0.5, maximum: 2, description: "× the style's text size" },
  captionColor: colour('text colour', '#FFFFFF'),
  captionHighlightColor: colour('the spoken word', '#FFD400'),
  captionEmphasisColor: colour("the clip's key terms", '#3BE8B0'),
  captionOutline: {
    type: 'number',
    minimum: 0,
    maximum: 0.3,
    description: 'outline, × the text size',
  },
  captionPosition: {
    type: 'string',
    enum: [...CAPTION_POSITIONS],
    description: 'default bottom (inside the safe area)',
  },
  captionUppercase: flag("upper-case captions (default: the style's)"),
  captionEmphasis: flag("the clip's key terms in the emphasis colour"),
  captionEmoji: flag('an emoji after emphasised words that have one'),
  removeSilences: flag('jump cuts: shorten pauses longer than silenceThreshold'),
  silenceThreshold: {
    type: 'number',
    minimum: 0.2,
    maximum: 5,
    default: DEFAULT_SILENCE_THRESHOLD,
    description: 'seconds',
  },
  removeFillers: flag('jump cuts: drop "um", "uh", and "like"/"you know" used as fillers'),
};
