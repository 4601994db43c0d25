import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { JobEntity } from '../entities/job.entity';
import { JobStatus } from '../entities/job-status';
import { JobProgressUpdate, JobRepository, NewJob } from './job.repository';

@Injectable()
export class TypeOrmJobRepository extends JobRepository {
  constructor(@InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>) {
    super();
  }

  async create(job: NewJob): Promise<JobEntity> {
    const entity = this.jobs.create({
      ...job,
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
    });
    return this.jobs.save(entity);
  }

  findById(id: string): Promise<JobEntity | null> {
    return this.jobs.findOne({ where: { id } });
  }

  async update(id: string, patch: JobProgressUpdate): Promise<void> {
    await this.jobs.update({ id }, patch);
  }

  async markCompleted(id: string, stageTimings: Record<string, number>): Promise<void> {
    await this.jobs.update(
      { id },
      {
        status: JobStatus.Completed,
        stage: null,
        progress: 100,
        stageTimings,
        errorCode: null,
        errorMessage: null,
        completedAt: new Date(),
      },
    );
  }

  async markFailed(id: string, code: string, message: string): Promise<void> {
    await this.jobs.update(
      { id },
      { status: JobStatus.Failed, errorCode: code, errorMessage: message.slice(0, 4000) },
    );
  }

  listUnfinished(): Promise<JobEntity[]> {
    return this.jobs.find({
      where: { status: In([JobStatus.Queued, JobStatus.Processing]) },
      order: { createdAt: 'ASC' },
    });
  }
}
