/**
 * Cancelling a running job crosses processes: the API publishes the job id on this Redis channel
 * and the worker that runs it aborts it. The database row (status `cancelled`) is the record; the
 * message only makes the stop prompt.
 */
export const cancelChannel = (queuePrefix: string): string => `${queuePrefix}:cancel-job`;

/** Why a running job was aborted: each leads to a different end (see the worker's processor). */
export type AbortReason = 'shutdown' | 'cancel' | 'timeout';
