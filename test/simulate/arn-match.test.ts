/**
 * Resource / ARN pattern matching (src/engine/arn/match.ts), per
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html and the ARN
 * condition operators https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  arnLikeMatches,
  compileResourcePattern,
  encodeWildcards,
  encodedGlob,
  encodedPatternCovers,
  encodedPatternsIntersect,
  resourcePatternMatches,
} from '../../src/engine/arn/match'

/** Reference: a regex built from the pattern (fine for short test strings). */
function regexGlob(pattern: string, text: string): boolean {
  const re = new RegExp('^' + [...pattern].map((c) => (c === '*' ? '[\\s\\S]*' : c === '?' ? '[\\s\\S]' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('') + '$')
  return re.test(text)
}

/** Reference for Resource patterns: stars that end a segment (or sit in the resource part) cross colons; others do not. */
function regexResource(pattern: string, text: string): boolean {
  let colons = 0
  let re = '^'
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    const inResource = colons >= 5
    if (c === ':') colons++
    if (c === '*') re += inResource || i + 1 === pattern.length || pattern[i + 1] === ':' ? '[\\s\\S]*' : '[^:]*'
    else if (c === '?') re += inResource ? '[\\s\\S]' : '[^:]'
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(re + '$').test(text)
}

const alphabet = fc.constantFrom('a', 'b', ':', '/', '*', '?')
const textAlphabet = fc.constantFrom('a', 'b', ':', '/')
const patternArb = fc.array(alphabet, { maxLength: 12 }).map((a) => a.join(''))
const textArb = fc.array(textAlphabet, { maxLength: 12 }).map((a) => a.join(''))

describe('glob matching (non-backtracking)', () => {
  it('agrees with a regular-expression reference', () => {
    fc.assert(fc.property(patternArb, textArb, (p, t) => encodedGlob(encodeWildcards(p), t) === regexGlob(p, t)), { numRuns: 3000 })
  })
  it('stays fast on patterns that make backtracking matchers explode', () => {
    const p = encodeWildcards('a*a*a*a*a*a*a*a*b')
    const started = Date.now()
    expect(encodedGlob(p, 'a'.repeat(20_000))).toBe(false)
    expect(Date.now() - started).toBeLessThan(500)
  })
})

describe('Resource element patterns', () => {
  const ex: [string, string, boolean][] = [
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b.txt', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket', false],
    ['arn:aws:s3:::bucket*', 'arn:aws:s3:::bucket/x', true],
    ['arn:aws:iam::123456789012:user/*', 'arn:aws:iam::123456789012:user/division/team/bob', true],
    ['arn:aws:iam::123456789012:user/Bob', 'arn:aws:iam::123456789012:user/bob', false],
    ['arn:aws:sqs:us-east-?:*:queue', 'arn:aws:sqs:us-east-2:123456789012:queue', true],
    ['arn:aws:sqs:*', 'arn:aws:sqs:us-east-2:123456789012:queue', true],
    ['arn:aws:logs:*:*:log-group:/aws/lambda/*', 'arn:aws:logs:us-east-1:1:log-group:/aws/lambda/fn:log-stream:x', true],
    ['arn:aws:sqs:us-*-1:*:q', 'arn:aws:sqs:us-east:x-1:1:q', false],
    ['*', 'anything at all', true],
  ]
  for (const [p, v, want] of ex) it(`${p} vs ${v} → ${want}`, () => {
    expect(resourcePatternMatches(p, v)).toBe(want)
    expect(compileResourcePattern(p)(v)).toBe(want)
  })
  it('agrees with a reference that encodes the segment rule', () => {
    const arnish = fc.array(fc.constantFrom('arn', 'aws', 's3', '*', '?', 'x', '', 'a*', '*b'), { minLength: 1, maxLength: 8 }).map((a) => a.join(':'))
    const valueish = fc.array(fc.constantFrom('arn', 'aws', 's3', 'x', '', 'ab', 'b/c'), { minLength: 1, maxLength: 8 }).map((a) => a.join(':'))
    fc.assert(
      fc.property(fc.oneof(arnish, patternArb), fc.oneof(valueish, textArb), (p, v) => {
        expect(resourcePatternMatches(p, v)).toBe(regexResource(p, v))
        expect(compileResourcePattern(p)(v)).toBe(regexResource(p, v))
      }),
      { numRuns: 3000 },
    )
  })
})

describe('ArnLike / ArnEquals', () => {
  it('matches part by part: wildcards do not cross colons (doc example)', () => {
    expect(arnLikeMatches('arn:aws:someservice:*:111122223333:finance/*', 'arn:aws:someservice:us-east-1:111122223333:finance/x')).toBe(true)
    expect(arnLikeMatches('arn:aws:someservice:*:111122223333:finance/*', 'arn:aws:someservice:us-east-1:999:x:111122223333:finance/x')).toBe(false)
  })
  it('the resource part keeps its colons and * spans them', () => {
    expect(arnLikeMatches('arn:aws:logs:*:*:log-group:*', 'arn:aws:logs:us-east-1:1:log-group:g:log-stream:s')).toBe(true)
  })
  it('a value or pattern with fewer than six parts never matches', () => {
    expect(arnLikeMatches('*', 'arn:aws:s3:::b')).toBe(false)
    expect(arnLikeMatches('arn:aws:s3:::*', 'not-an-arn')).toBe(false)
  })
  it('every ARN matches arn:*:*:*:*:*', () => {
    const part = fc.stringMatching(/^[a-z0-9-]{0,6}$/)
    fc.assert(fc.property(part, part, part, part, fc.string({ maxLength: 20 }), (a, b, c, d, r) => arnLikeMatches('arn:*:*:*:*:*', `arn:${a}:${b}:${c}:${d}:${r}`)))
  })
})

describe('pattern overlap and cover (bulk simulation)', () => {
  const samples = fc.array(textArb, { minLength: 5, maxLength: 30 })
  it('intersect is sound: a string matching both means intersect is true', () => {
    fc.assert(
      fc.property(patternArb, patternArb, samples, (a, b, ts) => {
        const ea = encodeWildcards(a)
        const eb = encodeWildcards(b)
        if (ts.some((t) => encodedGlob(ea, t) && encodedGlob(eb, t))) expect(encodedPatternsIntersect(ea, eb)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
  it('cover is sound: when outer covers inner, every string of inner matches outer', () => {
    fc.assert(
      fc.property(patternArb, patternArb, samples, (a, b, ts) => {
        const ea = encodeWildcards(a)
        const eb = encodeWildcards(b)
        if (encodedPatternCovers(ea, eb)) for (const t of ts) if (encodedGlob(eb, t)) expect(encodedGlob(ea, t)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
  it('examples', () => {
    const e = encodeWildcards
    expect(encodedPatternsIntersect(e('arn:aws:s3:::b/*'), e('arn:aws:s3:::*'))).toBe(true)
    expect(encodedPatternsIntersect(e('arn:aws:s3:::a/*'), e('arn:aws:s3:::b/*'))).toBe(false)
    expect(encodedPatternCovers(e('arn:aws:s3:::*'), e('arn:aws:s3:::b/*'))).toBe(true)
    expect(encodedPatternCovers(e('arn:aws:s3:::b/*'), e('arn:aws:s3:::*'))).toBe(false)
  })
})
