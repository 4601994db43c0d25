import { App, StackProps } from 'aws-cdk-lib';
import { DeployAccessStack } from './deploy-access-stack';
import { FoundationStack } from './foundation-stack';
import { ServicesStack } from './services-stack';
import { readSettings } from './settings';

/**
 * The stacks of one stage. Environment-agnostic unless CDK_DEFAULT_ACCOUNT/REGION are given
 * (the CLI sets them from the credentials in use), so it synthesises offline.
 */
export function buildClipgenApp(app: App) {
  const settings = readSettings((key) => app.node.tryGetContext(key));
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const region = process.env.CDK_DEFAULT_REGION;
  const props: StackProps = account && region ? { env: { account, region } } : {};
  const prefix = `Clipgen-${settings.stage}`;
  const foundation = new FoundationStack(app, `${prefix}-Foundation`, settings, props);
  const services = new ServicesStack(app, `${prefix}-Services`, foundation, settings, props);
  const repository = app.node.tryGetContext('githubRepository') as string | undefined;
  const deployAccess = repository
    ? new DeployAccessStack(app, `${prefix}-DeployAccess`, {
        ...props,
        repository,
        environments: String(
          app.node.tryGetContext('githubEnvironments') ?? 'production,production-release',
        ).split(','),
      })
    : undefined;
  return { settings, foundation, services, deployAccess };
}
