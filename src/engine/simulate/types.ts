/** Public shapes of the simulator: decisions, results and the explanation a person can follow. */
import type { Range } from '../findings/types'

export type Decision = 'Allowed' | 'ImplicitDeny' | 'ExplicitDeny'

export const DECISIONS: readonly Decision[] = ['Allowed', 'ImplicitDeny', 'ExplicitDeny']

/** The kinds of policy a case can carry. */
export type SimPolicyType = 'identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp'

/**
 * How a resource-based policy's Principal element named the caller. The kind matters: per
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 * a grant to the user or session ARN stands alone in the same account, a grant to the role ARN still needs
 * the boundary and session policy, and a grant to the account delegates to the account's IAM policies.
 */
export type PrincipalMatchKind =
  /** The caller's own ARN: IAM user, role session, federated-user session, service, provider, canonical user. */
  | 'direct'
  /** `"*"` or `{"AWS": "*"}`: everyone, anonymous included. */
  | 'wildcard'
  /** The role ARN, while the caller is a session of that role. */
  | 'role'
  /** The caller's account (`arn:aws:iam::ACCOUNT:root` or `"ACCOUNT"`). */
  | 'account'
  /** NotPrincipal: the caller is not among the principals it lists. */
  | 'not-listed'

export interface ElementExplanation {
  /** `Action`, `NotAction`, `Resource`, `NotResource`, `Principal`, `NotPrincipal`. */
  element: string
  matched: boolean
  /** The entries of the element that matched the request (for Not* elements: that excluded it). */
  matchedBy?: string[]
  note?: string
}

export interface PrincipalExplanation extends ElementExplanation {
  how?: PrincipalMatchKind
}

export interface ConditionExplanation {
  /** The operator as written, e.g. `ForAnyValue:StringLike`. */
  operator: string
  /** The condition key as written. */
  key: string
  /** The request's values for the key; null when the key is absent from the request. */
  requestValues: string[] | null
  /** The policy's values, after policy-variable substitution where it applied. */
  policyValues: string[]
  result: boolean
  note?: string
}

export type ExplanationKind = 'decision' | 'rule' | 'statement'

/**
 * One line of an explanation. `decision` comes first (the answer and what decided it), `rule` lines
 * state a rule of the evaluation logic that applied (an SCP level with no Allow, a boundary, the
 * cross-account rule ...), and `statement` lines say for every statement why it matched or not.
 */
export interface ExplanationLine {
  kind: ExplanationKind
  /** A sentence for people. */
  text: string
  decision?: Decision
  /** Policy label: `identity[0]`, `resourcePolicy`, `permissionsBoundary`, `sessionPolicy`, `scps[1]`, `scps[1][0]`, `rcps[0]`. */
  policy?: string
  policyType?: SimPolicyType
  /** Index of the statement in the Statement array (0 when Statement is a single object). */
  statement?: number
  sid?: string
  effect?: 'Allow' | 'Deny'
  /** The statement applies to the request (every element and condition matched). */
  matched?: boolean
  /** This line is (one of) what decided the outcome. */
  decisive?: boolean
  action?: ElementExplanation
  resource?: ElementExplanation
  principal?: PrincipalExplanation
  conditions?: ConditionExplanation[]
  /** Where the statement stands in the policy text (1-based lines and columns). */
  range?: Range
}

export interface SimulationResult {
  id: string
  decision?: Decision
  explanation?: ExplanationLine[]
  error?: string
}

export interface EvaluationResult {
  decision?: Decision
  explanation: ExplanationLine[]
  error?: string
}
