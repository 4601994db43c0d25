import { Match } from 'aws-cdk-lib/assertions';
import { envSchema } from '@app/config';
import { Properties, resourcesOf, synthesize } from './test-app';

type Statement = {
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
  Sid?: string;
};

describe('services stack (synthesised offline)', () => {
  const { services } = synthesize({ imageTag: 'abc123', alarmEmail: 'ops@example.com' });
  const containers = resourcesOf(services, 'AWS::ECS::TaskDefinition').flatMap(([, t]) =>
    (t.ContainerDefinitions as Properties[]).map((c): Properties => c),
  );
  const policyOf = (role: string): Statement[] =>
    resourcesOf(services, 'AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Roles).includes(role))
      .flatMap(([, p]) => p.PolicyDocument.Statement);

  it('serves HTTPS only: a certificate for the domain, TLS 1.2+, and HTTP redirected', () => {
    services.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'clips.example.com',
      ValidationMethod: 'DNS',
    });
    services.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [Match.anyValue()],
      SslPolicy: Match.stringLikeRegexp('TLS13|TLS-1-2'),
    });
    services.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [
        {
          Type: 'redirect',
          RedirectConfig: Match.objectLike({ Protocol: 'HTTPS', StatusCode: 'HTTP_301' }),
        },
      ],
    });
    services.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      HealthCheckPath: '/api/health/live',
    });
  });

  it('runs api and worker as separate Fargate services that roll back a failed deployment', () => {
    const ecsServices = resourcesOf(services, 'AWS::ECS::Service').map(([, s]) => s);
    expect(ecsServices).toHaveLength(2);
    for (const s of ecsServices) {
      expect(s.LaunchType).toBe('FARGATE');
      expect(s.DeploymentConfiguration.DeploymentCircuitBreaker).toEqual({
        Enable: true,
        Rollback: true,
      });
      expect(s.DeploymentConfiguration.MinimumHealthyPercent).toBe(100);
      expect(s.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('DISABLED');
    }
    expect(containers.map((c) => c.Name).sort()).toEqual(['api', 'worker']);
    for (const c of containers) expect(JSON.stringify(c.Image)).toContain(':abc123');
  });

  it('configures both apps only with names their config accepts, secrets injected from Secrets Manager', () => {
    const accepted = new Set(Object.keys(envSchema.describe().keys));
    for (const c of containers) {
      const names = [...c.Environment, ...c.Secrets].map((v: { Name: string }) => v.Name);
      expect(names.filter((n: string) => !accepted.has(n))).toEqual([]);
      const secretNames = c.Secrets.map((s: { Name: string }) => s.Name).sort();
      expect(secretNames).toEqual([
        'ADMIN_API_KEY',
        'DATABASE_PASSWORD',
        'METRICS_TOKEN',
        'URL_SIGNING_SECRET',
        'WEBHOOK_SECRET',
      ]);
      // Nothing secret in plain environment.
      const plain = c.Environment.map((v: { Name: string }) => v.Name);
      expect(plain.filter((n: string) => /SECRET|PASSWORD|TOKEN|API_KEY/.test(n))).toEqual([]);
      const env = Object.fromEntries(
        c.Environment.map((v: { Name: string; Value: unknown }) => [v.Name, v.Value]),
      );
      expect(env).toMatchObject({ NODE_ENV: 'production', STORAGE_TYPE: 's3', LOG_FORMAT: 'json' });
      expect(JSON.stringify(env.REDIS_URL)).toContain('rediss://');
      expect(JSON.stringify(env.DATABASE_URL)).toContain('sslmode=no-verify');
    }
    const api = containers.find((c) => c.Name === 'api')!;
    const apiEnv = Object.fromEntries(
      api.Environment.map((v: { Name: string; Value: unknown }) => [v.Name, v.Value]),
    );
    expect(apiEnv).toMatchObject({
      AUTH_DISABLED: 'false',
      TRUST_PROXY: '1',
      PUBLIC_BASE_URL: 'https://clips.example.com',
      CORS_ORIGINS: 'https://clips.example.com',
      CLOUDWATCH_METRICS_NAMESPACE: 'Clipgen/prod',
    });
  });

  it('gives workers scratch space, a drain period and a health check', () => {
    services.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '2048',
      Memory: '4096',
      EphemeralStorage: { SizeInGiB: 100 },
      ContainerDefinitions: [
        Match.objectLike({
          Name: 'worker',
          StopTimeout: 120,
          HealthCheck: Match.objectLike({
            Command: Match.arrayWith([Match.stringLikeRegexp('9464/metrics')]),
          }),
        }),
      ],
    });
  });

  it('scales workers between the bounds on the queue backlog the API publishes', () => {
    services.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 1,
      MaxCapacity: 4,
      ScalableDimension: 'ecs:service:DesiredCount',
    });
    const steps = resourcesOf(services, 'AWS::ApplicationAutoScaling::ScalingPolicy').map(
      ([, p]) => p.StepScalingPolicyConfiguration,
    );
    expect(steps).toHaveLength(2);
    const scalingAlarms = resourcesOf(services, 'AWS::CloudWatch::Alarm').filter(
      ([, a]) => a.MetricName === 'QueueDepth',
    );
    expect(scalingAlarms).toHaveLength(2);
    for (const [, alarm] of scalingAlarms)
      expect(alarm).toMatchObject({ Namespace: 'Clipgen/prod', Statistic: 'Maximum' });
  });

  it('alarms on 5xx, queue age, failed jobs and missing workers, to a topic that mails ops', () => {
    const alarms = resourcesOf(services, 'AWS::CloudWatch::Alarm').map(([, a]) => a);
    const byMetric = (name: string) => alarms.find((a) => a.MetricName === name);
    expect(byMetric('QueueOldestWaitingSeconds')).toMatchObject({
      Threshold: 1800,
      TreatMissingData: 'breaching',
    });
    expect(byMetric('JobsFailed')).toMatchObject({ Threshold: 3, Statistic: 'Sum' });
    expect(byMetric('WorkersAlive')).toMatchObject({ ComparisonOperator: 'LessThanThreshold' });
    const fiveXx = alarms.find((a) =>
      JSON.stringify(a.Metrics ?? []).includes('HTTPCode_Target_5XX_Count'),
    );
    expect(JSON.stringify(fiveXx!.Metrics)).toContain('HTTPCode_ELB_5XX_Count');
    for (const a of [byMetric('JobsFailed'), fiveXx]) expect(a!.AlarmActions).toHaveLength(1);
    services.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
    services.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/clipgen/prod/worker',
      RetentionInDays: 30,
    });
  });

  it('lets each task role touch only its areas of its bucket', () => {
    // The API's role also holds what ECS Exec needs (its session channel and a log-group lookup).
    const other = policyOf('ApiTaskRole')
      .flatMap((s) => [s.Action].flat())
      .filter((a) => !a.startsWith('s3:'));
    expect(new Set(other.map((a) => a.split(':')[0]))).toEqual(new Set(['ssmmessages', 'logs']));
    expect(policyOf('WorkerTaskRole').every((s) => JSON.stringify(s.Action).includes('s3:'))).toBe(
      true,
    );
    const worker = policyOf('WorkerTaskRole');
    const api = policyOf('ApiTaskRole');
    for (const statements of [worker, api]) {
      for (const s of statements.filter((s) => JSON.stringify(s.Action).includes('s3:'))) {
        const actions = [s.Action].flat();
        expect(actions.every((a) => a.startsWith('s3:') && a !== 's3:*')).toBe(true);
        expect(JSON.stringify(s.Resource)).not.toBe('"*"');
      }
      const list = statements.find((s) => s.Sid === 'ListOwnAreas')!;
      expect(list.Condition).toEqual({ StringLike: { 's3:prefix': expect.any(Array) } });
    }
    const grants = (statements: Statement[], area: string) =>
      statements
        .filter((s) => JSON.stringify(s.Resource).includes(`/${area}/*`))
        .flatMap((s) => [s.Action].flat())
        .sort();
    expect(grants(worker, 'results')).toEqual([
      's3:AbortMultipartUpload',
      's3:DeleteObject',
      's3:GetObject',
      's3:PutObject',
    ]);
    expect(grants(worker, 'uploads')).toEqual(['s3:DeleteObject', 's3:GetObject']);
    expect(grants(api, 'results')).toEqual(['s3:DeleteObject', 's3:GetObject']);
    expect(grants(api, 'uploads')).toEqual([
      's3:AbortMultipartUpload',
      's3:DeleteObject',
      's3:PutObject',
    ]);
  });

  it('opens the load balancer to the internet on 443 and 80 only, and the tasks to it alone', () => {
    const groups = resourcesOf(services, 'AWS::EC2::SecurityGroup');
    const lb = groups.find(([id]) => id.includes('LBSecurityGroup'))![1];
    expect(lb.SecurityGroupIngress.map((r: Properties) => [r.CidrIp, r.FromPort]).sort()).toEqual([
      ['0.0.0.0/0', 443],
      ['0.0.0.0/0', 80],
    ]);
    const tasks = groups.find(([id]) => id.startsWith('Tasks'))![1];
    expect(tasks.SecurityGroupIngress ?? []).toEqual([]);
    const toTasks = resourcesOf(services, 'AWS::EC2::SecurityGroupIngress')
      .map(([, r]) => r)
      .filter((r) => JSON.stringify(r.GroupId).includes('Tasks'));
    expect(toTasks.map((r) => r.FromPort)).toEqual([3000]);
    expect(JSON.stringify(toTasks[0].SourceSecurityGroupId)).toContain('LBSecurityGroup');
  });

  it('admits the tasks, and only them, to PostgreSQL and Redis', () => {
    const rules = resourcesOf(services, 'AWS::EC2::SecurityGroupIngress').map(([, r]) => r);
    const ports = rules.filter((r) => [5432, 6379].includes(r.FromPort));
    expect(ports.map((r) => r.FromPort).sort()).toEqual([5432, 6379]);
    for (const r of ports) {
      expect(r.SourceSecurityGroupId).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/^Tasks/), 'GroupId'],
      });
      expect(r.CidrIp).toBeUndefined();
    }
  });
});
