/**
 * Decision 2 (issue 11/15): grouped suggestions keep every AWS managed policy short. Over the whole bundled
 * corpus, suggestPolicy's top-level list never exceeds 15 items; the maximum is written to
 * test-results/grouping-corpus.json and printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { allRules } from '../../src/cli/rules'
import { groupSuggestions } from '../../src/engine/suggest'
import { managedPolicies, suggest } from '../suggest/helpers'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

describe('grouping over every AWS managed policy', () => {
  it('no policy has more than 15 top-level suggestions, and no member is lost', { timeout: 900_000 }, async () => {
    let max = 0
    let maxName = ''
    let flatMax = 0
    const histogram: Record<number, number> = {}
    const codes = new Set<string>()
    for (const p of managedPolicies().values()) {
      const flat = await suggest(JSON.stringify(p.document, null, 2), { policyType: 'identity' })
      const grouped = groupSuggestions(flat)
      for (const s of [...flat, ...grouped]) codes.add(s.code)
      const members = grouped.reduce((n, s) => n + (s.group ? s.group.count : 1), 0)
      expect(members, p.name).toBe(flat.length)
      histogram[grouped.length] = (histogram[grouped.length] ?? 0) + 1
      flatMax = Math.max(flatMax, flat.length)
      if (grouped.length > max) {
        max = grouped.length
        maxName = p.name
      }
    }
    mkdirSync(join(root, 'test-results'), { recursive: true })
    writeFileSync(join(root, 'test-results', 'grouping-corpus.json'), JSON.stringify({ policies: managedPolicies().size, max, maxName, flatMax, histogram }, null, 2))
    console.log(`Grouping: ${managedPolicies().size} managed policies; at most ${max} top-level suggestions (${maxName}); at most ${flatMax} before grouping`)
    expect(max).toBeLessThanOrEqual(15)
    // Every code the corpus brings out, grouped or not, is one the CLI knows: `--suppress` accepts it and the
    // SARIF output has a rule for it.
    const rules = allRules()
    expect([...codes].filter((c) => !rules.has(c)).sort()).toEqual([])
  })
})
