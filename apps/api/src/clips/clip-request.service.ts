import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  JOB_OPTIONS,
  JobName,
  QueueName,
  RenderRequestedClipPayload,
  RenderRequestedClipResult,
} from '@app/jobs';
import { JobEntity } from '@app/persistence';
import { ClipRequestRefused, planRequestedClip } from '@app/pipeline';
import { ClipRequest, ClipRequestError } from '@app/selection';
import { StorageDriver } from '@app/storage';
import { ApiProblem } from '../common/api-problem';
import { publicText } from '../common/public-text';
import type { ClipRequestAcceptedDto, ClipRequestStatusDto } from './clip-request.dto';
import { PublicUrls } from '../common/public-urls';

const STATE: Record<string, ClipRequestStatusDto['state']> = {
  waiting: 'queued',
  delayed: 'queued',
  prioritized: 'queued',
  'waiting-children': 'queued',
  active: 'rendering',
  completed: 'done',
  failed: 'failed',
};

/** Clips on request: snapped to sentences here (so a bad request is answered at once), rendered by a worker. */
@Injectable()
export class ClipRequestService {
  private readonly logger = new Logger(ClipRequestService.name);

  constructor(
    private readonly storage: StorageDriver,
    @InjectQueue(QueueName.ClipRequests)
    private readonly queue: Queue<RenderRequestedClipPayload, RenderRequestedClipResult>,
    private readonly urls: PublicUrls,
  ) {}

  /** `job` as its caller may see it (see OwnedJobs). */
  async request(job: JobEntity, asked: ClipRequest): Promise<ClipRequestAcceptedDto> {
    const jobId = job.id;
    let planned;
    try {
      planned = await planRequestedClip(this.storage, job, asked);
    } catch (err) {
      throw toProblem(err);
    }
    const requestId = randomUUID();
    const { start, end } = planned.range;
    try {
      await this.queue.add(
        JobName.RenderRequestedClip,
        { jobId, requestId, start, end, asked },
        { ...JOB_OPTIONS[JobName.RenderRequestedClip], jobId: requestId },
      );
    } catch (err) {
      this.logger.error(`clip request for ${jobId} not queued: ${(err as Error).message}`);
      throw new ApiProblem(
        HttpStatus.SERVICE_UNAVAILABLE,
        'QUEUE_UNAVAILABLE',
        'Service Unavailable',
        'the clip could not be queued; ask again',
      );
    }
    return {
      requestId,
      jobId,
      start,
      end,
      text: planned.text,
      statusUrl: this.urls.of(`/api/jobs/${jobId}/clips/requests/${requestId}`),
    };
  }

  async status(jobId: string, requestId: string): Promise<ClipRequestStatusDto> {
    const job = await this.queue.getJob(requestId);
    if (!job || job.data.jobId !== jobId)
      throw ApiProblem.notFound(`no clip request ${requestId} for job ${jobId}`);
    const state = STATE[await job.getState()] ?? 'queued';
    return {
      requestId,
      jobId,
      state,
      progress: typeof job.progress === 'number' ? job.progress : 0,
      clipIndex: state === 'done' ? (job.returnvalue?.clipIndex ?? null) : null,
      error:
        state === 'failed' ? publicText(job.failedReason, 'the clip could not be rendered') : null,
    };
  }
}

function toProblem(err: unknown): Error {
  if (err instanceof ClipRequestRefused)
    return new ApiProblem(HttpStatus.CONFLICT, err.code, 'Conflict', err.message);
  if (err instanceof ClipRequestError)
    return new ApiProblem(
      HttpStatus.UNPROCESSABLE_ENTITY,
      err.code,
      'Unprocessable Content',
      err.message,
    );
  return err as Error;
}
