/** "What can this policy do": every action of a service (or of the catalogue) simulated against the case's policies. */
import type { Catalogue } from '../../engine/catalogue'
import { ACCESS_LEVELS, type AccessLevel } from '../../engine/catalogue/types'
import { compilePolicySet, simulateAllActions } from '../../engine/simulate'

export interface ServiceCapabilities {
  service: string
  total: number
  allowedCount: number
  allowed: Partial<Record<AccessLevel, string[]>>
}

export interface CaseLike {
  request: { action: string; resource: string; principal?: string; context?: Record<string, string | string[]> }
}

export interface Capabilities {
  services: ServiceCapabilities[]
  ms: number
  error?: string
}

/** One entry per service with its allowed actions by access level (services with none left out when `service` is `*`). */
export function capabilities(cat: Catalogue, c: CaseLike, service: string, resource: string): Capabilities {
  const { request, ...policies } = c
  const set = compilePolicySet(policies)
  const all = service === '*' || service === ''
  const r = simulateAllActions(set, {
    catalogue: cat,
    resource: resource || '*',
    ...(all ? {} : { service }),
    ...(request.principal ? { principal: request.principal } : {}),
    ...(request.context ? { context: request.context } : {}),
  })
  if (r.error) return { services: [], ms: r.ms, error: r.error }
  const by = new Map<string, ServiceCapabilities>()
  const entry = (prefix: string) => {
    let e = by.get(prefix)
    if (!e) {
      e = { service: prefix, total: cat.service(prefix)?.actions.length ?? 0, allowedCount: 0, allowed: {} }
      by.set(prefix, e)
    }
    return e
  }
  if (!all) entry(service)
  for (const level of ACCESS_LEVELS) {
    for (const action of r.allowed[level] ?? []) {
      const e = entry(action.slice(0, action.indexOf(':')))
      ;(e.allowed[level] ??= []).push(action)
      e.allowedCount++
    }
  }
  return { services: [...by.values()].sort((a, b) => b.allowedCount - a.allowedCount || a.service.localeCompare(b.service)), ms: r.ms }
}
