/**
 * "What can this policy set do?": every action of a service, or of the whole catalogue, against one
 * resource (an ARN, or a pattern such as `arn:aws:s3:::bucket/*` or `*`), allowed actions grouped by
 * access level.
 *
 * Only the action varies between the requests, so the resource, principal and conditions of every
 * statement are evaluated once; per action only the action globs run, and the decision is memoised by
 * the set of statements that apply (plus the few action-dependent rules), so the catalogue's ~22,000
 * actions cost a few milliseconds.
 */
import { arnFields } from '../arn/arn'
import { compileArnFormat, resourceMatchesFormat, type ArnFormat } from '../arn/format'
import type { Catalogue } from '../catalogue/catalogue'
import { ACCESS_LEVELS, type AccessLevel, type ActionInfo } from '../catalogue/types'
import type { CompiledPolicy } from './compile'
import { applicability, decide, mustAllowPolicy, type CompiledPolicySet, type PolicyRun, type SetRun } from './decide'
import { parseRequest, type SimRequest } from './request'
import { actionMatches, evaluateRest, type StatementOutcome } from './statement'
import type { Decision } from './types'

export interface BulkOptions {
  catalogue: Catalogue
  /** A resource ARN or pattern (`*` and `?` are wildcards here). */
  resource: string
  /** Only this service's actions (prefix such as `s3`); every action of the catalogue when omitted. */
  service?: string
  /** The caller (see the case format); when omitted, an IAM principal of the resource's account. */
  principal?: string
  resourceAccount?: string
  context?: Record<string, unknown>
  /**
   * Keep only actions that can act on this resource: one of their resource types has an ARN format the
   * resource can match (the Service Authorization Reference's resource types). Default: true for an ARN,
   * false for `*`. Actions that only work with `*` never apply to a specific ARN.
   */
  onlyApplicable?: boolean
}

export interface BulkCounts {
  /** Actions simulated. */
  total: number
  /** Actions left out because none of their resource types fits the resource (see `onlyApplicable`). */
  notApplicable: number
  allowed: number
  explicitDeny: number
  implicitDeny: number
  byLevel: Record<AccessLevel, number>
}

export interface BulkResult {
  allowed: Record<AccessLevel, string[]>
  counts: BulkCounts
  ms: number
  /** Set when the options or the policy set cannot be used. */
  error?: string
}

/** Lower-cased `service:Action` keys of a catalogue's action list, computed once per list. */
const lowered = new WeakMap<ActionInfo[], string[]>()

/** Compiled ARN formats of every resource type, per catalogue. */
const formatsByCatalogue = new WeakMap<Catalogue, Map<string, ArnFormat[]>>()
function formatsOf(catalogue: Catalogue, action: ActionInfo): ArnFormat[][] {
  let cache = formatsByCatalogue.get(catalogue)
  if (!cache) formatsByCatalogue.set(catalogue, (cache = new Map()))
  return action.resourceTypes.map((rt) => {
    const key = `${action.service}:${rt.name}`
    let f = cache!.get(key)
    if (!f) cache!.set(key, (f = (catalogue.resourceType(action.service, rt.name)?.arns ?? []).map(compileArnFormat)))
    return f
  })
}

/** Can `action` act on `resource` (an ARN or ARN pattern)? */
export function actionAppliesTo(catalogue: Catalogue, action: ActionInfo, resource: string): boolean {
  if (resource === '*') return true
  // Cheap first test: the ARN's service field (when it has no wildcard) must equal the format's.
  const service = arnFields(resource)[2]
  const literalService = service !== undefined && !/[*?$]/.test(service) ? service : undefined
  return formatsOf(catalogue, action).some((formats) =>
    formats.some((f) => (literalService === undefined || f.fields[2] === literalService || /[*?]/.test(f.fields[2] ?? '')) && resourceMatchesFormat(resource, f)),
  )
}
function lowerKeys(_catalogue: Catalogue, actions: ActionInfo[]): string[] {
  let l = lowered.get(actions)
  if (!l) lowered.set(actions, (l = actions.map((a) => a.key.toLowerCase())))
  return l
}

function now(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance
  return perf ? perf.now() : Date.now()
}

function emptyLevels<T>(make: () => T): Record<AccessLevel, T> {
  const out = {} as Record<AccessLevel, T>
  for (const l of ACCESS_LEVELS) out[l] = make()
  return out
}

interface Slot {
  /** The statement's outcome when its action matches / does not. */
  yes: StatementOutcome
  no: StatementOutcome
  /** Resource, principal and conditions hold: the action decides. */
  live: boolean
}

