import { scoreWindow } from './score-window';
import { capSentenceLength, splitSentences } from './split-sentences';
import type { Highlight, Sentence, SelectionOptions, TimedWord } from './selection.types';

const LEAD_IN_SEC = 0.15;
const TAIL_SEC = 0.35;

/**
 * Picks up to `maxClips` non-overlapping highlights that start and end on sentence boundaries and
 * last between minDuration and maxDuration, best score first. When all the speech is shorter than
 * minDuration, the single sentence-bounded span that holds it is returned instead of nothing.
 */
export function selectHighlights(words: TimedWord[], options: SelectionOptions): Highlight[] {
  const sentences = capSentenceLength(
    splitSentences(words.filter((w) => w.text.trim())),
    options.maxDuration,
  );
  if (!sentences.length) return [];
  const candidates: Highlight[] = [];
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i; j < sentences.length; j++) {
      const span = sentences[j].end - sentences[i].start;
      if (span > options.maxDuration) break;
      if (span >= options.minDuration)
        candidates.push(toHighlight(sentences.slice(i, j + 1), options));
    }
  }
  if (!candidates.length) return [fallback(sentences, options)];

  candidates.sort((a, b) => b.score - a.score || a.start - b.start);
  const chosen: Highlight[] = [];
  for (const c of candidates) {
    if (chosen.length >= options.maxClips) break;
    if (chosen.every((o) => c.end <= o.start || c.start >= o.end)) chosen.push(c);
  }
  return chosen;
}

function toHighlight(run: Sentence[], options: SelectionOptions): Highlight {
  const { score, features } = scoreWindow(run);
  const words = run.flatMap((s) => s.words);
  return {
    start: Math.max(0, run[0].start - LEAD_IN_SEC),
    end: Math.min(options.mediaDuration, run[run.length - 1].end + TAIL_SEC),
    score,
    title: titleOf(run[0].text),
    text: run.map((s) => s.text).join(' '),
    words,
    features,
  };
}

/** The longest sentence-bounded run from the first sentence that fits maxDuration. */
function fallback(sentences: Sentence[], options: SelectionOptions): Highlight {
  let j = 0;
  while (
    j + 1 < sentences.length &&
    sentences[j + 1].end - sentences[0].start <= options.maxDuration
  )
    j++;
  return toHighlight(sentences.slice(0, j + 1), options);
}

export function titleOf(text: string, maxWords = 8): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const title = words
    .slice(0, maxWords)
    .join(' ')
    .replace(/[,;:.!?…]+$/, '');
  return words.length > maxWords ? `${title}…` : title;
}
