/**
 * The simulator's check that a tightened policy allows nothing the original policies did not: every
 * action of the catalogue, against `*` and each resource the policies name, decided with both sets.
 */
import type { Catalogue } from '../catalogue'
import { ACCESS_LEVELS } from '../catalogue/types'
import { compilePolicySet, simulateAllActions } from '../simulate'

export interface NarrowerProof {
  /** Every tightened decision is at most the original's. */
  ok: boolean
  /** (action, resource) pairs decided. */
  checked: number
  /** `action on resource` the tightened policy allows and the originals do not (empty when ok). */
  newlyAllowed: string[]
  /** The resources tried. */
  resources: string[]
  error?: string
}

function allowedSet(r: ReturnType<typeof simulateAllActions>): Set<string> {
  const s = new Set<string>()
  for (const l of ACCESS_LEVELS) for (const a of r.allowed[l] ?? []) s.add(a)
  return s
}

function resourcesOf(docs: unknown[], limit: number): string[] {
  const out = new Set<string>(['*'])
  for (const d of docs) {
    const stmts = typeof d === 'object' && d !== null ? (d as { Statement?: unknown }).Statement : undefined
    for (const st of Array.isArray(stmts) ? stmts : stmts ? [stmts] : []) {
      const r = typeof st === 'object' && st !== null ? (st as { Resource?: unknown }).Resource : undefined
      for (const v of typeof r === 'string' ? [r] : Array.isArray(r) ? r : []) if (typeof v === 'string' && v.startsWith('arn:') && out.size < limit) out.add(v)
    }
  }
  return [...out]
}

/** Decides every catalogue action for `*` and up to `maxResources - 1` named resources with both policy sets. */
export function proveNarrower(original: unknown[], tightened: unknown, catalogue: Catalogue, maxResources = 12): NarrowerProof {
  const resources = resourcesOf([...original, tightened], maxResources)
  const before = compilePolicySet({ identityPolicies: original })
  const after = compilePolicySet({ identityPolicies: [tightened] })
  if (before.errors.length || after.errors.length) return { ok: false, checked: 0, newlyAllowed: [], resources, error: [...before.errors, ...after.errors].join('; ') }
  const newlyAllowed: string[] = []
  let checked = 0
  for (const resource of resources) {
    const opts = { catalogue, resource, onlyApplicable: false }
    const b = simulateAllActions(before, opts)
    const a = simulateAllActions(after, opts)
    if (a.error || b.error) return { ok: false, checked, newlyAllowed, resources, error: a.error ?? b.error }
    checked += a.counts.total
    const was = allowedSet(b)
    for (const x of allowedSet(a)) if (!was.has(x) && newlyAllowed.length < 50) newlyAllowed.push(`${x} on ${resource}`)
  }
  return { ok: newlyAllowed.length === 0, checked, newlyAllowed, resources }
}
