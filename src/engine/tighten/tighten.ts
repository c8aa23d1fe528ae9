/**
 * "Tighten to what was used": one identity policy built from a principal's current identity policies,
 * keeping only the services (and, where the report tracks actions, the actions) used within a period.
 * Every kept statement keeps its Resource, NotResource and Condition; Deny statements are kept whole.
 * Pure and deterministic (the reference time is an input).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed-example-scenarios.html
 */
import type { ActionInfo, Catalogue } from '../catalogue'
import { splitAction } from '../catalogue'
import { compileGlob, hasWildcard } from '../patterns/glob'
import { daysAgo, usedWithin, type LastAccessedReport, type ServiceUse } from './last-accessed'

export interface TightenPolicyInput {
  name: string
  /** The policy's JSON text or object. */
  document: string | object
}

export interface TightenOptions {
  catalogue: Catalogue
  /** The period: services not accessed within this many days are removed (30, 90, 180, 365...). */
  days: number
  /** Reference time in ms since the epoch; default: the report's completion time, else 0 (then give it). */
  now?: number
  /**
   * Actions of a used service that the report does not track (action-level data covers management
   * actions only): keep them (default, nothing is removed without evidence) or drop them.
   */
  keepUntrackedActions?: boolean
}

export type ServiceStatus = 'kept' | 'narrowed' | 'unused' | 'no-data'

export interface ServiceChange {
  service: string
  status: ServiceStatus
  /** Catalogue actions of this service the original Allow statements grant, and the tightened ones. */
  before: number
  after: number
  removed: number
  /** Removed actions (at most 50 named). */
  removedActions: string[]
  lastAccessed?: string
  daysAgo?: number
}

export interface TightenResult {
  /** The tightened policy (identity policy JSON). */
  policy: { Version: string; Statement: Record<string, unknown>[] }
  text: string
  services: ServiceChange[]
  /** Catalogue actions removed in total. */
  removed: number
  warnings: string[]
  error?: string
}

type Json = Record<string, unknown>

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function strings(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v]
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[]
  return undefined
}

/** The services an action pattern can reach (lower-case prefixes of the catalogue). */
function servicesOf(pattern: string, catalogue: Catalogue): string[] {
  if (pattern === '*') return [...catalogue.services.keys()]
  const parts = splitAction(pattern)
  if (!parts) return []
  if (hasWildcard(parts.service)) {
    const m = compileGlob(parts.service, true)
    return [...catalogue.services.keys()].filter((s) => m(s))
  }
  const svc = catalogue.service(parts.service.toLowerCase())
  return svc ? [svc.prefix] : []
}

/** The same pattern limited to one service: `*` → `s3:*`, `*:Get*` → `s3:Get*`, `s3:Get*` unchanged. */
function forService(pattern: string, service: string): string {
  if (pattern === '*') return `${service}:*`
  const parts = splitAction(pattern)
  if (!parts) return pattern
  return hasWildcard(parts.service) ? `${service}:${parts.name}` : pattern
}

function actionsOf(pattern: string, service: string, catalogue: Catalogue): ActionInfo[] {
  const svc = catalogue.service(service)
  if (!svc) return []
  const limited = forService(pattern, service)
  const parts = splitAction(limited)
  if (!parts) return []
  const m = compileGlob(limited, true)
  return svc.actions.filter((a) => m(a.key))
}

interface Usage {
  use?: ServiceUse
  used: boolean
  /** Lower-case keys of tracked actions not used in the period (action-level data only). */
  unusedTracked: Set<string>
  /** Lower-case keys of tracked actions used in the period. */
  usedTracked: Set<string>
  tracked: boolean
}

/**
 * Tightens a principal's identity policies to what the report says was used within `days`. The result is
 * never wider than the input: each statement is copied with a subset of its actions (proven over the
 * catalogue by `proveNarrower`).
 */
