import { policy, type BuiltinTemplate } from './types'

export const TRUST_TEMPLATES: BuiltinTemplate[] = [
  {
    id: 'builtin-github-oidc-trust',
    name: 'GitHub Actions OIDC deploy role: trust policy',
    description: 'Trust policy that lets GitHub Actions workflows of one repository, on one branch only, assume the role without stored keys.',
    policyType: 'trust',
    tags: ['github', 'oidc', 'trust', 'ci-cd'],
    document: policy([
      {
        Sid: 'GitHubActionsDeploy',
        Effect: 'Allow',
        Principal: { Federated: 'arn:{{Partition}}:iam::{{AccountId}}:oidc-provider/token.actions.githubusercontent.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:sub': 'repo:{{GitHubOrg}}/{{GitHubRepo}}:ref:refs/heads/{{Branch}}',
          },
        },
      },
    ]),
  },
  {
    id: 'builtin-cross-account-trust-external-id',
    name: 'Cross-account role: trust with external ID',
    description: 'Trust policy that lets another AWS account assume the role only when it presents the agreed external ID.',
    policyType: 'trust',
    tags: ['cross-account', 'trust', 'external-id', 'third-party'],
    document: policy([
      {
        Sid: 'TrustedAccountWithExternalId',
        Effect: 'Allow',
        Principal: { AWS: 'arn:{{Partition}}:iam::{{TrustedAccountId}}:root' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': '{{ExternalId}}' } },
      },
    ]),
  },
  {
    id: 'builtin-mfa-admin-role-trust',
    name: 'Admin role: trust only with recent MFA',
    description: 'Trust policy that lets principals of this account assume an administrator role only after signing in with MFA within the last hour.',
    policyType: 'trust',
    tags: ['mfa', 'trust', 'admin'],
    document: policy([
      {
        Sid: 'AssumeWithRecentMFA',
        Effect: 'Allow',
        Principal: { AWS: 'arn:{{Partition}}:iam::{{AccountId}}:root' },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
      },
    ]),
  },
]
