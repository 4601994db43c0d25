import { Injectable } from '@nestjs/common';
import { JobEntity, JobRepository } from '@app/persistence';
import { ApiProblem } from '../common/api-problem';
import type { Principal } from './principal';

/**
 * A job as its caller may see it: a key sees only the jobs it made, and another key's job answers
 * exactly like one that does not exist (404), so ids cannot be probed.
 */
@Injectable()
export class OwnedJobs {
  constructor(private readonly jobs: JobRepository) {}

  async find(jobId: string, principal: Principal): Promise<JobEntity> {
    const job = await this.jobs.findById(jobId);
    if (!job || !mayAccess(principal, job)) throw ApiProblem.notFound(`no job ${jobId}`);
    return job;
  }
}

/** Links are checked for their one path by the guard; keys own jobs; open access sees all. */
export const mayAccess = (principal: Principal, job: JobEntity): boolean =>
  principal.via !== 'key' || job.ownerKeyId === principal.keyId;
