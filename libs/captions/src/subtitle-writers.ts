import type { CaptionCue } from './caption.types';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function clock(seconds: number, msSeparator: string): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}${msSeparator}${pad(ms % 1000, 3)}`;
}

export function toSrt(cues: CaptionCue[]): string {
  return cues
    .map((c, i) => `${i + 1}\n${clock(c.start, ',')} --> ${clock(c.end, ',')}\n${c.text}\n`)
    .join('\n');
}

export function toVtt(cues: CaptionCue[]): string {
  const body = cues
    .map((c) => `${clock(c.start, '.')} --> ${clock(c.end, '.')}\n${c.text.replace(/-->/g, '→')}\n`)
    .join('\n');
  return `WEBVTT\n\n${body}`;
}
