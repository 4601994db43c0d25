import type { StoredRender } from '../checkpoint';

/**
 * Renders a job's clips on other workers (the queue's child jobs) instead of one after another
 * here. The pipeline asks once framing starts whether to fan out, then hands over the clips
 * still to render; the CLI and a lone worker pass none and render everything in-process.
 */
export interface ClipRenderDispatch {
  /** Whether this job's clips render elsewhere (more than one worker, or already handed out). */
  fansOut(): Promise<boolean>;
  /**
   * The clips rendered elsewhere among `pending` (clip indices). Throws PipelineSuspended while
   * they are still being rendered: the run ends and starts again, from its checkpoint, once all
   * have finished. Clips missing from the answer (their child failed for good) render here.
   */
  render(pending: number[]): Promise<StoredRender[]>;
}

/** Not a failure: the run stops until its child jobs have finished. */
export class PipelineSuspended extends Error {
  constructor(readonly waitingFor: number) {
    super(`waiting for ${waitingFor} clips rendered by other workers`);
    this.name = 'PipelineSuspended';
  }
}
