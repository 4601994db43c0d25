import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { whisperConfig } from '@app/config';
import { extractAudio, resolveMediaBinaries } from '@app/media';
import {
  normalizeForWer,
  transcriptWords,
  WhisperCppEngine,
  wordErrorRate,
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

  it('explains how to install a model that is missing', async () => {
    const missing = new WhisperCppEngine({ ...config, model: 'no-such-model' });
    await expect(missing.checkReady()).rejects.toMatchObject({
      code: 'ASR_MODEL_MISSING',
      message: expect.stringContaining('npm run setup'),
    });
  });
});
