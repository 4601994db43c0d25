/** Scoring helpers for bench:select: boundary F1, diversity, clip checks and standalone pairs. */

/** Seconds from a time to a true boundary (an interval [from, to]: the silence between passages). */
const away = ([from, to], t) => (t < from ? from - t : t > to ? t - to : 0);

/** Greedy one-to-one matching of predicted to true boundaries within ±tol seconds. */
function boundaryF1(predicted, truth, tol = 3) {
  const used = new Set();
  let hits = 0;
  for (const p of predicted) {
    let best = -1;
    truth.forEach((t, i) => {
      if (!used.has(i) && away(t, p) <= tol && (best < 0 || away(t, p) < away(truth[best], p))) best = i;
    });
    if (best >= 0) {
      used.add(best);
      hits++;
    }
  }
  const precision = predicted.length ? hits / predicted.length : 0;
  const recall = truth.length ? hits / truth.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { hits, predicted: predicted.length, truth: truth.length, precision, recall, f1 };
}

/** Baseline: equal windows, as many boundaries as the truth has (it is even told the count). */
function fixedWindows(duration, count) {
  return Array.from({ length: count }, (_, i) => ((i + 1) * duration) / (count + 1));
}

/** Which passage a time falls in. */
const passageAt = (passages, t) => passages.find((p) => t >= p.start - 0.5 && t <= p.end + 0.5)?.name ?? null;

/** Every clip on sentence bounds, within the duration bounds, none overlapping. */
function checkClips(highlights, sentences, bounds) {
  const starts = new Set(sentences.map((s) => s.words[0]));
  const ends = new Set(sentences.map((s) => s.words[s.words.length - 1]));
  let onBounds = 0;
  let inDuration = 0;
  for (const h of highlights) {
    const first = sentences.find((s) => s.words[0].start === h.words[0].start);
    const last = sentences.find((s) => s.words[s.words.length - 1].end === h.words[h.words.length - 1].end);
    if (first && last && starts.has(first.words[0]) && ends.has(last.words[last.words.length - 1])) onBounds++;
    const d = h.end - h.start;
    if (d >= bounds.minDuration - 1e-6 && d <= bounds.maxDuration + 1e-6) inDuration++;
  }
  const sorted = [...highlights].sort((a, b) => a.start - b.start);
  let overlaps = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) overlaps++;
  return { clips: highlights.length, onBounds, inDuration, overlaps };
}

module.exports = { boundaryF1, fixedWindows, passageAt, checkClips };
