import type { AudioProfile } from '../selection.types';

/** Frames quieter than this are pauses or room noise, not delivery. */
const SPEECH_FLOOR_DB = -50;

/** Prefix sums over the loudness frames, so that the level spread of any span costs O(1). */
export class LevelStats {
  private readonly count: Float64Array;
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;

  constructor(private readonly profile: AudioProfile) {
    const n = profile.levelsDb.length;
    this.count = new Float64Array(n + 1);
    this.sum = new Float64Array(n + 1);
    this.sumSq = new Float64Array(n + 1);
    profile.levelsDb.forEach((db, i) => {
      const voiced = db > SPEECH_FLOOR_DB ? 1 : 0;
      this.count[i + 1] = this.count[i] + voiced;
      this.sum[i + 1] = this.sum[i] + voiced * db;
      this.sumSq[i + 1] = this.sumSq[i] + voiced * db * db;
    });
  }

  /** Standard deviation (dB) of the voiced frames between two times; null without enough of them. */
  spreadDb(start: number, end: number): number | null {
    const n = this.profile.levelsDb.length;
    const a = Math.max(0, Math.min(n, Math.floor(start / this.profile.frameSec)));
    const b = Math.max(a, Math.min(n, Math.ceil(end / this.profile.frameSec)));
    const count = this.count[b] - this.count[a];
    if (count < 4) return null;
    const mean = (this.sum[b] - this.sum[a]) / count;
    return Math.sqrt(Math.max(0, (this.sumSq[b] - this.sumSq[a]) / count - mean * mean));
  }
}
