import { describe, expect, it } from 'vitest'
import { allow, applyFix, byCode, deny, one, policy, suggest } from './helpers'

const mfa = { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }

describe('redundant entries (Access Analyzer REDUNDANT_ACTION / REDUNDANT_RESOURCE)', () => {
  it('a duplicate action, case-insensitively; the fix removes the second one', async () => {
    const text = policy(allow(['s3:GetObject', 's3:ListBucket', 'S3:getobject'], 'arn:aws:s3:::a/*'))
    const s = one(await suggest(text), 'REDUNDANT_ACTION_DUPLICATE')
    expect(s.category).toBe('redundant')
    expect(s.path).toEqual(['Statement', 0, 'Action', 2])
    expect(JSON.parse(applyFix(text, s.fixes![0]!)).Statement[0].Action).toEqual(['s3:GetObject', 's3:ListBucket'])
  })

  it('an action covered by a pattern in the same list', async () => {
    const text = policy(allow(['iam:GetCredentialReport', 'iam:Get*', 'iam:List*'], 'arn:aws:iam::111122223333:user/a'))
    const s = one(await suggest(text), 'REDUNDANT_ACTION_COVERED')
    expect(s.message).toContain('"iam:Get*"')
    expect(JSON.parse(applyFix(text, s.fixes![0]!)).Statement[0].Action).toEqual(['iam:Get*', 'iam:List*'])
  })

  it('"*" covers everything in its list', async () => {
    const s = await suggest(policy(allow(['*', 's3:GetObject'])))
    expect(byCode(s, 'REDUNDANT_ACTION_COVERED')).toHaveLength(1)
  })

  it('near miss: overlapping but not covering patterns', async () => {
    expect(byCode(await suggest(policy(allow(['s3:Get*', 's3:*Object'], 'arn:aws:s3:::a/*'))), 'REDUNDANT_ACTION_COVERED')).toEqual([])
  })

  it('a resource covered by another resource of the list (case-sensitive)', async () => {
    const text = policy(allow('s3:GetObject', ['arn:aws:s3:::a/*', 'arn:aws:s3:::a/reports/x.csv', 'arn:aws:s3:::A/x']))
    const s = one(await suggest(text), 'REDUNDANT_RESOURCE_COVERED')
    expect(s.path).toEqual(['Statement', 0, 'Resource', 1])
  })
})

describe('redundant and mergeable statements', () => {
  it('an identical statement', async () => {
    const st = allow('s3:GetObject', 'arn:aws:s3:::a/*')
    const text = policy(st, allow('s3:ListBucket', 'arn:aws:s3:::b'), st)
    const s = one(await suggest(text), 'REDUNDANT_STATEMENT_DUPLICATE')
    expect(s.path).toEqual(['Statement', 2])
    expect(JSON.parse(applyFix(text, s.fixes![0]!)).Statement).toHaveLength(2)
  })

  it('a statement another one already covers', async () => {
    const text = policy(allow('s3:Get*', 'arn:aws:s3:::a/*'), allow(['s3:GetObject', 's3:GetObjectTagging'], 'arn:aws:s3:::a/reports/*'))
    const s = one(await suggest(text), 'REDUNDANT_STATEMENT_SUBSUMED')
    expect(s.path).toEqual(['Statement', 1])
  })

  it('near miss: a different condition, effect or principal keeps both', async () => {
    expect(byCode(await suggest(policy(allow('s3:Get*', 'arn:aws:s3:::a/*'), allow('s3:GetObject', 'arn:aws:s3:::a/*', mfa))), 'REDUNDANT_STATEMENT_SUBSUMED')).toEqual([])
    expect(byCode(await suggest(policy(allow('s3:Get*', '*'), deny('s3:GetObject', 'arn:aws:s3:::a/*'))), 'REDUNDANT_STATEMENT_SUBSUMED')).toEqual([])
    const p = (account: string) => ({ Effect: 'Allow', Principal: { AWS: account }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/*' })
    expect(byCode(await suggest(policy(p('111122223333'), p('444455556666'))), 'REDUNDANT_STATEMENT_DUPLICATE')).toEqual([])
  })

  it('conditions compare as sets, whatever the order of values and keys', async () => {
    const c1 = { Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'], 'aws:PrincipalTag/team': 'a' } } }
    const c2 = { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'a', 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } }
    const s = await suggest(policy(allow('s3:Get*', 'arn:aws:s3:::a/*', c1), allow('s3:GetObject', 'arn:aws:s3:::a/*', c2)))
    expect(byCode(s, 'REDUNDANT_STATEMENT_SUBSUMED')).toHaveLength(1)
  })

  it('statements with the same resources and conditions can be merged', async () => {
    const text = policy(allow('s3:GetObject', 'arn:aws:s3:::a/*', mfa), allow(['s3:PutObject', 's3:DeleteObject'], ['arn:aws:s3:::a/*'], mfa))
    const s = one(await suggest(text), 'STATEMENTS_CAN_MERGE')
    const after = JSON.parse(applyFix(text, s.fixes![0]!)) as { Statement: { Action: string[] }[] }
    expect(after.Statement).toHaveLength(1)
    expect(after.Statement[0]!.Action).toEqual(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'])
  })

  it('statements with the same actions and conditions can be merged on their resources', async () => {
    const text = policy(allow('s3:GetObject', 'arn:aws:s3:::a/*'), allow('s3:GetObject', 'arn:aws:s3:::b/*'))
    const s = one(await suggest(text), 'STATEMENTS_CAN_MERGE')
    const after = JSON.parse(applyFix(text, s.fixes![0]!)) as { Statement: { Resource: string[] }[] }
    expect(after.Statement).toEqual([{ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'] }])
  })

  it('near miss: different actions and different resources', async () => {
    expect(byCode(await suggest(policy(allow('s3:GetObject', 'arn:aws:s3:::a/*'), allow('s3:PutObject', 'arn:aws:s3:::b/*'))), 'STATEMENTS_CAN_MERGE')).toEqual([])
  })
})
