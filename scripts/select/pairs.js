/**
 * Standalone judgement pairs for bench:select. For each passage of a joined input: a
 * self-contained window (from the passage's first sentence to the last finished sentence within
 * WINDOW_SEC) against the same window started mid-sentence, ended mid-sentence, and one that
 * straddles the previous passage's end and this passage's start. Split sentences keep their
 * parent's embedding; `complete` of a piece is what the splitter would say (terminal punctuation).
 */
const WINDOW_SEC = 25;
const TERMINAL = /[.!?…]["'”’)\]]*$/;

function splitAt(sel, sentences, vectors, index, at) {
  const s = sentences[index];
  const a = sel.sentenceOf(s.words.slice(0, at), TERMINAL.test(s.words[at - 1].text));
  const b = sel.sentenceOf(s.words.slice(at), s.complete);
  return {
    sentences: [...sentences.slice(0, index), a, b, ...sentences.slice(index + 1)],
    vectors: [...vectors.slice(0, index), vectors[index], vectors[index], ...vectors.slice(index + 1)],
  };
}

function scoreOf(sel, sentences, vectors, audio, first, last, duration) {
  const bounds = { minDuration: 5, maxDuration: 40, mediaDuration: duration };
  const ranges = sel.candidateRanges(sentences, bounds);
  const analysis = sel.analyzeTranscript(sentences, vectors, { audio, ranges });
  const range = {
    first,
    last,
    start: sel.paddedStart(sentences, first),
    end: sel.paddedEnd(sentences, last, duration),
  };
  return sel.scoreRange(analysis, range);
}

/** [{ passage, variant, good, bad, won }] for one input. */
function standalonePairs(sel, input, sentences, vectors) {
  const pairs = [];
  const inPassage = (p) => sentences.map((s, i) => (s.start >= p.start - 0.2 && s.end <= p.end + 0.2 ? i : -1)).filter((i) => i >= 0);
  input.passages.forEach((p, k) => {
    const idx = inPassage(p);
    if (idx.length < 3) return;
    const first = idx[0];
    let last = -1;
    for (const i of idx) if (sentences[i].end - sentences[first].start <= WINDOW_SEC && sentences[i].complete) last = i;
    if (last <= first) return;
    const base = scoreOf(sel, sentences, vectors, input.audio, first, last, input.duration);
    const variants = [];
    const head = sentences[first].words.length;
    if (head >= 4) {
      const cut = splitAt(sel, sentences, vectors, first, Math.max(2, Math.floor(head / 3)));
      variants.push(['starts mid-thought', cut, first + 1, last + 1]);
    }
    const tail = sentences[last].words.length;
    if (tail >= 4) {
      const cut = splitAt(sel, sentences, vectors, last, tail - Math.max(2, Math.floor(tail / 3)));
      variants.push(['ends mid-sentence', cut, first, last]);
    }
    if (k > 0) {
      const prev = inPassage(input.passages[k - 1]);
      const mid = Math.floor((first + last + 1) / 2);
      const from = prev.find((i) => sentences[prev[prev.length - 1]].end - sentences[i].start <= WINDOW_SEC / 2) ?? prev[prev.length - 1];
      variants.push(['straddles two passages', { sentences, vectors }, from, Math.max(first, mid - 1)]);
    }
    for (const [variant, v, f, l] of variants) {
      const bad = scoreOf(sel, v.sentences, v.vectors, input.audio, f, l, input.duration);
      pairs.push({ passage: p.name, variant, good: base.score, bad: bad.score, won: base.score > bad.score });
    }
  });
  return pairs;
}

module.exports = { standalonePairs };
