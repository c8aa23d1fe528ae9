import type { AccessLevel, Catalogue } from '../catalogue'
import type { JsonPath, PolicyType, Range } from '../findings/types'

export interface SuggestOptions {
  catalogue: Catalogue
  /** The kind of policy; `auto` (the default) guesses from the document as the CLI does. */
  policyType?: PolicyType | 'auto'
  /** Account ID used in proposed ARNs and conditions; a documentation placeholder when unknown. */
  account?: string
  /** Region used in proposed ARNs; `*` when unknown. */
  region?: string
  /** Partition used in proposed ARNs; `aws` when unknown. */
  partition?: string
  /**
   * Milliseconds the checks may take; past it they stop and an ANALYSIS_TRUNCATED suggestion says which
   * were cut. Default: no limit (deterministic).
   */
  budgetMs?: number
  /**
   * The moment to judge date conditions at (epoch milliseconds, an ISO date or a Date), passed by the caller so
   * the engine stays deterministic. Without it, no condition is judged by the date.
   */
  now?: number | string | Date
  /** Group suggestions that share one cause into one with `group.members` (default true). */
  group?: boolean
}

export type AccessLevelCounts = Record<AccessLevel, number>

export interface DangerousAction {
  action: string
  accessLevel: AccessLevel
  /** Why it is named: in plain words. */
  reason: string
}

/** What one Action or NotAction entry stands for, against the bundled catalogue. */
export interface WildcardReport {
  /** 0-based position of the statement among the policy's statements. */
  statement: number
  sid?: string
  effect: string
  element: 'Action' | 'NotAction'
  pattern: string
  range: Range
  path: JsonPath
  /** Catalogue actions the pattern matches (for NotAction: the actions it carves out). */
  matched: { total: number; byAccessLevel: AccessLevelCounts }
  actions: { action: string; accessLevel: AccessLevel }[]
  /**
   * What the statement lets through because of this entry: for Action, the matched actions; for NotAction,
   * every catalogue action the whole NotAction list does not name.
   */
  grants: { total: number; byAccessLevel: AccessLevelCounts }
  /** Risky actions among those granted (empty for Deny statements). */
  dangerous: DangerousAction[]
}
