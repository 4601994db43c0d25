import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  levelGainDb,
  nearestOnset,
  readEnergyEnvelope,
  envelopeLevels,
  voicedFraction,
} from './energy-envelope';
import { sliceWav } from './slice-wav';
import { coveredFraction, planChunks, speechRegions } from './speech-regions';

/** Writes a 16 kHz mono WAV: silence with 440 Hz tone bursts at the given [start, end) seconds. */
function toneWav(file: string, seconds: number, bursts: [number, number][]): void {
  const samples = Math.round(seconds * 16000);
  const data = Buffer.alloc(44 + samples * 2);
  data.write('RIFF', 0);
  data.writeUInt32LE(36 + samples * 2, 4);
  data.write('WAVEfmt ', 8);
  data.writeUInt32LE(16, 16);
  data.writeUInt16LE(1, 20);
  data.writeUInt16LE(1, 22);
  data.writeUInt32LE(16000, 24);
  data.writeUInt32LE(32000, 28);
  data.writeUInt16LE(2, 32);
  data.writeUInt16LE(16, 34);
  data.write('data', 36);
  data.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const t = i / 16000;
    const loud = bursts.some(([a, b]) => t >= a && t < b);
    const noise = (Math.random() - 0.5) * 0.002;
    data.writeInt16LE(
      Math.round((noise + (loud ? 0.3 * Math.sin(2 * Math.PI * 440 * t) : 0)) * 32767),
      44 + i * 2,
    );
  }
  fs.writeFileSync(file, data);
}

describe('energy envelope and speech regions', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-energy-'));
  const wav = path.join(dir, 'bursts.wav');
  beforeAll(() =>
    toneWav(wav, 12, [
      [1, 3],
      [3.2, 4],
      [8, 9.5],
    ]),
  );
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds loud spans, bridging short gaps', async () => {
    const env = await readEnergyEnvelope(wav);
    expect(env.db.length).toBe(1200);
    const regions = speechRegions(env, 0.5, 0);
    expect(regions).toHaveLength(2);
    expect(regions[0].start).toBeCloseTo(1, 1);
    expect(regions[0].end).toBeCloseTo(4, 1);
    expect(regions[1].start).toBeCloseTo(8, 1);
    expect(voicedFraction(env, 5, 7.5)).toBe(0);
    expect(voicedFraction(env, 1.2, 2.8)).toBe(1);
  });

  it('snaps to the nearest onset after quiet, and to nothing inside running sound', async () => {
    const env = await readEnergyEnvelope(wav);
    expect(nearestOnset(env, 8.1)).toBeCloseTo(8, 1);
    expect(nearestOnset(env, 2)).toBeNull();
  });

  it('plans chunks that skip long silences and respect the size limit', () => {
    expect(
      planChunks(
        [
          { start: 0, end: 4 },
          { start: 5, end: 9 },
          { start: 30, end: 40 },
        ],
        600,
        2,
      ),
    ).toEqual([
      { start: 0, end: 9 },
      { start: 30, end: 40 },
    ]);
    expect(planChunks([{ start: 0, end: 250 }], 100)).toEqual([
      { start: 0, end: 100 },
      { start: 100, end: 200 },
      { start: 200, end: 250 },
    ]);
  });
});

describe('level independence', () => {
  /** 10 ms frames: `quiet` share at the noise floor, the rest at the speech level. */
  const frames = (noiseDb: number, speechDb: number, quiet = 0.4) =>
    Float32Array.from({ length: 1000 }, (_, i) => (i < 1000 * quiet ? noiseDb : speechDb));

  it('places the speech threshold relative to the recording, however quiet it is', () => {
    // A low-gain microphone: speech at -55 dBFS over a -80 dBFS floor; before, the threshold
    // never went below -55 dBFS and all of this speech counted as silence.
    const quiet = envelopeLevels(frames(-80, -55)).thresholdDb;
    expect(quiet).toBeGreaterThan(-80);
    expect(quiet).toBeLessThan(-55);
    expect(envelopeLevels(frames(-60, -20)).thresholdDb).toBeCloseTo(-45, 0);
  });

  it('does not let hiss count as speech over digital silence', () => {
    // Floor at -100 (digital zero between words): the threshold stays within 40 dB of speech.
    expect(envelopeLevels(frames(-100, -30)).thresholdDb).toBeGreaterThanOrEqual(-70);
  });

  it('amplifies a slice by the gain asked, clipping at full scale', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-gain-'));
    const source = path.join(dir, 'tone.wav');
    toneWav(source, 1, [[0, 1]]);
    const peak = (file: string) => {
      const data = fs.readFileSync(file).subarray(44);
      let max = 0;
      for (let i = 0; i + 1 < data.length; i += 2)
        max = Math.max(max, Math.abs(data.readInt16LE(i)));
      return max;
    };
    await sliceWav(source, { start: 0.25, end: 0.75 }, path.join(dir, 'same.wav'));
    await sliceWav(source, { start: 0.25, end: 0.75 }, path.join(dir, 'x2.wav'), 6.0206);
    await sliceWav(source, { start: 0.25, end: 0.75 }, path.join(dir, 'clip.wav'), 20);
    expect(fs.statSync(path.join(dir, 'x2.wav')).size).toBe(44 + 8000 * 2);
    expect(peak(path.join(dir, 'x2.wav')) / peak(path.join(dir, 'same.wav'))).toBeCloseTo(2, 1);
    expect(peak(path.join(dir, 'clip.wav'))).toBeGreaterThanOrEqual(32767);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('asks for gain only for low-gain recordings, and then up to an ordinary level', () => {
    const env = (db: Float32Array) => ({ frameSec: 0.01, db, ...envelopeLevels(db) });
    expect(levelGainDb(env(frames(-60, -15)))).toBe(0);
    // A quiet but ordinary recording (a phone call at -27 dBFS) is left as it is.
    expect(levelGainDb(env(frames(-70, -27)))).toBe(0);
    expect(levelGainDb(env(frames(-85, -55)))).toBe(41);
    expect(levelGainDb(env(frames(-120, -100)))).toBe(45);
  });
});

describe('coveredFraction', () => {
  it('measures a quieter talker by the speech regions, not by loudness', () => {
    const regions = [
      { start: 1, end: 2 },
      { start: 3, end: 5 },
    ];
    expect(coveredFraction(regions, 0, 4)).toBeCloseTo(0.5);
    expect(coveredFraction(regions, 3.5, 4.5)).toBeCloseTo(1);
    expect(coveredFraction(regions, 5, 9)).toBe(0);
    expect(coveredFraction(regions, 2, 2)).toBe(0);
  });
});
