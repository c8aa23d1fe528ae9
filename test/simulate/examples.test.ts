import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { simulateCase, simulateCases } from '../../src/engine/simulate'

interface ExampleCase {
  id: string
  description: string
  source: string
  expected: string
}

const file = fileURLToPath(new URL('../fixtures/simulation-cases.json', import.meta.url))
const cases = JSON.parse(readFileSync(file, 'utf8')) as ExampleCase[]

describe('shared example cases (shared/examples/simulation-cases.json)', () => {
  it('has the 154 worked cases', () => {
    expect(cases.length).toBe(154)
  })

  for (const c of cases) {
    it(`${c.id}: ${c.description} — ${c.source}`, () => {
      const r = simulateCase(c)
      expect(r.error).toBeUndefined()
      expect(r.id).toBe(c.id)
      expect(r.decision).toBe(c.expected)
      // Every result explains itself: the decision line first, then statement lines.
      expect(r.explanation?.[0]?.kind).toBe('decision')
      expect(r.explanation?.[0]?.decision).toBe(c.expected)
    })
  }

  it('simulateCases keeps the order and ids of the whole array', () => {
    const results = simulateCases(cases)
    expect(results.map((r) => r.id)).toEqual(cases.map((c) => c.id))
    expect(results.map((r) => r.decision)).toEqual(cases.map((c) => c.expected))
  })
})
