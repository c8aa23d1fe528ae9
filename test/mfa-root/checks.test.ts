// BAD_PATTERN_FOR_MFA (Parliament's idea, a validation check) and TRUSTS_WHOLE_ACCOUNT (a least-privilege
// suggestion), with their one-click fixes.
import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../src/engine/findings/edits'
import { simulateCase } from '../../src/engine/simulate'
import { suggestPolicy } from '../../src/engine/suggest'
import { findings, getCatalogue } from '../validate/helpers'

const denyWithoutMfa = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Work', Effect: 'Allow', Action: 's3:*', Resource: '*' },
    { Sid: 'BlockWithoutMfa', Effect: 'Deny', NotAction: ['iam:ListMFADevices', 'sts:GetSessionToken'], Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } },
  ],
}

function decide(policy: object, context: Record<string, string>): string | undefined {
  return simulateCase({ request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: 'arn:aws:iam::111111111111:user/u', context }, identityPolicies: [policy] }).decision
}

describe('BAD_PATTERN_FOR_MFA (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent)', () => {
  it('a Deny with Bool "false" lets long-term keys through; the fix (BoolIfExists) denies them', async () => {
    const c = await getCatalogue()
    const text = JSON.stringify(denyWithoutMfa, null, 2)
    const f = findings(c, text).find((x) => x.code === 'BAD_PATTERN_FOR_MFA')!
    expect(f.message).toMatch(/long-term access keys/)
    // The simulator shows the gap: no MFA key in the request (long-term keys) → allowed.
    expect(decide(denyWithoutMfa, {})).toBe('Allowed')
    const fixed = JSON.parse(applyEdits(text, f.fixes![0]!.edits)) as typeof denyWithoutMfa
    expect(fixed.Statement[1]!.Condition).toEqual({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } })
    expect(decide(fixed, {})).toBe('ExplicitDeny')
    expect(decide(fixed, { 'aws:MultiFactorAuthPresent': 'true' })).toBe('Allowed')
    expect(findings(c, fixed).some((x) => x.code === 'BAD_PATTERN_FOR_MFA')).toBe(false)
  })

  it('an Allow with Bool "false" is flagged with a fix that requires MFA', async () => {
    const c = await getCatalogue()
    const p = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': false } } }] }
    const text = JSON.stringify(p, null, 2)
    const f = findings(c, text).find((x) => x.code === 'BAD_PATTERN_FOR_MFA')!
    expect(f.message).toMatch(/only matches temporary credentials obtained without MFA/)
    const fixed = JSON.parse(applyEdits(text, f.fixes![0]!.edits))
    expect(fixed.Statement[0].Condition).toEqual({ Bool: { 'aws:MultiFactorAuthPresent': true } })
  })

  it('the documented patterns are not flagged', async () => {
    const c = await getCatalogue()
    for (const cond of [{ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, { Null: { 'aws:MultiFactorAuthPresent': 'true' } }]) {
      const p = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: cond }] }
      expect(findings(c, p).map((x) => x.code)).not.toContain('BAD_PATTERN_FOR_MFA')
    }
  })
})

describe('TRUSTS_WHOLE_ACCOUNT, a least-privilege suggestion (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts)', () => {
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 'sts:AssumeRole' }],
  }
  const codesOf = async (p: object, policyType: 'trust' | 'resource') => suggestPolicy(JSON.stringify(p, null, 2), { catalogue: await getCatalogue(), policyType }).map((x) => x.code)

  it('says that every principal the account allows is trusted, and proposes an aws:PrincipalArn limit', async () => {
    const c = await getCatalogue()
    const text = JSON.stringify(trust, null, 2)
    const f = suggestPolicy(text, { catalogue: c, policyType: 'trust' }).find((x) => x.code === 'TRUSTS_WHOLE_ACCOUNT')!
    expect(f.message).toMatch(/trusts the whole account 222222222222, not only its root user: every user and role/)
    expect(f.severity).toBe('SUGGESTION')
    const fixed = JSON.parse(applyEdits(text, f.fixes![0]!.edits))
    expect(fixed.Statement[0].Condition).toEqual({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::222222222222:role/ROLE-NAME' } })
    expect(await codesOf(fixed, 'trust')).not.toContain('TRUSTS_WHOLE_ACCOUNT')
    // A suggestion, not a validation finding: the policy is valid as it is.
    expect(findings(c, trust, { type: 'trust' }).map((x) => x.code)).not.toContain('TRUSTS_WHOLE_ACCOUNT')
  })

  it('a bare account ID in a resource policy is the same; limited statements, named roles and the default KMS key policy are not flagged', async () => {
    const bucket = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ['333333333333'] }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }
    expect(await codesOf(bucket, 'resource')).toContain('TRUSTS_WHOLE_ACCOUNT')
    const limited = { ...bucket, Statement: [{ ...bucket.Statement[0], Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123defg' } } }] }
    expect(await codesOf(limited, 'resource')).not.toContain('TRUSTS_WHOLE_ACCOUNT')
    const role = { ...trust, Statement: [{ ...trust.Statement[0], Principal: { AWS: 'arn:aws:iam::222222222222:role/ci' } }] }
    expect(await codesOf(role, 'trust')).not.toContain('TRUSTS_WHOLE_ACCOUNT')
    const key = { Version: '2012-10-17', Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }] }
    expect(await codesOf(key, 'resource')).not.toContain('TRUSTS_WHOLE_ACCOUNT')
  })
})
