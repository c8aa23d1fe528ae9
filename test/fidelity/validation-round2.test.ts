/**
 * Issue 15, validation: the classes where the engine disagreed with Access Analyzer and AWS's documentation.
 * Each case is our own; each test names the AWS page the expected behaviour follows from.
 */
import { describe, expect, it } from 'vitest'
import type { Finding } from '../../src/engine/findings/types'
import { buildPolicyModel } from '../../src/engine/model'
import { guessPolicyType, validatePolicy, type ValidateOptions } from '../../src/engine/validate'
import { getCatalogue } from '../validate/helpers'

const AA = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html'

async function run(doc: object, o: Partial<Omit<ValidateOptions, 'catalogue'>> = {}): Promise<Finding[]> {
  return validatePolicy(JSON.stringify(doc, null, 2), { catalogue: await getCatalogue(), policyType: 'identity', ...o }).findings
}
const codes = (fs: Finding[]): string[] => fs.map((f) => f.code)
const errors = (fs: Finding[]): string[] => fs.filter((f) => f.severity === 'ERROR').map((f) => f.code)
const P = (...Statement: object[]): object => ({ Version: '2012-10-17', Statement })

describe(`Resource values that are not ARNs are MISSING_ARN_FIELD (${AA})`, () => {
  for (const value of ['my-bucket', 'bucket/object.txt', 'table:orders', 's3:::bucket']) {
    it(`"${value}"`, async () => {
      const fs = await run(P({ Effect: 'Allow', Action: 's3:GetObject', Resource: value }))
      expect(codes(fs)).toContain('MISSING_ARN_FIELD')
      expect(codes(fs)).not.toContain('INVALID_ARN_PREFIX')
    })
  }
  it('a full ARN with a wrong first field stays INVALID_ARN_PREFIX', async () => {
    expect(codes(await run(P({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'urn:aws:s3:::bucket/key' })))).toContain('INVALID_ARN_PREFIX')
  })
})

