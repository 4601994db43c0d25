import { wordsForClip } from '@app/captions';
import { measureLoudness } from '@app/media';
import { planCuts } from '@app/rendering';
import type { Highlight } from '@app/selection';
import type { PipelineContext } from '../pipeline.types';
import type { ClipCut } from './render-rendition';

/**
 * What every rendition of a clip shares: its words on the output timeline, the jump cuts the job
 * asked for and the loudness of its audio (measured once, applied in each render).
 */
export async function planClipCut(ctx: PipelineContext, highlight: Highlight): Promise<ClipCut> {
  const duration = highlight.end - highlight.start;
  const words = wordsForClip(highlight.words, highlight.start, highlight.end);
  const loudness = await measureLoudness(
    ctx.binaries.ffmpeg,
    ctx.sourcePath,
    { start: highlight.start, duration },
    ctx.signal,
  );
  const rules = ctx.options.cuts;
  if (!rules || (!rules.removeFillers && !rules.removeSilences))
    return { words, loudness, duration };
  const plan = planCuts(words, duration, rules);
  return { words: plan.words, keep: plan.keep, loudness, duration: duration - plan.removedSec };
}
