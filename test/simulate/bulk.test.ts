/** "What can this policy set do": every action of a service or of the catalogue against one resource. */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalogue } from '../../src/engine/catalogue/catalogue'
import { loadCatalogue } from '../../src/engine/catalogue/bundled'
import { compilePolicySet, evaluate, simulateAllActions } from '../../src/engine/simulate'
import { caseArb } from './oracle/generators'
import { A, alice, allow, deny, policy } from './helpers'

let catalogue: Catalogue
beforeAll(async () => {
  catalogue = await loadCatalogue()
})

describe('simulateAllActions', () => {
  it('groups the allowed actions of a service by access level', () => {
    const set = compilePolicySet({ identityPolicies: [policy(allow(['s3:Get*', 's3:List*'], ['arn:aws:s3:::data-bucket', 'arn:aws:s3:::data-bucket/*']))] })
    const r = simulateAllActions(set, { catalogue, service: 's3', resource: 'arn:aws:s3:::data-bucket/reports/q1.csv', principal: alice })
    expect(r.error).toBeUndefined()
    expect(r.allowed.Read).toContain('s3:GetObject')
    expect(r.allowed.Write).toEqual([])
    // Only the S3 actions that can act on an object ARN are simulated (resource types from the SAR).
    expect(r.counts.total + r.counts.notApplicable).toBe(catalogue.service('s3')!.actions.length)
    expect(r.counts.notApplicable).toBeGreaterThan(0)
    expect(r.allowed.List).not.toContain('s3:ListAllMyBuckets')
    expect(r.counts.allowed).toBe(Object.values(r.allowed).flat().length)
    expect(r.counts.total).toBe(r.counts.allowed + r.counts.implicitDeny + r.counts.explicitDeny)
  })

  it('runs over the whole catalogue and honours explicit denies', () => {
    const set = compilePolicySet({ identityPolicies: [policy(allow('*'), deny('iam:*'))] })
    const r = simulateAllActions(set, { catalogue, resource: '*', principal: alice })
    expect(r.counts.total).toBe(catalogue.allActions().length)
    const all = Object.values(r.allowed).flat()
    expect(all.some((a) => a.startsWith('iam:'))).toBe(false)
    expect(all).toContain('s3:GetObject')
    expect(r.counts.explicitDeny).toBe(catalogue.service('iam')!.actions.length)
    expect(r.ms).toBeGreaterThanOrEqual(0)
  })

  it('on a specific ARN, only actions whose resource types fit it are listed; onlyApplicable: false lists all', () => {
    const set = compilePolicySet({ identityPolicies: [policy(allow('*'))] })
    const onObject = simulateAllActions(set, { catalogue, resource: 'arn:aws:s3:::data-bucket/reports/q1.csv', principal: alice })
    const names = Object.values(onObject.allowed).flat()
    expect(names).toContain('s3:GetObject')
    // A few other services name S3 ARNs among their resource types (ssm:SendCommand's output bucket).
    expect(names.filter((a) => !a.startsWith('s3:')).length).toBeLessThan(5)
    expect(names).not.toContain('ec2:RunInstances')
    const everything = simulateAllActions(set, { catalogue, resource: 'arn:aws:s3:::data-bucket/reports/q1.csv', principal: alice, onlyApplicable: false })
    expect(everything.counts.total).toBe(catalogue.allActions().length)
  })

  it('a resource pattern asks what could be done on some matching resource', () => {
    const set = compilePolicySet({
      identityPolicies: [policy(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/reports/*'), deny('s3:GetObject', 'arn:aws:s3:::data-bucket/secret/*'))],
    })
    const some = simulateAllActions(set, { catalogue, service: 's3', resource: 'arn:aws:s3:::data-bucket/*', principal: alice })
    expect(some.allowed.Read).toEqual(['s3:GetObject'])
    const denied = compilePolicySet({ identityPolicies: [policy(allow('s3:GetObject'), deny('s3:GetObject', 'arn:aws:s3:::data-bucket/*'))] })
    expect(simulateAllActions(denied, { catalogue, service: 's3', resource: 'arn:aws:s3:::data-bucket/x*', principal: alice }).counts.explicitDeny).toBe(1)
  })

  it('applies SCPs, boundaries and resource policies like a single decision', () => {
    const set = compilePolicySet({
      identityPolicies: [policy(allow('*'))],
      permissionsBoundary: policy(allow(['s3:*', 'sqs:*'])),
      scps: [policy(allow('*')), policy(allow(['s3:*', 'ec2:*']))],
    })
    const r = simulateAllActions(set, { catalogue, resource: '*', principal: alice })
    // sts:GetCallerIdentity needs no permission (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).
    const all = Object.values(r.allowed).flat().filter((a) => a !== 'sts:GetCallerIdentity')
    expect(all.every((a) => a.startsWith('s3:'))).toBe(true)
    expect(all.length).toBe(catalogue.service('s3')!.actions.length)
  })

  it('agrees with evaluate() action by action (literal resources)', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom('s3', 'sqs', 'kms', 'sts', 'iam', 'ec2', 'lambda'), (c, service) => {
        const req = c.request as Record<string, unknown>
        const set = compilePolicySet(c)
        const resource = String(req.resource)
        const r = simulateAllActions(set, { catalogue, service, resource, onlyApplicable: false, principal: String(req.principal), resourceAccount: String(req.resourceAccount), context: req.context as Record<string, unknown> })
        const allowed = new Set(Object.values(r.allowed).flat())
        if (resource.includes('*')) return
        for (const a of catalogue.service(service)!.actions) {
          const one = evaluate(set, { ...req, action: a.key }, { explain: false, catalogue })
          expect(one.decision === 'Allowed', a.key).toBe(allowed.has(a.key))
        }
      }),
      { numRuns: 60 },
    )
  })

  it('reports unusable input instead of throwing', () => {
    const set = compilePolicySet({ identityPolicies: [policy(allow('*'))] })
    expect(simulateAllActions(set, { catalogue, service: 'no-such-service', resource: '*' }).error).toMatch(/unknown service/)
    expect(simulateAllActions(compilePolicySet({ identityPolicies: ['{'] }), { catalogue, resource: '*' }).error).toBeDefined()
    expect(simulateAllActions(set, { catalogue, resource: '*', principal: 'not a principal' }).error).toBeDefined()
    expect(simulateAllActions(set, { catalogue, resource: `arn:aws:sqs:us-east-1:${A}:q`, service: 'sqs' }).counts.allowed).toBeGreaterThan(0)
  })
})
