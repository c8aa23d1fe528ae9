import { describe, expect, it } from 'vitest'
import { allow, applyFix, byCode, deny, one, policy, suggest } from './helpers'

const bucketPolicy = (statement: object, ...more: object[]) => policy(statement, ...more)
const svc = (service: string, extra: object = {}) => ({
  Effect: 'Allow',
  Principal: { Service: service },
  Action: 's3:PutObject',
  Resource: 'arn:aws:s3:::logs/*',
  ...extra,
})
const githubTrust = (condition?: object) =>
  policy({
    Effect: 'Allow',
    Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
    Action: 'sts:AssumeRoleWithWebIdentity',
    ...(condition ? { Condition: condition } : {}),
  })

describe('MFA for permissions management (id_credentials_mfa_configure-api-require)', () => {
  it('suggests aws:MultiFactorAuthPresent and adds it without touching the rest', async () => {
    const text = policy(allow(['iam:AttachUserPolicy', 's3:GetObject'], '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }))
    const s = one(await suggest(text), 'MISSING_MFA_CONDITION')
    expect(s.category).toBe('missing-condition')
    expect(s.actions).toEqual(['iam:AttachUserPolicy'])
    const after = JSON.parse(applyFix(text, s.fixes![0]!)) as { Statement: { Condition: unknown }[] }
    expect(after.Statement[0]!.Condition).toEqual({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } })
    expect(byCode(await suggest(applyFix(text, s.fixes![0]!)), 'MISSING_MFA_CONDITION')).toEqual([])
  })

  it('near miss: MFA already required, in the statement or by a policy-wide Deny', async () => {
    expect(byCode(await suggest(policy(allow('iam:AttachUserPolicy', '*', { Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } }))), 'MISSING_MFA_CONDITION')).toEqual([])
    const wide = policy(allow('iam:AttachUserPolicy'), { Effect: 'Deny', NotAction: 'iam:ListMFADevices', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } })
    expect(byCode(await suggest(wide), 'MISSING_MFA_CONDITION')).toEqual([])
  })

  it('near miss: no permissions-management action; not an identity policy', async () => {
    expect(byCode(await suggest(policy(allow('s3:PutObject'))), 'MISSING_MFA_CONDITION')).toEqual([])
    expect(byCode(await suggest(policy(allow('iam:AttachUserPolicy')), { policyType: 'scp' }), 'MISSING_MFA_CONDITION')).toEqual([])
  })
})

describe('service principals: confused deputy (confused-deputy.html)', () => {
  it('a bucket policy that lets a service write without aws:SourceArn/aws:SourceAccount', async () => {
    const text = bucketPolicy(svc('logging.s3.amazonaws.com'))
    const s = one(await suggest(text, { account: '123456789012' }), 'MISSING_SOURCE_CONDITION_FOR_SERVICE_PRINCIPAL')
    expect(s.severity).toBe('WARNING')
    expect(s.path).toEqual(['Statement', 0, 'Principal', 'Service'])
    const after = applyFix(text, s.fixes![0]!)
    expect(JSON.parse(after).Statement[0].Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '123456789012' } })
    expect(byCode(await suggest(after), 'MISSING_SOURCE_CONDITION_FOR_SERVICE_PRINCIPAL')).toEqual([])
  })

  it('near miss: aws:SourceArn present; a role trust policy for a service', async () => {
    expect(
      byCode(await suggest(bucketPolicy(svc('logging.s3.amazonaws.com', { Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::src' } } }))), 'MISSING_SOURCE_CONDITION_FOR_SERVICE_PRINCIPAL'),
    ).toEqual([])
    const trust = policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' })
    expect(byCode(await suggest(trust), 'MISSING_SOURCE_CONDITION_FOR_SERVICE_PRINCIPAL')).toEqual([])
  })
})

describe('public and cross-account resource policies', () => {
  it('Principal "*" with no limiting condition is public (resource exposure)', async () => {
    const text = bucketPolicy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' })
    const s = one(await suggest(text), 'PUBLIC_ACCESS')
    expect(s.severity).toBe('SECURITY_WARNING')
    expect(s.category).toBe('resource-exposure')
    const after = applyFix(text, s.fixes![0]!)
    expect(JSON.parse(after).Statement[0].Condition).toEqual({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } })
    expect(byCode(await suggest(after), 'PUBLIC_ACCESS')).toEqual([])
  })

  it('near miss: "*" limited by aws:PrincipalOrgID or a VPC endpoint', async () => {
    for (const Condition of [{ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }, { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }]) {
      const text = bucketPolicy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*', Condition })
      expect(byCode(await suggest(text), 'PUBLIC_ACCESS')).toEqual([])
    }
  })

  it('near miss: a negated org condition does not limit an Allow', async () => {
    const text = bucketPolicy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })
    expect(byCode(await suggest(text), 'PUBLIC_ACCESS')).toHaveLength(1)
  })

  it('another account without aws:PrincipalOrgID gets a suggestion', async () => {
    const text = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:jobs' })
    const s = one(await suggest(text), 'MISSING_PRINCIPAL_ORG_CONDITION')
    expect(s.message).toContain('444455556666')
  })

  it('near miss: the same account, or the account cannot be told', async () => {
    const same = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:jobs' })
    expect(byCode(await suggest(same), 'MISSING_PRINCIPAL_ORG_CONDITION')).toEqual([])
    const unknown = policy({ Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })
    expect(byCode(await suggest(unknown), 'MISSING_PRINCIPAL_ORG_CONDITION')).toEqual([])
    expect(byCode(await suggest(unknown, { account: '111122223333' }), 'MISSING_PRINCIPAL_ORG_CONDITION')).toHaveLength(1)
  })
})

