/**
 * The least-privilege assistant: what a policy allows that it may not need, and fixes that take it away.
 * Pure and deterministic; every public function returns a value for any input and never throws.
 */
import { sortFindings, type PolicyType, type Suggestion } from '../findings/types'
import { buildPolicyModel } from '../model'
import type { PolicyModel } from '../model/types'
import { checkConditions } from './checks/conditions'
import { checkRedundancy } from './checks/redundancy'
import { checkResourceScope } from './checks/resource-scope'
import { checkRisks } from './checks/risks'
import { checkWildcards, wildcardReports } from './checks/wildcards'
import { newContext, type SuggestContext } from './context'
import { detectPolicyType } from './policy-type'
import { checkPrivilegeEscalation } from './privesc/check'
import { readStatements } from './statements'
import type { SuggestOptions, WildcardReport } from './types'

export type { SuggestOptions, WildcardReport, AccessLevelCounts, DangerousAction } from './types'
export { PRIVESC_METHODS, type PrivescMethod } from './privesc/methods'
export { CREDENTIAL_ACTIONS, EXFILTRATION_ACTIONS } from './risk-lists'
export { detectPolicyType } from './policy-type'

function resolveType(model: PolicyModel, t: SuggestOptions['policyType']): PolicyType {
  return !t || t === 'auto' ? detectPolicyType(model) : t
}

function context(input: string | object, options: SuggestOptions): SuggestContext | undefined {
  const model = buildPolicyModel(input)
  if (!model.root || model.statements.length === 0) return undefined
  const account = options.account && /^\d{12}$/.test(options.account) ? options.account : undefined
  const region = options.region && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(options.region) ? options.region : undefined
  const partition = options.partition && /^aws(-[a-z]+)*$/.test(options.partition) ? options.partition : 'aws'
  const arn = { partition, ...(account ? { account } : {}), ...(region ? { region } : {}) }
  return newContext(model, options.catalogue, resolveType(model, options.policyType), arn, readStatements(model))
}

/**
 * Least-privilege suggestions for one policy, sorted by position. A document that is not a policy yields
 * no suggestions (the validator reports why).
 */
export function suggestPolicy(input: string | object, options: SuggestOptions): Suggestion[] {
  try {
    const ctx = context(input, options)
    if (!ctx) return []
    return sortFindings([
      ...checkPrivilegeEscalation(ctx),
      ...checkRisks(ctx),
      ...checkWildcards(ctx),
      ...checkResourceScope(ctx),
      ...checkConditions(ctx),
      ...checkRedundancy(ctx),
    ])
  } catch {
    return []
  }
}

/** For each Action / NotAction pattern: the actions it grants, counted by access level, the risky ones named. */
export function expandWildcards(input: string | object, options: SuggestOptions): WildcardReport[] {
  try {
    const ctx = context(input, options)
    return ctx ? wildcardReports(ctx) : []
  } catch {
    return []
  }
}
