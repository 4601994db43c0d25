import { Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface DeployAccessProps extends StackProps {
  /** `owner/repo` on GitHub. */
  repository: string;
  /** The GitHub environment whose jobs may deploy (its reviewers are the approval gate). */
  environment: string;
}

/**
 * Deployed once by hand: lets the deploy workflow assume a role through GitHub's OIDC provider,
 * so no long-lived AWS key is stored anywhere. Only jobs of the named environment in the named
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
      description: `GitHub Actions deploys of ${props.repository} (${props.environment})`,
      assumedBy: new iam.WebIdentityPrincipal(provider.openIdConnectProviderArn, {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': `repo:${props.repository}:environment:${props.environment}`,
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
