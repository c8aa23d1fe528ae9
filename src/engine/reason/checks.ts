/**
 * Access Analyzer's three custom policy checks, decided exactly over the simulator's semantics:
 * CheckNoNewAccess, CheckAccessNotGranted and CheckNoPublicAccess.
 * https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html
 * https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckAccessNotGranted.html
 * https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoPublicAccess.html
 *
 * FAIL always comes with witness requests that were replayed through the simulator (allowed by the
 * policy in question, not by the existing one). PASS is returned only when the model of the question was
 * exact and the search finished; otherwise UNKNOWN with the reasons.
 */
import { resourcePatternMatches } from '../arn/match'
import type { Catalogue } from '../catalogue/catalogue'
import type { Range } from '../findings/types'
import { globMatch } from '../patterns/glob'
import { compilePolicy, type CompiledPolicy, type CompiledStatement } from '../simulate/compile'
import { compileValueTest, parseAddress, parseCidr, ipInRange } from '../simulate/operators'
import { encodeWildcards } from '../arn/match'
import type { SimPolicyType } from '../simulate/types'
import { BudgetExceeded, intersect, outside, type Budget } from './boxes'
import { isLimitingKey, PUBLIC_ACCESS_RESOURCE_TYPES, valuePins } from './public-access'
import { replay, type WitnessRequest } from './replay'
import { bits, buildSpace, opaqueReason, relaxed, type Box, type BuiltSpace, type KeyValue } from './space'

export type CheckVerdict = 'PASS' | 'FAIL' | 'UNKNOWN'
export type ReasonPolicyType = SimPolicyType

export interface StatementRef {
  /** `new` / `existing` for no-new-access, `policy` for the other checks. */
  policy: 'new' | 'existing' | 'policy'
  index: number
  sid?: string
  range?: Range
}

export interface CheckReason {
  description: string
  statements: StatementRef[]
  witness: WitnessRequest
  /** What the first statement names, as written (for a pattern-level summary beside the witness). */
  grants?: { element: 'Action' | 'NotAction'; actions: string[]; resourceElement?: 'Resource' | 'NotResource'; resources: string[] }
}

function grantsOf(s: CompiledStatement): NonNullable<CheckReason['grants']> {
  const g: NonNullable<CheckReason['grants']> = { element: s.action?.not ? 'NotAction' : 'Action', actions: s.action?.patterns ?? [], resources: s.resource?.entries.map((e) => e.raw) ?? [] }
  if (s.resource) g.resourceElement = s.resource.not ? 'NotResource' : 'Resource'
  return g
}

export interface CheckOutcome {
  result: CheckVerdict
  reasons: CheckReason[]
  /** Why the answer is UNKNOWN (empty otherwise). */
  unknown: string[]
  message: string
  /** Bad input (not JSON, no statements ...): no answer at all. */
  error?: string
}

export interface CheckOptions {
  /** Policy type of the documents (default identity). */
  type?: ReasonPolicyType
  /** Box-search steps allowed per statement (default 20,000). */
  stepBudget?: number
  /** Product-automaton states allowed per dimension (default 20,000). */
  automatonBudget?: number
  /** Real action names make nicer witnesses (`s3:DeleteObject` rather than `s3:d`). */
  catalogue?: Catalogue
}

export { PUBLIC_ACCESS_RESOURCE_TYPES }

// The existing policy rarely changes between checks (the console's saved version): keep a few compiled texts.
const compiledTexts = new Map<string, CompiledPolicy | string>()

function compile(input: unknown, label: string, type: SimPolicyType): CompiledPolicy | string {
  if (typeof input !== 'string') return compileUncached(input, label, type)
  const key = `${type}\u0000${label}\u0000${input}`
  const hit = compiledTexts.get(key)
  if (hit !== undefined) return hit
  const out = compileUncached(input, label, type)
  if (compiledTexts.size >= 8) compiledTexts.delete(compiledTexts.keys().next().value!)
  compiledTexts.set(key, out)
  return out
}

