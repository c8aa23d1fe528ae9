import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hiddenCodes, pageKey, readSuppressions, withCode } from '../../src/extension/content/suppressions'

describe('hidden finding codes (per policy page or everywhere)', () => {
  it('hides and shows codes per page and globally', () => {
    const key = pageKey('https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/policies/details/arn%3Aaws%3Aiam%3A%3A1%3Apolicy%2Fx?section=permissions')
    expect(key).toBe('/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3A1%3Apolicy%2Fx')
    let s = readSuppressions(undefined)
    s = withCode(s, key, 'MISSING_VERSION', 'page', true)
    s = withCode(s, key, 'REDUNDANT_ACTION', 'global', true)
    expect(hiddenCodes(s, key)).toEqual([
      { code: 'REDUNDANT_ACTION', scope: 'global' },
      { code: 'MISSING_VERSION', scope: 'page' },
    ])
    expect(hiddenCodes(s, '/iam/home#/policies/create')).toEqual([{ code: 'REDUNDANT_ACTION', scope: 'global' }])
    s = withCode(s, key, 'MISSING_VERSION', 'page', false)
    expect(s.pages).toEqual({})
  })

  it('reads anything from storage without throwing and keeps only well-formed codes (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const s = readSuppressions(x)
        for (const c of [...s.global, ...Object.values(s.pages).flat()]) expect(c).toMatch(/^[A-Z0-9_]+$/)
      }),
      { numRuns: 1000 },
    )
    expect(readSuppressions({ global: ['OK_CODE', 'bad code', 3], pages: { '/p': ['X'], __proto__: ['Y'] } })).toEqual({ global: ['OK_CODE'], pages: { '/p': ['X'] } })
  })
})
