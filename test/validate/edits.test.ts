import { describe, expect, it } from 'vitest'
import { applyEdits, OverlappingEditsError } from '../../src/engine/findings/edits'

const at = (line: number, column: number) => ({ line, column })

describe('applyEdits', () => {
  it('applies edits from last to first so positions stay valid', () => {
    const text = 'abc\ndef'
    expect(
      applyEdits(text, [
        { range: { start: at(1, 1), end: at(1, 2) }, newText: 'X' },
        { range: { start: at(2, 2), end: at(2, 3) }, newText: 'YY' },
      ]),
    ).toBe('Xbc\ndYYf')
  })

  it('keeps insertions at one place in the order given', () => {
    const r = { start: at(1, 2), end: at(1, 2) }
    expect(applyEdits('ab', [{ range: r, newText: '1' }, { range: r, newText: '2' }])).toBe('a12b')
  })

  it('handles CRLF line endings and the end of the text', () => {
    expect(applyEdits('a\r\nb', [{ range: { start: at(2, 1), end: at(2, 2) }, newText: 'c' }])).toBe('a\r\nc')
    expect(applyEdits('ab', [{ range: { start: at(1, 3), end: at(1, 3) }, newText: '!' }])).toBe('ab!')
  })

  it('rejects overlapping edits', () => {
    expect(() =>
      applyEdits('abcdef', [
        { range: { start: at(1, 1), end: at(1, 4) }, newText: '' },
        { range: { start: at(1, 3), end: at(1, 5) }, newText: '' },
      ]),
    ).toThrow(OverlappingEditsError)
  })
})
