import type { CropPath } from '@app/detection';
import type { SourceMetadata } from '@app/persistence';
import type { Highlight } from '@app/selection';

/** A rendered clip already in storage: enough to publish it without rendering again. */
export interface StoredRender {
  index: number;
  highlight: Highlight;
  width: number;
  height: number;
  files: { filename: string; key: string; contentType: string; sizeBytes: number; kind: string }[];
}

/**
 * What a job has finished, written after each stage (and each clip) so that a job that resumes
 * on any worker continues from there. Timings carry over so the status shows real stage costs.
 */
export interface PipelineCheckpoint {
  probe?: { metadata: SourceMetadata };
  transcribe?: {
    transcriptKey: string;
    cached: boolean;
    language: string;
    /** The transcript's warnings, shown with the finished job. */
    warnings?: string[];
  };
  select?: { highlights: Highlight[] };
  /**
   * Per clip, one crop path per rendition (the job's aspect ratios in order). A checkpoint from
   * before renditions holds `crops` only: framing then runs again.
   */
  frame?: { renditions?: CropPath[][] };
  render?: { clips: StoredRender[] };
  timings?: Record<string, number>;
  /** When the run stopped to wait for clips rendered by other workers (epoch ms). */
  suspendedAt?: number;
}

export const readCheckpoint = (
  raw: Record<string, unknown> | null | undefined,
): PipelineCheckpoint => (raw ?? {}) as PipelineCheckpoint;
