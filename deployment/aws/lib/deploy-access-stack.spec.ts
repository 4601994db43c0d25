import { Match } from 'aws-cdk-lib/assertions';
import { synthesize } from './test-app';

describe('deploy access stack', () => {
  const { deployAccess } = synthesize();

  it("trusts GitHub's OIDC tokens of one repository's production environment only", () => {
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
              StringEquals: {
                'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                'token.actions.githubusercontent.com:sub':
                  'repo:example/clipgen:environment:production',
              },
            },
          }),
        ],
      },
    });
  });
});
