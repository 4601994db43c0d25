export interface TimedText {
  text: string;
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
}

export interface CutPlan<W extends TimedText> {
  /** The stretches of the clip that stay, in order, on the clip's own timeline. */
  keep: Span[];
  /** The words left, on the cut timeline. */
  words: W[];
  removedSec: number;
}

export interface CutRules {
  removeSilences: boolean;
  /** Pauses longer than this are shortened. */
  silenceThreshold: number;
  removeFillers: boolean;
}

/** A pause keeps this much breath on each side, so speech never sounds clipped. */
const BREATH_SEC = 0.12;
/** A pause this long around "like" or "you know" marks it as a filler, as a comma would. */
const FILLER_PAUSE_SEC = 0.25;
const MIN_KEEP_SEC = 0.05;

const bare = (t: string) => t.toLowerCase().replace(/[^a-z']/g, '');
const HESITATION = /^(u+m+|u+h+m*|e+r+m+|e+r+|a+h+|h+m+|m+h*m+)$/;

/** Whether the speaker pauses (or writes a comma) between words i−1 and i. */
function pauseBefore(words: TimedText[], i: number): boolean {
  if (i <= 0) return true;
  return (
    /[,.;:!?…]$/.test(words[i - 1].text) || words[i].start - words[i - 1].end >= FILLER_PAUSE_SEC
  );
}

/**
 * Spans of filler words: hesitations ("um", "uh") always; "like" and "you know" only when set off
 * by pauses or commas on both sides ("it was, like, huge" — not "I like it", "do you know him").
 */
export function fillerSpans(words: TimedText[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = bare(words[i].text);
    const span = { start: words[i].start, end: words[i].end };
    if (HESITATION.test(w)) spans.push(span);
    else if (w === 'like' && pauseBefore(words, i) && pauseBefore(words, i + 1)) spans.push(span);
    else if (
      w === 'you' &&
      bare(words[i + 1]?.text ?? '') === 'know' &&
      pauseBefore(words, i) &&
      pauseBefore(words, i + 2)
    ) {
      spans.push({ start: words[i].start, end: words[i + 1].end });
      i++;
    }
  }
  return spans;
}

/** Pauses between words longer than the threshold, less a breath on each side. */
export function silenceSpans(words: TimedText[], threshold: number): Span[] {
  const spans: Span[] = [];
  for (let i = 1; i < words.length; i++) {
    const gap = { start: words[i - 1].end, end: words[i].start };
    if (gap.end - gap.start > threshold)
      spans.push({ start: gap.start + BREATH_SEC, end: gap.end - BREATH_SEC });
  }
  return spans;
}

/**
 * Where to cut a clip of `duration` seconds whose words are on its own timeline: the spans to
 * keep, and the words moved onto the shortened timeline (fillers dropped). Captions and the crop
 * path follow from these; the renderer joins the kept spans.
 */
export function planCuts<W extends TimedText>(
  words: W[],
  duration: number,
  rules: CutRules,
): CutPlan<W> {
  const removed = [
    ...(rules.removeFillers ? fillerSpans(words) : []),
    ...(rules.removeSilences ? silenceSpans(words, rules.silenceThreshold) : []),
  ]
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(duration, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const keep: Span[] = [];
  let cursor = 0;
  for (const r of removed) {
    if (r.start - cursor >= MIN_KEEP_SEC) keep.push({ start: cursor, end: r.start });
    cursor = Math.max(cursor, r.end);
  }
  if (duration - cursor >= MIN_KEEP_SEC) keep.push({ start: cursor, end: duration });
  // A kept span starts on the cut timeline where the spans before it end.
  const offsets = keep.map((_, k) => keep.slice(0, k).reduce((t, x) => t + x.end - x.start, 0));
  const kept: W[] = [];
  for (const w of words) {
    const k = keep.findIndex((x) => w.start >= x.start - 1e-6 && w.start < x.end);
    if (k < 0) continue;
    const at = (t: number) =>
      offsets[k] + Math.min(Math.max(t, keep[k].start), keep[k].end) - keep[k].start;
    kept.push({ ...w, start: at(w.start), end: at(w.end) });
  }
  const keptSec = keep.reduce((s, x) => s + x.end - x.start, 0);
  return { keep, words: kept, removedSec: duration - keptSec };
}
