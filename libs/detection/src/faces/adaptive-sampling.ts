import { histogramDistance } from '../shots/shot-cuts';

export interface AdaptiveSamplingOptions {
  /** Every how many decoded samples faces are looked for while at most one face is in view. */
  sparseEvery: number;
  /** Seconds of looking at every sample after two or more faces were seen (who speaks?). */
  denseHoldSec: number;
  /** Histogram change that marks a possible cut: faces are looked for at once. */
  cutDistance: number;
}

const DEFAULTS: AdaptiveSamplingOptions = { sparseEvery: 3, denseHoldSec: 2, cutDistance: 0.25 };

/**
 * Decides which sampled frames get the (costly) face search. One face needs no lip reading, so
 * it is looked for a few times a second; with two or more faces in view every sample is examined,
 * for mouth motion; a sudden picture change is examined at once, so a new shot's faces are known
 * from its first frame. Histograms come from every sample, so cuts stay exact.
 */
export class AdaptiveSampler {
  private readonly o: AdaptiveSamplingOptions;
  private denseUntil = -Infinity;
  private previous: number[] | null = null;

  constructor(options: Partial<AdaptiveSamplingOptions> = {}) {
    this.o = { ...DEFAULTS, ...options };
  }

  /** Whether to search the frame at index/time with this histogram for faces. */
  examine(index: number, t: number, histogram: number[]): boolean {
    const cut =
      this.previous !== null && histogramDistance(this.previous, histogram) >= this.o.cutDistance;
    this.previous = histogram;
    return cut || t <= this.denseUntil || index % this.o.sparseEvery === 0;
  }

  /** Reports how many faces an examined frame held. */
  saw(t: number, faces: number): void {
    if (faces >= 2) this.denseUntil = t + this.o.denseHoldSec;
  }
}
