import type { ActionInfo } from '../../catalogue'
import type { Fix, Severity, Suggestion, SuggestionCategory } from '../../findings/types'
import type { Located } from '../../model/types'
import { grantsToHolder, nameList, plural, readsByName, suggestion, type SuggestContext } from '../context'
import type { Grant } from '../effective'
import { denyFix, removeActionsFix } from '../fixes'
import { CREDENTIAL_ACTIONS, EXFILTRATION_ACTIONS } from '../risk-lists'
import type { StatementInfo } from '../statements'
import { scopeStatementFix } from './resource-scope'

interface Hit {
  statement: StatementInfo
  actions: string[]
  severity: Severity
  via: Located<string>
}

const RANK: Record<Severity, number> = { ERROR: 4, SECURITY_WARNING: 3, WARNING: 2, SUGGESTION: 1 }

/** Groups the flagged grants by statement, keeping the most severe grade. */
function collect(ctx: SuggestContext, actions: Iterable<string>, grade: (g: Grant, info: ActionInfo | undefined) => Severity | undefined): Hit[] {
  const by = new Map<StatementInfo, Hit>()
  for (const a of actions) {
    if (ctx.budget.expired()) break
    const info = ctx.catalogue.action(a)
    const name = info?.key ?? a
    for (const g of ctx.effective.grants(name)) {
      const sev = grade(g, info)
      if (!sev) continue
      let h = by.get(g.statement)
      if (!h) by.set(g.statement, (h = { statement: g.statement, actions: [], severity: sev, via: g.via[0]! }))
      h.actions.push(name)
      if (RANK[sev] > RANK[h.severity]) {
        h.severity = sev
        h.via = g.via[0]!
      }
    }
  }
  for (const h of by.values()) h.actions.sort()
  return [...by.values()]
}

interface RiskSpec {
  code: string
  category: SuggestionCategory
  why: string
  fix: string
  learnMore: string
  /** Offer a Deny statement as a fix when there are at most this many actions. */
  denyUpTo: number
  /** How the granted actions are named in the message. */
  lead?: (actions: string[]) => string
}

function report(ctx: SuggestContext, hits: Hit[], spec: RiskSpec): Suggestion[] {
  return hits.map((h) => {
    const allScopable = h.actions.every((a) => (ctx.catalogue.action(a)?.resourceTypes.length ?? 0) > 0)
    const fixes = (): (Fix | undefined)[] => [
      allScopable ? scopeStatementFix(ctx, h.statement) : undefined,
      removeActionsFix(ctx, h.actions),
      h.actions.length <= spec.denyUpTo ? denyFix(ctx, h.actions, `Deny${spec.code.replace(/_/g, '')}`) : undefined,
    ]
    return suggestion({
      code: spec.code,
      severity: h.severity,
      category: spec.category,
      message: `${h.statement.label[0]!.toUpperCase()}${h.statement.label.slice(1)} allows ${spec.lead ? spec.lead(h.actions) : nameList(h.actions, 5)} on every resource: ${spec.why} Fix: ${spec.fix}`,
      at: h.via,
      actions: h.actions,
      fixes,
      learnMore: spec.learnMore,
    })
  })
}

const scopable = (info: ActionInfo | undefined): boolean => !info || info.resourceTypes.length > 0

/**
 * Credentials exposure: actions that return credentials or tokens (Cloudsplaining's list), allowed on every
 * resource. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp.html
 */
function credentials(ctx: SuggestContext): Suggestion[] {
  const hits = collect(ctx, CREDENTIAL_ACTIONS, (g, info) => {
    if (g.scope !== 'all') return undefined
    return g.conditioned || !scopable(info) ? 'SUGGESTION' : 'WARNING'
  })
  return report(ctx, hits, {
    code: 'CREDENTIALS_EXPOSURE',
    category: 'credentials-exposure',
    why: 'these calls return credentials, tokens or passwords that let the caller act as another identity or reach data directly.',
    fix: 'name the specific resources (users, roles, clusters…) in Resource, or remove the actions that are not needed.',
    learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp.html',
    denyUpTo: 10,
  })
}

/**
 * Data exfiltration: reads of objects, parameters and secrets allowed on every resource.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
 */
function exfiltration(ctx: SuggestContext): Suggestion[] {
  const hits = collect(ctx, EXFILTRATION_ACTIONS, (g) => (g.scope !== 'all' ? undefined : g.conditioned ? 'SUGGESTION' : 'WARNING'))
  return report(ctx, hits, {
    code: 'DATA_EXFILTRATION',
    category: 'data-exfiltration',
    why: 'they read stored data and secrets from every bucket, parameter or secret in the account, so a leaked credential can copy all of it.',
    fix: 'limit Resource to the buckets, parameter paths and secrets the workload reads.',
    learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    denyUpTo: 0,
  })
}

/**
 * Resource exposure: "Permissions management" actions (resource policies, ACLs, grants, IAM policies)
 * allowed on every resource. https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html
 */
function exposure(ctx: SuggestContext): Suggestion[] {
  const pm = ctx.effective.allowedActions().filter((a) => a.accessLevel === 'Permissions management' && !readsByName(a.key))
  const hits = collect(
    ctx,
    pm.map((a) => a.key),
    (g) => (g.scope !== 'all' ? undefined : g.conditioned ? 'WARNING' : 'SECURITY_WARNING'),
  )
  return report(ctx, hits, {
    code: 'RESOURCE_EXPOSURE',
    category: 'resource-exposure',
    why: 'these "Permissions management" actions change who can access resources (resource policies, ACLs, grants, IAM policies), so they can open any resource to other accounts or the public.',
    fix: 'limit Resource to the resources this principal administers, add conditions, or remove the actions.',
    learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html',
    denyUpTo: 10,
  })
}

/**
 * Infrastructure modification: Write, Permissions management and Tagging actions allowed on every resource
 * without a condition. Actions that only work with "*" are left out: they cannot be narrowed by Resource.
 */
function infrastructure(ctx: SuggestContext): Suggestion[] {
  const writes = ctx.effective
    .allowedActions()
    .filter((a) => a.accessLevel !== 'Read' && a.accessLevel !== 'List' && a.resourceTypes.length > 0 && !readsByName(a.key))
  const hits = collect(
    ctx,
    writes.map((a) => a.key),
    (g) => (g.scope === 'all' && !g.conditioned ? 'WARNING' : undefined),
  )
  return report(ctx, hits, {
    code: 'INFRASTRUCTURE_MODIFICATION',
    category: 'infrastructure-modification',
    why: 'they create, change or delete resources anywhere in the account, with no condition.',
    fix: 'limit Resource to the resources this principal manages, or add conditions such as aws:ResourceTag.',
    learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    denyUpTo: 0,
    lead: (actions) => `${plural(actions.length, 'write action')} (${nameList(actions, 4)})`,
  })
}

export function checkRisks(ctx: SuggestContext): Suggestion[] {
  if (!grantsToHolder(ctx.policyType)) return []
  return [...exfiltration(ctx), ...exposure(ctx), ...credentials(ctx), ...infrastructure(ctx)]
}
