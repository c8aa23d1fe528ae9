// Deep and large input in the two file imports (issue 17, item 6): template import and What-if case
// import answer with a clear message and change nothing, whatever the nesting, instead of a raw stack
// overflow (or, in the What-if tab, an unhandled rejection).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonDepth, MAX_JSON_DEPTH, valueDepth } from '../../src/extension/shared/json-limits'
import { EXPORT_FORMAT, parseImport } from '../../src/extension/templates/import-export'
import { casesToBasket, MAX_CASE_FILE_BYTES } from '../../src/extension/whatif/model/import'
import { emptyBasket } from '../../src/extension/whatif/model'

const deepArray = (n: number, close = true) => '['.repeat(n) + (close ? ']'.repeat(n) : '')
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)

describe('deep input', () => {
  it('template import: 8,000 unterminated [ and 100,000 nested levels get a message, not a stack error', () => {
    for (const text of [deepArray(8000, false), deepArray(100_000), deepObject(20_000), `{"format":"${EXPORT_FORMAT}","schemaVersion":2,"templates":[${deepArray(5000)}]}`]) {
      const r = parseImport(text)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error).toMatch(/more than 64 levels deep.*nothing was changed/)
    }
  })

  it('What-if case import: 5,000 nested levels, as text or parsed, change nothing', () => {
    const base = emptyBasket()
    const nested = JSON.parse(deepObject(5000)) as unknown
    for (const input of [deepObject(5000), deepArray(8000, false), `{"request":${deepArray(5000)}}`, { request: nested }, [nested]]) {
      let r: ReturnType<typeof casesToBasket> | undefined
      expect(() => (r = casesToBasket(input, base))).not.toThrow()
      expect(r!.ok).toBe(false)
      if (!r!.ok) expect(r!.errors.join(' ')).toMatch(/levels deep/)
    }
    expect(base).toEqual(emptyBasket())
  })

  it('What-if case files are size-capped', () => {
    const big = JSON.stringify({ id: 'x'.repeat(MAX_CASE_FILE_BYTES) })
    const r = casesToBasket(big)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]).toMatch(/larger than 2 MB/)
  })

  it('legitimate depths pass the check', () => {
    expect(jsonDepth('{"Statement":[{"Condition":{"StringEquals":{"k":["v"]}}}]}')).toBe(6)
    expect(jsonDepth('"[[[[" [ "]" ]')).toBe(1)
    expect(jsonDepth('["\\"[[["]')).toBe(1)
    expect(valueDepth({ a: [{ b: [] }] })).toBe(4)
    expect(jsonDepth(deepArray(MAX_JSON_DEPTH))).toBe(MAX_JSON_DEPTH)
  })

  it('jsonDepth agrees with the parsed depth of valid JSON (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (v) => {
        expect(jsonDepth(JSON.stringify(v))).toBe(valueDepth(v))
      }),
      { seed: 1717, numRuns: 500 },
    )
  })
})
