import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalogue } from '../../src/engine/catalogue'
import { CHECKS } from '../../src/engine/validate'
import { CASES } from './cases'
import { codes, getCatalogue } from './helpers'

let catalogue: Catalogue
beforeAll(async () => {
  catalogue = await getCatalogue()
})

/** Codes that no policy should be able to raise on purpose. */
const UNREACHABLE = new Set(['INTERNAL_ERROR', 'ANALYSIS_TRUNCATED' /* raised by a time budget, not by a policy (test/engine/hostile.test.ts) */])

describe('every code: a policy that raises it and a near miss that does not', () => {
  for (const c of CASES) {
    it(`${c.code} — ${c.why}`, () => {
      expect(codes(catalogue, c.raise, c.opts)).toContain(c.code)
      expect(codes(catalogue, c.near, c.nearOpts ?? c.opts)).not.toContain(c.code)
    })
  }

  it('covers every code in CHECKS', () => {
    const covered = new Set(CASES.map((c) => c.code))
    const missing = CHECKS.map((c) => c.code).filter((code) => !covered.has(code) && !UNREACHABLE.has(code))
    expect(missing).toEqual([])
  })

  it('has no case for a code CHECKS does not describe', () => {
    const known = new Set(CHECKS.map((c) => c.code))
    expect(CASES.map((c) => c.code).filter((code) => !known.has(code))).toEqual([])
  })
})
