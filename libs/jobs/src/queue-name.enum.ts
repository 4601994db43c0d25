/** Every BullMQ queue clipgen uses. */
export enum QueueName {
  VideoProcessing = 'video-processing',
  /** Clips asked for on finished jobs: one at a time across all workers (indices stay unique). */
  ClipRequests = 'clip-requests',
  /** Completion callbacks to integrators, retried with backoff apart from the heavy work. */
  Webhooks = 'webhooks',
  /** One clip of a running job, rendered by any worker while its parent job waits for all. */
  ClipRenders = 'clip-renders',
}

/** Every job name, each bound to one queue in `JOB_QUEUE`. */
export enum JobName {
  ProcessVideo = 'process-video',
  RenderRequestedClip = 'render-requested-clip',
  DeliverWebhook = 'deliver-webhook',
  RenderClip = 'render-clip',
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ProcessVideo]: QueueName.VideoProcessing,
  [JobName.RenderRequestedClip]: QueueName.ClipRequests,
  [JobName.DeliverWebhook]: QueueName.Webhooks,
  [JobName.RenderClip]: QueueName.ClipRenders,
};