export function tightenPolicies(policies: TightenPolicyInput[], report: LastAccessedReport, options: TightenOptions): TightenResult {
  const empty = (error: string): TightenResult => ({ policy: { Version: '2012-10-17', Statement: [] }, text: '', services: [], removed: 0, warnings: [], error })
  const { catalogue } = options
  const days = Number.isFinite(options.days) && options.days > 0 ? Math.floor(options.days) : 0
  if (!days) return empty('the period must be a positive number of days')
  const now = options.now ?? (report.generatedAt ? Date.parse(report.generatedAt) : Number.NaN)
  if (!Number.isFinite(now)) return empty('no reference time: the report has no JobCompletionDate; give the current time')
  const keepUntracked = options.keepUntrackedActions !== false
  const warnings: string[] = []
  const byNs = new Map(report.services.map((s) => [s.namespace, s]))
  const usageCache = new Map<string, Usage>()
  const usage = (service: string): Usage => {
    let u = usageCache.get(service)
    if (u) return u
    const use = byNs.get(service)
    const used = use ? usedWithin(use.lastAccessed, now, days) : false
    const usedTracked = new Set<string>()
    const unusedTracked = new Set<string>()
    for (const a of use?.actions ?? []) (usedWithin(a.lastAccessed, now, days) ? usedTracked : unusedTracked).add(a.action.toLowerCase())
    u = { ...(use ? { use } : {}), used, usedTracked, unusedTracked, tracked: !!use?.actions?.length }
    usageCache.set(service, u)
    return u
  }

  const statementsOut: Json[] = []
  const before = new Map<string, Set<string>>()
  const after = new Map<string, Set<string>>()
  const noData = new Set<string>()
  const grant = (m: Map<string, Set<string>>, a: ActionInfo) => {
    let s = m.get(a.service)
    if (!s) m.set(a.service, (s = new Set()))
    s.add(a.key)
  }
  const sids = new Set<string>()

  /** What a used service keeps of `granted`: all of it, or without the tracked actions not used. */
  const keptOf = (granted: ActionInfo[], u: Usage): ActionInfo[] => {
    if (!u.tracked) return granted
    return granted.filter((a) => {
      const k = a.key.toLowerCase()
      if (u.usedTracked.has(k)) return true
      if (u.unusedTracked.has(k)) return false
      return keepUntracked
    })
  }

  policies.forEach((p, pi) => {
    let doc: unknown = p.document
    if (typeof doc === 'string') {
      try {
        doc = JSON.parse(doc) as unknown
      } catch {
        warnings.push(`${p.name}: not JSON, left out (nothing of it is kept).`)
        return
      }
    }
    if (!isRecord(doc)) {
      warnings.push(`${p.name}: not a policy object, left out.`)
      return
    }
    const raw = doc.Statement
    const list = Array.isArray(raw) ? raw : isRecord(raw) ? [raw] : []
    list.forEach((st, si) => {
      if (!isRecord(st)) return
      const effect = st.Effect
      const sidBase = typeof st.Sid === 'string' && st.Sid ? st.Sid : `${p.name.replace(/[^A-Za-z0-9]/g, '')}${si + 1}`
      let sid = sidBase.replace(/[^A-Za-z0-9]/g, '') || `S${pi + 1}x${si + 1}`
      for (let n = 2; sids.has(sid); n++) sid = `${sidBase.replace(/[^A-Za-z0-9]/g, '')}${n}`
      if (effect === 'Deny') {
        sids.add(sid)
        statementsOut.push({ ...st, Sid: sid })
        return
      }
      if (effect !== 'Allow') return
      if (st.Principal !== undefined || st.NotPrincipal !== undefined) {
        warnings.push(`${p.name}: statement ${si + 1} names a principal (not an identity policy statement), left out.`)
        return
      }
      const actions = strings(st.Action)
      const notActions = strings(st.NotAction)
      const out = new Set<string>()
      if (actions) {
        for (const pattern of actions) {
          for (const service of servicesOf(pattern, catalogue)) {
            const granted = actionsOf(pattern, service, catalogue)
            if (!granted.length) continue
            for (const a of granted) grant(before, a)
            const u = usage(service)
            const named = !hasWildcard(splitAction(pattern)?.service ?? '*') && pattern !== '*'
            if (!u.use && named) {
              // Not in the report: no evidence either way, so it stays.
              noData.add(service)
              out.add(pattern)
              for (const a of granted) grant(after, a)
              continue
            }
            if (!u.used) continue
            const kept = keptOf(granted, u)
            for (const a of kept) grant(after, a)
            if (kept.length === granted.length) out.add(forService(pattern, service))
            else for (const a of kept) out.add(a.key)
          }
          if (!servicesOf(pattern, catalogue).length && !warnings.some((w) => w.includes(`"${pattern}"`)))
            warnings.push(`${p.name}: "${pattern}" names no service in the catalogue, left out.`)
        }
      } else if (notActions) {
        const excluded = notActions.map((n) => compileGlob(n, true))
        for (const [service, svc] of catalogue.services) {
          const granted = svc.actions.filter((a) => !excluded.some((m) => m(a.key)))
          if (!granted.length) continue
          for (const a of granted) grant(before, a)
          const u = usage(service)
          if (!u.used) continue
          const kept = keptOf(granted, u)
          for (const a of kept) grant(after, a)
          // No NotAction entry reaches this service: `service:*` grants exactly what NotAction granted in it.
          const untouched = kept.length === svc.actions.length && !notActions.some((n) => servicesOf(n, catalogue).includes(service))
          if (untouched) out.add(`${service}:*`)
          else for (const a of kept) out.add(a.key)
        }
      } else return
      if (!out.size) return
      const { Action: _a, NotAction: _n, Sid: _s, ...rest } = st
      sids.add(sid)
      const sorted = [...out].sort((a, b) => a.localeCompare(b))
      statementsOut.push({ Sid: sid, Effect: 'Allow', Action: sorted.length === 1 ? sorted[0]! : sorted, ...rest })
    })
  })

  if (noData.size) warnings.push(`No last accessed data for ${[...noData].sort().join(', ')}: kept as they are.`)
  const services: ServiceChange[] = []
  let removedTotal = 0
  for (const [service, was] of [...before.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const now2 = after.get(service) ?? new Set<string>()
    const removedActions = [...was].filter((a) => !now2.has(a)).sort()
    const u = usage(service)
    const status: ServiceStatus = noData.has(service) && removedActions.length === 0 ? 'no-data' : now2.size === 0 ? 'unused' : removedActions.length ? 'narrowed' : 'kept'
    removedTotal += removedActions.length
    const d = daysAgo(u.use?.lastAccessed, now)
    services.push({
      service,
      status,
      before: was.size,
      after: now2.size,
      removed: removedActions.length,
      removedActions: removedActions.slice(0, 50),
      ...(u.use?.lastAccessed ? { lastAccessed: u.use.lastAccessed } : {}),
      ...(d !== undefined ? { daysAgo: d } : {}),
    })
  }
  const policy = { Version: '2012-10-17', Statement: statementsOut }
  return { policy, text: JSON.stringify(policy, null, 2), services, removed: removedTotal, warnings }
}
