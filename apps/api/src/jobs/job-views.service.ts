import { Injectable } from '@nestjs/common';
import { ClipRepository, JobEntity, JobRepository } from '@app/persistence';
import type { Principal } from '../auth/principal';
import { publicText } from '../common/public-text';
import { DownloadLinks } from '../download/download-links';
import { PublicUrls } from '../common/public-urls';
import { estimate, toJobStatusDto } from '../status/job-status.mapper';
import type { JobDetailDto } from './job-detail.dto';
import type { JobListParams } from './job-list-query';
import type { JobListDto, JobSummaryDto } from './job-list.dto';

/** The list and detail views of jobs (the status view has its own controller). */
@Injectable()
export class JobViews {
  constructor(
    private readonly jobs: JobRepository,
    private readonly clips: ClipRepository,
    private readonly downloadLinks: DownloadLinks,
    private readonly urls: PublicUrls,
  ) {}

  private links(jobId: string) {
    return {
      status: this.urls.of(`/api/status/${jobId}`),
      detail: this.urls.of(`/api/jobs/${jobId}`),
      events: this.urls.of(`/api/jobs/${jobId}/events`),
    };
  }

  async list(principal: Principal, params: JobListParams): Promise<JobListDto> {
    const { items, total } = await this.jobs.list({
      ...params,
      // A key sees its own jobs; open access (auth off) sees every job.
      ownerKeyId: principal.via === 'key' ? principal.keyId : undefined,
    });
    const nextOffset = params.offset + items.length;
    const query = (offset: number) =>
      new URLSearchParams({
        ...(params.status ? { status: params.status } : {}),
        limit: String(params.limit),
        offset: String(offset),
      });
    return {
      items: items.map((job) => this.summary(job)),
      total,
      limit: params.limit,
      offset: params.offset,
      next: nextOffset < total ? this.urls.of(`/api/jobs?${query(nextOffset)}`) : null,
    };
  }

  async detail(job: JobEntity): Promise<JobDetailDto> {
    const [clips, artifacts] = await Promise.all([
      this.clips.listByJob(job.id),
      this.clips.listArtifacts(job.id),
    ]);
    const { link, expiresAt } = await this.downloadLinks.forJob(job.id, artifacts);
    return {
      ...toJobStatusDto(job, clips, artifacts, link, expiresAt),
      callbackUrl: job.callbackUrl ?? null,
      webhookDeliveries: job.webhookDeliveries ?? [],
      editListUrls: clips.map((c) =>
        this.urls.of(`/api/jobs/${job.id}/clips/${c.index}/edit-list`),
      ),
      eventsUrl: this.links(job.id).events,
    };
  }

  private summary(job: JobEntity): JobSummaryDto {
    return {
      jobId: job.id,
      status: job.status,
      stage: job.stage,
      progress: job.progress,
      etaSeconds: estimate(job).etaSeconds,
      sourceFilename: job.sourceFilename,
      durationSec: job.sourceMetadata?.durationSec ?? null,
      error: job.errorCode ? { code: job.errorCode, message: publicText(job.errorMessage) } : null,
      createdAt: job.createdAt.toISOString(),
      completedAt: job.completedAt ? new Date(job.completedAt).toISOString() : null,
      links: this.links(job.id),
    };
  }
}
