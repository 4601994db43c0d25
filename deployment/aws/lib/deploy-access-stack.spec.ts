import { Match } from 'aws-cdk-lib/assertions';
import { Properties, synthesize } from './test-app';

describe('deploy access stack', () => {
  const { deployAccess } = synthesize();

  it("trusts GitHub's OIDC tokens of one repository's production environments only", () => {
    deployAccess.hasResourceProperties('Custom::AWSCDKOpenIdConnectProvider', {
      Url: 'https://token.actions.githubusercontent.com',
      ClientIDList: ['sts.amazonaws.com'],
    });
    deployAccess.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
              StringLike: {
                'token.actions.githubusercontent.com:sub': [
                  'repo:example/clipgen:environment:production',
                  'repo:example/clipgen:environment:production-release',
                ],
              },
            },
          }),
        ],
      },
    });
  });

  it('may assume the CDK bootstrap roles and push to clipgen repositories, nothing wider', () => {
    const template = deployAccess.toJSON();
    const policy = Object.values(
      template.Resources as Record<string, { Type: string; Properties: Properties }>,
    )
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => r.Properties.PolicyDocument.Statement as { Action: string | string[] }[]);
    const actions = policy.flatMap((s) => [s.Action].flat()).sort();
    expect(actions).toContain('sts:AssumeRole');
    expect(actions).toContain('ecr:PutImage');
    expect(actions.filter((a) => a.endsWith(':*') || a === '*')).toEqual([]);
    expect(JSON.stringify(policy)).toContain('role/cdk-*');
    expect(JSON.stringify(policy)).toContain('repository/clipgen-*');
  });
});
