/**
 * One statement against one request: does it apply, and why (action, resource, principal, conditions).
 * Action: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html (case-insensitive, wildcards)
 * NotAction / NotResource: the statement applies to everything except what they list.
 */
import { encodeWildcards, encodedPatternCovers, encodedPatternsIntersect, encodedResourceMatch } from '../arn/match'
import { conditionHolds, evaluateCondition } from './condition'
import type { CompiledPolicy, CompiledResourceEntry, CompiledStatement } from './compile'
import { matchNotPrincipal, matchPrincipal } from './principal'
import type { SimRequest } from './request'
import type { ConditionExplanation, PrincipalMatchKind } from './types'
import { resolveTemplate } from './variables'

export interface ElementOutcome {
  matched: boolean
  matchedBy: string[]
  note?: string
}

export interface StatementOutcome {
  policy: CompiledPolicy
  stmt: CompiledStatement
  /** Every element and condition matched (and the statement is valid). */
  applies: boolean
  action: ElementOutcome
  /** Undefined when the statement has no Resource/NotResource (resource-based policies: the resource itself). */
  resource?: ElementOutcome
  principal?: ElementOutcome & { kind?: PrincipalMatchKind }
  conditions: ConditionExplanation[]
  conditionsMatched: boolean
  /** Resource, principal and conditions matched (everything but the action). */
  restApplies?: boolean
}

/** Options for the evaluation of one statement. */
export interface StatementOptions {
  /** Evaluate every element even after one fails (for explanations). */
  full: boolean
  /**
   * The caller has a permissions boundary: a Deny with NotPrincipal in a resource-based policy then
   * always applies (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
   */
  callerHasBoundary: boolean
}

/** The patterns of the Action / NotAction element that match the (lower-cased) action. */
function actionHits(el: NonNullable<CompiledStatement['action']>, actionLower: string, service: string, all: boolean): string[] {
  const by: string[] = []
  const bucket = el.byService.get(service)
  if (bucket) {
    const exact = bucket.exact.get(actionLower)
    if (exact !== undefined) {
      by.push(exact)
      if (!all) return by
    }
    for (const w of bucket.wild)
      if (w.match(actionLower)) {
        by.push(w.pattern)
        if (!all) return by
      }
  }
  for (const w of el.anyService)
    if (w.match(actionLower)) {
      by.push(w.pattern)
      if (!all) return by
    }
  return by
}

function serviceOf(actionLower: string): string {
  const colon = actionLower.indexOf(':')
  return colon < 0 ? actionLower : actionLower.slice(0, colon)
}

export function matchAction(stmt: CompiledStatement, actionLower: string): ElementOutcome {
  const el = stmt.action
  if (!el) return { matched: false, matchedBy: [], note: 'no usable Action or NotAction' }
  const by = actionHits(el, actionLower, serviceOf(actionLower), true)
  return { matched: el.not ? by.length === 0 : by.length > 0, matchedBy: by }
}

/** Does the statement's Action / NotAction cover the action? (No explanation: for bulk runs.) */
export function actionMatches(stmt: CompiledStatement, actionLower: string, service: string): boolean {
  const el = stmt.action
  if (!el) return false
  const hit = actionHits(el, actionLower, service, false).length > 0
  return el.not ? !hit : hit
}

/** Resolves a resource entry's pattern (encoded); undefined with the missing variables when one has no value. */
function entryPattern(e: CompiledResourceEntry, req: SimRequest): { pattern?: string; missing: string[] } {
  if (!e.template) return { missing: [] }
  const r = resolveTemplate(e.template, req.context, true)
  if (r.value === undefined) return { missing: r.missing }
  return { pattern: (e.prefix ?? '') + r.value, missing: [] }
}

function entryMatchesLiteral(e: CompiledResourceEntry, req: SimRequest): { matched: boolean; missing: string[] } {
  if (e.matcher) return { matched: e.matcher(req.resource), missing: [] }
  const p = entryPattern(e, req)
  if (p.pattern === undefined) return { matched: false, missing: p.missing }
  return { matched: encodedResourceMatch(p.pattern, req.resource), missing: [] }
}

export function matchResource(stmt: CompiledStatement, req: SimRequest): ElementOutcome | undefined {
  const el = stmt.resource
  if (!el) return undefined
  const by: string[] = []
  const missing: string[] = []
  if (req.resourceMode === 'pattern' && req.resourcePattern !== undefined) return matchResourcePattern(stmt, req, req.resourcePattern)
  for (const e of el.entries) {
    const r = entryMatchesLiteral(e, req)
    if (r.matched) by.push(e.raw)
    missing.push(...r.missing)
  }
  if (missing.length) {
    // "Any attempt to match it fails and causes the statement to be invalid" (policy variables page):
    // the element does not match, whatever its other entries say.
    const names = [...new Set(missing)].map((m) => '${' + m + '}').join(', ')
    return { matched: false, matchedBy: [], note: `policy variable ${names} has no value in the request, which makes the statement invalid` }
  }
  if (el.not) return { matched: by.length === 0, matchedBy: by }
  return { matched: by.length > 0, matchedBy: by }
}

