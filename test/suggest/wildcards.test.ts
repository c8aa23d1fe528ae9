import { describe, expect, it } from 'vitest'
import { ACCESS_LEVELS } from '../../src/engine/catalogue'
import { expandWildcards } from '../../src/engine/suggest'
import { allow, applyFix, byCode, catalogue, deny, one, policy, suggest } from './helpers'

describe('expandWildcards: what each pattern grants (reference_policies_elements_action)', () => {
  it('counts s3:* by access level and names the dangerous actions', async () => {
    const c = await catalogue()
    const [r, ...rest] = expandWildcards(policy(allow('s3:*')), { catalogue: c })
    expect(rest).toEqual([])
    expect(r!.pattern).toBe('s3:*')
    expect(r!.element).toBe('Action')
    expect(r!.matched.total).toBe(c.expand('s3:*').length)
    expect(ACCESS_LEVELS.reduce((n, l) => n + r!.matched.byAccessLevel[l], 0)).toBe(r!.matched.total)
    expect(r!.grants).toEqual(r!.matched)
    const dangerous = r!.dangerous.map((d) => d.action)
    expect(dangerous).toContain('s3:PutBucketPolicy')
    expect(dangerous).toContain('s3:DeleteBucket')
    expect(dangerous).not.toContain('s3:GetObject')
    expect(r!.path).toEqual(['Statement', 0, 'Action'])
  })

  it('a read-only pattern has no dangerous action', async () => {
    const [r] = expandWildcards(policy(allow('s3:Get*')), { catalogue: await catalogue() })
    expect(r!.matched.byAccessLevel.Write).toBe(0)
    expect(r!.dangerous).toEqual([])
  })

  it('Write is dangerous only on every resource', async () => {
    const [r] = expandWildcards(policy(allow('sqs:Send*', 'arn:aws:sqs:us-east-1:111122223333:jobs')), { catalogue: await catalogue() })
    expect(r!.matched.byAccessLevel.Write).toBeGreaterThan(0)
    expect(r!.dangerous).toEqual([])
  })

  it('NotAction reports what each entry carves out and what the statement grants', async () => {
    const c = await catalogue()
    const reports = expandWildcards(policy({ Effect: 'Allow', NotAction: ['iam:*', 's3:GetObject'], Resource: '*' }), { catalogue: c })
    expect(reports.map((r) => r.pattern)).toEqual(['iam:*', 's3:GetObject'])
    expect(reports[0]!.element).toBe('NotAction')
    expect(reports[0]!.grants.total).toBe(c.allActions().length - c.expand('iam:*').length - 1)
    expect(reports[0]!.dangerous.some((d) => d.action === 's3:PutBucketPolicy')).toBe(true)
  })

  it('Deny statements name no dangerous action; exact actions are not reported', async () => {
    const reports = expandWildcards(policy(deny('iam:*'), allow('s3:GetObject')), { catalogue: await catalogue() })
    expect(reports).toHaveLength(1)
    expect(reports[0]!.effect).toBe('Deny')
    expect(reports[0]!.dangerous).toEqual([])
  })

  it('never throws on bad input', async () => {
    const c = await catalogue()
    expect(expandWildcards('{', { catalogue: c })).toEqual([])
    expect(expandWildcards('[]', { catalogue: c })).toEqual([])
  })
})

