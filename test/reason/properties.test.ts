/**
 * Property tests (fast-check, fixed seed): PASS results are attacked by random requests drawn from a
 * wider universe than the brute-force test's, metamorphic rewrites must PASS, and the public entry
 * points never throw on arbitrary input.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { checkAccessNotGranted, checkNoNewAccess, checkNoPublicAccess, replay } from '../../src/engine/reason'
import { parseRequest } from '../../src/engine/simulate/request'
import { allows, compiled, pick, prng, randomPolicy } from './support'

const SEED = 1616

function randomRequest(r: () => number, principals: boolean) {
  const w = (alpha: string, max: number) => Array.from({ length: Math.floor(r() * (max + 1)) }, () => pick(r, [...alpha])).join('')
  const context: Record<string, unknown> = {}
  if (r() < 0.7) context.k = r() < 0.2 ? [w('abcA', 3), w('abc', 2)] : w('abcA', 4)
  if (r() < 0.5) context.n = pick(r, ['-1', '0', '0.5', '1', '1.0', '1.25', '2', '2.5', '7', 'x', ''])
  const req = {
    action: pick(r, ['s:', 'S:', 's:', 'x:']) + w('abcd', 5) + pick(r, ['', 'a', 'b']),
    resource: 'r' + w('abcd:/', 5),
    principal: principals ? pick(r, ['anonymous', 'arn:aws:iam::111111111111:user/u', 'arn:aws:iam::111111111111:user/zz', 'arn:aws:sts::111111111111:assumed-role/r/x', 'arn:aws:iam::444444444444:root', 'svc.amazonaws.com', '111111111111']) : undefined,
    context,
  }
  return req
}

describe('PASS survives a random attack', () => {
  for (const [name, o, type] of [
    ['identity policies with conditions', { conditions: true }, 'identity'],
    ['resource policies', { principals: true }, 'resource'],
  ] as const)
    test(name, () => {
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const r = prng(seed)
          const nw = randomPolicy(r, o)
          const old = randomPolicy(r, o)
          const out = checkNoNewAccess(nw, old, { type })
          if (out.result !== 'PASS') return
          const np = compiled(nw, type)
          const op = compiled(old, type)
          for (let i = 0; i < 300; i++) {
            const req = parseRequest(randomRequest(r, type === 'resource'))
            if (typeof req === 'string') continue
            expect(allows(np, req) && !allows(op, req), JSON.stringify({ nw, old, req: req.action + ' ' + req.resource })).toBe(false)
          }
        }),
        { seed: SEED, numRuns: 300 },
      )
    }, 120_000)
})

describe('metamorphic rewrites', () => {
  test('a policy against itself, shuffled, and with a duplicate statement passes', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const r = prng(seed)
        const p = randomPolicy(r, { conditions: true }) as { Version: string; Statement: object[] }
        const shuffled = { ...p, Statement: [...p.Statement].reverse() }
        const dup = { ...p, Statement: [...p.Statement, p.Statement[0]!] }
        for (const [a, b] of [[p, p], [shuffled, p], [p, shuffled], [dup, p], [p, dup]] as const) expect(checkNoNewAccess(a, b).result).toBe('PASS')
      }),
      { seed: SEED, numRuns: 300 },
    )
  })
  test('adding an Allow never removes access; adding a Deny never adds any', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const r = prng(seed)
        const p = randomPolicy(r, {}) as { Version: string; Statement: object[] }
        const extra = randomPolicy(r, {}) as { Statement: { Effect: string }[] }
        const allow = { ...extra.Statement[0]!, Effect: 'Allow' }
        const deny = { ...extra.Statement[0]!, Effect: 'Deny' }
        expect(checkNoNewAccess(p, { ...p, Statement: [...p.Statement, allow] }).result).toBe('PASS')
        expect(checkNoNewAccess({ ...p, Statement: [...p.Statement, deny] }, p).result).toBe('PASS')
        const wider = checkNoNewAccess({ ...p, Statement: [...p.Statement, allow] }, p)
        for (const reason of wider.reasons) expect(replay(compiled({ ...p, Statement: [...p.Statement, allow] }, 'identity'), reason.witness).allowed).toBe(true)
      }),
      { seed: SEED, numRuns: 300 },
    )
  })
})

describe('fuzz: the entry points never throw', () => {
  test('arbitrary JSON and text', () => {
    const anyDoc = fc.oneof(fc.string(), fc.jsonValue(), fc.constant('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Foo":{"k":"v"}}}]}'))
    fc.assert(
      fc.property(anyDoc, anyDoc, fc.array(fc.string(), { maxLength: 3 }), fc.string(), (a, b, list, t) => {
        const outs = [checkNoNewAccess(a, b), checkAccessNotGranted(a, { actions: list, resources: list }), checkNoPublicAccess(a, t), checkNoPublicAccess(a, 'AWS::S3::Bucket')]
        for (const o of outs) expect(['PASS', 'FAIL', 'UNKNOWN']).toContain(o.result)
      }),
      { seed: SEED, numRuns: 500 },
    )
  })
})