export function simulateAllActions(set: CompiledPolicySet, options: BulkOptions): BulkResult {
  const start = now()
  const allowed = emptyLevels<string[]>(() => [])
  const counts: BulkCounts = { total: 0, notApplicable: 0, allowed: 0, explicitDeny: 0, implicitDeny: 0, byLevel: emptyLevels(() => 0) }
  const fail = (error: string): BulkResult => ({ allowed, counts, ms: now() - start, error })
  try {
    if (set.errors.length) return fail(set.errors.join('; '))
    const catalogue = options.catalogue
    let actions: ActionInfo[]
    if (options.service) {
      const svc = catalogue.service(options.service)
      if (!svc) return fail(`unknown service "${options.service}"`)
      actions = svc.actions
    } else actions = catalogue.allActions()
    if (options.onlyApplicable ?? options.resource !== '*') {
      const all = actions
      actions = all.filter((a) => actionAppliesTo(catalogue, a, options.resource))
      counts.notApplicable = all.length - actions.length
    }
    const pattern = /[*?]/.test(options.resource)
    const parsed = parseRequest(
      { action: 'x:x', resource: options.resource, principal: options.principal, resourceAccount: options.resourceAccount, context: options.context },
      pattern ? 'pattern' : 'literal',
    )
    if (typeof parsed === 'string') return fail(parsed)
    const req: SimRequest = parsed

    // Evaluate everything but the action once per statement.
    const hasBoundary = !!set.permissionsBoundary
    const slots = new Map<StatementOutcome['stmt'], Slot>()
    const live: { stmt: StatementOutcome['stmt']; slot: Slot }[] = []
    const prepare = (policy: CompiledPolicy): void => {
      for (const stmt of policy.statements) {
        const base: StatementOutcome = { policy, stmt, applies: false, action: { matched: false, matchedBy: [] }, conditions: [], conditionsMatched: false }
        evaluateRest(base, req, { full: false, callerHasBoundary: hasBoundary })
        const slot: Slot = {
          no: base,
          yes: { ...base, applies: !stmt.invalid && base.restApplies === true, action: { matched: true, matchedBy: [] } },
          live: !stmt.invalid && base.restApplies === true,
        }
        slots.set(stmt, slot)
        if (slot.live) live.push({ stmt, slot })
      }
    }
    const policies: CompiledPolicy[] = [...set.identity, ...set.scps.flat(), ...set.rcps.flat()]
    if (set.resourcePolicy) policies.push(set.resourcePolicy)
    if (set.permissionsBoundary) policies.push(set.permissionsBoundary)
    if (set.sessionPolicy) policies.push(set.sessionPolicy)
    policies.forEach(prepare)

    const memo = new Map<string, Decision>()
    const matched = new Set<StatementOutcome['stmt']>()
    const pick = (policy: CompiledPolicy): PolicyRun => ({
      policy,
      outcomes: policy.statements.map((s) => {
        const slot = slots.get(s)!
        return matched.has(s) ? slot.yes : slot.no
      }),
    })
    const lower = lowerKeys(catalogue, actions)
    const hits = new Uint8Array(live.length)
    for (let a = 0; a < actions.length; a++) {
      const info = actions[a]!
      const actionLower = lower[a]!
      const service = info.service
      let key = ''
      for (let i = 0; i < live.length; i++) {
        const hit = actionMatches(live[i]!.stmt, actionLower, service)
        hits[i] = hit ? 1 : 0
        key += hit ? '1' : '0'
      }
      req.action = info.key
      req.actionLower = actionLower
      req.service = service
      const must = mustAllowPolicy(req) ?? '-'
      const rcpService = catalogue.rcpServices.has(service) ? 'r' : '-'
      key += `|${must}|${rcpService}|${actionLower === 'sts:getcalleridentity' ? 'g' : '-'}`
      let decision = memo.get(key)
      if (decision === undefined) {
        matched.clear()
        for (let i = 0; i < live.length; i++) if (hits[i]) matched.add(live[i]!.stmt)
        const app = applicability(set, req, catalogue)
        const run: SetRun = {
          identity: app.identity ? set.identity.map(pick) : [],
          scps: app.scps ? set.scps.map((l) => l.map(pick)) : [],
          rcps: app.rcps ? set.rcps.map((l) => l.map(pick)) : [],
        }
        if (set.resourcePolicy) run.resource = pick(set.resourcePolicy)
        if (app.boundary && set.permissionsBoundary) run.boundary = pick(set.permissionsBoundary)
        if (app.session && set.sessionPolicy) run.session = pick(set.sessionPolicy)
        decision = decide(set, run, req, app).decision
        memo.set(key, decision)
      }
      counts.total++
      if (decision === 'Allowed') {
        counts.allowed++
        counts.byLevel[info.accessLevel]++
        allowed[info.accessLevel].push(info.key)
      } else if (decision === 'ExplicitDeny') counts.explicitDeny++
      else counts.implicitDeny++
    }
    return { allowed, counts, ms: now() - start }
  } catch (e) {
    return fail(`internal error: ${e instanceof Error ? e.message : String(e)}`)
  }
}