function compileUncached(input: unknown, label: string, type: SimPolicyType): CompiledPolicy | string {
  const p = compilePolicy(input, label, type)
  if ('message' in p) return p.message
  if (!p.statements.length) return `${label} has no statements`
  return p
}

function ref(policy: StatementRef['policy'], s: CompiledStatement): StatementRef {
  const r: StatementRef = { policy, index: s.index }
  if (s.sid !== undefined) r.sid = s.sid
  if (s.range) r.range = s.range
  return r
}

function errorOutcome(error: string): CheckOutcome {
  return { result: 'UNKNOWN', reasons: [], unknown: [], message: error, error }
}

const DERIVED = new Set(['aws:principalarn', 'aws:principalaccount', 'aws:principaltype', 'aws:username', 'aws:userid', 'aws:principalservicename', 'aws:principalisawsservice', 'aws:resourceaccount'])

function keyValueJson(v: KeyValue): string | string[] | undefined {
  return v.kind === 'absent' ? undefined : v.kind === 'single' ? v.value : v.values
}

/** A nicer action of the same region: a catalogue action matched by exactly the same patterns. */
function niceAction(rep: string, patterns: string[], catalogue: Catalogue | undefined): string {
  if (!catalogue) return rep
  const service = rep.slice(0, rep.indexOf(':'))
  const svc = catalogue.services.get(service)
  if (!svc) return rep
  const relevant = patterns.filter((p) => {
    const colon = p.indexOf(':')
    const svc = colon < 0 ? p : p.slice(0, colon)
    return svc === service || svc.includes('*') || svc.includes('?') || colon < 0
  })
  const sig = (a: string) => relevant.map((p) => globMatch(p, a)).join()
  const want = sig(rep)
  for (const a of svc.actions) if (sig(a.key.toLowerCase()) === want) return a.key
  return rep
}

/** Concrete requests inside a box: the first choices first, a few alternatives for derived keys and principals. */
function* realize(space: BuiltSpace, box: Box, actionPatterns: string[], catalogue: Catalogue | undefined): Generator<WitnessRequest> {
  const choices = box.map((m, i) => {
    const d = space.dims[i]!
    const b = bits(m, d.kind === 'key' && DERIVED.has(d.key) ? 3 : d.kind === 'principal' ? 4 : 1)
    return b
  })
  const idx = choices.map(() => 0)
  for (let attempt = 0; attempt < 48; attempt++) {
    const w: WitnessRequest = { action: '', resource: '', context: {} }
    let raw = ''
    space.dims.forEach((d, i) => {
      const k = choices[i]![idx[i]!]!
      if (d.kind === 'action') {
        raw = d.reps[k]!
        w.action = niceAction(raw, actionPatterns, catalogue)
      }
      else if (d.kind === 'resource') w.resource = d.reps[k]!
      else if (d.kind === 'principal') w.principal = d.reps[k]!
      else {
        const v = keyValueJson(d.reps[k]!)
        if (v !== undefined) w.context[d.name] = v
      }
    })
    yield w
    // The region's own representative, should the catalogue name not replay.
    if (w.action !== raw) yield { ...w, action: raw }
    // Odometer over the alternatives, last dimension fastest.
    let i = idx.length - 1
    while (i >= 0) {
      idx[i]!++
      if (idx[i]! < choices[i]!.length) break
      idx[i] = 0
      i--
    }
    if (i < 0) return
  }
}

interface Search {
  space: BuiltSpace
  budget: Budget
  unknown: string[]
  actionPatterns: string[]
  catalogue: Catalogue | undefined
}

