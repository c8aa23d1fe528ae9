import type { PolicyType } from '../findings/types'
import { guessPolicyType } from '../model/policy-type'
import type { PolicyModel } from '../model/types'

/** Guesses the policy type as the CLI's `--type auto` does (see guessPolicyType). */
export function detectPolicyType(model: PolicyModel): PolicyType {
  return guessPolicyType(model).policyType
}