/**
 * Pattern mode (bulk): could the statement apply to some resource matching the request pattern?
 * Allow + Resource: an entry overlaps the pattern. Deny + Resource: an entry covers the whole pattern.
 * Allow + NotResource: no entry covers the whole pattern. Deny + NotResource: no entry overlaps it.
 */
function matchResourcePattern(stmt: CompiledStatement, req: SimRequest, pattern: string): ElementOutcome {
  const el = stmt.resource!
  const allow = stmt.effect === 'Allow'
  const by: string[] = []
  for (const e of el.entries) {
    const p = e.template ? entryPattern(e, req).pattern : undefined
    const encoded = p ?? (e.template ? undefined : encodeWildcards(e.raw))
    if (encoded === undefined) continue
    const hit = allow !== el.not ? encodedPatternsIntersect(encoded, pattern) : encodedPatternCovers(encoded, pattern)
    if (hit) by.push(e.raw)
  }
  return { matched: el.not ? by.length === 0 : by.length > 0, matchedBy: by }
}

export function evaluateStatement(policy: CompiledPolicy, stmt: CompiledStatement, req: SimRequest, opts: StatementOptions): StatementOutcome {
  const action = matchAction(stmt, req.actionLower)
  const out: StatementOutcome = { policy, stmt, applies: false, action, conditions: [], conditionsMatched: false }
  // The action decides first: when it does not match, that is the reason, and the rest is not evaluated.
  if (!action.matched) return out
  evaluateRest(out, req, opts)
  out.applies = !stmt.invalid && action.matched && out.restApplies === true
  return out
}

/** Resource, principal and conditions: everything but the action (fixed for one request in bulk runs). */
export function evaluateRest(out: StatementOutcome, req: SimRequest, opts: StatementOptions): void {
  const { stmt, policy } = out
  let ok = !stmt.invalid
  const resource = matchResource(stmt, req)
  if (resource) {
    out.resource = resource
    ok &&= resource.matched
  }
  if ((ok || opts.full) && stmt.principal && (policy.type === 'resource' || policy.type === 'rcp')) {
    const cp = stmt.principal
    const m = cp.not ? matchNotPrincipal(req.caller, cp) : matchPrincipal(req.caller, cp)
    const p: ElementOutcome & { kind?: PrincipalMatchKind } = { matched: m.kind !== undefined, matchedBy: m.matchedBy }
    if (m.kind) p.kind = m.kind
    if (cp.not && stmt.effect === 'Deny' && opts.callerHasBoundary && policy.type === 'resource' && !p.matched) {
      p.matched = true
      p.kind = 'not-listed'
      p.note = 'a Deny with NotPrincipal always applies to a caller that has a permissions boundary'
    }
    out.principal = p
    ok &&= p.matched
  }
  if (ok || opts.full) {
    let all = true
    for (const c of stmt.conditions) {
      const r = evaluateCondition(c, req.context)
      out.conditions.push(r)
      if (!r.result) {
        all = false
        if (!opts.full) break
      }
    }
    out.conditionsMatched = all
    ok &&= all
  }
  out.restApplies = ok
}

const NONE: string[] = []
const MATCHED: ElementOutcome = { matched: true, matchedBy: NONE }

function resourceHolds(stmt: CompiledStatement, req: SimRequest): boolean {
  const el = stmt.resource
  if (!el) return true
  if (req.resourceMode === 'pattern') return matchResource(stmt, req)!.matched
  let hit = false
  for (const e of el.entries) {
    if (e.matcher) {
      if (!hit && e.matcher(req.resource)) hit = true
      continue
    }
    const p = entryPattern(e, req)
    if (p.pattern === undefined) return false // a variable without a value invalidates the statement
    if (!hit && encodedResourceMatch(p.pattern, req.resource)) hit = true
  }
  return el.not ? !hit : hit
}

/**
 * The decision-only path: does the statement apply? Checks the elements in order of cost and stops at
 * the first that fails; allocates an outcome only for a statement that applies.
 */
export function statementApplies(policy: CompiledPolicy, stmt: CompiledStatement, req: SimRequest, opts: StatementOptions): StatementOutcome | undefined {
  if (stmt.invalid || !actionMatches(stmt, req.actionLower, req.service)) return undefined
  if (!resourceHolds(stmt, req)) return undefined
  let principal: StatementOutcome['principal']
  if (stmt.principal && (policy.type === 'resource' || policy.type === 'rcp')) {
    const cp = stmt.principal
    const m = cp.not ? matchNotPrincipal(req.caller, cp) : matchPrincipal(req.caller, cp)
    let kind = m.kind
    if (!kind && cp.not && stmt.effect === 'Deny' && opts.callerHasBoundary && policy.type === 'resource') kind = 'not-listed'
    if (!kind) return undefined
    principal = { matched: true, matchedBy: m.matchedBy, kind }
  }
  for (const c of stmt.conditions) if (!conditionHolds(c, req.context)) return undefined
  const out: StatementOutcome = { policy, stmt, applies: true, action: MATCHED, conditions: [], conditionsMatched: true, restApplies: true }
  if (principal) out.principal = principal
  return out
}
