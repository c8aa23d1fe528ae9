/** The checks run in order; may throw on a bug, so the public entry points in index.ts catch. */
import { Budget, truncatedFinding } from '../findings/budget'
import { sortFindings, type PolicyType, type Suggestion } from '../findings/types'
import { buildPolicyModel } from '../model'
import type { PolicyModel } from '../model/types'
import { checkAccountPrincipals } from './checks/account-principal'
import { checkConditions } from './checks/conditions'
import { checkRedundancy } from './checks/redundancy'
import { checkResourceScope } from './checks/resource-scope'
import { checkRisks } from './checks/risks'
import { checkWildcards, wildcardReports } from './checks/wildcards'
import { newContext, type SuggestContext } from './context'
import { detectPolicyType } from './policy-type'
import { checkPrivilegeEscalation } from './privesc/check'
import { readStatements } from './statements'
import { alwaysDenies, fullyDenied, neverHoldsAt } from './time-and-denials'
import type { SuggestOptions, WildcardReport } from './types'

function nowOf(v: SuggestOptions['now']): number | undefined {
  if (v === undefined) return undefined
  const t = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v)
  return Number.isFinite(t) ? t : undefined
}

function resolveType(model: PolicyModel, t: SuggestOptions['policyType']): PolicyType {
  return !t || t === 'auto' ? detectPolicyType(model) : t
}

export function suggestContext(input: string | object | PolicyModel, options: SuggestOptions): SuggestContext | undefined {
  const model = isPolicyModel(input) ? input : buildPolicyModel(input)
  if (!model.root || model.statements.length === 0) return undefined
  const account = options.account && /^\d{12}$/.test(options.account) ? options.account : undefined
  const region = options.region && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(options.region) ? options.region : undefined
  const partition = options.partition && /^aws(-[a-z]+)*$/.test(options.partition) ? options.partition : 'aws'
  const arn = { partition, ...(account ? { account } : {}), ...(region ? { region } : {}) }
  const statements = readStatements(model)
  const now = nowOf(options.now)
  const budget = new Budget(options.budgetMs)
  const denies = alwaysDenies(statements)
  for (const s of statements) {
    if (s.effect !== 'Allow') continue
    const inactive = now === undefined ? undefined : neverHoldsAt(s, now)
    if (inactive) s.inactiveBecause = inactive
    if (fullyDenied(s, denies)) s.fullyDenied = true
  }
  return newContext(model, options.catalogue, resolveType(model, options.policyType), arn, statements, budget)
}

/** A built model rather than text or a parsed object (so one parse serves every service). */
export function isPolicyModel(input: unknown): input is PolicyModel {
  return typeof input === 'object' && input !== null && 'statements' in input && 'lines' in input && 'problems' in input && typeof (input as { text?: unknown }).text === 'string'
}

/** The checks in the order they run (names for the truncation message). */
const SUGGESTION_CHECKS: readonly [string, (ctx: SuggestContext) => Suggestion[]][] = [
  ['privilege escalation', checkPrivilegeEscalation],
  ['risks', checkRisks],
  ['wildcards', checkWildcards],
  ['resource scope', checkResourceScope],
  ['conditions', checkConditions],
  ['redundancy', checkRedundancy],
  ['whole-account principals', checkAccountPrincipals],
]

export function runSuggestions(input: string | object | PolicyModel, options: SuggestOptions): Suggestion[] {
  const ctx = suggestContext(input, options)
  if (!ctx) return []
  const out: Suggestion[] = []
  for (const [name, check] of SUGGESTION_CHECKS) {
    if (ctx.budget.expired()) {
      ctx.budget.skipped.push(name)
      continue
    }
    out.push(...check(ctx))
    // a check that saw the budget run out part-way is incomplete
    if (ctx.budget.truncated && !ctx.budget.skipped.includes(name)) ctx.budget.skipped.push(name)
  }
  if (ctx.budget.truncated) out.push(truncatedFinding('suggest', options.budgetMs, ctx.budget.skipped))
  return sortFindings(out)
}

export function runWildcardReports(input: string | object | PolicyModel, options: SuggestOptions): WildcardReport[] {
  const ctx = suggestContext(input, options)
  return ctx ? wildcardReports(ctx) : []
}
