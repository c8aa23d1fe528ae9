// The account password policy against CIS AWS Foundations Benchmark v3.0.0 (1.8, 1.9) and Security Hub
// IAM.7, IAM.11–IAM.17 (https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkPasswordPolicy, compliantSettings, summary } from '../../src/engine/password-policy'

describe('checkPasswordPolicy', () => {
  it('the IAM default (no custom policy) fails every control', () => {
    const r = checkPasswordPolicy({})
    expect(summary(r)).toEqual({ pass: 0, fail: 10 })
    expect(r.map((x) => x.id)).toEqual(['CIS 1.8', 'CIS 1.9', 'IAM.15', 'IAM.16', 'IAM.11', 'IAM.12', 'IAM.13', 'IAM.14', 'IAM.17', 'IAM.7'])
  })

  it('length 14 passes CIS 1.8 and IAM.15; 13 fails them', () => {
    const at = (len: number) => Object.fromEntries(checkPasswordPolicy({ minimumLength: len }).map((x) => [x.id, x.status]))
    expect(at(14)['CIS 1.8']).toBe('pass')
    expect(at(14)['IAM.15']).toBe('pass')
    expect(at(13)['IAM.15']).toBe('fail')
  })

  it('reuse 24 passes CIS 1.9 and IAM.16; expiry over 90 days fails IAM.17', () => {
    const r = Object.fromEntries(checkPasswordPolicy({ reusePrevention: 24, maxAgeDays: 91 }).map((x) => [x.id, x]))
    expect(r['CIS 1.9']!.status).toBe('pass')
    expect(r['IAM.16']!.status).toBe('pass')
    expect(r['IAM.17']!.status).toBe('fail')
    expect(r['IAM.17']!.detail).toMatch(/after 91 days/)
  })

  it('the compliant setting passes every control and never weakens a setting (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          minimumLength: fc.option(fc.integer({ min: 6, max: 128 }), { nil: undefined }),
          requireUppercase: fc.boolean(),
          requireLowercase: fc.boolean(),
          requireNumbers: fc.boolean(),
          requireSymbols: fc.boolean(),
          maxAgeDays: fc.option(fc.integer({ min: 1, max: 1095 }), { nil: undefined }),
          reusePrevention: fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
        }),
        (s) => {
          const c = compliantSettings(s)
          expect(summary(checkPasswordPolicy(c)).fail).toBe(0)
          expect(c.minimumLength!).toBeGreaterThanOrEqual(s.minimumLength ?? 0)
          if (s.maxAgeDays !== undefined && s.maxAgeDays <= 90) expect(c.maxAgeDays).toBe(s.maxAgeDays)
        },
      ),
      { seed: 14, numRuns: 200 },
    )
  })
})
