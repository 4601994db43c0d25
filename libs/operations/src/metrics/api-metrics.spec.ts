import { ApiMetrics } from './api-metrics';

describe('ApiMetrics', () => {
  it('reads jobs, queues and workers at scrape time and labels requests by route', async () => {
    const metrics = new ApiMetrics({
      jobsByStatus: async () => ({ completed: 3, failed: 1 }),
      queues: async () => [
        { queue: 'video-processing', counts: { waiting: 2, active: 1 }, oldestWaitingSec: 42 },
      ],
      workers: async () => ({ alive: 2, busySlots: 1, slots: 4 }),
    });
    metrics.observeRequest('GET', '/api/status/:jobId', 404, 0.012);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^clipgen_jobs\{status="completed"\} 3$/m);
    expect(text).toMatch(/^clipgen_jobs\{status="queued"\} 0$/m);
    expect(text).toMatch(/^clipgen_queue_jobs\{queue="video-processing",state="waiting"\} 2$/m);
    expect(text).toMatch(/^clipgen_queue_oldest_waiting_seconds\{queue="video-processing"\} 42$/m);
    expect(text).toMatch(/^clipgen_workers_alive 2$/m);
    expect(text).toMatch(/^clipgen_workers_busy_ratio 0.25$/m);
    expect(text).toMatch(
      /^clipgen_http_request_duration_seconds_count\{method="GET",route="\/api\/status\/:jobId",status="404"\} 1$/m,
    );
  });

  it('still answers the scrape when a source is down, without the series it could not read', async () => {
    const metrics = new ApiMetrics({
      jobsByStatus: async () => ({ queued: 1 }),
      queues: async () => {
        throw new Error('Redis is down');
      },
      workers: async () => {
        throw new Error('Redis is down');
      },
    });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^clipgen_jobs\{status="queued"\} 1$/m);
    expect(text).not.toMatch(/^clipgen_queue_jobs\{/m);
    expect(text).toMatch(/^clipgen_metrics_source_up\{source="queues"\} 0$/m);
    expect(text).toMatch(/^clipgen_metrics_source_up\{source="heartbeats"\} 0$/m);
    expect(text).toMatch(/^clipgen_metrics_source_up\{source="database"\} 1$/m);
  });
});
