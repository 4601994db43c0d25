export type Vector = ArrayLike<number>;

export function dot(a: Vector, b: Vector): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function cosine(a: Vector, b: Vector): number {
  const d = Math.sqrt(dot(a, a) * dot(b, b));
  return d > 0 ? dot(a, b) / d : 0;
}

export function unit(v: Vector): Float64Array {
  const out = Float64Array.from(v);
  const n = Math.sqrt(dot(out, out));
  if (n > 0) for (let i = 0; i < out.length; i++) out[i] /= n;
  return out;
}

/** Sum of the given vectors (pooling; cosine does not care about the scale). */
export function sumOf(vectors: Vector[], dims = vectors[0]?.length ?? 0): Float64Array {
  const out = new Float64Array(dims);
  for (const v of vectors) for (let i = 0; i < dims; i++) out[i] += v[i];
  return out;
}

/**
 * Running sums of unit vectors, so that any run of sentences gets its pooled vector and its
 * coherence in O(dims) instead of O(run × dims): the backbone of scoring thousands of candidates.
 */
export class PrefixSums {
  private readonly sums: Float64Array[];

  constructor(
    unitVectors: Vector[],
    private readonly dims = unitVectors[0]?.length ?? 0,
  ) {
    this.sums = [new Float64Array(dims)];
    for (const v of unitVectors) {
      const next = Float64Array.from(this.sums[this.sums.length - 1]);
      for (let i = 0; i < dims; i++) next[i] += v[i];
      this.sums.push(next);
    }
  }

  /** Pooled vector of items [from, to). */
  pooled(from: number, to: number): Float64Array {
    const out = new Float64Array(this.dims);
    const a = this.sums[from];
    const b = this.sums[to];
    for (let i = 0; i < this.dims; i++) out[i] = b[i] - a[i];
    return out;
  }

  /**
   * Mean pairwise cosine of the unit vectors [from, to): from |Σu|² = m + Σ_{i≠j} uᵢ·uⱼ.
   * 1 for a single item (nothing to disagree with).
   */
  coherence(from: number, to: number): number {
    const m = to - from;
    if (m < 2) return 1;
    const a = this.sums[from];
    const b = this.sums[to];
    let squared = 0;
    for (let i = 0; i < this.dims; i++) squared += (b[i] - a[i]) ** 2;
    return (squared - m) / (m * (m - 1));
  }
}
