import { PipelineStage } from '@app/persistence';

/** Wall seconds each stage takes per second of source media, beyond its fixed overhead. */
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

/**
 * Fixed time a stage takes whatever the length (loading models, starting ffmpeg, one clip's
 * encode): without it a short video's speeds say a long one takes hours. Measured on 11-second
 * inputs, whose time is almost all overhead.
 */
export const STAGE_OVERHEAD_SEC: StageSpeeds = {
  [PipelineStage.Probe]: 0.2,
  [PipelineStage.Transcribe]: 5,
  [PipelineStage.Select]: 0.7,
  [PipelineStage.Frame]: 1,
  [PipelineStage.Render]: 6,
  [PipelineStage.Publish]: 0.2,
};

/** Seconds `stage` should take on `mediaSec` of source. */
export const expectedSeconds = (speeds: StageSpeeds, stage: PipelineStage, mediaSec: number) =>
  STAGE_OVERHEAD_SEC[stage] + speeds[stage] * mediaSec;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Speeds measured on recent completed jobs, overhead taken off (the median per stage, robust to
 * one cached transcript or one odd job); a stage no job measured keeps its prior.
 */
export function measuredSpeeds(
  samples: { durationSec: number; stageTimings: Record<string, number> }[],
  prior: StageSpeeds = PRIOR_SPEEDS,
): StageSpeeds {
  const speeds = { ...prior };
  for (const stage of Object.values(PipelineStage)) {
    const seen = samples
      .filter((s) => s.durationSec > 0 && Number.isFinite(s.stageTimings[stage]))
      .map((s) => Math.max(0, s.stageTimings[stage] - STAGE_OVERHEAD_SEC[stage]) / s.durationSec);
    if (seen.length) speeds[stage] = median(seen);
  }
  return speeds;
}
