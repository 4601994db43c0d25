import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ProcessFailedError } from '@app/media';
import { AsrProfile, Decoding, DECODING } from './asr-profile';
import {
  EnergyEnvelope,
  nearestOnset,
  levelGainDb,
  readEnergyEnvelope,
  voicedFraction,
} from './audio/energy-envelope';
import { alignTranscript } from './alignment/align-transcript';
import { startWordsOnSound } from './audio/start-on-sound';
import { WordAligner } from './alignment/word-aligner';
import { detectSpeechRegions } from './vad/detect-speech-regions';
import { VoiceActivityDetector } from './vad/voice-activity-detector';
import { coveredFraction, planChunks, TimeSpan } from './audio/speech-regions';
import { dropHallucinations } from './hallucination-filter';
import { ChunkTranscript, stitchChunks } from './stitch-chunks';
import { transcriptWarnings } from './transcript-warnings';
import { resolveModelPath } from './whisper-models';
import { DecodeRun, SpanDecoder } from './whisper-cli/span-decoder';
import { WhisperCliOptions, WhisperCliRunner } from './whisper-cli/whisper-cli.runner';
import {
  ModelNotInstalledError,
  TranscribeOptions,
  TranscriptionEngine,
  TranscriptionError,
} from './transcription.engine';
import type { Transcript, TranscriptSegment } from './transcript.types';

export interface WhisperCppOptions extends WhisperCliOptions {
  /** Default decoding; a request's `quality` overrides it. */
  profile?: AsrProfile;
  /** Overrides of the profile's decoding (benchmarks vary the beam). */
  decoding?: Partial<Decoding>;
  /** Longest stretch of audio given to one whisper.cpp run; chunks are cut in pauses. */
  maxChunkSec?: number;
  /**
   * Forced alignment of the recognised words (where it has a model for the language); DTW
   * timings are kept for words it cannot place.
   */
  aligner?: WordAligner | null;
  /** Finds the speech to send to Whisper; the energy envelope is the fallback. */
  vad?: VoiceActivityDetector | null;
}

/** Shares of the transcribe stage's progress: speech detection, then recognition, then alignment. */
const VAD_SHARE = 0.03;
const RECOGNITION_SHARE = 0.95;

/**
 * Whisper through whisper.cpp's CLI, one cancellable child process per chunk. Only the speech the
 * VAD finds is sent to Whisper, in chunks cut at pauses; speech Whisper skipped is decoded again
 * on its own; chunk transcripts are stitched on one timeline, looping or silent segments are
 * dropped, and words are placed in time by the forced aligner (DTW starts snapped to speech
 * onsets where it cannot).
 */
export class WhisperCppEngine extends TranscriptionEngine {
  readonly engineName = 'whisper.cpp';
  private readonly cli: WhisperCliRunner;
  private readonly spans: SpanDecoder;

  constructor(private readonly options: WhisperCppOptions) {
    super();
    this.cli = new WhisperCliRunner(options);
    this.spans = new SpanDecoder(this.cli, (language) => this.alignerServes(language));
  }

  get modelName(): string {
    return this.options.model;
  }

  /** The decoding a request gets: its `quality`, else the configured profile. */
  decodingFor(quality?: AsrProfile): Decoding {
    return { ...DECODING[quality ?? this.options.profile ?? 'accurate'], ...this.options.decoding };
  }

  /** Names the helpers that will actually run, so a fallback's transcript is not cached as theirs. */
  override async cacheTag(quality?: AsrProfile): Promise<string> {
    const { aligner, vad } = this.options;
    const timing = aligner && (await aligner.isReady()) ? `align:${aligner.name}` : 'dtw';
    const speech = vad && (await vad.isReady()) ? vad.name : 'energy';
    const d = this.decodingFor(quality);
    const decoding = `bs${d.beamSize}${d.dtw ? '' : '-fa'}`;
    return `${this.engineName}-${this.options.model}-${decoding}-${timing}-${speech}`;
  }

  async checkReady(): Promise<void> {
    try {
      await fs.access(this.options.binary, fs.constants.X_OK);
    } catch {
      throw new ModelNotInstalledError(
        `whisper.cpp binary not found at ${this.options.binary}: run \`npm run setup\``,
      );
    }
    resolveModelPath(this.options.modelsDir, this.options.model);
  }

  override async describeSetup(): Promise<{ summary: string; degraded: string[] }> {
    const { vad, aligner } = this.options;
    const degraded: string[] = [];
    if (vad && !(await vad.isReady()))
      degraded.push(`${vad.name} is not installed: energy VAD instead (music is not skipped)`);
    if (aligner && !(await aligner.isReady()))
      degraded.push(`${aligner.name} is not installed: word times from DTW instead`);
    const d = this.decodingFor();
    const parts = [
      `${this.engineName} ${this.options.model}`,
      `${this.options.profile ?? 'accurate'} (beam ${d.beamSize}${d.dtw ? ', DTW' : ', flash attention'})`,
      vad && !degraded.length ? vad.name : 'energy VAD',
      aligner ? `forced alignment (${aligner.name}) for English, DTW otherwise` : 'DTW word timing',
    ];
    return { summary: parts.join(', '), degraded };
  }