describe('bucket policies: aws:SecureTransport', () => {
  it('suggests a Deny of plain-HTTP requests for the buckets named', async () => {
    const text = bucketPolicy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*' })
    const s = one(await suggest(text), 'MISSING_SECURE_TRANSPORT_DENY')
    const after = JSON.parse(applyFix(text, s.fixes![0]!)) as { Statement: object[] }
    expect(after.Statement[1]).toEqual({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    })
  })

  it('near miss: the Deny is there; not a bucket policy', async () => {
    const withDeny = bucketPolicy(
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*' },
      deny('s3:*', ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'], { Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    )
    expect(byCode(await suggest(withDeny), 'MISSING_SECURE_TRANSPORT_DENY')).toEqual([])
    const queue = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' })
    expect(byCode(await suggest(queue), 'MISSING_SECURE_TRANSPORT_DENY')).toEqual([])
  })
})

describe('GitHub Actions OIDC trust (id_roles_create_for-idp_oidc)', () => {
  it('no sub condition: any repository can assume the role', async () => {
    const text = githubTrust()
    const s = one(await suggest(text), 'MISSING_GITHUB_SUB_CONDITION')
    expect(s.severity).toBe('SECURITY_WARNING')
    const after = JSON.parse(applyFix(text, s.fixes![0]!)) as { Statement: { Condition: unknown }[] }
    expect(after.Statement[0]!.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:sub': 'repo:my-org/my-repo:ref:refs/heads/main',
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      },
    })
  })

  it('keeps an existing aud condition and adds sub beside it', async () => {
    const text = githubTrust({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } })
    const s = one(await suggest(text), 'MISSING_GITHUB_SUB_CONDITION')
    const after = JSON.parse(applyFix(text, s.fixes![0]!)) as { Statement: { Condition: unknown }[] }
    expect(after.Statement[0]!.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': 'repo:my-org/my-repo:ref:refs/heads/main',
      },
    })
  })

  it('a sub of any owner is a warning, a whole organization a suggestion', async () => {
    expect(one(await suggest(githubTrust({ StringLike: { 'token.actions.githubusercontent.com:sub': '*' } })), 'GITHUB_SUB_TOO_BROAD').severity).toBe('WARNING')
    expect(one(await suggest(githubTrust({ StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo/*' } })), 'GITHUB_SUB_TOO_BROAD').severity).toBe('SUGGESTION')
  })

  it('near miss: a specific repository and branch', async () => {
    const s = await suggest(githubTrust({ StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:octo/app:ref:refs/heads/main' } }))
    expect(s.filter((x) => x.code.includes('GITHUB'))).toEqual([])
    const s2 = await suggest(githubTrust({ StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo/app:*' } }))
    expect(s2.filter((x) => x.code.includes('GITHUB'))).toEqual([])
  })
})
