/**
 * Validation status of a template: how many findings of each severity our engine reports for it, with
 * its placeholders filled with sample values (so `{{AccountId}}` is checked as a real account id would be).
 * The engine and catalogue load on first use; results are cached by text and type.
 */
import type { PolicyType, Severity } from '../../engine/findings/types'
import { fillWithSamples } from './placeholders'

export type SeverityCounts = Record<Severity, number>

const MAX_CACHE = 3000
const cache = new Map<string, Promise<SeverityCounts>>()
let engine: Promise<typeof import('./validate-chunk')> | undefined

export function emptyCounts(): SeverityCounts {
  return { ERROR: 0, SECURITY_WARNING: 0, WARNING: 0, SUGGESTION: 0 }
}

export function totalFindings(c: SeverityCounts): number {
  return c.ERROR + c.SECURITY_WARNING + c.WARNING + c.SUGGESTION
}

/** Finding counts for a template (cached). Rejects only when the engine itself cannot load. */
export function validationCounts(document: string, policyType: PolicyType, resourceType?: string): Promise<SeverityCounts> {
  const key = `${policyType}\u0000${resourceType ?? ''}\u0000${document}`
  let hit = cache.get(key)
  if (!hit) {
    engine ??= import('./validate-chunk')
    hit = engine.then(async (m) => {
      const counts = emptyCounts()
      for (const s of await m.findingSeverities(fillWithSamples(document), policyType, resourceType)) counts[s]++
      return counts
    })
    hit.catch(() => cache.delete(key))
    if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value as string)
    cache.set(key, hit)
  }
  return hit
}
