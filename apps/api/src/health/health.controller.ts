import { Controller, Get, Inject } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { appConfig, limitsConfig, operationsConfig, redisConfig } from '@app/config';
import { BeatRedis, Check, diskCheck, runChecks, workersCheck } from '@app/operations';
import { StorageDriver } from '@app/storage';
import { ApiRedis } from '../redis/api-redis';
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
 * Readiness: the database answers, Redis answers, storage can be written, the work volume has room,
 * a worker is alive (HEALTH_REQUIRE_WORKER), and this instance is not shutting down: 503 when any
 * is not so. Liveness: the process answers at all.
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
    private readonly redis: ApiRedis,
    private readonly drain: DrainService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(limitsConfig.KEY) private readonly limits: ConfigType<typeof limitsConfig>,
    @Inject(operationsConfig.KEY) private readonly ops: ConfigType<typeof operationsConfig>,
    @Inject(redisConfig.KEY) private readonly redisConf: ConfigType<typeof redisConfig>,
  ) {}

  @Get('live')
  @ApiOperation({
    operationId: 'getLiveness',
    summary: 'Liveness: the API process answers (no dependency is asked)',
  })
  @ApiOkResponse({
    description: 'alive',
    schema: {
      type: 'object',
      properties: { status: { type: 'string', example: 'ok' }, uptimeSec: { type: 'number' } },
    },
  })
  @ApiProblemResponse(500, 'unexpected error (logged)')
  live() {
    return { status: 'ok', uptimeSec: Math.round(process.uptime()) };
  }

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
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Readiness: database, Redis, storage, free disk, a live worker (Terminus)',
  })
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
      () =>
        this.fromCheck('disk', diskCheck('work', this.app.workDir, this.limits.minFreeDiskBytes)),
      () =>
        this.fromCheck(
          'workers',
          workersCheck(
            async () => this.redis.client as unknown as BeatRedis,
            this.redisConf.prefix,
            this.ops.workerMaxAgeMs,
            this.ops.requireWorker,
          ),
        ),
    ]);
  }

  private async pingRedis(): Promise<void> {
    await this.redis.client.ping();
  }

  /** A self-check as a Terminus indicator: `warn` stays up, with its detail. */
  private async fromCheck(key: string, check: Check) {
    const [{ status, detail }] = await runChecks([check], 3000);
    const indicator = this.indicators.check(key);
    return status === 'fail' ? indicator.down({ message: detail }) : indicator.up({ detail });
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
