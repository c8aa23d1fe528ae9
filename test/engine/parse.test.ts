import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseJson } from '../../src/engine/json/parse'
import { LineIndex } from '../../src/engine/json/positions'

describe('parseJson (strict JSON with positions)', () => {
  it('reports a missing comma at the exact line and column', () => {
    const text = '{\n  "Version": "2012-10-17"\n  "Statement": []\n}'
    const r = parseJson(text)
    expect(r.root).toBeUndefined()
    expect(r.syntaxErrors[0]).toMatchObject({ code: 'JSON_SYNTAX_ERROR', severity: 'ERROR', range: { start: { line: 3, column: 3 } } })
    expect(r.syntaxErrors[0]!.message).toContain('line 3, column 3')
  })

  it('rejects comments, as IAM does', () => {
    const r = parseJson('{\n  // note\n  "Version": "2012-10-17"\n}')
    expect(r.syntaxErrors[0]!.message).toMatch(/comments are not allowed/)
    expect(r.syntaxErrors[0]!.range.start).toEqual({ line: 2, column: 3 })
  })

  it('rejects a trailing comma and offers to remove it', () => {
    const text = '{"Version": "2012-10-17",\n}'
    const r = parseJson(text)
    expect(r.syntaxErrors[0]!.message).toMatch(/trailing comma/)
    expect(r.syntaxErrors[0]!.range.start).toEqual({ line: 1, column: 25 })
    expect(r.syntaxErrors[0]!.fixes?.[0]?.edits[0]?.newText).toBe('')
  })

  it('reports an unterminated string and an empty document', () => {
    expect(parseJson('{"Version": "2012').syntaxErrors.length).toBeGreaterThan(0)
    expect(parseJson('   ').syntaxErrors[0]!.message).toMatch(/empty/)
  })

  it('keeps ranges for every node', () => {
    const text = '{\n  "Action": ["s3:GetObject", "s3:PutObject"]\n}'
    const r = parseJson(text)
    expect(r.root?.type).toBe('object')
    if (r.root?.type !== 'object') return
    const action = r.root.properties[0]!.value
    expect(action?.type).toBe('array')
    if (action?.type !== 'array') return
    expect(action.items[1]!.range).toEqual({ start: { line: 2, column: 30 }, end: { line: 2, column: 44 } })
    expect(action.items[1]!.path).toEqual(['Action', 1])
  })

  it('refuses absurd nesting without overflowing the stack', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000)
    const r = parseJson(text)
    expect(r.syntaxErrors[0]!.message).toMatch(/nesting deeper/)
  })

  it('handles CRLF line endings', () => {
    const idx = new LineIndex('a\r\nb\rc\nd')
    expect(idx.position(3)).toEqual({ line: 2, column: 1 })
    expect(idx.position(5)).toEqual({ line: 3, column: 1 })
    expect(idx.position(7)).toEqual({ line: 4, column: 1 })
    expect(idx.offset({ line: 4, column: 1 })).toBe(7)
  })

  it('never throws on random text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseJson(s)
        expect(r.root !== undefined || r.syntaxErrors.length > 0).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('parses any JSON value and reports no error (property)', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (s) => {
        const r = parseJson(s)
        expect(r.syntaxErrors).toEqual([])
      }),
      { numRuns: 1000 },
    )
  })

  it('every syntax error range lies inside the text (property on mutated JSON)', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.nat(), fc.string({ maxLength: 3 }), (s, at, ins) => {
        const i = at % (s.length + 1)
        const text = s.slice(0, i) + ins + s.slice(i + 1)
        const r = parseJson(text)
        const idx = new LineIndex(text)
        for (const e of r.syntaxErrors) {
          expect(idx.offset(e.range.start)).toBeLessThanOrEqual(text.length)
          expect(e.range.start.line).toBeGreaterThanOrEqual(1)
        }
      }),
      { numRuns: 1000 },
    )
  })
})