  /** The arguments of one run with the default decoding, so benchmarks can time the bare CLI. */
  commandFor(wavPath: string, language: string, outPrefix: string, quality?: AsrProfile): string[] {
    return this.cli.commandFor(wavPath, language, outPrefix, this.decodingFor(quality));
  }

  async transcribe(wavPath: string, opts: TranscribeOptions = {}): Promise<Transcript> {
    await this.checkReady();
    const workDir = await fs.mkdtemp(path.join(path.dirname(wavPath), '.asr-'));
    try {
      const env = await readEnergyEnvelope(wavPath);
      const durationSec = env.db.length * env.frameSec;
      // A low-gain recording is brought to an ordinary level for the models (VAD and Whisper:
      // both were trained on ordinary levels; Whisper's language detection misfires on whispers).
      const gainDb = levelGainDb(env);
      const speech = await detectSpeechRegions(this.options.vad, wavPath, env, {
        gainDb,
        signal: opts.signal,
        onProgress: (f) => opts.onProgress?.(VAD_SHARE * f),
      });
      const decoding = this.decodingFor(opts.quality);
      const run: DecodeRun = { wavPath, workDir, gainDb, decoding, signal: opts.signal };
      const chunks = planChunks(speech.regions, this.options.maxChunkSec ?? 600);
      const total = chunks.reduce((sum, c) => sum + (c.end - c.start), 0) || 1;
      let done = 0;
      let language = !opts.language || opts.language === 'auto' ? 'auto' : opts.language;
      const parts: ChunkTranscript[] = [];
      let dtwTimed = false;
      for (const [i, chunk] of chunks.entries()) {
        const part = await this.spans.decode(run, [chunk], language, `chunk-${i}`, (f) =>
          opts.onProgress?.(
            VAD_SHARE +
              (RECOGNITION_SHARE - VAD_SHARE) *
                Math.min(1, (done + f * (chunk.end - chunk.start)) / total),
          ),
        );
        // Keep the language the first chunk settled on, so captions do not switch mid-video.
        if (language === 'auto' && part.language !== 'unknown') language = part.language;
        dtwTimed ||= part.dtw;
        parts.push({ offset: chunk.start, durationSec: chunk.end - chunk.start, ...part });
        done += chunk.end - chunk.start;
      }
      const finalLanguage = language === 'auto' ? 'unknown' : language;
      const stitched = await this.spans.recoverUnheard(
        run,
        stitchChunks(parts),
        speech.regions,
        finalLanguage,
        durationSec,
      );
      opts.onProgress?.(RECOGNITION_SHARE);
      const refined = this.refine(stitched, env, speech.regions);
      const aligned = await alignTranscript(this.options.aligner, {
        wavPath: await this.spans.atOrdinaryLevel(run, durationSec),
        segments: refined,
        language: finalLanguage,
        durationSec,
        fallbackMethod: dtwTimed ? 'dtw' : 'tokens',
        signal: opts.signal,
      });
      const { wordTiming } = aligned;
      const segments = startWordsOnSound(aligned.segments, env);
      opts.onProgress?.(1);
      const speechSec = speech.regions.reduce((sum, r) => sum + r.end - r.start, 0);
      const words = segments.reduce((n, s) => n + s.words.length, 0);
      return {
        engine: this.engineName,
        model: this.options.model,
        language: finalLanguage,
        durationSec,
        speechDetection: speech.method,
        wordTiming,
        speechSec: Number(speechSec.toFixed(2)),
        warnings: transcriptWarnings(speechSec, words),
        segments,
      };
    } catch (err) {
      if (err instanceof ProcessFailedError && err.reason === 'aborted') throw err;
      if (err instanceof ModelNotInstalledError) throw err;
      throw new TranscriptionError(`whisper.cpp failed: ${(err as Error).message}`);
    } finally {
      await fs.rm(workDir, { recursive: true, force: true });
    }
  }

  private async alignerServes(language: string): Promise<boolean> {
    const { aligner } = this.options;
    return !!aligner && aligner.supports(language) && (await aligner.isReady());
  }

  /**
   * Snaps word starts to speech onsets, then drops looping or silent segments. Speech is what the
   * VAD found or what is loud against the whole recording: the second alone would count a quieter
   * second talker as silence.
   */
  private refine(
    segments: TranscriptSegment[],
    env: EnergyEnvelope,
    speech: TimeSpan[],
  ): TranscriptSegment[] {
    const snapped = segments.map((seg) => {
      const words = seg.words.map((w) => {
        const onset = nearestOnset(env, w.start);
        return onset === null ? w : { ...w, start: onset, end: Math.max(w.end, onset + 0.05) };
      });
      return { ...seg, start: Math.min(seg.start, words[0].start), words };
    });
    return dropHallucinations(snapped, {
      voicedFraction: (a, b) => Math.max(voicedFraction(env, a, b), coveredFraction(speech, a, b)),
    });
  }
}
