import type { JobEntity, JobRepository } from '@app/persistence';
import { EtaEstimator } from './eta-estimator';
import { ProgressEvent, ProgressTracker } from './progress-tracker';
import { measuredSpeeds } from './stage-speeds';

/** How many recent completed jobs the stage speeds are measured on. */
const SPEED_SAMPLE = 20;

/**
 * The progress of one run, written to its job row (stage, percentages, estimated end) and passed
 * on to `listener`. Speeds come from this install's latest completed jobs.
 */
export async function trackJobProgress(
  jobs: JobRepository,
  job: JobEntity | null,
  jobId: string,
  listener?: (event: ProgressEvent) => void,
): Promise<ProgressTracker> {
  const mediaSec = job?.sourceMetadata?.durationSec ?? 0;
  const estimator = mediaSec
    ? new EtaEstimator(measuredSpeeds(await jobs.recentTimings(SPEED_SAMPLE)), mediaSec)
    : null;
  return new ProgressTracker(
    async (e) => {
      await jobs.update(jobId, {
        stage: e.stage,
        progress: e.progress,
        stageProgress: e.stageProgress,
        etaAt: e.etaAt,
      });
      listener?.(e);
    },
    1000,
    estimator,
  );
}
