/**
 * Known answers for the three custom policy checks: Access Analyzer's documented behaviour
 * (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html,
 * .../API_CheckAccessNotGranted.html, .../API_CheckNoPublicAccess.html, and the reference policies of
 * https://github.com/aws-samples/iam-access-analyzer-custom-policy-check-samples) and our own pairs.
 * Every FAIL's witness is replayed through the simulator here as well as inside the service.
 */
import { describe, expect, test } from 'vitest'
import { checkAccessNotGranted, checkNoNewAccess, checkNoPublicAccess, replay, type CheckOutcome, type ReasonPolicyType } from '../../src/engine/reason'
import { compiled } from './support'

const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement })
const text = (...st: object[]) => JSON.stringify(doc(...st), null, 2)

function nna(nw: object, old: object, type: ReasonPolicyType = 'identity'): CheckOutcome {
  const out = checkNoNewAccess(nw, old, { type })
  expect(out.error).toBeUndefined()
  const simType = type === 'resource' ? 'resource' : 'identity'
  for (const r of out.reasons) {
    expect(replay(compiled(nw, simType), r.witness).allowed, JSON.stringify(r)).toBe(true)
    expect(replay(compiled(old, simType), r.witness).allowed, JSON.stringify(r)).toBe(false)
  }
  return out
}

