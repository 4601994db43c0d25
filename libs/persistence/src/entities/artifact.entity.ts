import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export enum ArtifactKind {
  Source = 'source',
  ClipVideo = 'clip-video',
  ClipCaptions = 'clip-captions',
  /** The crop path, shots and face tracks of a clip, for re-editing elsewhere. */
  ClipFraming = 'clip-framing',
  /** A JPEG cover picked from the clip. */
  ClipThumbnail = 'clip-thumbnail',
  Transcript = 'transcript',
}

/**
 * One stored file that belongs to a job. Downloads resolve (jobId, filename) here, so a user-given
 * file name is never joined onto a storage path.
 */
@Entity('artifacts')
@Index('uq_artifacts_job_filename', ['jobId', 'filename'], { unique: true })
export class ArtifactEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'job_id', length: 36 })
  jobId: string;

  @Column('varchar', { length: 32 })
  kind: ArtifactKind;

  @Column('varchar', { length: 255 })
  filename: string;

  @Column('varchar', { name: 'storage_key', length: 512 })
  storageKey: string;

  @Column('varchar', { name: 'content_type', length: 128 })
  contentType: string;

  @Column('bigint', {
    name: 'size_bytes',
    transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
  })
  sizeBytes: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
