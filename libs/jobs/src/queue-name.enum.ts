/** Every BullMQ queue clipgen uses. */
export enum QueueName {
  VideoProcessing = 'video-processing',
}

/** Every job name, each bound to one queue in `JOB_QUEUE`. */
export enum JobName {
  ProcessVideo = 'process-video',
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ProcessVideo]: QueueName.VideoProcessing,
};
