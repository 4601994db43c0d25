import * as path from 'node:path';
import type { MediaBinaries } from '@app/media';
import type { JobEntity } from '@app/persistence';
import type { PipelineContext } from './pipeline.types';

/**
 * The context for work on one clip of a stored job (a child render, a requested clip), in a
 * scratch folder of its own beside the job's: its source is downloaded there first.
 */
export function singleClipContext(
  job: JobEntity,
  workDir: string,
  binaries: MediaBinaries,
  signal: AbortSignal | undefined,
  report: (fraction: number) => void,
): PipelineContext {
  return {
    jobId: job.id,
    sourceKey: job.sourceKey,
    options: job.options,
    signal,
    workDir,
    sourcePath: path.join(workDir, `source${path.extname(job.sourceKey) || '.mp4'}`),
    audioPath: path.join(workDir, 'audio.wav'),
    binaries,
    metadata: job.sourceMetadata ?? undefined,
    report,
  };
}
