import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { whisperConfig } from '@app/config';
import { extractAudio, resolveMediaBinaries, runProcess } from '@app/media';
import {
  createTranscriptionEngine,
  parseLrs2Timings,
  parseStmSegmentStarts,
  SileroVad,
  TimeSpan,
  transcriptWords,
} from '@app/transcription';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { NON_SPEECH, synthesizeWav } from '../support/synthetic-audio';

/** Silero VAD (installed by `npm run setup`) on real speech and music. */
describeWithCorpus('voice activity detection', () => {
  const config = whisperConfig();
  const vad = new SileroVad({ python: config.toolsPython, script: config.vadScript });
  const { ffmpeg } = resolveMediaBinaries();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-vad-test-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const wavOf = async (rel: string) => {
    const wav = path.join(tmp, `${path.basename(rel)}.wav`);
    if (!fs.existsSync(wav)) await extractAudio(ffmpeg, corpusPath(rel), wav);
    return wav;
  };
  const inside = (t: number, regions: TimeSpan[]) =>
    regions.some((r) => t >= r.start && t <= r.end);

  it('is installed (run `npm run setup` otherwise)', async () => {
    await expect(vad.isReady()).resolves.toBe(true);
  });

  it('covers every word a person spoke', async () => {
    const lrs2 = parseLrs2Timings(fs.readFileSync(corpusPath('video/lrs2_00016.txt'), 'utf8'));
    const regions = await vad.detect(await wavOf('video/lrs2_00016.mp4'));
    for (const w of lrs2)
      expect({ word: w.text, inside: inside(w.start, regions) }).toEqual({
        word: w.text,
        inside: true,
      });
    // The phone call: each utterance start, and nothing before the first one (6.7 s of line noise).
    const stm = parseStmSegmentStarts(
      fs.readFileSync(corpusPath('speech/pyannote_sample.stm'), 'utf8'),
    ).filter((w) => !w.untimed);
    const call = await vad.detect(await wavOf('speech/pyannote_sample.wav'));
    for (const u of stm) expect(inside(u.start + 0.1, call)).toBe(true);
    expect(call[0].start).toBeGreaterThan(5);
  }, 60_000);

  it('finds no speech in music, a tone or noise, and reports progress', async () => {
    const progress: number[] = [];
    const music = await vad.detect(await wavOf('video/liveportrait_s18_16x9.mp4'), {
      onProgress: (f) => progress.push(f),
    });
    expect(music).toEqual([]);
    expect(progress.length).toBeGreaterThan(1);
    for (const name of ['tone', 'noise'] as const) {
      const wav = await synthesizeWav(ffmpeg, NON_SPEECH[name], 20, path.join(tmp, `${name}.wav`));
      expect({ name, regions: await vad.detect(wav) }).toEqual({ name, regions: [] });
    }
  }, 60_000);

  it('bridges short pauses, ends speech after a real silence and pads each region', async () => {
    const script = `
import json, sys
sys.path.insert(0, ${JSON.stringify(path.dirname(config.vadScript))})
import detect_speech as d
step = 0.032
probs = [0.0] * 30 + [0.9] * 40 + [0.2] * 5 + [0.9] * 40 + [0.1] * 40 + [0.9] * 3 + [0.0] * 30
print(json.dumps(d.regions(((i * step, p) for i, p in enumerate(probs)), len(probs) * step)))`;
    const { stdout } = await runProcess(config.toolsPython, ['-c', script]);
    const regions = JSON.parse(stdout) as TimeSpan[];
    // One region: the 0.16 s dip is bridged; the 96 ms blip after the long silence is too short.
    expect(regions).toHaveLength(1);
    expect(regions[0].start).toBeCloseTo(30 * 0.032 - 0.2, 2);
    expect(regions[0].end).toBeCloseTo(115 * 0.032 + 0.2, 2);
  });

  it('is cancelled with the job', async () => {
    const abort = new AbortController();
    const run = vad.detect(await wavOf('speech/resemblyzer_hotones_interview.mp3'), {
      signal: abort.signal,
    });
    setTimeout(() => abort.abort(), 200);
    await expect(run).rejects.toMatchObject({ reason: 'aborted' });
  });

  it('keeps music away from Whisper, and falls back to energy when the model is absent', async () => {
    const engine = createTranscriptionEngine(config);
    const music = await engine.transcribe(await wavOf('video/liveportrait_s18_16x9.mp4'));
    expect(music.speechDetection).toBe('silero-vad');
    expect(transcriptWords(music)).toEqual([]);

    const noVad = createTranscriptionEngine(config, {
      vad: new SileroVad({ python: '/nonexistent/python', script: config.vadScript }),
    });
    const speech = await noVad.transcribe(await wavOf('video/lrs2_00016.mp4'), { language: 'en' });
    expect(speech.speechDetection).toBe('energy');
    // The worker logs this at start-up, so a degraded install is visible before a job runs.
    await expect(engine.describeSetup()).resolves.toEqual({
      summary: expect.stringContaining('silero-vad'),
      degraded: [],
    });
    // A fallback's transcript is cached under the fallback's name, not the model's.
    expect(await engine.cacheTag()).toMatch(/-silero-vad$/);
    expect(await noVad.cacheTag()).toMatch(/-energy$/);
    await expect(noVad.describeSetup()).resolves.toMatchObject({
      degraded: [expect.stringContaining('silero-vad is not installed')],
    });
    expect(transcriptWords(speech).length).toBeGreaterThan(30);
  }, 120_000);
});
