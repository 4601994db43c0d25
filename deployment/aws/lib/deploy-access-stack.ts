import { Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface DeployAccessProps extends StackProps {
  /** `owner/repo` on GitHub. */
  repository: string;
  /**
   * GitHub environments whose jobs may deploy: the gated one (its reviewers approve a release)
   * and the one the later jobs of an approved run use.
   */
  environments: string[];
}

/**
 * Deployed once by hand: lets the deploy workflow assume a role through GitHub's OIDC provider,
 * so no long-lived AWS key is stored anywhere. Only jobs of the named environments in the named
 * repository get it; the role may do little beyond running the CDK's bootstrap roles and ECR.
 */
export class DeployAccessStack extends Stack {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: DeployAccessProps) {
    super(scope, id, props);
    const provider = new iam.OpenIdConnectProvider(this, 'GitHub', {
      url: 'https://token.actions.githubusercontent.com',
      clientIds: ['sts.amazonaws.com'],
    });
    this.role = new iam.Role(this, 'DeployRole', {
      description: `GitHub Actions deploys of ${props.repository} (${props.environments.join(', ')})`,
      assumedBy: new iam.WebIdentityPrincipal(provider.openIdConnectProviderArn, {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: {
          'token.actions.githubusercontent.com:sub': props.environments.map(
            (environment) => `repo:${props.repository}:environment:${environment}`,
          ),
        },
      }),
    });
    // `cdk deploy` works through the roles `cdk bootstrap` made; it needs to assume them only.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['sts:AssumeRole'],
        resources: [`arn:${this.partition}:iam::${this.account}:role/cdk-*`],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          'ecr:BatchCheckLayerAvailability',
          'ecr:BatchGetImage',
          'ecr:CompleteLayerUpload',
          'ecr:DescribeImages',
          'ecr:InitiateLayerUpload',
          'ecr:PutImage',
          'ecr:UploadLayerPart',
        ],
        resources: [
          `arn:${this.partition}:ecr:${this.region}:${this.account}:repository/clipgen-*`,
        ],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['cloudformation:DescribeStacks', 'ecs:DescribeServices'],
        resources: ['*'],
      }),
    );
  }
}
