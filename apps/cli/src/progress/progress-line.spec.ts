import { PipelineStage } from '@app/persistence';
import { formatDuration, ProgressDisplay, progressLine } from './progress-line';

const event = (progress: number, stageProgress: number, etaAt: Date | null = null) => ({
  stage: PipelineStage.Transcribe,
  progress,
  stageProgress,
  etaAt,
});

describe('progress line', () => {
  it('formats durations', () => {
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(-4)).toBe('0:00');
  });

  it('draws the bar, both percentages and the ETA', () => {
    const line = progressLine(event(50, 40, new Date(100_000)), 17_000, 10);
    expect(line).toBe('[█████░░░░░]  50%  transcribe  40%  ETA 1:23');
    expect(progressLine(event(0, 0), 0, 4)).toBe('[░░░░]   0%  transcribe   0%');
  });

  it('writes a log line per stage and per 10 % when not on a terminal', () => {
    const lines: string[] = [];
    const out = {
      isTTY: false,
      write: (s: string) => lines.push(s),
    } as unknown as NodeJS.WriteStream;
    const display = new ProgressDisplay(out);
    for (const p of [5, 6, 8, 12, 13, 27]) display.show(event(p, p));
    expect(lines).toHaveLength(3);
  });
});
