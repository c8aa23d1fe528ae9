import type { Fix, Severity, Suggestion } from '../../findings/types'
import { globMatch } from '../../patterns/glob'
import { grantsToHolder, nameList, suggestion, type SuggestContext } from '../context'
import type { Grant } from '../effective'
import { denyFix, removeActionsFix } from '../fixes'
import { EXAMPLE_ACCOUNT } from '../placeholders'
import { conditionValues } from '../statements'
import { PASS_ROLE, PRIVESC_METHODS, type PrivescMethod } from './methods'

/**
 * How much a grant helps an escalation: 3 unrestricted, 2 limited by a condition or a wildcard name,
 * 1 named resources only, 0 harmless for this method.
 */
function strength(g: Grant, m: PrivescMethod): number {
  // A condition that cannot hold today (a past end date, a future start) leaves at most a suggestion.
  if (g.statement.inactiveBecause) return 1
  if (m.safeWithKeys && m.safeWithKeys.some((k) => conditionValues(g.statement.model, k).some((c) => !c.negated && c.values.some((v) => v !== '*')))) return 0
  if (g.scope === 'self' && m.selfSafe) return 0
  switch (g.scope) {
    case 'all':
      return g.conditioned ? 2 : 3
    case 'pattern':
    case 'self':
      return g.conditioned ? 1 : 2
    default:
      return 1
  }
}

/** Does the statement's iam:PassedToService condition (if any) let a role go to one of these services? */
function passedToServiceAllows(g: Grant, services: readonly string[]): { allowed: boolean; restricted: boolean } {
  const conds = conditionValues(g.statement.model, 'iam:PassedToService')
  if (conds.length === 0) return { allowed: true, restricted: false }
  for (const c of conds) {
    const hit = services.some((svc) => c.values.some((v) => (c.like ? globMatch(v.toLowerCase(), svc) : v.toLowerCase() === svc)))
    if (c.negated ? hit : !hit) return { allowed: false, restricted: true }
  }
  return { allowed: true, restricted: !conds.every((c) => c.negated) }
}

function passRoleStrength(g: Grant, services: readonly string[]): number {
  const p = passedToServiceAllows(g, services)
  if (!p.allowed) return 0
  if (!p.restricted) return g.scope === 'all' ? (g.conditioned ? 2 : 3) : g.scope === 'specific' ? 1 : g.conditioned ? 1 : 2
  // a role limited to the service that needs it: one named role is what AWS recommends
  if (g.scope === 'specific') return 0
  return g.scope === 'all' ? 2 : 1
}

interface GroupHit {
  actions: string[]
  grants: Grant[]
  strength: number
}

function evaluateGroup(ctx: SuggestContext, group: readonly string[], score: (g: Grant) => number): GroupHit | undefined {
  let best: GroupHit | undefined
  const actions: string[] = []
  const grants: Grant[] = []
  let top = 0
  for (const a of group) {
    const info = ctx.catalogue.action(a)
    const name = info?.key ?? a
    const gs = ctx.effective.grants(name).filter((g) => score(g) > 0)
    if (gs.length === 0) continue
    let s = 0
    for (const g of gs) s = Math.max(s, score(g))
    actions.push(name)
    grants.push(...gs)
    top = Math.max(top, s)
  }
  if (actions.length) best = { actions, grants, strength: top }
  return best
}

const SEVERITY_BY_STRENGTH: Record<number, Severity> = { 3: 'SECURITY_WARNING', 2: 'WARNING', 1: 'SUGGESTION' }

interface MethodHit {
  method: PrivescMethod
  groups: GroupHit[]
  strength: number
}

function evaluateMethod(ctx: SuggestContext, m: PrivescMethod): MethodHit | undefined {
  if (ctx.budget.expired()) return undefined
  const groups: GroupHit[] = []
  if (m.passRoleTo) {
    const services = m.passRoleTo
    const pass = evaluateGroup(ctx, [PASS_ROLE], (g) => passRoleStrength(g, services))
    if (!pass) return undefined
    groups.push(pass)
  }
  for (const group of m.requires) {
    const hit = evaluateGroup(ctx, group, (g) => strength(g, m))
    if (!hit) return undefined
    groups.push(hit)
  }
  let s = Math.min(...groups.map((g) => g.strength))
  if (m.dependsOnTargets) s = Math.min(s, 2)
  return { method: m, groups, strength: s }
}

/** Method A implies B when every group of A is one of B's groups (B needs A and more). */
function groupsOf(m: PrivescMethod): string[] {
  return [...(m.passRoleTo ? [PASS_ROLE] : []), ...m.requires.map((g) => [...g].sort().join('|'))]
}
function implies(a: PrivescMethod, b: PrivescMethod): boolean {
  const bg = new Set(groupsOf(b))
  return a !== b && groupsOf(a).every((g) => bg.has(g)) && groupsOf(a).length < bg.size
}

function describeGroup(g: GroupHit): string {
  const where = [...new Set(g.grants.map((x) => x.statement.label))]
  return `${nameList(g.actions, 3)} (${nameList(where, 3)})`
}

