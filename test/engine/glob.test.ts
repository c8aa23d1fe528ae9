import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileGlob, globCovers, globMatch } from '../../src/engine/patterns/glob'
import { globsIntersect } from '../../src/engine/arn/format'

/** Reference model: a regex built from the pattern (fine for short inputs in tests). */
function regexModel(pattern: string, text: string, ignoreCase = false): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]') + '$', ignoreCase ? 'i' : '')
  return re.test(text)
}

describe('globMatch (IAM wildcards, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html)', () => {
  it('matches * and ? as AWS documents', () => {
    expect(globMatch('s3:Get*', 's3:GetObject')).toBe(true)
    expect(globMatch('s3:Get*', 's3:PutObject')).toBe(false)
    expect(globMatch('iam:*AccessKey*', 'iam:CreateAccessKey')).toBe(true)
    expect(globMatch('ec2:*Instances', 'ec2:DescribeInstances')).toBe(true)
    expect(globMatch('s3:?etObject', 's3:GetObject')).toBe(true)
    expect(globMatch('s3:?etObject', 's3:etObject')).toBe(false)
    expect(globMatch('*', '')).toBe(true)
    expect(globMatch('', '')).toBe(true)
    expect(globMatch('S3:GETOBJECT', 's3:GetObject', true)).toBe(true)
    expect(globMatch('S3:GETOBJECT', 's3:GetObject')).toBe(false)
  })

  it('agrees with a regex model (property)', () => {
    const alpha = fc.string({ unit: fc.constantFrom('a', 'b', '*', '?', ':', '/'), maxLength: 8 })
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ':', '/'), maxLength: 10 })
    fc.assert(
      fc.property(alpha, text, (p, t) => {
        expect(globMatch(p, t)).toBe(regexModel(p, t))
        expect(compileGlob(p)(t)).toBe(regexModel(p, t))
      }),
      { numRuns: 5000 },
    )
  })

  it('does not blow up on backtracking patterns', () => {
    const pattern = 'a*'.repeat(2000) + 'b'
    const text = 'a'.repeat(20_000)
    const started = performance.now()
    expect(globMatch(pattern, text)).toBe(false)
    // Not a timing assertion: only guards against exponential behaviour (a regex would never finish).
    expect(performance.now() - started).toBeLessThan(20_000)
  })

  it('globCovers is sound: if outer covers inner, every match of inner matches outer (property)', () => {
    const pat = fc.string({ unit: fc.constantFrom('a', 'b', '*'), maxLength: 6 })
    const text = fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 8 })
    fc.assert(
      fc.property(pat, pat, text, (outer, inner, t) => {
        if (globCovers(outer, inner) && globMatch(inner, t)) expect(globMatch(outer, t)).toBe(true)
      }),
      { numRuns: 5000 },
    )
  })

  it('globsIntersect finds a common string when there is one (property)', () => {
    const pat = fc.string({ unit: fc.constantFrom('a', 'b', '*', '?'), maxLength: 5 })
    const text = fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 6 })
    fc.assert(
      fc.property(pat, pat, text, (a, b, t) => {
        if (globMatch(a, t) && globMatch(b, t)) expect(globsIntersect(a, b)).toBe(true)
      }),
      { numRuns: 5000 },
    )
  })
})
