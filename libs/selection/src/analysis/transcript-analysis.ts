import { CandidateRange } from '../candidates/candidate-spans';
import { clipMetadata, documentFrequencies } from '../metadata/clip-metadata';
import { CandidateScore, scoreCandidate, stemKeywords } from '../scoring/score-candidate';
import { LevelStats } from '../scoring/level-stats';
import type { ScoringContext } from '../scoring/scoring.types';
import type { AudioProfile, Highlight, Sentence } from '../selection.types';
import { segmentTopics, topicIndex } from '../topics/segment-topics';
import type { TilingOptions } from '../topics/text-tiling';
import { dot, PrefixSums, unit } from '../topics/vectors';

/** Coherence range used when a transcript is too short to have its own. */
const FALLBACK_COHERENCE: [number, number] = [0.15, 0.6];

/** Everything about one transcript that every candidate is scored against, computed once. */
export interface TranscriptAnalysis {
  sentences: Sentence[];
  units: Float64Array[];
  sums: PrefixSums;
  /** Sentence indices that open a topic. */
  boundaries: number[];
  topicOf: number[];
  context: ScoringContext;
  df: Map<string, number>;
}

export interface AnalysisOptions {
  keywords?: string[];
  audio?: AudioProfile;
  /** Candidate ranges, to measure the coherence spread of this transcript on. */
  ranges?: CandidateRange[];
  /** Topic segmentation settings (the defaults suit speech). */
  tiling?: TilingOptions;
}

/** Topics, pooled vectors and the scoring context of one transcript (vectors: one per sentence). */
export function analyzeTranscript(
  sentences: Sentence[],
  vectors: ArrayLike<number>[],
  options: AnalysisOptions = {},
): TranscriptAnalysis {
  const units = vectors.map(unit);
  const sums = new PrefixSums(units);
  const boundaries = segmentTopics(
    units,
    sentences.map((s) => s.words.length),
    options.tiling,
  );
  const topicOf = topicIndex(sentences.length, boundaries);
  const within = (options.ranges ?? [])
    .filter((r) => r.last > r.first && topicOf[r.first] === topicOf[r.last])
    .map((r) => sums.coherence(r.first, r.last + 1))
    .sort((a, b) => a - b);
  const coherenceRange: [number, number] =
    within.length >= 10
      ? [percentile(within, 0.1), Math.max(percentile(within, 0.9), percentile(within, 0.1) + 0.05)]
      : FALLBACK_COHERENCE;
  return {
    sentences,
    units,
    sums,
    boundaries,
    topicOf,
    df: documentFrequencies(sentences),
    context: {
      coherenceRange,
      audio: options.audio,
      levels: options.audio ? new LevelStats(options.audio) : undefined,
      keywords: stemKeywords(options.keywords),
    },
  };
}

/** Score of the clip made of sentences `first..last`. */
export function scoreRange(a: TranscriptAnalysis, range: CandidateRange): CandidateScore {
  return scoreCandidate(
    {
      sentences: a.sentences.slice(range.first, range.last + 1),
      previous: a.sentences[range.first - 1],
      coherence: a.sums.coherence(range.first, range.last + 1),
      crossesTopic: a.topicOf[range.first] !== a.topicOf[range.last],
    },
    a.context,
  );
}

/** Unit pooled embedding of a range, for diversity. */
export function rangeVector(a: TranscriptAnalysis, range: CandidateRange): Float64Array {
  return unit(a.sums.pooled(range.first, range.last + 1));
}

/** The full highlight for a scored range: text, words, topic, title, description, hashtags. */
export function toHighlight(
  a: TranscriptAnalysis,
  range: CandidateRange,
  scored: CandidateScore,
  origin: Highlight['origin'] = 'auto',
): Highlight {
  const run = a.sentences.slice(range.first, range.last + 1);
  const pooled = rangeVector(a, range);
  let central = 0;
  run.forEach((_, k) => {
    if (dot(a.units[range.first + k], pooled) > dot(a.units[range.first + central], pooled))
      central = k;
  });
  const meta = clipMetadata(run, a.df, a.sentences.length, central);
  return {
    start: range.start,
    end: range.end,
    score: scored.score,
    ...meta,
    topic: a.topicOf[range.first],
    text: run.map((s) => s.text).join(' '),
    words: run.flatMap((s) => s.words),
    features: scored.features,
    origin,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