const getPut = { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::prod-data/*' }

describe('check-no-new-access: documented semantics (API_CheckNoNewAccess, custom policy check samples)', () => {
  test('reordering statements passes both ways', () => {
    const a = doc(getPut, { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' })
    const b = doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }, getPut)
    expect(nna(a, b).result).toBe('PASS')
    expect(nna(b, a).result).toBe('PASS')
  })
  test('splitting a statement passes both ways', () => {
    const split = doc(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::prod-data/*' },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::prod-data/*' },
    )
    expect(nna(split, doc(getPut)).result).toBe('PASS')
    expect(nna(doc(getPut), split).result).toBe('PASS')
  })
  test('merging two statements can fail: the merged statement grants every action on every resource', () => {
    const two = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/*' }, { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' })
    const merged = doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'] })
    const out = nna(merged, two)
    expect(out.result).toBe('FAIL')
    expect(nna(two, merged).result).toBe('PASS')
  })
  test('an explicit list replaced by the wildcard fails (future actions), the reverse passes', () => {
    const list = doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectTagging'], Resource: '*' })
    const wild = doc({ Effect: 'Allow', Action: 's3:GetObject*', Resource: '*' })
    const out = nna(wild, list)
    expect(out.result).toBe('FAIL')
    expect(out.reasons[0]!.witness.action.toLowerCase().startsWith('s3:getobject')).toBe(true)
    expect(nna(list, wild).result).toBe('PASS')
  })
  test('action names are case-insensitive, ARNs case-sensitive', () => {
    expect(nna(doc({ Effect: 'Allow', Action: 'S3:GETOBJECT', Resource: 'arn:aws:s3:::b/*' }), doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })).result).toBe('PASS')
    const out = nna(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::B/*' }), doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }))
    expect(out.result).toBe('FAIL')
    expect(out.reasons[0]!.witness.resource.startsWith('arn:aws:s3:::B/')).toBe(true)
  })
  test('no knowledge of which actions apply to which resources: denying s3:* on one bucket does not cover ListAllMyBuckets on *', () => {
    const reference = doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::secret' })
    const candidate = doc({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' })
    expect(nna(candidate, reference).result).toBe('FAIL')
  })
  test('no knowledge of the organization: * under aws:PrincipalOrgID does not cover one named account', () => {
    const reference = doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })
    const candidate = doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })
    const out = nna(candidate, reference, 'resource')
    expect(out.result).toBe('FAIL')
    expect(out.reasons[0]!.witness.principal).toContain('111122223333')
  })
  test('an account ID and its root ARN are the same principal', () => {
    const a = doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })
    const b = doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })
    expect(nna(a, b, 'resource').result).toBe('PASS')
    expect(nna(b, a, 'resource').result).toBe('PASS')
  })
})

describe('check-no-new-access: our known-answer pairs', () => {
  const base = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }
  const ip = (cidr: string) => ({ ...base, Condition: { IpAddress: { 'aws:SourceIp': cidr } } })
  test('a condition added passes; removed fails', () => {
    expect(nna(doc(ip('10.0.0.0/8')), doc(base)).result).toBe('PASS')
    const out = nna(doc(base), doc(ip('10.0.0.0/8')))
    expect(out.result).toBe('FAIL')
  })
  test('an address range narrowed passes; widened fails with an address outside the old range', () => {
    expect(nna(doc(ip('10.1.0.0/16')), doc(ip('10.0.0.0/8'))).result).toBe('PASS')
    const out = nna(doc(ip('10.0.0.0/8')), doc(ip('10.1.0.0/16')))
    expect(out.result).toBe('FAIL')
    const addr = out.reasons[0]!.witness.context['aws:SourceIp'] as string
    expect(addr.startsWith('10.')).toBe(true)
    expect(addr.startsWith('10.1.')).toBe(false)
  })
  test('a numeric bound raised fails, lowered passes', () => {
    const age = (n: number) => ({ ...base, Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': n } } })
    expect(nna(doc(age(3600)), doc(age(7200))).result).toBe('PASS')
    expect(nna(doc(age(7200)), doc(age(3600))).result).toBe('FAIL')
  })
  test('a date bound moved later fails', () => {
    const until = (d: string) => ({ ...base, Condition: { DateLessThan: { 'aws:CurrentTime': d } } })
    expect(nna(doc(until('2030-01-01T00:00:00Z')), doc(until('2029-01-01T00:00:00Z'))).result).toBe('FAIL')
    expect(nna(doc(until('2029-01-01T00:00:00Z')), doc(until('2030-01-01T00:00:00Z'))).result).toBe('PASS')
  })
  test('IfExists widens: the key may be absent', () => {
    const tag = (op: string) => ({ ...base, Condition: { [op]: { 'aws:ResourceTag/team': 'blue' } } })
    const out = nna(doc(tag('StringEqualsIfExists')), doc(tag('StringEquals')))
    expect(out.result).toBe('FAIL')
    expect(out.reasons[0]!.witness.context['aws:ResourceTag/team']).toBeUndefined()
    expect(nna(doc(tag('StringEquals')), doc(tag('StringEqualsIfExists'))).result).toBe('PASS')
  })
  test('ForAllValues is true for an absent key, ForAnyValue is not', () => {
    const keys = (op: string) => ({ ...base, Condition: { [op]: { 'aws:TagKeys': ['env', 'team'] } } })
    expect(nna(doc(keys('ForAllValues:StringEquals')), doc(keys('ForAnyValue:StringEquals'))).result).toBe('FAIL')
  })
  test('a Deny added passes; a Deny removed fails and names the existing Deny', () => {
    const deny = { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/secret/*' }
    expect(nna(doc(base, deny), doc(base)).result).toBe('PASS')
    const out = nna(doc(base), doc(base, deny))
    expect(out.result).toBe('FAIL')
    expect(out.reasons[0]!.witness.resource.startsWith('arn:aws:s3:::b/secret/')).toBe(true)
  })
  test('NotAction with a Deny rewrite is equivalent', () => {
    const a = doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })
    const b = doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' })
    expect(nna(a, b).result).toBe('PASS')
    expect(nna(b, a).result).toBe('PASS')
  })
  test('a principal widened from one role to the account fails', () => {
    const role = doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'sqs:SendMessage', Resource: '*' })
    const acct = doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sqs:SendMessage', Resource: '*' })
    expect(nna(acct, role, 'resource').result).toBe('FAIL')
    expect(nna(role, acct, 'resource').result).toBe('PASS')
  })
  test('a policy variable makes the answer UNKNOWN rather than a guess', () => {
    const v = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' })
    const out = nna(v, doc(base))
    expect(out.result).toBe('UNKNOWN')
    expect(out.unknown.join()).toMatch(/policy variable/)
  })
  test('a statement with a policy variable kept unchanged still lets the rest be decided', () => {
    const home = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }
    expect(nna(doc(home, base), doc(home, base)).result).toBe('PASS')
    expect(nna(doc(home, base, { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }), doc(home, base)).result).toBe('FAIL')
    // The existing policy's Deny with a variable, dropped from the new one: undecidable here, so UNKNOWN.
    const denyOthers = { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::home/${aws:username}/*' }
    expect(nna(doc(base), doc(base, denyOthers)).result).toBe('UNKNOWN')
    expect(nna(doc(base, denyOthers), doc(base)).result).toBe('PASS')
  })
  test('a policy variable inside what the existing policy allows anyway still passes', () => {
    const mine = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*', Condition: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } } })
    expect(nna(mine, doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/*' })).result).toBe('PASS')
    expect(checkAccessNotGranted(mine, { actions: ['iam:CreateUser'] }).result).toBe('PASS')
  })
  test('statements responsible carry their ranges when given as text', () => {
    const out = checkNoNewAccess(text(base, { Effect: 'Allow', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::b/*' }), text(base))
    expect(out.result).toBe('FAIL')
    expect(out.reasons).toHaveLength(1)
    expect(out.reasons[0]!.statements[0]).toMatchObject({ policy: 'new', index: 1 })
    expect(out.reasons[0]!.statements[0]!.range?.start.line).toBeGreaterThan(1)
  })
  test('bad input is an error, not an answer', () => {
    expect(checkNoNewAccess('{not json', text(base)).error).toMatch(/not valid JSON/)
  })
})

describe('check-access-not-granted (API_CheckAccessNotGranted)', () => {
  const p = doc({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' })
  test('actions only: any resource', () => {
    const out = checkAccessNotGranted(p, { actions: ['s3:DeleteObject'] })
    expect(out.result).toBe('FAIL')
    expect(out.reasons[0]!.witness.action.toLowerCase()).toBe('s3:deleteobject')
    expect(checkAccessNotGranted(p, { actions: ['iam:CreateUser'] }).result).toBe('PASS')
  })
  test('resources only: any action on those resources; both: one listed action on one listed resource', () => {
    expect(checkAccessNotGranted(p, { resources: ['arn:aws:s3:::b/report.csv'] }).result).toBe('FAIL')
    expect(checkAccessNotGranted(p, { resources: ['arn:aws:s3:::other/x'] }).result).toBe('PASS')
    expect(checkAccessNotGranted(p, { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::other/x'] }).result).toBe('PASS')
    expect(checkAccessNotGranted(p, { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/x'] }).result).toBe('FAIL')
  })
  test('who receives the grant does not matter: a bucket policy granting one account fails', () => {
    const bucket = doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })
    expect(checkAccessNotGranted(bucket, { actions: ['s3:GetObject'] }, { type: 'resource' }).result).toBe('FAIL')
  })
  test('a Deny that covers the listed access passes', () => {
    const denied = doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' })
    expect(checkAccessNotGranted(denied, { actions: ['iam:CreateUser', 'iam:PassRole'] }).result).toBe('PASS')
  })
  test('no actions and no resources is a usage error', () => {
    expect(checkAccessNotGranted(p, {}).error).toBeDefined()
  })
})

describe('check-no-public-access (API_CheckNoPublicAccess)', () => {
  const open = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }
  const withCond = (c: object) => doc({ ...open, Condition: c })
  const npa = (d: object, t = 'AWS::S3::Bucket') => {
    const out = checkNoPublicAccess(d, t)
    expect(out.error).toBeUndefined()
    for (const r of out.reasons) expect(replay(compiled(d, 'resource'), r.witness).allowed).toBe(true)
    return out.result
  }
  test('Principal "*" and {"AWS": "*"} without a condition are public', () => {
    expect(npa(doc(open))).toBe('FAIL')
    expect(npa(doc({ ...open, Principal: { AWS: '*' } }))).toBe('FAIL')
  })
  const limiting: [string, object][] = [
    ['aws:PrincipalAccount', { StringEquals: { 'aws:PrincipalAccount': '111122223333' } }],
    ['aws:PrincipalOrgID', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }],
    ['aws:PrincipalOrgPaths', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-abc123/r-ab12/ou-ab12-11111111/*' } }],
    ['aws:PrincipalArn', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/*' } }],
    ['aws:SourceIp', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }],
    ['aws:SourceVpc', { StringEquals: { 'aws:SourceVpc': 'vpc-1a2b3c4d' } }],
    ['aws:SourceVpce', { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }],
    ['aws:SourceAccount', { StringEquals: { 'aws:SourceAccount': '111122223333' } }],
    ['aws:SourceArn', { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:topic' } }],
    ['aws:SourceOwner', { StringEquals: { 'aws:SourceOwner': '111122223333' } }],
    ['aws:userid', { StringLike: { 'aws:userid': 'AROAEXAMPLE:*' } }],
  ]
  for (const [key, cond] of limiting) test(`a fixed value of ${key} makes it non-public`, () => expect(npa(withCond(cond))).toBe('PASS'))
  test('kms:CallerAccount limits a key policy', () => {
    expect(npa(doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }), 'AWS::KMS::Key')).toBe('PASS')
  })
  const notLimiting: [string, object][] = [
    ['aws:SecureTransport', { Bool: { 'aws:SecureTransport': 'true' } }],
    ['a request parameter (s3:prefix)', { StringEquals: { 's3:prefix': 'home/' } }],
    ['an IfExists form', { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' } }],
    ['a negated form', { StringNotEquals: { 'aws:PrincipalAccount': '111122223333' } }],
    ['a wildcard value (o-*)', { StringLike: { 'aws:PrincipalOrgID': 'o-*' } }],
    ['NotIpAddress', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }],
    ['IpAddress 0.0.0.0/0', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }],
  ]
  for (const [what, cond] of notLimiting) test(`${what} does not make it non-public`, () => expect(npa(withCond(cond))).toBe('FAIL'))
  test('service principals are never public; one account is not public', () => {
    expect(npa(doc({ ...open, Principal: { Service: 'cloudtrail.amazonaws.com' } }))).toBe('PASS')
    expect(npa(doc({ ...open, Principal: { AWS: '111122223333' } }))).toBe('PASS')
  })
  test('a Deny for everyone outside the organization makes it non-public', () => {
    const d = doc(open, { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })
    expect(npa(d)).toBe('PASS')
  })
  test('a trust policy open to a web identity provider without an aud condition is public; with one it is not', () => {
    const trust = (c?: object) => doc({ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity', ...(c ? { Condition: c } : {}) })
    expect(npa(trust(), 'AWS::IAM::AssumeRolePolicyDocument')).toBe('FAIL')
    expect(npa(trust({ StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd' } }), 'AWS::IAM::AssumeRolePolicyDocument')).toBe('PASS')
  })
  test('a resource type outside the 26 is a usage error (AWS::ECR::Repository)', () => {
    expect(checkNoPublicAccess(doc(open), 'AWS::ECR::Repository').error).toMatch(/not a resource type/)
  })
})
