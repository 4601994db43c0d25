import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { whisperConfig } from '@app/config';
import { extractAudio, resolveMediaBinaries, runProcess } from '@app/media';
import {
  createTranscriptionEngine,
  parseLrs2Timings,
  percentile,
  PocketSphinxAligner,
  transcriptWords,
  wordTimingErrors,
} from '@app/transcription';
import { corpusPath, describeWithCorpus } from '../support/corpus';

/** The PocketSphinx forced aligner (installed by `npm run setup`) on real speech. */
describeWithCorpus('forced word alignment', () => {
  const config = whisperConfig();
  const aligner = new PocketSphinxAligner({
    python: config.toolsPython,
    script: config.alignerScript,
  });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-align-test-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const lrs2 = parseLrs2Timings(fs.readFileSync(corpusPath('video/lrs2_00016.txt'), 'utf8'));
  let wav: string;

  beforeAll(async () => {
    wav = path.join(tmp, 'lrs2_00016.wav');
    await extractAudio(resolveMediaBinaries().ffmpeg, corpusPath('video/lrs2_00016.mp4'), wav);
  });

  it('is installed (run `npm run setup` otherwise) and speaks English only', async () => {
    await expect(aligner.isReady()).resolves.toBe(true);
    expect(aligner.supports('en')).toBe(true);
    expect(aligner.supports('de')).toBe(false);
  });

  it('places known words within a few frames of the human timings', async () => {
    const [words] = await aligner.align(wav, [
      { start: 0, end: 11.38, words: lrs2.map((w) => w.text) },
    ]);
    expect(words).not.toBeNull();
    const errors = words!.map((w, i) => Math.abs(w!.start - lrs2[i].start));
    expect(percentile(errors, 50)).toBeLessThan(0.04);
    expect(errors.filter((e) => e < 0.1).length).toBeGreaterThan(lrs2.length * 0.8);
    for (const w of words!) expect(w!.end).toBeGreaterThan(w!.start);
  }, 60_000);

  it('fails only the window whose words the audio does not hold', async () => {
    const firstHalf = lrs2.filter((w) => w.start < 5.6).map((w) => w.text);
    const [good, bad] = await aligner.align(wav, [
      { start: 0, end: 5.6, words: firstHalf },
      {
        start: 6.9,
        end: 11.38,
        words: ['But', "it's", 'not', 'right.', ...Array(40).fill('supercalifragilistic')],
      },
    ]);
    expect(good).toHaveLength(firstHalf.length);
    expect(bad).toBeNull();
  }, 60_000);

  it('invents pronunciations for words the dictionary lacks', async () => {
    const script = `
import json, sys
sys.path.insert(0, ${JSON.stringify(path.dirname(config.alignerScript))})
import pocketsphinx_align as a
al = a.Aligner()
print(json.dumps([al.pronounce(t) for t in ['remotion', 'whatsapp', "sheila's", 'hello']]))`;
    const { stdout } = await runProcess(config.toolsPython, ['-c', script]);
    expect(JSON.parse(stdout.trim())).toEqual([true, true, true, true]);
  }, 30_000);

  it('is cancelled with the job', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(
      aligner.align(wav, [{ start: 0, end: 5, words: ['hello'] }], { signal: abort.signal }),
    ).rejects.toMatchObject({ reason: 'aborted' });
  });

  it('gives the engine frame-accurate English word starts, and DTW when it is absent', async () => {
    const aligned = await createTranscriptionEngine(config).transcribe(wav, { language: 'en' });
    expect(aligned.wordTiming).toMatchObject({ method: 'forced-alignment:pocketsphinx-en-us' });
    expect(aligned.wordTiming!.alignedWords).toBeGreaterThan(aligned.wordTiming!.words * 0.9);
    const { startErrors, matched } = wordTimingErrors(lrs2, transcriptWords(aligned));
    expect(matched).toBeGreaterThan(lrs2.length * 0.8);
    expect(percentile(startErrors, 50)).toBeLessThan(0.06);
    expect(percentile(startErrors, 90)).toBeLessThan(0.3);

    const missing = createTranscriptionEngine(config, {
      aligner: new PocketSphinxAligner({
        python: '/nonexistent/python',
        script: config.alignerScript,
      }),
    });
    const fallback = await missing.transcribe(wav, { language: 'en' });
    expect(fallback.wordTiming).toMatchObject({ method: 'dtw', alignedWords: 0 });
    expect(transcriptWords(fallback).map((w) => w.text)).toEqual(
      transcriptWords(aligned).map((w) => w.text),
    );
  }, 180_000);
});
