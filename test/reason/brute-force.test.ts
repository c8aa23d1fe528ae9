/**
 * Differential test: the reasoning service against a brute-force enumeration of a small finite universe
 * of requests, on thousands of random policy pairs (fixed seed). A counterexample the enumeration finds
 * must make the service FAIL (never PASS); every FAIL's witness replays through the simulator.
 */
import { describe, expect, test } from 'vitest'
import { checkAccessNotGranted, checkNoNewAccess, replay } from '../../src/engine/reason'
import { allows, compiled, prng, randomPolicy, universe, type GenOptions } from './support'

interface Tally {
  pairs: number
  bothFail: number
  bothPass: number
  failOutside: number
  unknown: number
}

function runNoNewAccess(seed: number, count: number, o: GenOptions, type: 'identity' | 'resource'): Tally {
  const r = prng(seed)
  const U = universe(o)
  const t: Tally = { pairs: 0, bothFail: 0, bothPass: 0, failOutside: 0, unknown: 0 }
  for (let i = 0; i < count; i++) {
    const nw = randomPolicy(r, o)
    const old = r() < 0.3 ? nw : randomPolicy(r, o)
    const np = compiled(nw, type)
    const op = compiled(old, type)
    const brute = U.find((req) => allows(np, req) && !allows(op, req))
    const out = checkNoNewAccess(nw, old, { type })
    t.pairs++
    const ctx = JSON.stringify({ nw, old, brute: brute && { a: brute.action, r: brute.resource, p: brute.caller.raw }, out })
    expect(out.error, ctx).toBeUndefined()
    if (out.result === 'UNKNOWN') {
      t.unknown++
      continue
    }
    if (brute) expect(out.result, ctx).toBe('FAIL')
    if (out.result === 'FAIL') {
      for (const reason of out.reasons) {
        expect(replay(np, reason.witness).allowed, ctx).toBe(true)
        expect(replay(op, reason.witness).allowed, ctx).toBe(false)
      }
      if (brute) t.bothFail++
      else t.failOutside++
    } else t.bothPass++
  }
  return t
}

describe('no new access agrees with brute force over small universes', () => {
  test('identity policies: actions and resources (1,500 pairs)', () => {
    const t = runNoNewAccess(16, 1500, {}, 'identity')
    console.log('identity, no conditions:', JSON.stringify(t))
    expect(t.unknown).toBe(0)
    expect(t.bothFail).toBeGreaterThan(300)
    expect(t.bothPass).toBeGreaterThan(200)
  })
  test('identity policies with string, numeric, set and Null conditions (600 pairs)', () => {
    const t = runNoNewAccess(1616, 600, { conditions: true }, 'identity')
    console.log('identity, conditions:', JSON.stringify(t))
    expect(t.unknown).toBe(0)
  }, 120_000)
  test('several services and ARN-shaped resources (800 pairs)', () => {
    const t = runNoNewAccess(1717, 800, { services: true }, 'identity')
    console.log('identity, services and ARNs:', JSON.stringify(t))
    expect(t.unknown).toBe(0)
    expect(t.bothFail).toBeGreaterThan(100)
  }, 120_000)
  test('resource policies with Principal / NotPrincipal (1,000 pairs)', () => {
    const t = runNoNewAccess(161616, 1000, { principals: true }, 'resource')
    console.log('resource, principals:', JSON.stringify(t))
    expect(t.unknown).toBe(0)
  }, 120_000)
})

describe('access not granted agrees with brute force', () => {
  test('random policies against random action and resource lists (1,000 cases)', () => {
    const r = prng(99)
    const U = universe({})
    let fails = 0
    let passes = 0
    for (let i = 0; i < 1000; i++) {
      const doc = randomPolicy(r, {})
      const p = compiled(doc, 'identity')
      const actions = r() < 0.8 ? ['s:' + ['a', 'b', 'ab', 'ba', 'abc', 'c'][Math.floor(r() * 6)]!] : []
      const resources = actions.length === 0 || r() < 0.4 ? ['r' + ['', 'a', 'b', 'ab', 'c'][Math.floor(r() * 5)]!] : []
      const brute = U.find((q) => allows(p, q) && (!actions.length || actions.includes(q.action)) && (!resources.length || resources.includes(q.resource)))
      const out = checkAccessNotGranted(doc, { actions, resources })
      const ctx = JSON.stringify({ doc, actions, resources, out })
      expect(out.result, ctx).not.toBe('UNKNOWN')
      // A counterexample in the universe forbids PASS; a FAIL without one must have its witness outside it.
      if (brute) expect(out.result, ctx).toBe('FAIL')
      for (const reason of out.reasons) {
        expect(replay(p, reason.witness).allowed).toBe(true)
        if (actions.length) expect(actions).toContain(reason.witness.action)
        if (resources.length) expect(resources).toContain(reason.witness.resource)
      }
      if (out.result === 'FAIL') fails++
      else passes++
    }
    console.log('access not granted:', JSON.stringify({ fails, passes }))
    expect(fails).toBeGreaterThan(100)
    expect(passes).toBeGreaterThan(100)
  })
})
