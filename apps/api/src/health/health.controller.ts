import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Queue } from 'bullmq';
import { QueueName } from '@app/jobs';
import { StorageDriver } from '@app/storage';
import { ApiProblemResponse } from '../common/api-problem-response.decorator';
import { DrainService } from '../lifecycle/drain.service';
import { Public } from '../auth/route-access.decorator';

const withTimeout = <T>(work: Promise<T>, ms: number) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref(),
    ),
  ]);

/**
 * Readiness: the database answers, Redis answers, storage can be written, and this instance is
 * not shutting down. 503 when any is not so.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly storage: StorageDriver,
    @InjectQueue(QueueName.VideoProcessing) private readonly queue: Queue,
    private readonly drain: DrainService,
  ) {}

  @Get()
  // Terminus would document its 503 as application/json; the filter sends problem+json.
  @HealthCheck({ swaggerDocumentation: false, noCache: true })
  @ApiOkResponse({
    description: 'every check is up',
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', example: 'ok' },
        info: { type: 'object' },
        error: { type: 'object' },
        details: { type: 'object' },
      },
    },
  })
  @ApiOperation({ summary: 'Database, Redis and storage health (Terminus)' })
  @ApiProblemResponse(503, 'a dependency is down or the instance is shutting down')
  check() {
    return this.health.check([
      () =>
        this.probe('api', async () => {
          if (this.drain.isDraining) throw new Error('shutting down');
        }),
      () => this.db.pingCheck('database', { timeout: 3000 }),
      () => this.probe('redis', () => this.pingRedis()),
      () => this.probe('storage', () => this.storage.checkHealth()),
    ]);
  }

  private async pingRedis(): Promise<void> {
    const client = (await this.queue.client) as unknown as { ping(): Promise<string> };
    await client.ping();
  }

  private async probe(key: string, work: () => Promise<void>) {
    const indicator = this.indicators.check(key);
    try {
      await withTimeout(work(), 3000);
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}
