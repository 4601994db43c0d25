import { PipelineStage } from '@app/persistence';
import { expectedSeconds, StageSpeeds } from './stage-speeds';

const ORDER = Object.values(PipelineStage);

/** Below this share of a stage its own pace is too noisy to extrapolate from. */
const TRUST_PACE_FROM = 0.1;

/**
 * When a running job should end: the current stage from its own pace once it is far enough in
 * (else from the measured speed), plus the stages after it at their measured speeds.
 */
export class EtaEstimator {
  private stage: PipelineStage | null = null;
  private stageStartedAt = 0;

  constructor(
    private readonly speeds: StageSpeeds,
    private readonly mediaSec: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds left; `fraction` is how much of `stage` is done (0–1). */
  remainingSec(stage: PipelineStage, fraction: number): number {
    const t = this.now();
    if (stage !== this.stage) {
      this.stage = stage;
      this.stageStartedAt = t;
    }
    const f = Math.max(0, Math.min(1, fraction));
    const elapsed = (t - this.stageStartedAt) / 1000;
    const expected = expectedSeconds(this.speeds, stage, this.mediaSec);
    const current =
      f >= TRUST_PACE_FROM ? (elapsed * (1 - f)) / f : Math.max(0, expected * (1 - f) - elapsed);
    const later = ORDER.slice(ORDER.indexOf(stage) + 1).reduce(
      (sum, s) => sum + expectedSeconds(this.speeds, s, this.mediaSec),
      0,
    );
    return Math.max(0, current + later);
  }

  /** The moment the job should end. */
  etaAt(stage: PipelineStage, fraction: number): Date {
    return new Date(this.now() + this.remainingSec(stage, fraction) * 1000);
  }
}
