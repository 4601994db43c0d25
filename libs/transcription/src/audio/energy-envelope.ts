import { createReadStream } from 'node:fs';

/** Frame energies of a 16 kHz mono 16-bit WAV, in dBFS, one per `frameSec`. */
export interface EnergyEnvelope {
  frameSec: number;
  db: Float32Array;
  /** Energy level separating speech from background for this recording. */
  thresholdDb: number;
  /** Level of the loud parts (95th percentile of frame energy). */
  loudDb: number;
}

const SAMPLE_RATE = 16000;
const WAV_HEADER_BYTES = 44;

/**
 * Streams the WAV once (memory stays flat: one float per 10 ms, 1.4 MB for an hour) and returns
 * its energy envelope with an adaptive speech threshold (noise floor + margin).
 */
export async function readEnergyEnvelope(
  wavPath: string,
  frameSec = 0.01,
): Promise<EnergyEnvelope> {
  const frameSamples = Math.round(SAMPLE_RATE * frameSec);
  const energies: number[] = [];
  let sum = 0;
  let count = 0;
  let carry: Buffer | null = null;
  for await (const raw of createReadStream(wavPath, {
    start: WAV_HEADER_BYTES,
    highWaterMark: 1 << 16,
  })) {
    let chunk = raw as Buffer;
    if (carry) {
      chunk = Buffer.concat([carry, chunk]);
      carry = null;
    }
    const usable = chunk.length - (chunk.length % 2);
    for (let i = 0; i < usable; i += 2) {
      const s = chunk.readInt16LE(i) / 32768;
      sum += s * s;
      if (++count === frameSamples) {
        energies.push(10 * Math.log10(sum / frameSamples + 1e-10));
        sum = 0;
        count = 0;
      }
    }
    if (usable < chunk.length) carry = chunk.subarray(usable);
  }
  const db = Float32Array.from(energies);
  return { frameSec, db, ...envelopeLevels(db) };
}

/**
 * Noise floor (10th percentile) plus 15 dB, measured against the recording itself, never against
 * an absolute level: speech from a low-gain microphone (peaks at -45 dBFS) is still speech. Two
 * bounds: at most 40 dB below the loud parts (95th percentile), so digital silence between words
 * does not make hiss count as speech, and never above -25 dBFS.
 */
export function envelopeLevels(db: Float32Array): { thresholdDb: number; loudDb: number } {
  if (!db.length) return { thresholdDb: -40, loudDb: -40 };
  const sorted = Float32Array.from(db).sort();
  const floor = sorted[Math.floor(sorted.length * 0.1)];
  const loudDb = sorted[Math.floor(sorted.length * 0.95)];
  return { thresholdDb: Math.min(-25, Math.max(floor + 15, loudDb - 40)), loudDb };
}

/**
 * Gain in dB for a low-gain recording: when its loud parts (95th percentile of frame energy) sit
 * below `quietBelowDb`, the gain that brings them to `targetDb` (at most `maxGainDb`); else none.
 * Whisper's log-mel input is not level-invariant, so the target is where ordinary speech
 * recordings sit (the corpus: -22 to -10 dBFS), while recordings already at an ordinary level
 * are left exactly as they are (lifting them changed what Whisper heard in them).
 */
export function levelGainDb(
  env: EnergyEnvelope,
  { quietBelowDb = -30, targetDb = -14, maxGainDb = 45 } = {},
): number {
  if (!env.db.length || env.loudDb >= quietBelowDb) return 0;
  return Math.round(Math.min(maxGainDb, targetDb - env.loudDb) * 10) / 10;
}

/** Share of frames in [start, end) louder than the speech threshold. */
export function voicedFraction(env: EnergyEnvelope, start: number, end: number): number {
  const a = Math.max(0, Math.floor(start / env.frameSec));
  const b = Math.min(env.db.length, Math.ceil(end / env.frameSec));
  if (b <= a) return 0;
  let voiced = 0;
  for (let i = a; i < b; i++) if (env.db[i] > env.thresholdDb) voiced++;
  return voiced / (b - a);
}

/**
 * The speech onset nearest to `t` within the window: the first loud frame after at least
 * `quietSec` of quiet frames. Null when there is none (the word starts in running speech).
 */
export function nearestOnset(
  env: EnergyEnvelope,
  t: number,
  before = 0.2,
  after = 0.12,
  quietSec = 0.06,
): number | null {
  const quiet = Math.round(quietSec / env.frameSec);
  const from = Math.max(quiet, Math.floor((t - before) / env.frameSec));
  const to = Math.min(env.db.length - 1, Math.ceil((t + after) / env.frameSec));
  let best: number | null = null;
  for (let i = from; i <= to; i++) {
    if (env.db[i] <= env.thresholdDb) continue;
    let silentBefore = true;
    for (let k = i - quiet; k < i; k++) if (env.db[k] > env.thresholdDb) silentBefore = false;
    if (!silentBefore) continue;
    const onset = i * env.frameSec;
    if (best === null || Math.abs(onset - t) < Math.abs(best - t)) best = onset;
  }
  return best;
}
