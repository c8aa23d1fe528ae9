import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { changedSpan } from '../../src/extension/shared/text-diff'

describe('changedSpan (the single span editors rewrite on a sync)', () => {
  it('replacing the span turns the old text into the new one, and the span is minimal at both ends (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const s = changedSpan(a, b)
        expect(a.slice(0, s.start) + s.text + a.slice(s.oldEnd)).toBe(b)
        expect(s.start).toBeLessThanOrEqual(s.oldEnd)
        if (s.start < Math.min(a.length, b.length)) expect(a[s.start] === b[s.start] && s.text.length > 0 && s.oldEnd > s.start).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })
  it('is empty for equal texts', () => {
    expect(changedSpan('abc', 'abc')).toEqual({ start: 3, oldEnd: 3, text: '' })
  })
})
