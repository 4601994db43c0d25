import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ClipOptions } from '@app/jobs';
import { ClipEntity } from './clip.entity';
import { JobStatus, PipelineStage } from './job-status';
import type { SourceMetadata } from './source-metadata';
import type { WebhookDelivery } from './webhook-delivery';

@Entity('jobs')
export class JobEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 16 })
  status: JobStatus;

  @Column('varchar', { length: 16, nullable: true })
  stage: PipelineStage | null;

  @Column('integer', { default: 0 })
  progress: number;

  /** 0–100 within the current stage. */
  @Column('integer', { name: 'stage_progress', default: 0 })
  stageProgress: number;

  /** When the job is expected to end, from measured stage speeds; null when not running. */
  @Column({ name: 'eta_at', type: Date, nullable: true })
  etaAt: Date | null;

  @Column('varchar', { name: 'error_code', length: 64, nullable: true })
  errorCode: string | null;

  @Column('text', { name: 'error_message', nullable: true })
  errorMessage: string | null;

  @Column('varchar', { name: 'source_key', length: 512 })
  sourceKey: string;

  @Column('varchar', { name: 'source_filename', length: 255 })
  sourceFilename: string;

  @Column('simple-json', { name: 'source_metadata', nullable: true })
  sourceMetadata: SourceMetadata | null;

  @Column('simple-json')
  options: ClipOptions;

  @Column('simple-json', { name: 'stage_timings', nullable: true })
  stageTimings: Record<string, number> | null;

  @Column('varchar', { name: 'transcript_key', length: 512, nullable: true })
  transcriptKey: string | null;

  @Column('varchar', { length: 16, nullable: true })
  language: string | null;

  /** The transcript came from the cache (same audio, model and language seen before). */
  @Column('boolean', { name: 'transcript_cached', default: false })
  transcriptCached: boolean;

  /**
   * Outputs of the stages that finished, so a job that resumes after a crash or a stop continues
   * where it left off. Opaque here: the pipeline owns its shape.
   */
  @Column('simple-json', { nullable: true })
  checkpoint: Record<string, unknown> | null;

  /** `host:pid` of the worker that runs (or last ran) the job. */
  @Column('varchar', { name: 'worker_id', length: 128, nullable: true })
  workerId: string | null;

  /** Why the job stands as it does, for people: requeued after a worker stopped, why 0 clips… */
  @Column('text', { nullable: true })
  notice: string | null;

  /** The API key that made the job; null when it was made with auth off (or by the CLI). */
  @Column('varchar', { name: 'owner_key_id', length: 36, nullable: true })
  ownerKeyId: string | null;

  /** Where the completion callback goes (http/https); null: none. */
  @Column('varchar', { name: 'callback_url', length: 2048, nullable: true })
  callbackUrl: string | null;

  /** Every attempt to deliver the callback, oldest first. */
  @Column('simple-json', { name: 'webhook_deliveries', nullable: true })
  webhookDeliveries: WebhookDelivery[] | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;

  @Column({ name: 'completed_at', type: Date, nullable: true })
  completedAt: Date | null;

  @OneToMany(() => ClipEntity, (clip) => clip.job)
  clips?: ClipEntity[];
}
