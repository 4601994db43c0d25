import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { JobEntity } from '../entities/job.entity';
import { JobStatus } from '../entities/job-status';
import type { WebhookDelivery } from '../entities/webhook-delivery';
import { JobListQuery, JobProgressUpdate, JobRepository, NewJob } from './job.repository';

const UNFINISHED = [JobStatus.Queued, JobStatus.Processing];

@Injectable()
export class TypeOrmJobRepository extends JobRepository {
  constructor(@InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>) {
    super();
  }

  async create(job: NewJob): Promise<JobEntity> {
    const entity = this.jobs.create({
      ...job,
      ownerKeyId: job.ownerKeyId ?? null,
      callbackUrl: job.callbackUrl ?? null,
      webhookDeliveries: null,
      stageProgress: 0,
      etaAt: null,
      status: JobStatus.Queued,
      stage: null,
      progress: 0,
      errorCode: null,
      errorMessage: null,
      stageTimings: null,
      transcriptKey: null,
      language: null,
      transcriptCached: false,
      completedAt: null,
      checkpoint: null,
      workerId: null,
      notice: null,
    });
    return this.jobs.save(entity);
  }

  findById(id: string): Promise<JobEntity | null> {
    return this.jobs.findOne({ where: { id } });
  }

  async update(id: string, patch: JobProgressUpdate): Promise<void> {
    await this.jobs.update({ id }, patch as QueryDeepPartialEntity<JobEntity>);
  }

  // Final states are written only over unfinished ones: a cancelled job never turns completed.
  async markCompleted(id: string, stageTimings: Record<string, number>): Promise<void> {
    await this.jobs.update(
      { id, status: In(UNFINISHED) },
      {
        status: JobStatus.Completed,
        stage: null,
        progress: 100,
        stageProgress: 100,
        etaAt: null,
        stageTimings,
        errorCode: null,
        errorMessage: null,
        checkpoint: null,
        completedAt: new Date(),
      },
    );
  }

  async markFailed(id: string, code: string, message: string): Promise<void> {
    await this.jobs.update(
      { id, status: In(UNFINISHED) },
      {
        status: JobStatus.Failed,
        errorCode: code,
        errorMessage: message.slice(0, 4000),
        etaAt: null,
      },
    );
  }

  async claim(id: string, workerId: string): Promise<boolean> {
    const result = await this.jobs.update(
      { id, status: In(UNFINISHED) },
      { status: JobStatus.Processing, workerId, notice: null },
    );
    return (result.affected ?? 0) > 0;
  }

  async markQueued(id: string, notice: string): Promise<void> {
    await this.jobs.update(
      { id, status: In(UNFINISHED) },
      { status: JobStatus.Queued, stage: null, stageProgress: 0, etaAt: null, notice },
    );
  }

  async markCancelled(id: string): Promise<JobStatus | null> {
    const job = await this.findById(id);
    if (!job) return null;
    if (UNFINISHED.includes(job.status)) {
      await this.jobs.update(
        { id, status: In(UNFINISHED) },
        {
          status: JobStatus.Cancelled,
          stage: null,
          etaAt: null,
          errorCode: 'CANCELLED',
          errorMessage: 'the job was cancelled on request',
          checkpoint: null,
        },
      );
    }
    return job.status;
  }

  async delete(id: string): Promise<void> {
    await this.jobs.delete({ id });
  }

  listUnfinished(): Promise<JobEntity[]> {
    return this.jobs.find({
      where: { status: In(UNFINISHED) },
      order: { createdAt: 'ASC' },
    });
  }

  async recordDelivery(id: string, delivery: WebhookDelivery): Promise<void> {
    // Attempts of one job are made one after another, so read-modify-write does not race.
    const job = await this.jobs.findOne({
      where: { id },
      select: { id: true, webhookDeliveries: true },
    });
    if (!job) return;
    await this.jobs.update({ id }, {
      webhookDeliveries: [...(job.webhookDeliveries ?? []), delivery],
    } as QueryDeepPartialEntity<JobEntity>);
  }

  async list(query: JobListQuery): Promise<{ items: JobEntity[]; total: number }> {
    const where = {
      ...(query.ownerKeyId !== undefined ? { ownerKeyId: query.ownerKeyId ?? IsNull() } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    const [items, total] = await this.jobs.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async countByStatus(): Promise<Partial<Record<JobStatus, number>>> {
    const rows: { status: JobStatus; n: string | number }[] = await this.jobs
      .createQueryBuilder('j')
      .select('j.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('j.status')
      .getRawMany();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  async recentTimings(limit: number) {
    const rows = await this.jobs.find({
      where: { status: JobStatus.Completed },
      order: { completedAt: 'DESC' },
      take: limit,
      select: { id: true, stageTimings: true, sourceMetadata: true },
    });
    return rows.flatMap((r) =>
      r.stageTimings && r.sourceMetadata?.durationSec
        ? [{ durationSec: r.sourceMetadata.durationSec, stageTimings: r.stageTimings }]
        : [],
    );
  }
}
