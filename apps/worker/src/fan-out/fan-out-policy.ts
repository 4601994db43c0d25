import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Job, Queue } from 'bullmq';
import { appConfig, operationsConfig, redisConfig } from '@app/config';
import { ProcessVideoPayload, QueueName, RenderClipPayload } from '@app/jobs';
import { BeatRedis, readBeats } from '@app/operations';
import { ClipRenderDispatch } from '@app/pipeline';
import { QueueRenderDispatch } from './queue-render-dispatch';

/**
 * Whether a job's clips render as child jobs: RENDER_FAN_OUT `auto` does so while more than one
 * worker beats (one worker alone gains nothing and pays for the source download per clip),
 * `always` even with one, `off` never.
 */
@Injectable()
export class FanOutPolicy {
  constructor(
    @InjectQueue(QueueName.ClipRenders) private readonly children: Queue<RenderClipPayload>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(operationsConfig.KEY) private readonly ops: ConfigType<typeof operationsConfig>,
    @Inject(redisConfig.KEY) private readonly redis: ConfigType<typeof redisConfig>,
  ) {}

  /** The dispatch for one run of a process-video job, or none to render every clip here. */
  dispatchFor(job: Job<ProcessVideoPayload>, token?: string): ClipRenderDispatch | undefined {
    if (this.app.renderFanOut === 'off' || !token) return undefined;
    return new QueueRenderDispatch(job, token, this.children, () => this.wanted());
  }

  /** Whether clips should fan out now (public for its test). */
  async wanted(): Promise<boolean> {
    if (this.app.renderFanOut === 'always') return true;
    const client = (await this.children.client) as unknown as BeatRedis;
    // Beats of the last two intervals only: a worker that just died must not count.
    const fresh = 2 * this.ops.heartbeatIntervalMs + 1000;
    const beats = await readBeats(client, this.redis.prefix, fresh);
    return beats.length > 1;
  }
}
