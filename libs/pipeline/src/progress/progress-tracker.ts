import { PipelineStage } from '@app/persistence';
import type { EtaEstimator } from './eta-estimator';

/** Share of the whole job each stage accounts for (sums to 100). */
export const STAGE_WEIGHTS: Record<PipelineStage, number> = {
  [PipelineStage.Probe]: 5,
  [PipelineStage.Transcribe]: 45,
  [PipelineStage.Select]: 2,
  [PipelineStage.Frame]: 3,
  [PipelineStage.Render]: 40,
  [PipelineStage.Publish]: 5,
};

const ORDER = Object.values(PipelineStage);

export interface ProgressEvent {
  stage: PipelineStage;
  /** 0–100 over the whole job. */
  progress: number;
  /** 0–100 within `stage`. */
  stageProgress: number;
  /** When the job should end; null without an estimator. */
  etaAt: Date | null;
}

/** Overall percent for `fraction` (0–1) done of `stage`. */
export function overallProgress(stage: PipelineStage, fraction: number): number {
  const before = ORDER.slice(0, ORDER.indexOf(stage)).reduce((sum, s) => sum + STAGE_WEIGHTS[s], 0);
  return Math.min(
    100,
    Math.floor(before + STAGE_WEIGHTS[stage] * Math.max(0, Math.min(1, fraction))),
  );
}

/**
 * Turns stage fractions into whole-job percentages and forwards them, at most once per
 * `minIntervalMs` unless the stage changes, so a chatty ffmpeg does not hammer the database.
 */
export class ProgressTracker {
  private last: ProgressEvent | null = null;
  private lastAt = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly sink: (event: ProgressEvent) => Promise<void>,
    private readonly minIntervalMs = 1000,
    private readonly estimator: EtaEstimator | null = null,
  ) {}

  report(stage: PipelineStage, fraction: number): void {
    const stageChanged = this.last?.stage !== stage;
    // A stage may restart its own count (a re-run chunk); users must never see progress go back.
    const progress = overallProgress(stage, fraction);
    const stageProgress = Math.floor(100 * Math.max(0, Math.min(1, fraction)));
    const etaAt = this.estimator?.etaAt(stage, fraction) ?? null;
    const event: ProgressEvent = stageChanged
      ? { stage, progress, stageProgress, etaAt }
      : {
          stage,
          progress: Math.max(progress, this.last!.progress),
          stageProgress: Math.max(stageProgress, this.last!.stageProgress),
          etaAt,
        };
    const now = Date.now();
    const moved =
      event.progress !== this.last?.progress || event.stageProgress !== this.last?.stageProgress;
    if (!stageChanged && (!moved || now - this.lastAt < this.minIntervalMs)) return;
    this.last = event;
    this.lastAt = now;
    this.pending = this.pending.then(() => this.sink(event)).catch(() => undefined);
  }

  /** Waits for queued progress writes. */
  flush(): Promise<void> {
    return this.pending;
  }
}