/** The first replay-confirmed witness in `x` minus `ys`, if any. Sets `unknown` when one was found but none replayed. */
function findWitness(s: Search, x: Box, ys: Box[], accept: (w: WitnessRequest) => boolean): WitnessRequest | undefined {
  let boxes = 0
  for (const z of outside(x, ys, s.budget)) {
    for (const w of realize(s.space, z, s.actionPatterns, s.catalogue)) if (accept(w)) return w
    if (++boxes >= 16) {
      s.unknown.push('the model found a difference but no request built from it replays through the simulator')
      return undefined
    }
  }
  if (boxes > 0) s.unknown.push('the model found a difference but no request built from it replays through the simulator')
  return undefined
}

function describeStatement(s: CompiledStatement): string {
  return `statement ${s.index}${s.sid ? ` (${s.sid})` : ''}`
}

function describeWitness(w: WitnessRequest): string {
  const who = w.principal ? `${w.principal} calling ` : ''
  const ctx = Object.keys(w.context).length ? ` with context ${JSON.stringify(w.context)}` : ''
  return `${who}${w.action} on ${w.resource}${ctx}`
}

function finish(reasons: CheckReason[], unknown: string[], fail: string, pass: string, notes: string[] = []): CheckOutcome {
  if (reasons.length) return { result: 'FAIL', reasons, unknown: [], message: fail }
  if (unknown.length) unknown = [...notes, ...unknown]
  if (unknown.length) return { result: 'UNKNOWN', reasons: [], unknown: [...new Set(unknown)], message: `Could not decide exactly: ${[...new Set(unknown)].join('; ')}` }
  return { result: 'PASS', reasons: [], unknown: [], message: pass }
}

function boxesOf(space: BuiltSpace, policy: CompiledPolicy, effect: 'Allow' | 'Deny'): { stmt: CompiledStatement; box: Box }[] {
  const out: { stmt: CompiledStatement; box: Box }[] = []
  for (const stmt of policy.statements) {
    if (stmt.effect !== effect) continue
    const box = space.boxOf(policy, stmt)
    if (box) out.push({ stmt, box })
  }
  return out
}

/** A statement's meaning, for recognising the same statement in two policies. */
function fingerprint(s: CompiledStatement): string {
  return JSON.stringify([
    s.effect,
    s.action?.not,
    s.action?.patterns,
    s.resource?.not,
    s.resource?.entries.map((e) => e.raw),
    s.principal && [s.principal.not, s.principal.wildcard, s.principal.aws, s.principal.service, s.principal.federated, s.principal.canonical, s.principal.unknownTypes],
    s.conditions.map((c) => [c.operator, c.keyLower, c.raws]),
  ])
}

function opaqueStatements(p: CompiledPolicy, effect: 'Allow' | 'Deny'): CompiledStatement[] {
  return p.statements.filter((s) => !s.invalid && s.effect === effect && opaqueReason(s))
}


/**
 * Statements that use policy variables are not modelled exactly. Leaving out a subtracted statement (a
 * Deny of the policy checked, an Allow of the existing one) can only add candidate witnesses, and every
 * witness is replayed, so it is harmless. An Allow of the policy checked, or a Deny of the existing one,
 * is skipped when the same statement stands in the other policy (the same Allow in the existing policy
 * with every existing Deny kept; the same Deny in the new policy); otherwise it is replaced by a relaxed
 * stand-in that accepts more (variables as `*`, conditions with variables dropped): a PASS stays a proof,
 * and a FAIL must still replay through the simulator.
 */
function opaquePlan(np: CompiledPolicy, op: CompiledPolicy | undefined): { newAllows: CompiledStatement[]; oldDenies: CompiledStatement[]; notes: string[] } {
  if (!op) {
    const allows = opaqueStatements(np, 'Allow')
    return { newAllows: allows.map(relaxed), oldDenies: [], notes: approxNotes(np, allows) }
  }
  const newAll = new Set(np.statements.filter((s) => !s.invalid).map(fingerprint))
  const oldAllows = new Set(op.statements.filter((s) => !s.invalid && s.effect === 'Allow').map(fingerprint))
  const deniesKept = op.statements.filter((s) => !s.invalid && s.effect === 'Deny').every((d) => newAll.has(fingerprint(d)))
  const allows = opaqueStatements(np, 'Allow').filter((s) => !(oldAllows.has(fingerprint(s)) && deniesKept))
  const denies = opaqueStatements(op, 'Deny').filter((s) => !newAll.has(fingerprint(s)))
  return { newAllows: allows.map(relaxed), oldDenies: denies.map(relaxed), notes: [...approxNotes(np, allows), ...approxNotes(op, denies)] }
}

