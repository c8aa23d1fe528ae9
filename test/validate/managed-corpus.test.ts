/**
 * Every AWS managed policy (latest version) validated as an identity policy. AWS wrote and uses these,
 * so the only errors we accept are names the catalogue does not know: actions, services and condition
 * keys AWS retired, renamed or never documented in the Service Authorization Reference.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Finding } from '../../src/engine/findings/types'
import { validatePolicy } from '../../src/engine/validate'
import { getCatalogue } from './helpers'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

interface ManagedPolicy {
  name: string
  arn: string
  document: unknown
}

/**
 * Errors that mean "this action is not in the catalogue" (retired or renamed actions), the one kind AWS's own
 * policies may contain. Condition keys are not in this list: the catalogue learns the keys AWS's managed
 * policies use (scripts/build-data.mjs), so an unknown key there is a bug of ours.
 */
const UNKNOWN_NAME_CODES = new Set(['INVALID_ACTION', 'INVALID_SERVICE_IN_ACTION'])

function valueAt(doc: unknown, path: (string | number)[]): unknown {
  let v: unknown = doc
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined
  return v
}

describe('AWS managed policy corpus', () => {
  it('has no ERROR except unknown names, and records the unknown actions', async () => {
    const catalogue = await getCatalogue()
    const { policies } = JSON.parse(readFileSync(join(root, 'generated', 'managed-policies.json'), 'utf8')) as { policies: ManagedPolicy[] }
    expect(policies.length).toBeGreaterThan(1000)
    const unexpected: { policy: string; finding: Finding }[] = []
    const unknownActions = new Map<string, Set<string>>()
    const unknownKeys = new Map<string, Set<string>>()
    const bySeverity: Record<string, number> = {}
    const byCode: Record<string, number> = {}
    const started = performance.now()
    for (const p of policies) {
      const text = JSON.stringify(p.document, null, 2)
      const { findings } = validatePolicy(text, { catalogue, policyType: 'identity' })
      for (const f of findings) {
        bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1
        byCode[f.code] = (byCode[f.code] ?? 0) + 1
        if (f.severity !== 'ERROR') continue
        if (!UNKNOWN_NAME_CODES.has(f.code)) {
          unexpected.push({ policy: p.name, finding: f })
          continue
        }
        const value = valueAt(p.document, f.path)
        const name = typeof value === 'string' && f.code.includes('ACTION') ? value : String(f.path[f.path.length - 1])
        const into = f.code === 'INVALID_ACTION' || f.code === 'INVALID_SERVICE_IN_ACTION' ? unknownActions : unknownKeys
        if (!into.has(name)) into.set(name, new Set())
        into.get(name)!.add(p.name)
      }
    }
    const ms = performance.now() - started
    const summary = {
      policies: policies.length,
      milliseconds: Math.round(ms),
      policiesPerSecond: Math.round((policies.length / ms) * 1000),
      findingsBySeverity: bySeverity,
      findingsByCode: Object.fromEntries(Object.entries(byCode).sort()),
      unknownActions: { count: unknownActions.size, actions: Object.fromEntries([...unknownActions].sort().map(([a, ps]) => [a, [...ps].sort()])) },
      unknownConditionKeys: { count: unknownKeys.size, keys: Object.fromEntries([...unknownKeys].sort().map(([k, ps]) => [k, [...ps].sort()])) },
      unexpectedErrors: unexpected.map((u) => ({ policy: u.policy, code: u.finding.code, path: u.finding.path, message: u.finding.message })),
    }
    mkdirSync(join(root, 'test-results'), { recursive: true })
    writeFileSync(join(root, 'test-results', 'managed-corpus.json'), JSON.stringify(summary, null, 2))
    console.log(
      `Managed corpus: ${policies.length} policies, ${summary.policiesPerSecond} policies/s; ` +
        `${unknownActions.size} unknown actions: ${[...unknownActions.keys()].sort().join(', ')}; ` +
        `${unknownKeys.size} unknown condition keys: ${[...unknownKeys.keys()].sort().join(', ')}`,
    )
    expect(summary.unexpectedErrors).toEqual([])
    expect(unknownKeys.size).toBe(0)
  })
})
