import { emfRecord, queueFigures } from './cloudwatch-emf';

const queue = (name: string, counts: Record<string, number>, oldestWaitingSec: number) => ({
  queue: name,
  counts,
  oldestWaitingSec,
});

describe('CloudWatch queue figures', () => {
  const queues = [
    queue(
      'video-processing',
      { waiting: 3, prioritized: 1, delayed: 2, active: 4, failed: 9 },
      95.6,
    ),
    queue('clip-requests', { waiting: 1, active: 1 }, 12),
  ];

  it('counts the backlog (not running or failed jobs) and the oldest wait across queues', () => {
    expect(queueFigures(queues, 10, 7, 2)).toEqual({
      QueueDepth: 7,
      QueueOldestWaitingSeconds: 96,
      JobsFailed: 3,
      WorkersAlive: 2,
    });
  });

  it('reports no failures on the first record or when the count fell', () => {
    expect(queueFigures([], 5, null, 0).JobsFailed).toBe(0);
    expect(queueFigures([], 2, 5, 0)).toMatchObject({ JobsFailed: 0, QueueDepth: 0 });
  });

  it('writes an Embedded Metric Format record CloudWatch reads as metrics', () => {
    const record = emfRecord('Clipgen/prod', queueFigures(queues, 1, 1, 1), 1_700_000_000_000);
    expect(record).toEqual({
      _aws: {
        Timestamp: 1_700_000_000_000,
        CloudWatchMetrics: [
          {
            Namespace: 'Clipgen/prod',
            Dimensions: [[]],
            Metrics: [
              { Name: 'QueueDepth', Unit: 'Count' },
              { Name: 'QueueOldestWaitingSeconds', Unit: 'Seconds' },
              { Name: 'JobsFailed', Unit: 'Count' },
              { Name: 'WorkersAlive', Unit: 'Count' },
            ],
          },
        ],
      },
      QueueDepth: 7,
      QueueOldestWaitingSeconds: 96,
      JobsFailed: 0,
      WorkersAlive: 1,
    });
  });
});
