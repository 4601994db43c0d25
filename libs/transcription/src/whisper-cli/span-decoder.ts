import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Decoding } from '../asr-profile';
import { joinWavSpans, sliceWav } from '../audio/slice-wav';
import type { TimeSpan } from '../audio/speech-regions';
import type { TranscriptSegment } from '../transcript.types';
import { insertSegments, planGapPieces, unheardSpeech, wordsInGaps } from '../unheard-speech';
import { ChunkResult, WhisperCliRunner } from './whisper-cli.runner';

/** One transcription's audio, scratch folder and decoding. */
export interface DecodeRun {
  wavPath: string;
  workDir: string;
  /** Gain that brings a quiet recording to an ordinary level (0: none). */
  gainDb: number;
  decoding: Decoding;
  signal?: AbortSignal;
}

/** Audio either side of a stretch Whisper skipped, given with it when it is decoded again. */
const GAP_CONTEXT_SEC = 3;
/** Between the pieces of skipped speech joined into one input: a pause Whisper cuts at. */
const GAP_SILENCE_SEC = 1;

/** Spans of a recording through the whisper.cpp CLI: chunks, and speech Whisper skipped. */
export class SpanDecoder {
  constructor(
    private readonly cli: WhisperCliRunner,
    /** Whether the forced aligner can time words of this language. */
    private readonly alignerServes: (language: string) => Promise<boolean>,
  ) {}

  /**
   * Spans through Whisper as one input (`silenceSec` between them). Without DTW (the fast
   * profile), audio in a language the aligner cannot time is decoded again with DTW: token
   * timestamps alone are too coarse for captions.
   */
  async decode(
    run: DecodeRun,
    spans: TimeSpan[],
    language: string,
    name: string,
    onProgress?: (f: number) => void,
    silenceSec = 0,
  ): Promise<ChunkResult> {
    const wav = path.join(run.workDir, `${name}.wav`);
    await joinWavSpans(run.wavPath, spans, wav, run.gainDb, silenceSec);
    try {
      const prefix = path.join(run.workDir, name);
      const opts = { signal: run.signal, onProgress };
      const part = await this.cli.run(wav, language, prefix, run.decoding, opts);
      if (part.dtw || !this.cli.canDtw() || (await this.alignerServes(part.language))) return part;
      return await this.cli.run(wav, part.language, prefix, { ...run.decoding, dtw: true }, opts);
    } finally {
      await fs.rm(wav, { force: true });
    }
  }

  /**
   * Speech the VAD found but Whisper wrote nothing for, decoded again with a few seconds either
   * side (alone, a second of speech invites "Thanks for watching"), all gaps in one run; only the
   * words inside the gaps are kept.
   */
  async recoverUnheard(
    run: DecodeRun,
    segments: TranscriptSegment[],
    regions: TimeSpan[],
    language: string,
    durationSec: number,
  ): Promise<TranscriptSegment[]> {
    const gaps = unheardSpeech(regions, segments);
    if (!gaps.length) return segments;
    const pieces = planGapPieces(gaps, durationSec, GAP_CONTEXT_SEC, GAP_SILENCE_SEC);
    const lang = language === 'unknown' ? 'auto' : language;
    const part = await this.decode(run, pieces, lang, 'gaps', undefined, GAP_SILENCE_SEC);
    const recovered = wordsInGaps(part.segments, pieces);
    return recovered.length ? insertSegments(segments, recovered) : segments;
  }

  /** The recording brought to an ordinary level (for the aligner, as for VAD and Whisper). */
  async atOrdinaryLevel(run: DecodeRun, durationSec: number): Promise<string> {
    if (run.gainDb <= 0) return run.wavPath;
    const louder = path.join(run.workDir, 'level.wav');
    await sliceWav(run.wavPath, { start: 0, end: durationSec }, louder, run.gainDb);
    return louder;
  }
}
