/**
 * Guessing a policy's type from its text alone (the CLI's `--type auto`, the panel's default). A guess says
 * how sure it is: a policy with only Deny statements and no Principal may be an SCP or an identity policy
 * that only denies, and nothing in the text tells them apart.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
 */
import type { PolicyType } from '../findings/types'
import type { PolicyModel, StatementModel } from './types'

export interface PolicyTypeGuess {
  policyType: PolicyType
  /** False when another type fits the text as well. */
  confident: boolean
  /** Why this type, in a sentence. */
  reason: string
}

const ASSUME_ACTION = /^sts:(AssumeRole\w*|\*|Assume\*)$/i
/**
 * Keys that test the organization a principal belongs to: the guardrails SCPs are written with. In an
 * identity policy they are true for every caller of the organization's own accounts, so rarely used there.
 */
const ORG_GUARDRAIL_KEYS = /^aws:(PrincipalOrgID|PrincipalOrgPaths|PrincipalOrgMasterAccountId)$/i

function usesOrgGuardrail(st: StatementModel): boolean {
  return st.condition?.operators.some((b) => b.entries.some((e) => ORG_GUARDRAIL_KEYS.test(e.key.value))) ?? false
}

function isAllowAll(st: StatementModel): boolean {
  return st.effect?.value === 'Allow' && !st.condition && (st.action?.items.some((a) => a.value === '*') ?? false) && (st.resource?.items.some((r) => r.value === '*') ?? false)
}

export function guessPolicyType(model: PolicyModel): PolicyTypeGuess {
  const statements = model.statements
  const withPrincipal = statements.filter((s) => s.principal || s.notPrincipal)
  if (withPrincipal.length > 0) {
    if (withPrincipal.some((s) => s.action?.items.some((a) => ASSUME_ACTION.test(a.value))))
      return { policyType: 'trust', confident: true, reason: 'it has a Principal and an sts:AssumeRole* action' }
    return { policyType: 'resource', confident: true, reason: 'it has a Principal' }
  }
  const denies = statements.filter((s) => s.effect?.value === 'Deny')
  const others = statements.filter((s) => s.effect?.value !== 'Deny')
  if (denies.length > 0 && denies.some(usesOrgGuardrail) && others.every(isAllowAll))
    return {
      policyType: 'scp',
      confident: false,
      reason: 'its Deny statements test the caller\'s organization (aws:PrincipalOrgID-style guardrails), as SCPs do; an identity policy could be written the same way',
    }
  if (denies.length > 0 && others.length === 0)
    return {
      policyType: 'scp',
      confident: false,
      reason: 'it has only Deny statements and no Principal, like most SCPs; an identity policy that only denies looks the same',
    }
  if (denies.length > 0 && others.length > 0 && others.every(isAllowAll))
    return {
      policyType: 'scp',
      confident: false,
      reason: 'it allows "*" on "*" and denies the rest, like an SCP beside FullAWSAccess; as an identity policy it would grant administrator access',
    }
  return { policyType: 'identity', confident: true, reason: 'it has no Principal and allows actions' }
}
