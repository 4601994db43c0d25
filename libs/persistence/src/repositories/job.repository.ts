import type { ClipOptions } from '@app/jobs';
import type { JobEntity } from '../entities/job.entity';
import type { JobStatus, PipelineStage } from '../entities/job-status';
import type { SourceMetadata } from '../entities/source-metadata';
import type { WebhookDelivery } from '../entities/webhook-delivery';

export interface NewJob {
  id: string;
  sourceKey: string;
  sourceFilename: string;
  sourceMetadata: SourceMetadata;
  options: ClipOptions;
  ownerKeyId?: string | null;
  callbackUrl?: string | null;
}

export interface JobProgressUpdate {
  status?: JobStatus;
  stage?: PipelineStage | null;
  progress?: number;
  stageProgress?: number;
  etaAt?: Date | null;
  stageTimings?: Record<string, number>;
  transcriptKey?: string | null;
  language?: string | null;
  transcriptCached?: boolean;
  checkpoint?: Record<string, unknown> | null;
  workerId?: string | null;
  notice?: string | null;
}

export interface JobListQuery {
  /** Only jobs of this key; `undefined`: every job (auth off). */
  ownerKeyId?: string | null;
  status?: JobStatus;
  limit: number;
  offset: number;
}

/** Port: where jobs live. The TypeORM adapter implements it; tests may use the real adapter. */
export abstract class JobRepository {
  abstract create(job: NewJob): Promise<JobEntity>;
  abstract findById(id: string): Promise<JobEntity | null>;
  abstract update(id: string, patch: JobProgressUpdate): Promise<void>;
  abstract markCompleted(id: string, stageTimings: Record<string, number>): Promise<void>;
  abstract markFailed(id: string, code: string, message: string): Promise<void>;
  /**
   * Takes a queued or processing job for a worker; false when the job is gone or already final
   * (e.g. cancelled while it waited), in which case it must not run.
   */
  abstract claim(id: string, workerId: string): Promise<boolean>;
  /** Back to `queued` with a reason (its worker stopped or died); keeps its checkpoint. */
  abstract markQueued(id: string, notice: string): Promise<void>;
  /** Final `cancelled`, unless the job already ended. Returns the status it had. */
  abstract markCancelled(id: string): Promise<JobStatus | null>;
  abstract delete(id: string): Promise<void>;
  /** Jobs still queued or processing: used to re-enqueue after a crash. */
  abstract listUnfinished(): Promise<JobEntity[]>;
  /** Adds one callback delivery attempt to the job's record. */
  abstract recordDelivery(id: string, delivery: WebhookDelivery): Promise<void>;
  /** A page of jobs, newest first, and how many match in all. */
  abstract list(query: JobListQuery): Promise<{ items: JobEntity[]; total: number }>;
  /** How many jobs stand in each status (metrics). */
  abstract countByStatus(): Promise<Partial<Record<JobStatus, number>>>;
  /** Stage timings and source length of the latest completed jobs (progress estimates). */
  abstract recentTimings(
    limit: number,
  ): Promise<{ durationSec: number; stageTimings: Record<string, number> }[]>;
}