describe('wildcard suggestions', () => {
  it('"*" on every resource without condition is full administrator access', async () => {
    const s = one(await suggest(policy(allow('*'))), 'WILDCARD_ALL_ACTIONS')
    expect(s.severity).toBe('SECURITY_WARNING')
    expect(s.category).toBe('wildcard')
  })

  it('"*" with a condition is a warning', async () => {
    const s = one(await suggest(policy(allow('*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }))), 'WILDCARD_ALL_ACTIONS')
    expect(s.severity).toBe('WARNING')
  })

  it('s3:* names its counts and offers "only the Read and List actions"', async () => {
    const c = await catalogue()
    const text = policy(allow('s3:*', 'arn:aws:s3:::logs/*'))
    const s = one(await suggest(text), 'WILDCARD_SERVICE_ACTIONS')
    expect(s.message).toMatch(/\d+ List, \d+ Read, \d+ Write, \d+ Permissions management, \d+ Tagging/)
    const fix = s.fixes!.find((f) => /Read and List/.test(f.title))!
    const after = JSON.parse(applyFix(text, fix)) as { Statement: { Action: string[] }[] }
    const actions = after.Statement[0]!.Action
    expect(Array.isArray(actions)).toBe(true)
    expect(actions.length).toBe(c.expand('s3:*').filter((a) => a.accessLevel === 'Read' || a.accessLevel === 'List').length)
    expect(actions.every((a) => ['Read', 'List'].includes(c.action(a)!.accessLevel))).toBe(true)
    expect(byCode(await suggest(applyFix(text, fix)), 'WILDCARD_SERVICE_ACTIONS')).toEqual([])
  })

  it('a wildcard inside an array is replaced in place, keeping the other entries', async () => {
    const text = policy(allow(['sqs:*', 'sns:Publish'], 'arn:aws:sqs:us-east-1:111122223333:jobs'))
    const s = one(await suggest(text), 'WILDCARD_SERVICE_ACTIONS')
    const fix = s.fixes!.find((f) => /Read and List/.test(f.title))!
    const after = JSON.parse(applyFix(text, fix)) as { Statement: { Action: string[] }[] }
    expect(after.Statement[0]!.Action).toContain('sns:Publish')
    expect(after.Statement[0]!.Action).toContain('sqs:ReceiveMessage')
    expect(after.Statement[0]!.Action).not.toContain('sqs:*')
  })

  it('a pattern that includes permission changes is a warning (iam:*Policy)', async () => {
    const s = one(await suggest(policy(allow('iam:*Policy', 'arn:aws:iam::111122223333:role/app'))), 'WILDCARD_ACTION_PATTERN')
    expect(s.severity).toBe('WARNING')
    expect(s.actions).toContain('iam:PutRolePolicy')
    expect(s.fixes!.some((f) => /explicitly/.test(f.title))).toBe(true)
  })

  it('near miss: a read-only pattern (s3:Get*) is left alone', async () => {
    expect(byCode(await suggest(policy(allow('s3:Get*', 'arn:aws:s3:::logs/*'))), 'WILDCARD_ACTION_PATTERN')).toEqual([])
  })

  it('near miss: wildcards in a Deny, an SCP or a boundary', async () => {
    expect(byCode(await suggest(policy(allow('s3:GetObject', 'arn:aws:s3:::a/*'), deny('iam:*'))), 'WILDCARD_SERVICE_ACTIONS')).toEqual([])
    expect(byCode(await suggest(policy(allow('*')), { policyType: 'scp' }), 'WILDCARD_ALL_ACTIONS')).toEqual([])
    expect(byCode(await suggest(policy(allow('*')), { policyType: 'boundary' }), 'WILDCARD_ALL_ACTIONS')).toEqual([])
  })

  it('Allow with NotAction is reported at the NotAction key (reference_policies_elements_notaction)', async () => {
    const s = one(await suggest(policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })), 'ALLOW_WITH_NOT_ACTION')
    expect(s.severity).toBe('SECURITY_WARNING')
    expect(s.path).toEqual(['Statement', 0, 'NotAction'])
    expect(s.message).toMatch(/every action except/)
  })

  it('a lone string Action becomes an array when a fix lists several actions', async () => {
    const text = policy(allow('dynamodb:*', 'arn:aws:dynamodb:us-east-1:111122223333:table/orders'))
    const s = one(await suggest(text), 'WILDCARD_SERVICE_ACTIONS')
    const after = JSON.parse(applyFix(text, s.fixes![0]!)) as { Statement: { Action: unknown }[] }
    expect(Array.isArray(after.Statement[0]!.Action)).toBe(true)
  })
})