function approxNotes(p: CompiledPolicy, stmts: CompiledStatement[]): string[] {
  return stmts.map((st) => `${p.label} statement ${st.index}: ${opaqueReason(st) ?? 'policy variable'} (modelled approximately)`)
}

function relaxedBoxes(space: BuiltSpace, policy: CompiledPolicy, stmts: CompiledStatement[]): { stmt: CompiledStatement; box: Box }[] {
  const out: { stmt: CompiledStatement; box: Box }[] = []
  for (const stmt of stmts) {
    const box = space.boxOf(policy, stmt)
    if (box) out.push({ stmt, box })
  }
  return out
}

function run(s: Search, body: () => void): void {
  try {
    body()
  } catch (e) {
    if (e instanceof BudgetExceeded) s.unknown.push(e.message)
    else throw e
  }
}

function patternsOf(policies: CompiledPolicy[]): string[] {
  return policies.flatMap((p) => p.statements.flatMap((s) => (s.action?.patterns ?? []).map((a) => a.toLowerCase())))
}

/**
 * CheckNoNewAccess: does `candidate` allow any request that `existing` does not?
 * A request is new when some Allow of the candidate applies, no Deny of the candidate applies, and the
 * existing policy either has no Allow that applies or has a Deny that applies.
 */
export function checkNoNewAccess(candidate: unknown, existing: unknown, options: CheckOptions = {}): CheckOutcome {
  try {
    const type = options.type ?? 'identity'
    const np = compile(candidate, 'new policy', type)
    if (typeof np === 'string') return errorOutcome(np)
    const op = compile(existing, 'existing policy', type)
    if (typeof op === 'string') return errorOutcome(op)
    const plan = opaquePlan(np, op)
    const space = buildSpace({ policies: [np, op], automatonBudget: options.automatonBudget, extra: [...plan.newAllows, ...plan.oldDenies] })
    const s: Search = { space, budget: { steps: options.stepBudget ?? 20_000 }, unknown: [...space.unknown], actionPatterns: patternsOf([np, op]), catalogue: options.catalogue }
    const A = [...boxesOf(space, np, 'Allow'), ...relaxedBoxes(space, np, plan.newAllows)]
    const D = boxesOf(space, np, 'Deny').map((x) => x.box)
    const B = boxesOf(space, op, 'Allow').map((x) => x.box)
    const E = [...boxesOf(space, op, 'Deny'), ...relaxedBoxes(space, op, plan.oldDenies)]
    const reasons: CheckReason[] = []
    const accept = (w: WitnessRequest) => replay(np, w).allowed && !replay(op, w).allowed
    run(s, () => {
      for (const a of A) {
        let w = findWitness(s, a.box, [...D, ...B], accept)
        const stmts = [ref('new', a.stmt)]
        if (!w)
          for (const e of E) {
            const x = intersect(a.box, e.box)
            if (!x) continue
            w = findWitness(s, x, D, accept)
            if (w) {
              stmts.push(ref('existing', e.stmt))
              break
            }
          }
        if (w) reasons.push({ description: `New ${describeStatement(a.stmt)} allows ${describeWitness(w)}, which the existing policy does not allow.`, statements: stmts, witness: w, grants: grantsOf(a.stmt) })
      }
    })
    return finish(reasons, s.unknown, 'The new policy grants access that the existing policy does not.', 'The new policy grants no access beyond the existing policy.', plan.notes)
  } catch (e) {
    return errorOutcome(`internal error: ${e instanceof Error ? e.message : String(e)}`)
  }
}

