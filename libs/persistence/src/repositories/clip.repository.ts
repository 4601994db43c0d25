import type { ClipEntity } from '../entities/clip.entity';
import type { ArtifactEntity } from '../entities/artifact.entity';

export type NewClip = Omit<ClipEntity, 'createdAt' | 'job'>;
export type NewArtifact = Omit<ArtifactEntity, 'createdAt'>;

/** Port: clips and the stored files (artifacts) that belong to a job. */
export abstract class ClipRepository {
  /**
   * Atomically replaces a job's clips and their artifacts, so a retried render never leaves a
   * mix of old and new clips visible.
   */
  abstract replaceForJob(jobId: string, clips: NewClip[], artifacts: NewArtifact[]): Promise<void>;
  /** Adds one clip and its files to a job's finished set (clips on request), atomically. */
  abstract addClip(clip: NewClip, artifacts: NewArtifact[]): Promise<void>;
  abstract listByJob(jobId: string): Promise<ClipEntity[]>;
  abstract saveArtifact(artifact: NewArtifact): Promise<void>;
  abstract findArtifact(jobId: string, filename: string): Promise<ArtifactEntity | null>;
  abstract listArtifacts(jobId: string): Promise<ArtifactEntity[]>;
  /** Removes every clip and artifact row of a job (its files are deleted by the caller). */
  abstract deleteForJob(jobId: string): Promise<void>;
}
