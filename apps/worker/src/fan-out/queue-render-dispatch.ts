import { Job, Queue } from 'bullmq';
import { JOB_OPTIONS, JobName, ProcessVideoPayload, RenderClipPayload } from '@app/jobs';
import { ClipRenderDispatch, PipelineSuspended, StoredRender } from '@app/pipeline';

/** What the parent job remembers across its runs: that its clips were handed out. */
type ParentData = ProcessVideoPayload & { renderFanOut?: boolean };

export const childJobId = (jobId: string, index: number) => `${jobId}.clip-${index}`;

/**
 * A job's clips as child jobs of its process-video job (a BullMQ flow): every worker may take one,
 * and the parent waits in `waiting-children` (holding no worker) until all have finished, then
 * runs again from its checkpoint and publishes. Each child has the usual attempts; one that fails
 * for good is ignored by the parent (`ignoreDependencyOnFailure`), which renders that clip itself.
 */
export class QueueRenderDispatch implements ClipRenderDispatch {
  constructor(
    private readonly parent: Job<ParentData>,
    private readonly token: string,
    private readonly children: Queue<RenderClipPayload>,
    private readonly wanted: () => Promise<boolean>,
  ) {}

  async fansOut(): Promise<boolean> {
    return !!this.parent.data.renderFanOut || (await this.wanted());
  }

  async render(pending: number[]): Promise<StoredRender[]> {
    const { jobId } = this.parent.data;
    if (!this.parent.data.renderFanOut && pending.length) {
      await this.children.addBulk(
        pending.map((index) => ({
          name: JobName.RenderClip,
          data: { jobId, index },
          opts: {
            ...JOB_OPTIONS[JobName.RenderClip],
            jobId: childJobId(jobId, index),
            parent: { id: this.parent.id!, queue: this.parent.queueQualifiedName },
          },
        })),
      );
      await this.parent.updateData({ ...this.parent.data, renderFanOut: true });
    }
    // False once no child is left to wait for: all have finished (or failed for good).
    if (await this.parent.moveToWaitingChildren(this.token)) {
      const { unprocessed = 0 } = await this.parent.getDependenciesCount({ unprocessed: true });
      throw new PipelineSuspended(unprocessed);
    }
    const values = Object.values(await this.parent.getChildrenValues<StoredRender>());
    return values.filter((clip) => pending.includes(clip.index));
  }
}
