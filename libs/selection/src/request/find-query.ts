import { normalizeToken } from '../text/tokens';

export interface QueryMatch {
  /** Word indices of the match, inclusive. */
  from: number;
  to: number;
  /** 1 = the words as said; lower for misheard or misremembered words. */
  similarity: number;
}

/** Below this the best stretch is not what the user meant. */
export const MIN_QUERY_SIMILARITY = 0.6;

/**
 * Where the transcript says the query, fuzzily: the stretch of words with the smallest word-level
 * edit distance to the query, where two words count as equal when they differ by at most one
 * letter (in words of four letters or more), so "colour"/"color" or a misheard ending still match.
 */
export function findQuery(words: { text: string }[], query: string): QueryMatch | null {
  const q = query.split(/\s+/).map(normalizeToken).filter(Boolean);
  if (!q.length) return null;
  const t = words.map((w) => normalizeToken(w.text));
  let best: QueryMatch | null = null;
  const slack = Math.max(1, Math.round(q.length * 0.25));
  for (let from = 0; from < t.length; from++) {
    if (!t[from] || (!close(t[from], q[0]) && !close(t[from], q[1] ?? ''))) continue;
    for (let len = Math.max(1, q.length - slack); len <= q.length + slack; len++) {
      if (from + len > t.length) break;
      const distance = tokenDistance(t.slice(from, from + len), q);
      const similarity = 1 - distance / Math.max(len, q.length);
      if (!best || similarity > best.similarity)
        best = { from, to: from + len - 1, similarity: Number(similarity.toFixed(3)) };
    }
  }
  return best && best.similarity >= MIN_QUERY_SIMILARITY ? best : null;
}

function tokenDistance(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        prev[j] + 1,
        row[j - 1] + 1,
        prev[j - 1] + (close(a[i - 1], b[j - 1]) ? 0 : 1),
      );
    prev = row;
  }
  return prev[b.length];
}

/** Equal, or one letter apart in a word long enough for that to be a slip. */
export function close(a: string, b: string): boolean {
  if (a === b) return true;
  if (!a || !b || Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1)
    return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return (
    a.slice(i + 1) === b.slice(i + 1) ||
    a.slice(i) === b.slice(i + 1) ||
    a.slice(i + 1) === b.slice(i)
  );
}
