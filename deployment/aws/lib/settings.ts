/** What one deployment is told through CDK context (`-c key=value` or cdk.json). */
export interface DeploymentSettings {
  /** Names stacks, log groups and the metric namespace: `prod`, `staging`. */
  stage: string;
  /** The public name of the API, e.g. `clips.example.com`; HTTPS only. */
  domainName: string;
  /** An ACM certificate to use; without it one is requested for domainName (DNS validation). */
  certificateArn?: string;
  /** A Route 53 zone holding domainName: validation records and the alias are then made for you. */
  hostedZoneId?: string;
  hostedZoneName?: string;
  /** The image tag both services run (the deploy workflow passes the commit). */
  imageTag: string;
  apiTasks: number;
  workerMin: number;
  workerMax: number;
  /** Fargate sizes: vCPU units (1024 = 1 vCPU) and MiB. */
  workerCpu: number;
  workerMemoryMiB: number;
  uploadsExpireDays: number;
  processingExpireDays: number;
  /** 0 keeps results forever. */
  resultsExpireDays: number;
  /** Browser origins allowed to call the API; the domain itself by default. */
  corsOrigins: string;
  /** Where alarms are mailed, if anywhere. */
  alarmEmail?: string;
  databaseMultiAz: boolean;
}

type Context = (key: string) => unknown;

/** Reads and checks the settings; a missing or malformed one stops synthesis with its name. */
export function readSettings(context: Context): DeploymentSettings {
  const text = (key: string, fallback?: string): string => {
    const value = context(key) ?? fallback;
    if (typeof value !== 'string' || !value) throw new Error(`set the CDK context value "${key}"`);
    return value;
  };
  const optional = (key: string) => (context(key) as string | undefined) || undefined;
  const count = (key: string, fallback: number, min = 0): number => {
    const value = Number(context(key) ?? fallback);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`CDK context "${key}" must be an integer ≥ ${min}`);
    return value;
  };
  const domainName = text('domainName');
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domainName))
    throw new Error(`CDK context "domainName" is not a host name: ${domainName}`);
  const settings: DeploymentSettings = {
    stage: text('stage', 'prod'),
    domainName,
    certificateArn: optional('certificateArn'),
    hostedZoneId: optional('hostedZoneId'),
    hostedZoneName: optional('hostedZoneName'),
    imageTag: text('imageTag', 'latest'),
    apiTasks: count('apiTasks', 2, 1),
    workerMin: count('workerMin', 1, 1),
    workerMax: count('workerMax', 4, 1),
    workerCpu: count('workerCpu', 2048, 256),
    workerMemoryMiB: count('workerMemoryMiB', 4096, 512),
    uploadsExpireDays: count('uploadsExpireDays', 7, 1),
    processingExpireDays: count('processingExpireDays', 7, 1),
    resultsExpireDays: count('resultsExpireDays', 30),
    corsOrigins: text('corsOrigins', `https://${domainName}`),
    alarmEmail: optional('alarmEmail'),
    databaseMultiAz: String(context('databaseMultiAz') ?? 'false') === 'true',
  };
  if (settings.workerMax < settings.workerMin)
    throw new Error('CDK context "workerMax" must be at least "workerMin"');
  if (!!settings.hostedZoneId !== !!settings.hostedZoneName)
    throw new Error('CDK context "hostedZoneId" and "hostedZoneName" go together');
  return settings;
}