/** Why a method is graded below a security warning, in words. */
function lowerReason(hit: MethodHit): string {
  const limited = hit.groups.filter((g) => g.strength === hit.strength).flatMap((g) => g.grants)
  const inactive = limited.find((g) => g.statement.inactiveBecause)
  if (inactive) return `The risk is lower today because ${inactive.statement.label} cannot apply now: ${inactive.statement.inactiveBecause}.`
  if (hit.method.targetsNote && !limited.some((g) => g.conditioned || g.scope !== 'all')) return hit.method.targetsNote
  const conditioned = limited.some((g) => g.conditioned)
  const narrow = limited.some((g) => g.scope !== 'all')
  if (!conditioned && !narrow && hit.method.dependsOnTargets) return 'How far it reaches depends on which roles trust this account.'
  const why = conditioned && narrow ? 'a condition and narrower resources limit it' : conditioned ? 'a condition limits it' : 'it is limited to some resources'
  return `The risk is lower because ${why}; check that this is enough.`
}

/** The group to take away to break a method: the first one that changes something (not PassRole, not reads). */
function breakingGroup(ctx: SuggestContext, hit: MethodHit): GroupHit {
  const candidates = hit.groups.filter((g) => !g.actions.includes(PASS_ROLE))
  const changes = candidates.find((g) => g.actions.some((a) => !['Read', 'List'].includes(ctx.catalogue.action(a)?.accessLevel ?? 'Write')))
  return changes ?? candidates[candidates.length - 1] ?? hit.groups[hit.groups.length - 1]!
}

function passRoleFix(ctx: SuggestContext, hit: MethodHit): Fix | undefined {
  const m = hit.method
  if (!m.passRoleTo) return undefined
  const pass = hit.groups[0]!
  const stmts = [...new Set(pass.grants.map((g) => g.statement))]
  if (stmts.length !== 1) return undefined
  const s = stmts[0]!
  const el = s.model.action
  if (!el || s.notAction || s.model.notResource) return undefined
  // only a statement about PassRole alone can be narrowed without changing its other actions
  if (!s.actionItems.every((i) => ctx.catalogue.expand(i.item.value).every((a) => a.key === PASS_ROLE) && i.match(PASS_ROLE))) return undefined
  if (s.model.condition && s.model.condition.node.type !== 'object') return undefined
  const service = m.passRoleTo[0]!
  const account = ctx.arn.account ?? EXAMPLE_ACCOUNT
  const role = `arn:${ctx.arn.partition}:iam::${account}:role/my-role`
  const keepResources = pass.grants.every((g) => g.scope === 'specific')
  const edits = keepResources ? [] : [ctx.editor.setElement(s.model, 'Resource', role)]
  if (conditionValues(s.model, 'iam:PassedToService').length === 0) {
    const c = ctx.editor.addCondition(s.model, 'StringEquals', { 'iam:PassedToService': service })
    if (!c) return undefined
    edits.push(c)
  }
  if (keepResources) return { title: `Allow passing these roles only to ${service}`, edits }
  const note = ctx.arn.account ? 'replace my-role' : `replace my-role and the example account ${EXAMPLE_ACCOUNT}`
  return { title: `Allow passing one role, only to ${service} (${note})`, edits }
}

/**
 * Privilege escalation: each method of the catalogue whose actions the policy allows together.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
 */
export function checkPrivilegeEscalation(ctx: SuggestContext): Suggestion[] {
  if (!grantsToHolder(ctx.policyType)) return []
  const hits = PRIVESC_METHODS.map((m) => evaluateMethod(ctx, m)).filter((h): h is MethodHit => !!h)
  const out: Suggestion[] = []
  for (const hit of hits) {
    if (hits.some((o) => implies(o.method, hit.method) && o.strength >= hit.strength)) continue
    const severity = SEVERITY_BY_STRENGTH[hit.strength]
    if (!severity) continue
    const m = hit.method
    const grant = hit.groups[0]!.grants[0]!
    const labels = new Set(hit.groups.flatMap((g) => g.grants.map((x) => x.statement.label)))
    const parts =
      hit.groups.length > 1 && labels.size === 1
        ? [`${nameList(hit.groups.flatMap((g) => g.actions), 4)} (${[...labels][0]})`]
        : hit.groups.map(describeGroup)
    const lowered = hit.strength < 3 ? ` ${lowerReason(hit)}` : ''
    const together = hit.groups.length > 1 ? 'together let' : hit.groups[0]!.actions.length > 1 ? 'let' : 'lets'
    const message = `Privilege escalation: ${nameList(parts)} ${together} the holder ${m.how}.${lowered} Fix: ${m.fix}.`
    const actions = hit.groups.flatMap((g) => g.actions)
    const target = breakingGroup(ctx, hit)
    const fixes = (): (Fix | undefined)[] => [
      passRoleFix(ctx, hit),
      removeActionsFix(ctx, target.actions),
      denyFix(ctx, target.actions, `DenyEscalation${m.id.replace(/_/g, '')}`, `Deny ${nameList(target.actions, 4)} in a new statement`),
    ]
    out.push(
      suggestion({
        code: `PRIVILEGE_ESCALATION_${m.id}`,
        severity,
        category: 'privilege-escalation',
        message,
        at: grant.via[0]!,
        actions,
        fixes,
        learnMore: m.learnMore,
      }),
    )
  }
  return out
}
