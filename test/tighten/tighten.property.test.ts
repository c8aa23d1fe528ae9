// Property: the tightened policy never allows a request the original policies denied (simulator decides
// both), over random policies, random last accessed reports, periods and random requests. Fixed seed.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { simulateCase } from '../../src/engine/simulate'
import { parseLastAccessed, tightenToUsage } from '../../src/engine/tighten'
import { catalogue } from '../suggest/helpers'
import { DAY, NOW } from './fixtures'

const SEED = 1414
const SERVICES = ['s3', 'ec2', 'dynamodb', 'iam', 'sqs', 'lambda', 'kms']
const PATTERNS = ['*', 's3:*', 's3:Get*', 's3:PutObject', 's3:DeleteBucket', 'ec2:Describe*', 'ec2:RunInstances', 'dynamodb:*', 'iam:Pass*', 'iam:CreateUser', 'sqs:Send*', 'lambda:*', 'kms:Decrypt', '*:List*', 's?s:*']
const RESOURCES = ['*', 'arn:aws:s3:::data', 'arn:aws:s3:::data/*', 'arn:aws:s3:::logs/*', 'arn:aws:iam::111111111111:role/app', 'arn:aws:sqs:us-east-1:111111111111:q']
const CONDITIONS = [undefined, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }]

const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
  kind: fc.constantFrom('Action', 'Action', 'Action', 'NotAction'),
  patterns: fc.subarray(PATTERNS, { minLength: 1, maxLength: 4 }),
  Resource: fc.subarray(RESOURCES, { minLength: 1, maxLength: 2 }),
  cond: fc.constantFrom(...CONDITIONS),
})
const policy = fc.array(statement, { minLength: 1, maxLength: 4 }).map((sts) => ({
  Version: '2012-10-17',
  Statement: sts.map((s) => ({ Effect: s.Effect, [s.kind]: s.patterns, Resource: s.Resource, ...(s.cond ? { Condition: s.cond } : {}) })),
}))
const use = fc.record({
  ns: fc.constantFrom(...SERVICES),
  days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  tracked: fc.option(fc.array(fc.record({ name: fc.constantFrom('GetObject', 'PutObject', 'DeleteBucket', 'CreateBucket', 'RunInstances', 'CreateUser', 'PassRole'), days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }) }), { maxLength: 4 }), { nil: undefined }),
})
const reportArb = fc.array(use, { maxLength: 7 }).map((list) => ({
  JobStatus: 'COMPLETED',
  JobCompletionDate: new Date(NOW).toISOString(),
  ServicesLastAccessed: list.map((u) => ({
    ServiceNamespace: u.ns,
    ...(u.days !== undefined ? { LastAuthenticated: new Date(NOW - u.days * DAY).toISOString() } : {}),
    ...(u.tracked ? { TrackedActionsLastAccessed: u.tracked.map((t) => ({ ActionName: t.name, ...(t.days !== undefined ? { LastAccessedTime: new Date(NOW - t.days * DAY).toISOString() } : {}) })) } : {}),
  })),
}))
const request = fc.record({
  action: fc.constantFrom('s3:GetObject', 's3:PutObject', 's3:DeleteBucket', 's3:CreateBucket', 's3:ListBucket', 'ec2:DescribeInstances', 'ec2:RunInstances', 'dynamodb:GetItem', 'iam:PassRole', 'iam:CreateUser', 'iam:ListRoles', 'sqs:SendMessage', 'sns:Publish', 'lambda:InvokeFunction', 'kms:Decrypt', 'sts:GetCallerIdentity'),
  resource: fc.constantFrom(...RESOURCES.filter((r) => r !== '*'), 'arn:aws:dynamodb:us-east-1:111111111111:table/t', 'arn:aws:ec2:us-east-1:111111111111:instance/i-1'),
  mfa: fc.constantFrom(undefined, 'true', 'false'),
  region: fc.constantFrom(undefined, 'us-east-1', 'eu-west-1'),
})

describe('tightening never allows what the original denied (simulator property test)', () => {
  it('holds for random policies, reports, periods and requests', async () => {
    const cat = await catalogue()
    let allowedBefore = 0
    let removedAllowed = 0
    fc.assert(
      fc.property(fc.array(policy, { minLength: 1, maxLength: 2 }), reportArb, fc.constantFrom(30, 90, 180, 365), fc.array(request, { minLength: 5, maxLength: 10 }), (policies, raw, days, requests) => {
        const report = parseLastAccessed(raw).report!
        const t = tightenToUsage(policies.map((p, i) => ({ name: `p${i}`, document: p })), report, { catalogue: cat, days })
        expect(t.error).toBeUndefined()
        expect(t.proof.ok, t.proof.newlyAllowed.join(', ')).toBe(true)
        for (const r of requests) {
          const context: Record<string, string> = {}
          if (r.mfa) context['aws:MultiFactorAuthPresent'] = r.mfa
          if (r.region) context['aws:RequestedRegion'] = r.region
          const req = { action: r.action, resource: r.resource, principal: 'arn:aws:iam::111111111111:user/alice', context }
          const before = simulateCase({ request: req, identityPolicies: policies }, { catalogue: cat }).decision
          const after = simulateCase({ request: req, identityPolicies: [t.policy] }, { catalogue: cat }).decision
          if (before === 'Allowed') allowedBefore++
          if (before === 'Allowed' && after !== 'Allowed') removedAllowed++
          if (before !== 'Allowed') expect(after, `${r.action} on ${r.resource}: was ${before}, tightened ${t.text}`).not.toBe('Allowed')
        }
      }),
      { seed: SEED, numRuns: 40 },
    )
    // The property is not vacuous: some requests were allowed, and tightening took some of them away.
    expect(allowedBefore).toBeGreaterThan(20)
    expect(removedAllowed).toBeGreaterThan(0)
  }, 120_000)
})
