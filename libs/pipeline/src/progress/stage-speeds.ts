import { PipelineStage } from '@app/persistence';

/** Wall seconds each stage takes per second of source media. */
export type StageSpeeds = Record<PipelineStage, number>;

/**
 * Until this install has finished jobs of its own: the 10-minute end-to-end benchmark on a 2-core
 * laptop CPU (transcribe 270 s, render 34 s for five clips; the small stages rounded up).
 */
export const PRIOR_SPEEDS: StageSpeeds = {
  [PipelineStage.Probe]: 0.005,
  [PipelineStage.Transcribe]: 0.45,
  [PipelineStage.Select]: 0.01,
  [PipelineStage.Frame]: 0.01,
  [PipelineStage.Render]: 0.06,
  [PipelineStage.Publish]: 0.002,
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Speeds measured on recent completed jobs (the median per stage, robust to one cached transcript
 * or one odd job); a stage no job measured keeps its prior.
 */
export function measuredSpeeds(
  samples: { durationSec: number; stageTimings: Record<string, number> }[],
  prior: StageSpeeds = PRIOR_SPEEDS,
): StageSpeeds {
  const speeds = { ...prior };
  for (const stage of Object.values(PipelineStage)) {
    const seen = samples
      .filter((s) => s.durationSec > 0 && Number.isFinite(s.stageTimings[stage]))
      .map((s) => s.stageTimings[stage] / s.durationSec);
    if (seen.length) speeds[stage] = median(seen);
  }
  return speeds;
}
