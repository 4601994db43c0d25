import type { ProgressEvent } from '@app/pipeline';

/** `1:05`, `12:40`, `1:02:03`. */
export function formatDuration(totalSec: number): string {
  const s = Math.max(0, Math.round(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** `[██████░░░░░░]  45%  transcribe  40%  ETA 1:23` (no ETA until one is known). */
export function progressLine(event: ProgressEvent, now = Date.now(), width = 24): string {
  const filled = Math.round((event.progress / 100) * width);
  const bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
  const eta = event.etaAt ? `  ETA ${formatDuration((event.etaAt.getTime() - now) / 1000)}` : '';
  const stage = `${event.stage.padEnd(10)} ${String(event.stageProgress).padStart(3)}%`;
  return `${bar} ${String(event.progress).padStart(3)}%  ${stage}${eta}`;
}

/**
 * Shows progress on stderr: one line redrawn in place on a terminal; in a log (not a TTY), a line
 * per stage and per 10 % so the log stays short.
 */
export class ProgressDisplay {
  private lastLogged = { stage: '', tens: -1 };
  private drawn = false;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  show(event: ProgressEvent): void {
    const line = progressLine(event);
    if (this.out.isTTY) {
      this.out.write(`\r${line}\x1b[K`);
      this.drawn = true;
      return;
    }
    const tens = Math.floor(event.progress / 10);
    if (event.stage === this.lastLogged.stage && tens === this.lastLogged.tens) return;
    this.lastLogged = { stage: event.stage, tens };
    this.out.write(`${line}\n`);
  }

  /** Ends the redrawn line so what follows starts on its own. */
  done(): void {
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
  }
}
