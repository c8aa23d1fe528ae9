/**
 * IAM's last accessed information ("Access Advisor"), as `aws iam get-service-last-accessed-details`
 * prints it (service level, or action level with `TrackedActionsLastAccessed`), or as the console's Last
 * Accessed tab shows it (read by the extension into the same shape). Pure; never throws.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLastAccessedDetails.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html
 */

/** One tracked action of a service (action-level granularity). */
export interface ActionUse {
  /** `service:Action` as AWS spells it. */
  action: string
  /** ISO 8601 time of the last attempt; absent: not accessed in the tracking period. */
  lastAccessed?: string
  region?: string
}

export interface ServiceUse {
  /** The service namespace (`s3`, `iam`). */
  namespace: string
  /** The service's name for people ("Amazon S3"), where given. */
  name?: string
  /** ISO 8601 time of the last attempt; absent: not accessed in the tracking period. */
  lastAccessed?: string
  /** Tracked actions, when the report has action-level granularity for this service. */
  actions?: ActionUse[]
}

export interface LastAccessedReport {
  services: ServiceUse[]
  /** `action` when at least one service carries tracked actions. */
  granularity: 'service' | 'action'
  /** When the report was completed (JobCompletionDate), where known: the reference time for "N days ago". */
  generatedAt?: string
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function str(v: unknown, max = 256): string | undefined {
  return typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined
}

/** An ISO time the Date parser understands, normalised; undefined otherwise. */
function time(v: unknown): string | undefined {
  const s = str(v, 64)
  if (!s) return undefined
  const t = Date.parse(s)
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined
}

const NAMESPACE = /^[a-z0-9][a-z0-9-]{0,63}$/

function readAction(x: unknown, namespace: string): ActionUse | undefined {
  if (!isRecord(x)) return undefined
  const name = str(x.ActionName ?? x.action, 200)
  if (!name) return undefined
  const action = name.includes(':') ? name : `${namespace}:${name}`
  const last = time(x.LastAccessedTime ?? x.lastAccessed)
  const region = str(x.LastAccessedRegion ?? x.region, 64)
  return { action, ...(last ? { lastAccessed: last } : {}), ...(region ? { region } : {}) }
}

function readService(x: unknown): ServiceUse | undefined {
  if (!isRecord(x)) return undefined
  const namespace = str(x.ServiceNamespace ?? x.namespace, 64)?.toLowerCase()
  if (!namespace || !NAMESPACE.test(namespace)) return undefined
  const name = str(x.ServiceName ?? x.name)
  const last = time(x.LastAuthenticated ?? x.lastAccessed)
  const rawActions = x.TrackedActionsLastAccessed ?? x.actions
  const out: ServiceUse = { namespace, ...(name ? { name } : {}), ...(last ? { lastAccessed: last } : {}) }
  if (Array.isArray(rawActions)) out.actions = rawActions.slice(0, 5000).map((a) => readAction(a, namespace)).filter((a): a is ActionUse => a !== undefined)
  return out
}

/**
 * Reads a report: the JSON object `get-service-last-accessed-details` prints (`ServicesLastAccessed`),
 * its array alone, or the shape of this module (`{ services: [...] }`). A service listed twice keeps its
 * latest access. Returns an error sentence for anything else.
 */
export function parseLastAccessed(input: unknown): { report?: LastAccessedReport; error?: string } {
  try {
    let value = input
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value) as unknown
      } catch (e) {
        return { error: `the last accessed data is not JSON (${e instanceof Error ? e.message : String(e)})` }
      }
    }
    let list: unknown
    let generatedAt: string | undefined
    if (Array.isArray(value)) list = value
    else if (isRecord(value)) {
      list = value.ServicesLastAccessed ?? value.services
      generatedAt = time(value.JobCompletionDate ?? value.generatedAt)
      if (value.JobStatus === 'IN_PROGRESS') return { error: 'the last accessed report is still IN_PROGRESS: run get-service-last-accessed-details again once JobStatus is COMPLETED' }
      if (value.JobStatus === 'FAILED') return { error: 'the last accessed report FAILED (JobStatus): generate it again' }
    }
    if (!Array.isArray(list))
      return { error: 'no ServicesLastAccessed array: expected the output of `aws iam get-service-last-accessed-details --job-id ID`' }
    const byNs = new Map<string, ServiceUse>()
    for (const raw of list.slice(0, 2000)) {
      const s = readService(raw)
      if (!s) continue
      const old = byNs.get(s.namespace)
      if (!old) {
        byNs.set(s.namespace, s)
        continue
      }
      const latest = [old.lastAccessed, s.lastAccessed].filter((t): t is string => !!t).sort().pop()
      byNs.set(s.namespace, { ...old, ...(latest ? { lastAccessed: latest } : {}), ...(s.actions || old.actions ? { actions: [...(old.actions ?? []), ...(s.actions ?? [])] } : {}) })
    }
    const services = [...byNs.values()]
    const granularity = services.some((s) => s.actions !== undefined) ? 'action' : 'service'
    return { report: { services, granularity, ...(generatedAt ? { generatedAt } : {}) } }
  } catch (e) {
    return { error: `the last accessed data could not be read (${e instanceof Error ? e.message : String(e)})` }
  }
}

const DAY = 86_400_000

/** Whole days between an access and the reference time (0 = within the last 24 hours); undefined when never accessed. */
export function daysAgo(lastAccessed: string | undefined, now: number): number | undefined {
  if (!lastAccessed) return undefined
  const t = Date.parse(lastAccessed)
  if (!Number.isFinite(t)) return undefined
  return Math.max(0, Math.floor((now - t) / DAY))
}

/** Was it accessed within the last `days` days of `now`? */
export function usedWithin(lastAccessed: string | undefined, now: number, days: number): boolean {
  const d = daysAgo(lastAccessed, now)
  return d !== undefined && d < days
}

/** "Not accessed in the tracking period", "Today", "1 day ago", "23 days ago" (the console's words). */
export function describeAccess(lastAccessed: string | undefined, now: number): string {
  const d = daysAgo(lastAccessed, now)
  if (d === undefined) return 'Not accessed in the tracking period'
  if (d === 0) return 'Today'
  return d === 1 ? '1 day ago' : `${d} days ago`
}
