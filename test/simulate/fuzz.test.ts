/**
 * Public entry points never throw, whatever they are given (random JSON, mutated example cases, broken
 * policy text), and metamorphic properties of the evaluation logic hold on generated cases.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalogue } from '../../src/engine/catalogue/catalogue'
import { loadCatalogue } from '../../src/engine/catalogue/bundled'
import { compilePolicySet, DECISIONS, evaluate, simulateAllActions, simulateCase, simulateCases, type SimulationResult } from '../../src/engine/simulate'
import { caseArb } from './oracle/generators'

type Json = Record<string, unknown>

const examples = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/simulation-cases.json', import.meta.url)), 'utf8')) as Json[]

function wellFormed(r: SimulationResult): void {
  expect(typeof r.id).toBe('string')
  if (r.error !== undefined) {
    expect(typeof r.error).toBe('string')
    expect(r.decision).toBeUndefined()
  } else {
    expect(DECISIONS).toContain(r.decision)
    expect(Array.isArray(r.explanation)).toBe(true)
    expect(JSON.parse(JSON.stringify(r))).toEqual(r)
  }
}

const weirdString = fc.oneof(
  fc.string(),
  fc.constantFrom('*', '', '${', '${aws:username', "${x, 'y'", '${*}', 'arn:', 'arn:aws', ':::::', 's3:', ':x', '\u0000', '\uFDD0', 'a'.repeat(3000), '{"Version":'),
)
const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, weirdString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(weirdString, tie('value'), { maxKeys: 4 })),
})).value

/** Replaces the value at a random path of a JSON value. */
function mutate(value: unknown, path: number[], replacement: unknown, mode: number): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement
  const [head, ...rest] = path as [number, ...number[]]
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement
    const i = head % value.length
    const copy = [...value]
    if (mode % 5 === 0 && rest.length === 0) copy.splice(i, 1)
    else copy[i] = mutate(copy[i], rest, replacement, mode)
    return copy
  }
  const keys = Object.keys(value)
  if (keys.length === 0) return replacement
  const k = keys[head % keys.length]!
  const copy: Json = { ...(value as Json) }
  if (mode % 5 === 0 && rest.length === 0) delete copy[k]
  else if (mode % 7 === 0 && rest.length === 0) copy[k] = JSON.stringify(copy[k]).slice(0, Math.max(0, (head * 7) % 40))
  else copy[k] = mutate(copy[k], rest, replacement, mode)
  return copy
}

describe('fuzz: simulateCase / simulateCases never throw', () => {
  it('on random JSON values', () => {
    fc.assert(
      fc.property(jsonish, (input) => {
        for (const r of simulateCases(input)) wellFormed(r)
        wellFormed(simulateCase(input))
      }),
      { numRuns: 1500 },
    )
  })
  it('on random shapes that look like cases', () => {
    const caseLike = fc.record(
      {
        id: fc.oneof(weirdString, fc.integer()),
        request: fc.record({ action: weirdString, resource: weirdString, principal: weirdString, resourceAccount: weirdString, context: jsonish }, { requiredKeys: [] }),
        identityPolicies: jsonish,
        resourcePolicy: jsonish,
        permissionsBoundary: jsonish,
        sessionPolicy: jsonish,
        scps: jsonish,
        rcps: jsonish,
      },
      { requiredKeys: [] },
    )
    fc.assert(fc.property(fc.array(caseLike, { maxLength: 4 }), (cases) => simulateCases(cases).forEach(wellFormed)), { numRuns: 1500 })
  })
  it('on mutated example cases', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), jsonish, fc.nat(), (c, path, replacement, mode) => {
        wellFormed(simulateCase(mutate(c, path, replacement, mode)))
      }),
      { numRuns: 3000 },
    )
  })
  it('on example policies given as truncated or corrupted JSON text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.nat(), fc.string({ maxLength: 3 }), (c, cut, junk) => {
        const ids = (c.identityPolicies as unknown[]).map((p) => {
          const t = JSON.stringify(p)
          const at = cut % (t.length + 1)
          return t.slice(0, at) + junk + t.slice(at + 1)
        })
        const r = simulateCase({ ...c, identityPolicies: ids })
        wellFormed(r)
        if (r.error) expect(r.error).toMatch(/identityPolicies\[\d+\]/)
      }),
      { numRuns: 2000 },
    )
  })
  it('on deeply nested input', () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 5000; i++) deep = [deep]
    wellFormed(simulateCase({ request: { action: 's3:GetObject', resource: '*' }, identityPolicies: [{ Version: '2012-10-17', Statement: deep }] }))
    wellFormed(simulateCase({ request: { action: 's3:GetObject', resource: '*' }, identityPolicies: ['['.repeat(100_000)] }))
  })
})

