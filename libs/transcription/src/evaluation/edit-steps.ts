/** One step of a minimum-edit alignment of reference words to transcript words. */
export type EditStep = 'match' | 'sub' | 'del' | 'ins';

/**
 * The Levenshtein path over two word lists, shared by the retention measure and the word-timing
 * alignment. Memory grows with the product of the lengths, in typed arrays: ten minutes of speech
 * (~1,500 words a side) takes ~9 MB. Ties prefer the diagonal, then a deletion.
 */
export function editSteps(ref: string[], hyp: string[]): EditStep[] {
  const n = ref.length;
  const m = hyp.length;
  const cost = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let j = 0; j <= m; j++) cost[0][j] = j;
  for (let i = 1; i <= n; i++) {
    cost[i][0] = i;
    for (let j = 1; j <= m; j++) {
      const diag = cost[i - 1][j - 1] + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
      cost[i][j] = Math.min(diag, cost[i - 1][j] + 1, cost[i][j - 1] + 1);
    }
  }
  const steps: EditStep[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && cost[i][j] === cost[i - 1][j - 1] + (ref[i - 1] === hyp[j - 1] ? 0 : 1)) {
      steps.push(ref[i - 1] === hyp[j - 1] ? 'match' : 'sub');
      i--;
      j--;
    } else if (i > 0 && cost[i][j] === cost[i - 1][j] + 1) {
      steps.push('del');
      i--;
    } else {
      steps.push('ins');
      j--;
    }
  }
  return steps.reverse();
}
