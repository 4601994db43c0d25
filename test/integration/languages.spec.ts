import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { whisperConfig } from '@app/config';
import { extractAudio, resolveMediaBinaries, runProcess } from '@app/media';
import { createTranscriptionEngine, normalizeForWer, transcriptWords } from '@app/transcription';

/**
 * The corpus holds English speech only, so other languages are spoken by espeak-ng (installed by
 * `scripts/test.sh`): robotic, but real audio that Whisper has never seen as text.
 */
const hasEspeak = (() => {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const describeWithEspeak = hasEspeak
  ? describe
  : (((name: string, fn: () => void) =>
      describe.skip(`${name} (skipped: espeak-ng is not installed)`, fn)) as jest.Describe);

const SPEECH = {
  de: 'Guten Morgen. Heute sprechen wir über das Wetter in Berlin. Es regnet seit drei Tagen, aber morgen soll die Sonne scheinen.',
  es: 'Buenos días. Hoy vamos a hablar del tiempo en Madrid. Llueve desde hace tres días, pero mañana saldrá el sol.',
};

describeWithEspeak('non-English speech', () => {
  const engine = createTranscriptionEngine(whisperConfig());
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-lang-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const speak = async (language: keyof typeof SPEECH) => {
    const wav = path.join(tmp, `${language}.wav`);
    await runProcess('espeak-ng', ['-v', language, '-s', '150', '-w', wav, SPEECH[language]]);
    // espeak writes 22.05 kHz; the engine takes what the pipeline extracts: 16 kHz mono.
    const out = path.join(tmp, `${language}-16k.wav`);
    await extractAudio(resolveMediaBinaries().ffmpeg, wav, out);
    return out;
  };

  it.each(['de', 'es'] as const)(
    'detects %s and transcribes it in that language (captions stay in the spoken language)',
    async (language) => {
      const transcript = await engine.transcribe(await speak(language), { language: 'auto' });
      expect(transcript.language).toBe(language);
      const heard = new Set(
        normalizeForWer(
          transcriptWords(transcript)
            .map((w) => w.text)
            .join(' '),
        ),
      );
      const said = normalizeForWer(SPEECH[language]);
      expect(said.filter((w) => heard.has(w)).length).toBeGreaterThan(said.length * 0.4);
      // The aligner's acoustic model is English: other languages keep Whisper's DTW timings.
      expect(transcript.wordTiming).toMatchObject({ method: 'dtw', alignedWords: 0 });
    },
    120_000,
  );

  it('keeps a language given explicitly', async () => {
    const transcript = await engine.transcribe(await speak('es'), { language: 'es' });
    expect(transcript.language).toBe('es');
    expect(
      transcriptWords(transcript)
        .map((w) => w.text)
        .join(' '),
    ).toMatch(/Madrid/);
  }, 120_000);
});