export interface AccessQuery {
  actions?: string[]
  resources?: string[]
}

/** CheckAccessNotGranted: does the policy allow any listed action (on any listed resource, when given)? */
export function checkAccessNotGranted(policy: unknown, access: AccessQuery, options: CheckOptions = {}): CheckOutcome {
  try {
    const actions = (access.actions ?? []).filter((a) => a !== '')
    const resources = (access.resources ?? []).filter((r) => r !== '')
    if (!actions.length && !resources.length) return errorOutcome('give at least one action or resource to check')
    if (actions.length > 100 || resources.length > 100) return errorOutcome('at most 100 actions and 100 resources can be checked at once')
    for (const a of actions) if (!/^[^:*?]+:[^:]+$/.test(a) && a !== '*') return errorOutcome(`"${a}" is not an action of the form service:Action`)
    const p = compile(policy, 'policy', options.type ?? 'identity')
    if (typeof p === 'string') return errorOutcome(p)
    const plan = opaquePlan(p, undefined)
    const space = buildSpace({ policies: [p], actions, resources, automatonBudget: options.automatonBudget, extra: plan.newAllows })
    const lowerActions = actions.map((a) => a.toLowerCase())
    const s: Search = { space, budget: { steps: options.stepBudget ?? 20_000 }, unknown: [...space.unknown], actionPatterns: [...patternsOf([p]), ...lowerActions], catalogue: options.catalogue }
    const query = space.fullBox()
    space.dims.forEach((d, i) => {
      if (d.kind === 'action' && actions.length) query[i] = maskFor(d.reps, (r) => lowerActions.some((a) => globMatch(a, r)))
      if (d.kind === 'resource' && resources.length) query[i] = maskFor(d.reps, (r) => resources.some((x) => resourcePatternMatches(x, r)))
    })
    const A = [...boxesOf(space, p, 'Allow'), ...relaxedBoxes(space, p, plan.newAllows)]
    const D = boxesOf(space, p, 'Deny').map((x) => x.box)
    const inQuery = (w: WitnessRequest) =>
      (!actions.length || lowerActions.some((a) => globMatch(a, w.action.toLowerCase()))) && (!resources.length || resources.some((x) => resourcePatternMatches(x, w.resource)))
    const accept = (w: WitnessRequest) => inQuery(w) && replay(p, w).allowed
    const reasons: CheckReason[] = []
    run(s, () => {
      for (const a of A) {
        const x = intersect(a.box, query)
        if (!x) continue
        const w = findWitness(s, x, D, accept)
        if (w) reasons.push({ description: `${capital(describeStatement(a.stmt))} grants ${describeWitness(w)}.`, statements: [ref('policy', a.stmt)], witness: w, grants: grantsOf(a.stmt) })
      }
    })
    return finish(reasons, s.unknown, 'The policy grants at least one of the listed accesses.', 'The policy grants none of the listed accesses.', plan.notes)
  } catch (e) {
    return errorOutcome(`internal error: ${e instanceof Error ? e.message : String(e)}`)
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function maskFor<T>(reps: T[], test: (r: T) => boolean): bigint {
  let m = 0n
  reps.forEach((r, i) => {
    if (test(r)) m |= 1n << BigInt(i)
  })
  return m
}

/** Is this key value one an arbitrary outsider could present (absent, or matching no pinning value)? */
function freshTest(space: BuiltSpace, policy: CompiledPolicy, keyLower: string): (v: string) => boolean {
  const tests: ((v: string) => boolean)[] = []
  const ranges: NonNullable<ReturnType<typeof parseCidr>>[] = []
  let ip = false
  for (const s of policy.statements)
    for (const c of s.conditions) {
      if (c.keyLower !== keyLower || !c.base) continue
      if (c.base.family === 'IpAddress') {
        ip = true
        for (const v of c.raws) {
          const r = parseCidr(v)
          if (r && r[1] > 0) ranges.push(r)
        }
        continue
      }
      for (const v of c.raws) {
        if (!valuePins(keyLower, v)) continue
        const like = c.base.family === 'Arn' || c.base.like
        tests.push(compileValueTest(c.base, like ? encodeWildcards(v) : v))
      }
    }
  void space
  if (ip || keyLower === 'aws:sourceip')
    return (v) => {
      const a = parseAddress(v)
      return a !== undefined && !ranges.some((r) => ipInRange(a, r))
    }
  return (v) => !tests.some((t) => t(v))
}

/** CheckNoPublicAccess: can anyone outside the known principals use the resource through this policy? */
export function checkNoPublicAccess(policy: unknown, resourceType: string, options: CheckOptions = {}): CheckOutcome {
  try {
    if (!PUBLIC_ACCESS_RESOURCE_TYPES.includes(resourceType))
      return errorOutcome(`"${resourceType}" is not a resource type Access Analyzer checks for public access; use one of ${PUBLIC_ACCESS_RESOURCE_TYPES.join(', ')}`)
    const p = compile(policy, 'policy', 'resource')
    if (typeof p === 'string') return errorOutcome(p)
    if (!p.statements.some((s) => s.effect === 'Allow')) return errorOutcome('a resource policy needs at least one Allow statement')
    const plan = opaquePlan(p, undefined)
    const space = buildSpace({ policies: [p], automatonBudget: options.automatonBudget, extra: plan.newAllows })
    const s: Search = { space, budget: { steps: options.stepBudget ?? 20_000 }, unknown: [...space.unknown], actionPatterns: patternsOf([p]), catalogue: options.catalogue }
    const query = space.fullBox()
    const fresh = space.freshAccount
    space.dims.forEach((d, i) => {
      if (d.kind === 'principal')
        query[i] = maskFor(d.callers, (c) => {
          if (c.kind === 'anonymous') return true
          if (c.kind === 'identity-provider') return !(c.raw ?? '').includes(':saml-provider/')
          return c.account === fresh && c.kind !== 'service'
        })
      if (d.kind === 'key' && isLimitingKey(d.key)) {
        const ok = freshTest(space, p, d.key)
        // Only aws:PrincipalOrgPaths is multivalued; the other limiting keys always carry one value.
        const multi = d.key === 'aws:principalorgpaths'
        query[i] = maskFor(d.reps, (v) => v.kind === 'absent' || (v.kind === 'single' ? ok(v.value) : multi && v.values.every(ok)))
      }
    })
    const publicCaller = (w: WitnessRequest) => {
      const pr = w.principal ?? ''
      return pr === 'anonymous' || pr.includes(fresh) || (pr.includes('oidc-provider') && pr.includes(fresh)) || !/\d{12}|saml-provider|amazonaws\.com$/.test(pr) || pr === 'cognito-identity.amazonaws.com'
    }
    const accept = (w: WitnessRequest) => publicCaller(w) && replay(p, w).allowed
    const A = [...boxesOf(space, p, 'Allow'), ...relaxedBoxes(space, p, plan.newAllows)]
    const D = boxesOf(space, p, 'Deny').map((x) => x.box)
    const reasons: CheckReason[] = []
    run(s, () => {
      for (const a of A) {
        const x = intersect(a.box, query)
        if (!x) continue
        const w = findWitness(s, x, D, accept)
        if (w) reasons.push({ description: `${capital(describeStatement(a.stmt))} lets anyone (e.g. ${w.principal}) call ${w.action} on ${w.resource}${Object.keys(w.context).length ? ` with context ${JSON.stringify(w.context)}` : ''}.`, statements: [ref('policy', a.stmt)], witness: w, grants: grantsOf(a.stmt) })
      }
    })
    return finish(reasons, s.unknown, `The policy grants public access to the ${resourceType}.`, `The policy grants no public access to the ${resourceType}.`, plan.notes)
  } catch (e) {
    return errorOutcome(`internal error: ${e instanceof Error ? e.message : String(e)}`)
  }
}
