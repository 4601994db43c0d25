import type { ClipOptions } from '@app/jobs';
import type { MediaBinaries } from '@app/media';
import type { Highlight } from '@app/selection';
import type { CropPath } from '@app/detection';
import type { Transcript } from '@app/transcription';
import type { SourceMetadata } from '@app/persistence';

export interface PipelineRunRequest {
  jobId: string;
  sourceKey: string;
  options: ClipOptions;
  signal?: AbortSignal;
}

/** State handed from stage to stage within one run (all paths are in the job's work folder). */
export interface PipelineContext extends PipelineRunRequest {
  workDir: string;
  sourcePath: string;
  audioPath: string;
  binaries: MediaBinaries;
  metadata?: SourceMetadata;
  transcript?: Transcript;
  highlights?: Highlight[];
  /** Per clip, one crop path per rendition (renditionsOf(options) order). */
  framings?: CropPath[][];
  report: (fraction: number) => void;
}
