import type { Transcript, TranscriptSegment, TranscriptWord } from './transcript.types';

interface WhisperToken {
  text: string;
  offsets: { from: number; to: number };
  p: number;
  t_dtw?: number;
}

interface WhisperJson {
  result?: { language?: string };
  transcription?: {
    offsets: { from: number; to: number };
    text: string;
    tokens?: WhisperToken[];
  }[];
}

const isSpecial = (text: string) =>
  /^\[_[A-Z]+_?\d*\]$|^<\|.*\|>$/.test(text) || text.startsWith('[_');

/**
 * Builds words from whisper.cpp's token output (`-ojf`): a token that begins with a space starts
 * a new word; other tokens (sub-words, punctuation) extend the current one.
 */
export function wordsFromTokens(
  tokens: WhisperToken[],
  options: WordTimingOptions = {},
): TranscriptWord[] {
  const words: (TranscriptWord & { probs: number[] })[] = [];
  for (const token of tokens) {
    if (isSpecial(token.text) || token.text.includes('\uFFFD')) continue;
    const startsWord = token.text.startsWith(' ') || words.length === 0;
    // DTW times (centiseconds) follow the audio far better than the decoder's timestamp tokens.
    const dtw = options.useDtw && token.t_dtw !== undefined && token.t_dtw >= 0;
    const start = dtw
      ? Math.max(0, token.t_dtw! / 100 + (options.dtwShiftSec ?? 0))
      : token.offsets.from / 1000;
    const end = token.offsets.to / 1000;
    if (startsWord && token.text.trim()) {
      words.push({ text: token.text.trim(), start, end, confidence: 0, probs: [token.p] });
    } else if (words.length) {
      const w = words[words.length - 1];
      w.text += token.text.trim();
      w.end = Math.max(w.end, end);
      w.probs.push(token.p);
    }
  }
  const cleaned = dropNonSpeech(
    words.map(({ probs, ...w }) => ({
      ...w,
      confidence: Number((probs.reduce((a, b) => a + b, 0) / probs.length).toFixed(4)),
    })),
  );
  return orderTimes(cleaned);
}

/** Starts never go backwards; a word ends after it starts and before the next one starts. */
function orderTimes(words: TranscriptWord[]): TranscriptWord[] {
  for (let i = 1; i < words.length; i++)
    words[i].start = Math.max(words[i].start, words[i - 1].start);
  return words.map((w, i) => {
    const next = words[i + 1];
    const ceiling = next ? Math.max(next.start, w.start + 0.02) : Infinity;
    return { ...w, end: Math.min(Math.max(w.end, w.start + 0.05), ceiling) };
  });
}

export interface WordTimingOptions {
  useDtw?: boolean;
  /** Constant correction added to DTW times, calibrated on human word timings. */
  dtwShiftSec?: number;
}

const MUSIC_OR_SYMBOLS = /^[♪♫♬*#~\-–—.…]+$/u;

/**
 * Whisper writes sound annotations such as "(upbeat music)", "[Applause]" or "♪" as words;
 * they are not speech, so captions and clip selection must not see them.
 */
export function dropNonSpeech<T extends { text: string }>(words: T[]): T[] {
  const kept: T[] = [];
  let depth = 0;
  for (const w of words) {
    const opens = (w.text.match(/[([]/g) ?? []).length;
    const closes = (w.text.match(/[)\]]/g) ?? []).length;
    const startsInside = depth > 0 || /^[([]/.test(w.text);
    depth = Math.max(0, depth + opens - closes);
    if (startsInside || MUSIC_OR_SYMBOLS.test(w.text)) continue;
    kept.push({ ...w, text: w.text.replace(/[♪♫♬]/gu, '').trim() });
  }
  return kept.filter((w) => w.text);
}

export function parseWhisperJson(
  raw: string,
  meta: { engine: string; model: string; durationSec: number },
  timing: WordTimingOptions = {},
): Transcript {
  const data = JSON.parse(raw) as WhisperJson;
  const segments: TranscriptSegment[] = [];
  for (const seg of data.transcription ?? []) {
    const words = wordsFromTokens(seg.tokens ?? [], timing);
    if (!words.length) continue;
    segments.push({
      start: seg.offsets.from / 1000,
      end: seg.offsets.to / 1000,
      text: seg.text.trim(),
      words,
    });
  }
  return { ...meta, language: data.result?.language ?? 'unknown', segments };
}
