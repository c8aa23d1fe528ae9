/**
 * "Tighten to what was used" on a Last Accessed tab, and the risks across a principal's policies: engine
 * calls loaded with `import()` on first use (with the catalogue), like ./engine.ts.
 */
import { loadCatalogue } from '../../engine/catalogue/bundled'
import type { Catalogue } from '../../engine/catalogue'
import { suggestAcrossPolicies, type PrincipalRisk } from '../../engine/suggest/principal'
import { tightenToUsage, type ServiceUse, type TightenedWithProof } from '../../engine/tighten'
import { groupsOfUser, viaGroup } from './model/cases'
import { principalMatches } from './model/arns'
import type { Basket, BasketItem } from './model/types'

export type { PrincipalRisk, TightenedWithProof }

function norm(name: string): string {
  return name
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/^\s*(amazon|aws)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The namespace of a service as the console names it ("Amazon S3" → s3); undefined when unknown. */
export function namespaceOf(name: string, catalogue: Catalogue): string | undefined {
  const t = name.trim()
  if (/^[a-z0-9-]+$/.test(t) && catalogue.service(t)) return t
  const want = norm(t)
  let prefixHit: string | undefined
  for (const [prefix, svc] of catalogue.services) {
    const n = norm(svc.name)
    if (n === want) return prefix
    if (!prefixHit && (n.startsWith(`${want} `) || want.startsWith(`${n} `))) prefixHit = prefix
  }
  return prefixHit
}

/** The principal's identity policies in the basket: its own and its groups', with and without documents. */
export function principalPolicies(basket: Basket, principal: string): { item: BasketItem; via?: string }[] {
  const groups = groupsOfUser(basket, principal)
  const out: { item: BasketItem; via?: string }[] = []
  for (const item of basket.items) {
    if (item.role.kind !== 'identity') continue
    if (principalMatches(item.role.target, principal)) out.push({ item })
    else {
      const g = groups.find((x) => principalMatches(item.role.target, x))
      if (g) out.push({ item, via: viaGroup(g) })
    }
  }
  return out
}

export interface TightenRun {
  result: TightenedWithProof
  /** The principal's current policies together, as the diff's left side. */
  before: string
  /** Services shown on the page that the catalogue does not know (left out of the data). */
  unknownServices: string[]
}

export async function tightenPrincipal(basket: Basket, principal: string, services: ServiceUse[], readAt: number, days: number): Promise<TightenRun> {
  const catalogue = await loadCatalogue()
  const unknownServices: string[] = []
  const resolved: ServiceUse[] = []
  for (const s of services) {
    const ns = s.namespace || (s.name ? namespaceOf(s.name, catalogue) : undefined)
    if (!ns) {
      unknownServices.push(s.name ?? '?')
      continue
    }
    resolved.push({ ...s, namespace: ns, ...(s.actions ? { actions: s.actions.map((a) => ({ ...a, action: a.action.includes(':') ? a.action : `${ns}:${a.action}` })) } : {}) })
  }
  const policies = principalPolicies(basket, principal).filter((p) => p.item.document !== undefined)
  const docs = policies.map((p) => ({ name: p.via ? `${p.via} → ${p.item.name}` : p.item.name, document: p.item.document! }))
  const granularity = resolved.some((s) => s.actions?.length) ? 'action' : 'service'
  const result = tightenToUsage(docs, { services: resolved, granularity }, { catalogue, days, now: readAt })
  const statements = docs.flatMap((d) => {
    try {
      const v = JSON.parse(d.document) as { Statement?: unknown }
      return Array.isArray(v.Statement) ? v.Statement : v.Statement ? [v.Statement] : []
    } catch {
      return []
    }
  })
  const before = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)
  return { result, before, unknownServices }
}

/** Privilege escalation and the other risks over the principal's own and groups' identity policies together. */
export async function principalRisks(basket: Basket, principal: string): Promise<{ risks: PrincipalRisk[]; policies: number }> {
  const catalogue = await loadCatalogue()
  const policies = principalPolicies(basket, principal).filter((p) => p.item.document !== undefined)
  const risks = suggestAcrossPolicies(
    policies.map((p) => ({ name: p.item.name, document: p.item.document!, ...(p.via ? { via: p.via } : {}) })),
    { catalogue },
  )
  return { risks, policies: policies.length }
}
