import type { PolicyType } from '../findings/types'
import type { PolicyModel } from '../model/types'

const TRUST_ACTION = /^sts:(AssumeRole\w*|TagSession|SetSourceIdentity|SetContext)$/i

/**
 * Guesses the policy type as the CLI's `--type auto` does: a Principal with only sts:AssumeRole* style
 * actions is a trust policy, any other Principal a resource policy, no Principal an identity policy.
 */
export function detectPolicyType(model: PolicyModel): PolicyType {
  const withPrincipal = model.statements.filter((s) => s.principal || s.notPrincipal)
  if (withPrincipal.length === 0) return 'identity'
  const actions = withPrincipal.flatMap((s) => (s.action?.items ?? []).map((i) => i.value))
  if (actions.length > 0 && actions.some((a) => /^sts:AssumeRole/i.test(a)) && actions.every((a) => TRUST_ACTION.test(a))) return 'trust'
  return 'resource'
}