describe('fuzz: compilePolicySet / evaluate / simulateAllActions never throw', () => {
  let catalogue: Catalogue
  beforeAll(async () => {
    catalogue = await loadCatalogue()
  })
  it('compilePolicySet and evaluate on random input', () => {
    fc.assert(
      fc.property(jsonish, jsonish, (policies, request) => {
        const set = compilePolicySet(policies)
        expect(Array.isArray(set.errors)).toBe(true)
        const r = evaluate(set, request)
        expect(r.error !== undefined || DECISIONS.includes(r.decision!)).toBe(true)
      }),
      { numRuns: 1500 },
    )
  })
  it('simulateAllActions on generated and mutated policy sets', () => {
    fc.assert(
      fc.property(caseArb, jsonish, fc.constantFrom('s3', 'sqs', 'kms', 'nope'), fc.constantFrom('*', 'arn:aws:s3:::data-bucket/*', 'arn:aws:sqs:us-east-1:111111111111:q', ''), (c, junk, service, resource) => {
        for (const set of [compilePolicySet(c), compilePolicySet(junk)]) {
          const r = simulateAllActions(set, { catalogue, service, resource })
          expect(typeof r.ms).toBe('number')
          expect(r.counts.total).toBe(r.counts.allowed + r.counts.implicitDeny + r.counts.explicitDeny)
        }
      }),
      { numRuns: 150 },
    )
  })
})

describe('properties of the evaluation logic (on generated cases)', () => {
  const iamCase = caseArb.filter((c) => {
    const p = String((c.request as Json).principal)
    return p.startsWith('arn:') && !p.endsWith(':root')
  })
  const decide = (c: Json) => simulateCase(c).decision
  it('is deterministic', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(simulateCase(c)).toEqual(simulateCase(c))
      }),
      { numRuns: 300 },
    )
  })
  it('compile once + evaluate gives the decision of simulateCase, with or without explanation', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const set = compilePolicySet(c)
        const d = decide(c)
        expect(evaluate(set, c.request).decision).toBe(d)
        expect(evaluate(set, c.request, { explain: false }).decision).toBe(d)
      }),
      { numRuns: 500 },
    )
  })
  it('a policy given as an object or as its JSON text is decided the same way', () => {
    const asText = (p: unknown) => (p && typeof p === 'object' ? JSON.stringify(p, null, 1) : p)
    fc.assert(
      fc.property(caseArb, (c) => {
        const t: Json = { ...c, identityPolicies: (c.identityPolicies as unknown[]).map(asText) }
        for (const k of ['resourcePolicy', 'permissionsBoundary', 'sessionPolicy']) if (c[k]) t[k] = asText(c[k])
        for (const k of ['scps', 'rcps']) if (c[k]) t[k] = (c[k] as unknown[]).map(asText)
        const a = simulateCase(c)
        const b = simulateCase(t)
        expect(b.decision).toBe(a.decision)
        expect(b.explanation!.map((l) => l.text)).toEqual(a.explanation!.map((l) => l.text))
      }),
      { numRuns: 400 },
    )
  })
  it(`an identity Deny of everything makes any IAM caller's request an explicit deny (${'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html'})`, () => {
    fc.assert(
      fc.property(iamCase, (c) => {
        const denyAll = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }
        expect(decide({ ...c, identityPolicies: [...(c.identityPolicies as unknown[]), denyAll] })).toBe('ExplicitDeny')
      }),
      { numRuns: 400 },
    )
  })
  it('adding an SCP level that allows everything changes nothing', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
        expect(decide({ ...c, scps: [...((c.scps as unknown[] | undefined) ?? []), allowAll] })).toBe(decide(c))
      }),
      { numRuns: 400 },
    )
  })
  it('RCP Allow statements change nothing (RCPFullAWSAccess is implied)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] }
        expect(decide({ ...c, rcps: [...((c.rcps as unknown[] | undefined) ?? []), allow] })).toBe(decide(c))
      }),
      { numRuns: 400 },
    )
  })
  it('an explicit deny stays an explicit deny whatever Allow is added', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        fc.pre(decide(c) === 'ExplicitDeny')
        const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
        expect(decide({ ...c, identityPolicies: [...(c.identityPolicies as unknown[]), allowAll] })).toBe('ExplicitDeny')
      }),
      { numRuns: 300 },
    )
  })
  it('without any Allow statement nothing is allowed (except the root user)', () => {
    fc.assert(
      fc.property(iamCase, (c) => {
        const strip = (p: unknown): unknown => {
          if (!p || typeof p !== 'object') return p
          const doc = p as Json
          const st = Array.isArray(doc.Statement) ? (doc.Statement as Json[]) : [doc.Statement as Json]
          const kept = st.filter((s) => s.Effect !== 'Allow')
          return { ...doc, Statement: kept.length ? kept : [{ Effect: 'Deny', Action: 'none:None', Resource: '*', ...(doc === c.resourcePolicy ? { Principal: '*' } : {}) }] }
        }
        const stripped: Json = { ...c, identityPolicies: (c.identityPolicies as unknown[]).map(strip) }
        if (c.resourcePolicy) stripped.resourcePolicy = strip(c.resourcePolicy)
        expect(decide(stripped)).not.toBe('Allowed')
      }),
      { numRuns: 400 },
    )
  })
})
