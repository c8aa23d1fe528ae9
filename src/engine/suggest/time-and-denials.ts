/**
 * Two facts about a statement that change what the suggestions say about it:
 * - a date condition that cannot hold at the moment the caller names ("now" is an option, so the engine stays
 *   deterministic): such an Allow grants nothing today;
 * - an Allow whose every action a Deny of the same policy always takes away.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */
import { globCovers } from '../patterns/glob'
import type { StatementInfo } from './statements'

/** Longest a temporary credential lives (GetSessionToken for an IAM user: 36 hours). */
const MAX_SESSION_MS = 36 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000

/** A date condition value: ISO 8601 date/time or epoch seconds. */
function parseDate(v: string): number | undefined {
  if (/^\d+$/.test(v)) return Number(v) * 1000
  const t = Date.parse(v)
  return Number.isNaN(t) ? undefined : t
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/**
 * Why the statement's conditions cannot be met at `now` (epoch milliseconds), or undefined. Only a date test
 * on aws:CurrentTime, aws:EpochTime or aws:TokenIssueTime that every request fails today counts; IfExists
 * and negated forms are left alone.
 */
export function neverHoldsAt(s: StatementInfo, now: number): string | undefined {
  for (const op of s.model.condition?.operators ?? []) {
    const base = op.parsed.base
    if (!base || op.parsed.ifExists || op.parsed.qualifier || (base.family !== 'Date' && base.family !== 'Numeric')) continue
    const name = base.name
    const less = /LessThan/.test(name)
    const greater = /GreaterThan/.test(name)
    if (!less && !greater) continue
    for (const e of op.entries) {
      const key = e.key.value.toLowerCase()
      if (key !== 'aws:currenttime' && key !== 'aws:epochtime' && key !== 'aws:tokenissuetime') continue
      if (base.family === 'Numeric' && key !== 'aws:epochtime') continue
      const dates = e.values.map((v) => parseDate(v.value))
      if (dates.length === 0 || dates.some((d) => d === undefined)) continue
      const ds = dates as number[]
      // Values of one key are ORed: the test fails only when it fails for every value.
      if (key === 'aws:tokenissuetime') {
        // Credentials issued before a date long past have all expired; none can be issued in the future.
        if (less && ds.every((d) => d < now - MAX_SESSION_MS))
          return `its condition ${op.operator.value} aws:TokenIssueTime ${iso(Math.max(...ds))} only matches credentials issued before that date, and all of those have expired (temporary credentials last at most 36 hours)`
        if (greater && ds.every((d) => d > now + DAY_MS)) return `its condition ${op.operator.value} aws:TokenIssueTime ${iso(Math.min(...ds))} needs credentials issued in the future`
      } else {
        if (less && ds.every((d) => d < now)) return `its condition ${op.operator.value} ${e.key.value} ${iso(Math.max(...ds))} ended in the past`
        if (greater && ds.every((d) => d > now + DAY_MS)) return `its condition ${op.operator.value} ${e.key.value} ${iso(Math.min(...ds))} only starts to hold in the future`
      }
    }
  }
  return undefined
}

/** The Denies of a policy that always apply (no condition, any principal, named actions), by the service their actions name. */
export interface AlwaysDenies {
  /** Denies with an action whose service part is itself a pattern (`*`, `s3*:…`): they may cover any service. */
  anyService: StatementInfo[]
  byService: Map<string, StatementInfo[]>
}

function serviceOf(action: string): string | undefined {
  const c = action.indexOf(':')
  const service = c < 0 ? action : action.slice(0, c)
  return c < 0 || /[*?]/.test(service) ? undefined : service.toLowerCase()
}

export function alwaysDenies(statements: readonly StatementInfo[]): AlwaysDenies {
  const out: AlwaysDenies = { anyService: [], byService: new Map() }
  for (const d of statements) {
    if (d.effect !== 'Deny' || d.conditioned || d.notAction || !d.anyPrincipal || d.model.notPrincipal || d.notResource) continue
    const services = new Set(d.actionItems.map((x) => serviceOf(x.item.value)))
    for (const svc of services) {
      if (svc === undefined) out.anyService.push(d)
      else {
        const list = out.byService.get(svc)
        if (list) list.push(d)
        else out.byService.set(svc, [d])
      }
    }
  }
  return out
}

/**
 * Is every action this Allow names taken away by a Deny of the same policy that always applies (no condition,
 * any principal, every resource the Allow names)? Compared by the patterns' text, so it never overstates.
 * `denies` is `alwaysDenies(statements)`, indexed once per policy: 10,000 statements must not cost 10,000².
 */
export function fullyDenied(s: StatementInfo, denies: AlwaysDenies): boolean {
  if ((denies.anyService.length === 0 && denies.byService.size === 0) || s.effect !== 'Allow' || s.notAction || s.actionItems.length === 0) return false
  const coversResources = new Map<StatementInfo, boolean>()
  const covers = (d: StatementInfo): boolean => {
    let yes = coversResources.get(d)
    if (yes === undefined) {
      yes = d.resources === undefined || d.resources.includes('*') || (!s.notResource && s.resources !== undefined && s.resources.every((r) => d.resources!.some((x) => globCovers(x, r))))
      coversResources.set(d, yes)
    }
    return yes
  }
  const denied = (d: StatementInfo, action: string) => covers(d) && d.actionItems.some((x) => globCovers(x.item.value, action, true))
  return s.actionItems.every((i) => {
    const action = i.item.value
    const svc = serviceOf(action)
    // An Allow pattern over several services (`*`, `s3*:…`) is only covered by a Deny pattern that is as wide.
    const candidates = svc === undefined ? denies.anyService : [...(denies.byService.get(svc) ?? []), ...denies.anyService]
    return candidates.some((d) => denied(d, action))
  })
}