describe(`"Resource": "*" in a policy that must name its resource is UNSUPPORTED_RESOURCE_ARN_IN_POLICY (${AA}; https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html)`, () => {
  const bucketPolicy = (resource: string | string[]): object =>
    P({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/reader' }, Action: 's3:GetObject', Resource: resource })
  for (const resourceType of ['AWS::S3::Bucket', 'AWS::S3::AccessPoint', 'AWS::S3::MultiRegionAccessPoint', 'AWS::DynamoDB::Table']) {
    it(resourceType, async () => {
      expect(codes(await run(bucketPolicy('*'), { policyType: 'resource', resourceType }))).toContain('UNSUPPORTED_RESOURCE_ARN_IN_POLICY')
    })
  }
  it('also when "*" is one entry among ARNs', async () => {
    expect(codes(await run(bucketPolicy(['arn:aws:s3:::b/*', '*']), { policyType: 'resource', resourceType: 'AWS::S3::Bucket' }))).toContain('UNSUPPORTED_RESOURCE_ARN_IN_POLICY')
  })
  it('not for a KMS key policy, where "*" is the documented form (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html)', async () => {
    const fs = await run(P({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }), { policyType: 'resource', resourceType: 'AWS::KMS::Key' })
    expect(codes(fs)).not.toContain('UNSUPPORTED_RESOURCE_ARN_IN_POLICY')
  })
  it('not without a resource type, and not for the bucket named', async () => {
    expect(codes(await run(bucketPolicy('*'), { policyType: 'resource' }))).not.toContain('UNSUPPORTED_RESOURCE_ARN_IN_POLICY')
    expect(codes(await run(bucketPolicy('arn:aws:s3:::b/*'), { policyType: 'resource', resourceType: 'AWS::S3::Bucket' }))).not.toContain('UNSUPPORTED_RESOURCE_ARN_IN_POLICY')
  })
})

describe(`Trust policies: {"AWS": "*"} is not the "Principal": "*" error (${AA}#access-analyzer-reference-policy-checks-error-role-trust-policy-unsupported-wildcard-in-principal)`, () => {
  const trust = (principal: unknown, extra: object = {}): object => P({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra })
  it('{"AWS": "*"} with an organization condition: no ERROR', async () => {
    const fs = await run(trust({ AWS: '*' }, { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }), { policyType: 'trust' })
    expect(errors(fs)).toEqual([])
  })
  it('{"AWS": "*"} alone: no ERROR either', async () => {
    expect(errors(await run(trust({ AWS: '*' }), { policyType: 'trust' }))).toEqual([])
  })
  it('{"AWS": ["*"]}: no ERROR', async () => {
    expect(errors(await run(trust({ AWS: ['*'] }), { policyType: 'trust' }))).toEqual([])
  })
  it('the string form "Principal": "*" is still the error', async () => {
    expect(codes(await run(trust('*'), { policyType: 'trust' }))).toContain('ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL')
  })
})

describe('MISMATCHED_ACTION_FOR_PRINCIPAL only when the assume-role action does not fit (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_adding-assume-role-saml)', () => {
  const saml = { Federated: 'arn:aws:iam::111122223333:saml-provider/ExampleIdP' }
  const oidc = { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }
  const sub = { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/repo:ref:refs/heads/main' } }
  it('SAML: assume statement plus a TagSession-only statement', async () => {
    const fs = await run(
      P(
        { Effect: 'Allow', Principal: saml, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } },
        { Effect: 'Allow', Principal: saml, Action: 'sts:TagSession' },
      ),
      { policyType: 'trust' },
    )
    expect(codes(fs)).not.toContain('MISMATCHED_ACTION_FOR_PRINCIPAL')
  })
  it('OIDC: assume statement plus a statement with TagSession and SetSourceIdentity', async () => {
    const fs = await run(
      P({ Effect: 'Allow', Principal: oidc, Action: 'sts:AssumeRoleWithWebIdentity', Condition: sub }, { Effect: 'Allow', Principal: oidc, Action: ['sts:TagSession', 'sts:SetSourceIdentity'] }),
      { policyType: 'trust' },
    )
    expect(codes(fs)).not.toContain('MISMATCHED_ACTION_FOR_PRINCIPAL')
  })
  it('SAML with sts:AssumeRole is still a mismatch', async () => {
    expect(codes(await run(P({ Effect: 'Allow', Principal: saml, Action: ['sts:AssumeRole', 'sts:TagSession'] }), { policyType: 'trust' }))).toContain('MISMATCHED_ACTION_FOR_PRINCIPAL')
  })
  it('OIDC with AssumeRoleWithSAML is still a mismatch', async () => {
    expect(codes(await run(P({ Effect: 'Allow', Principal: oidc, Action: 'sts:AssumeRoleWithSAML', Condition: sub }), { policyType: 'trust' }))).toContain('MISMATCHED_ACTION_FOR_PRINCIPAL')
  })
})

describe('Regions come from the AWS SDK partition data (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html)', () => {
  const sqs = (region: string): object => P({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: `arn:aws:sqs:${region}:111122223333:jobs` })
  it('the catalogue carries every partition with its Regions', async () => {
    const c = await getCatalogue()
    expect(c.regions('aws')).toContain('us-east-1')
    expect(c.regions('aws-cn')).toContain('cn-north-1')
    expect(c.regions('aws-us-gov')).toContain('us-gov-west-1')
    expect(c.partitionOf('eu-west-1')).toBe('aws')
  })
  for (const bad of ['us-east-9', 'eu-north-7', 'xx-west-1', 'useast1', 'US-EAST-1', 'us-*-9'])
    it(`INVALID_ARN_REGION for "${bad}"`, async () => {
      expect(codes(await run(sqs(bad)))).toContain('INVALID_ARN_REGION')
    })
  for (const good of ['us-east-1', 'ap-southeast-2', '*', 'us-*', 'eu-west-?', '${aws:RequestedRegion}', 'us-gov-west-1'])
    it(`no INVALID_ARN_REGION for "${good}"`, async () => {
      expect(codes(await run(sqs(good)))).not.toContain('INVALID_ARN_REGION')
    })
  const requested = (op: string, value: string | string[]): object =>
    P({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { [op]: { 'aws:RequestedRegion': value } } })
  it('INVALID_REGION for an aws:RequestedRegion value AWS does not have (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion)', async () => {
    expect(codes(await run(requested('StringNotEquals', ['eu-west-1', 'eu-central-9'])))).toContain('INVALID_REGION')
    expect(codes(await run(requested('StringNotLike', 'zz-*')))).toContain('INVALID_REGION')
  })
  it('no INVALID_REGION for real Regions and patterns that match one', async () => {
    expect(codes(await run(requested('StringNotEquals', ['eu-west-1', 'eu-central-1'])))).not.toContain('INVALID_REGION')
    expect(codes(await run(requested('StringNotLike', ['eu-*', 'us-gov-*'])))).not.toContain('INVALID_REGION')
  })
})

describe('Condition keys AWS uses in its managed policies are known (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSSOServiceRolePolicy.html)', () => {
  it('aws:PrincipalOrgMasterAccountId and lakeformation:GlueARN raise no ERROR', async () => {
    const fs = await run(
      P(
        { Effect: 'Allow', Action: 'iam:GetRole', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgMasterAccountId': '${aws:PrincipalAccount}' } } },
        { Effect: 'Allow', Action: 'lakeformation:GetDataAccess', Resource: '*', Condition: { StringEquals: { 'lakeformation:GlueARN': 'arn:aws:glue:us-east-1:111122223333:table/db/t' } } },
      ),
    )
    expect(errors(fs)).toEqual([])
  })
  it('a misspelt key is still an ERROR', async () => {
    expect(errors(await run(P({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgMasterAcountId': '111122223333' } } })))).toContain(
      'INVALID_GLOBAL_CONDITION_KEY',
    )
  })
})

describe('Finding locations follow Access Analyzer: the *_WITH_STAR_IN_RESOURCE findings point at the Resource (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html)', () => {
  for (const [action, code] of [
    ['iam:PassRole', 'PASS_ROLE_WITH_STAR_IN_RESOURCE'],
    ['iam:CreateServiceLinkedRole', 'CREATE_SLR_WITH_STAR_IN_RESOURCE'],
  ] as const) {
    it(code, async () => {
      const f = (await run(P({ Effect: 'Allow', Action: [action, 's3:GetObject'], Resource: ['arn:aws:s3:::b/*', '*'] }))).find((x) => x.code === code)
      expect(f?.path).toEqual(['Statement', 0, 'Resource', 1])
    })
  }
})

describe('No noise on good policies', () => {
  it('IP-typed key compared with a policy variable through a String operator: no TYPE_MISMATCH (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-ec2instancesourceprivateip4)', async () => {
    const fs = await run(
      P({
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:EC2InstanceSourcePrivateIPv4': '${aws:VpcSourceIp}' }, BoolIfExists: { 'aws:ViaAWSService': 'false' } },
      }),
    )
    expect(codes(fs)).not.toContain('TYPE_MISMATCH')
  })
  it('an IP-typed key with a literal through a String operator is still a TYPE_MISMATCH', async () => {
    expect(codes(await run(P({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceIp': '203.0.113.5' } } })))).toContain('TYPE_MISMATCH')
  })
  it('SAML keys in a permission policy: no UNKNOWN_CONDITION_FOR_ACTION (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml)', async () => {
    const fs = await run(P({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${saml:sub}/*', Condition: { StringEquals: { 'saml:aud': 'https://signin.aws.amazon.com/saml' } } }))
    expect(codes(fs)).not.toContain('UNKNOWN_CONDITION_FOR_ACTION')
  })
  it('DENY_NEVER_APPLIES is only ever about a Deny; an Allow that can never match is STATEMENT_NEVER_MATCHES (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html)', async () => {
    const allow = await run(P({ Effect: 'Allow', NotAction: '*', Resource: '*' }))
    expect(codes(allow)).not.toContain('DENY_NEVER_APPLIES')
    expect(codes(allow)).toContain('STATEMENT_NEVER_MATCHES')
    const deny = (await run(P({ Effect: 'Deny', NotAction: '*', Resource: '*' }))).find((f) => f.code === 'DENY_NEVER_APPLIES')
    expect(deny?.message).toMatch(/Deny/)
  })
  it('an Effect given twice counts as its last value, as JSON readers take it: "Deny" then "Allow" is an Allow (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html)', async () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:GetObject","Resource":"*","Effect":"Allow","Condition":{"StringEquals":{"aws:username":[]}}}]}'
    const fs = validatePolicy(text, { catalogue: await getCatalogue(), policyType: 'identity' }).findings
    expect(codes(fs)).not.toContain('DENY_NEVER_APPLIES')
    expect(codes(fs)).toContain('STATEMENT_NEVER_MATCHES')
    // The duplicate reported is the earlier, shadowed one, and removing it keeps the policy's meaning.
    const dup = fs.find((f) => f.code === 'DUPLICATE_JSON_KEY')!
    expect(dup.range.start.column).toBe(text.indexOf('"Effect":"Deny"') + 1)
    expect(dup.fixes?.[0]?.title).toMatch(/earlier/)
  })
})

describe('--type auto recognises SCPs and says when it is unsure (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html)', () => {
  const guess = (doc: object) => guessPolicyType(buildPolicyModel(JSON.stringify(doc)))
  it('only Deny statements and no Principal: an SCP, not certain', () => {
    const g = guess(P({ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }))
    expect(g.policyType).toBe('scp')
    expect(g.confident).toBe(false)
    expect(g.reason).toMatch(/identity policy/)
  })
  it('organization guardrails beside an Allow-all: an SCP', () => {
    const g = guess(
      P(
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
      ),
    )
    expect(g.policyType).toBe('scp')
  })
  it('an ordinary identity policy stays identity, confidently', () => {
    const g = guess(P({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }))
    expect(g).toMatchObject({ policyType: 'identity', confident: true })
  })
  it('validatePolicy with auto returns the guess', async () => {
    const r = validatePolicy(JSON.stringify(P({ Effect: 'Deny', Action: 'ec2:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } })), {
      catalogue: await getCatalogue(),
      policyType: 'auto',
    })
    expect(r.policyType).toBe('scp')
    expect(r.guess?.confident).toBe(false)
  })
})
