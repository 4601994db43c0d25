import {
  analyzeTranscript,
  rangeVector,
  scoreRange,
  toHighlight,
  TranscriptAnalysis,
} from './analysis/transcript-analysis';
import {
  CandidateRange,
  candidateRanges,
  paddedEnd,
  paddedStart,
} from './candidates/candidate-spans';
import { DEFAULT_DIVERSITY, pickDiverse } from './ranking/pick-diverse';
import type {
  AudioProfile,
  Highlight,
  Sentence,
  SelectionOptions,
  TimedWord,
} from './selection.types';
import { capSentenceLength, splitSentences } from './sentences/split-sentences';

/** The diversity pass sees the best candidates overall and the best of every topic. */
const POOL_OVERALL = 1000;
const POOL_PER_TOPIC = 150;

export interface SelectionInput {
  sentences: Sentence[];
  /** One embedding per sentence (any scale), from the sentence encoder. */
  vectors: ArrayLike<number>[];
  audio?: AudioProfile;
}

export interface SelectionResult {
  highlights: Highlight[];
  /** Topics in time order: where each starts and ends (seconds). */
  topics: { start: number; end: number }[];
  /** How many candidates were scored. */
  candidates: number;
}

/** Sentences as selection cuts on: split on punctuation, turns and pauses, none longer than a clip. */
export function prepareSentences(words: TimedWord[], maxDuration: number): Sentence[] {
  return capSentenceLength(splitSentences(words.filter((w) => w.text.trim())), maxDuration);
}

/**
 * Picks up to `maxClips` highlights: every run of whole sentences within the duration bounds is a
 * candidate (a run across a topic boundary only if it hangs together as well as a typical run
 * inside a topic), each is scored 0–100 from named features, and the clips are chosen by score
 * with diversity (maximal marginal relevance plus a per-topic penalty), never overlapping. When all
 * the speech is shorter than minDuration, the longest run from the start that fits is returned.
 */
export function selectHighlights(
  input: SelectionInput,
  options: SelectionOptions,
): SelectionResult {
  const { sentences } = input;
  if (!sentences.length) return { highlights: [], topics: [], candidates: 0 };
  const ranges = candidateRanges(sentences, options);
  const analysis = analyzeTranscript(sentences, input.vectors, {
    keywords: options.keywords,
    audio: input.audio,
    ranges,
  });
  const topics = topicSpans(analysis);
  if (!ranges.length) {
    const range = fallbackRange(sentences, options);
    return {
      highlights: [toHighlight(analysis, range, scoreRange(analysis, range))],
      topics,
      candidates: 1,
    };
  }
  const kept = ranges.filter((r) => readsAsOneStory(analysis, r));
  // Short topics under a long minDuration leave only runs across boundaries: take them all then.
  const scored = diversityPool(
    analysis,
    (kept.length ? kept : ranges).map((range) => ({ range, scored: scoreRange(analysis, range) })),
  ).map(({ range, scored }) => ({
    range,
    scored,
    start: range.start,
    end: range.end,
    score: scored.score,
    topic: analysis.topicOf[range.first],
    vector: rangeVector(analysis, range),
  }));
  const picked = pickDiverse(scored, { maxClips: options.maxClips, ...DEFAULT_DIVERSITY });
  return {
    highlights: picked.map((p) => toHighlight(analysis, p.range, p.scored)),
    topics,
    candidates: kept.length || ranges.length,
  };
}

/**
 * The candidates the diversity pass chooses from (it is quadratic in picks): the best overall
 * and the best of each topic, so a topic whose clips all score a little lower is still offered.
 */
function diversityPool<T extends { range: CandidateRange; scored: { score: number } }>(
  a: TranscriptAnalysis,
  all: T[],
): T[] {
  const byScore = [...all].sort(
    (x, y) => y.scored.score - x.scored.score || x.range.start - y.range.start,
  );
  const pool = new Set(byScore.slice(0, POOL_OVERALL));
  const perTopic = new Map<number, number>();
  for (const c of byScore) {
    const topic = a.topicOf[c.range.first];
    const taken = perTopic.get(topic) ?? 0;
    if (taken < POOL_PER_TOPIC) {
      pool.add(c);
      perTopic.set(topic, taken + 1);
    }
  }
  return [...pool];
}

/**
 * A run inside one topic always qualifies; one across a boundary only when its sentences are at
 * least as alike as the median run of this transcript (the middle of the coherence range).
 */
function readsAsOneStory(a: TranscriptAnalysis, r: CandidateRange): boolean {
  if (a.topicOf[r.first] === a.topicOf[r.last]) return true;
  const [lo, hi] = a.context.coherenceRange;
  return a.sums.coherence(r.first, r.last + 1) >= (lo + hi) / 2;
}

function topicSpans(a: TranscriptAnalysis): { start: number; end: number }[] {
  const edges = [0, ...a.boundaries, a.sentences.length];
  return edges.slice(0, -1).map((from, k) => ({
    start: a.sentences[from].start,
    end: a.sentences[edges[k + 1] - 1].end,
  }));
}

/** The longest sentence-bounded run from the first sentence that fits maxDuration. */
function fallbackRange(sentences: Sentence[], options: SelectionOptions): CandidateRange {
  const start = paddedStart(sentences, 0);
  let last = 0;
  while (
    last + 1 < sentences.length &&
    paddedEnd(sentences, last + 1, options.mediaDuration) - start <= options.maxDuration
  )
    last++;
  return { first: 0, last, start, end: paddedEnd(sentences, last, options.mediaDuration) };
}
