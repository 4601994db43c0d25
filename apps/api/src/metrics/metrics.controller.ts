import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { operationsConfig } from '@app/config';
import { metricsAllowed } from '@app/operations';
import { Public } from '../auth/route-access.decorator';
import { ApiProblem } from '../common/api-problem';
import { ApiMetricsService } from './api-metrics.service';

/**
 * Prometheus metrics at /metrics (outside /api, where scrapers look). Not for the public internet:
 * with METRICS_TOKEN set a bearer token is needed, otherwise only private addresses are answered.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly service: ApiMetricsService,
    @Inject(operationsConfig.KEY) private readonly ops: ConfigType<typeof operationsConfig>,
  ) {}

  @Get()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.ops.metrics.enabled)
      throw ApiProblem.notFound('metrics are turned off (METRICS_ENABLED)');
    const { token } = this.ops.metrics;
    if (!metricsAllowed(req.ip ?? req.socket.remoteAddress ?? '', req.headers.authorization, token))
      throw new ApiProblem(
        403,
        'METRICS_FORBIDDEN',
        'Forbidden',
        token
          ? 'metrics need the bearer token set in METRICS_TOKEN'
          : 'metrics are served to private addresses only; set METRICS_TOKEN to read them from elsewhere',
      );
    const { registry } = this.service.metrics;
    res.type(registry.contentType).send(await registry.metrics());
  }
}
