import type { TimedToken } from './word-alignment';

/** LRS2 `WORD START END ASDSCORE` lines (seconds). */
export function parseLrs2Timings(text: string): TimedToken[] {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => l.startsWith('WORD START END'));
  return lines
    .slice(header + 1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 3 && !Number.isNaN(Number(f[1])))
    .map(([word, start, end]) => ({ text: word, start: Number(start), end: Number(end) }));
}

/** GRID `.align` lines: `START END WORD` in 1/25000 s; `sil` is silence. */
export function parseGridAlign(text: string): TimedToken[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length === 3 && f[2] !== 'sil' && f[2] !== 'sp')
    .map(([start, end, word]) => ({
      text: word,
      start: Number(start) / 25000,
      end: Number(end) / 25000,
    }));
}

/**
 * STM segments give times only per utterance: the first word of each is timed at the utterance
 * start (the one word time an STM pins down); the other words are kept, untimed, so that the
 * whole text is aligned with the hypothesis and each first word is matched in its context.
 */
export function parseStmSegmentStarts(text: string): TimedToken[] {
  return text
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith(';;'))
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 6)
    .flatMap((f) =>
      f.slice(5).map((word, i) => ({
        text: word,
        start: Number(f[3]),
        ...(i === 0 ? { end: Number(f[4]) } : { untimed: true }),
      })),
    );
}
