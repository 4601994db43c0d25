export interface WerResult {
  errors: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  referenceWords: number;
  wer: number;
}

/** Word error rate by Levenshtein alignment over word arrays (already normalised). */
export function wordErrorRate(reference: string[], hypothesis: string[]): WerResult {
  const n = reference.length;
  const m = hypothesis.length;
  // dp[j] holds [cost, subs, dels, ins] for the current row.
  let prev = Array.from({ length: m + 1 }, (_, j) => [j, 0, 0, j]);
  for (let i = 1; i <= n; i++) {
    const row = [[i, 0, i, 0]];
    for (let j = 1; j <= m; j++) {
      const same = reference[i - 1] === hypothesis[j - 1];
      const sub = prev[j - 1];
      const del = prev[j];
      const ins = row[j - 1];
      const options = [
        [sub[0] + (same ? 0 : 1), sub[1] + (same ? 0 : 1), sub[2], sub[3]],
        [del[0] + 1, del[1], del[2] + 1, del[3]],
        [ins[0] + 1, ins[1], ins[2], ins[3] + 1],
      ];
      row.push(options.reduce((best, o) => (o[0] < best[0] ? o : best)));
    }
    prev = row;
  }
  const [errors, substitutions, deletions, insertions] = prev[m];
  return {
    errors,
    substitutions,
    deletions,
    insertions,
    referenceWords: n,
    wer: n ? errors / n : m ? 1 : 0,
  };
}
