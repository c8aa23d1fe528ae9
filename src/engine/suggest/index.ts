/**
 * The least-privilege assistant: what a policy allows that it may not need, and fixes that take it away.
 * Pure and deterministic; every public function returns a value for any input and never throws.
 */
import type { Suggestion } from '../findings/types'
import type { PolicyModel } from '../model/types'
import { groupSuggestions } from './group'
import { runSuggestions, runWildcardReports } from './run'
import type { SuggestOptions, WildcardReport } from './types'

export type { SuggestOptions, WildcardReport, AccessLevelCounts, DangerousAction } from './types'
export { PRIVESC_METHODS, type PrivescMethod } from './privesc/methods'
export { CREDENTIAL_ACTIONS, EXFILTRATION_ACTIONS } from './risk-lists'
export { detectPolicyType } from './policy-type'
export { categoryCode, codePrefixes, groupCodes, groupSuggestions, MAX_TOP_LEVEL } from './group'

/**
 * Least-privilege suggestions for one policy, sorted by position; suggestions sharing one cause are grouped
 * (see group.ts) unless `group: false`. A document that is not a policy yields
 * no suggestions (the validator reports why).
 */
export function suggestPolicy(input: string | object, options: SuggestOptions): Suggestion[] {
  try {
    const list = runSuggestions(input, options)
    return options.group === false ? list : groupSuggestions(list)
  } catch {
    return []
  }
}

/**
 * suggestPolicy over a model already built with buildPolicyModel, so one parse serves validation,
 * suggestions and the explanation. Never throws.
 */
export function suggestModel(model: PolicyModel, options: SuggestOptions): Suggestion[] {
  try {
    const list = runSuggestions(model, options)
    return options.group === false ? list : groupSuggestions(list)
  } catch {
    return []
  }
}

/** For each Action / NotAction pattern: the actions it grants, counted by access level, the risky ones named. */
export function expandWildcards(input: string | object, options: SuggestOptions): WildcardReport[] {
  try {
    return runWildcardReports(input, options)
  } catch {
    return []
  }
}
