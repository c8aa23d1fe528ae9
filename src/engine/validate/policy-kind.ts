/**
 * Policy-type sense: is the text clearly another kind of policy than the editor holds? A role trust policy
 * pasted into a managed-policy editor, a bucket policy in a role's inline editor. Then the usual checks
 * would offer "fixes" (remove Principal, add Resource) that wreck a policy that is fine where it belongs;
 * one finding with the way forward is the honest answer.
 *
 * Identity-based policies cannot name a Principal; resource-based and trust policies must
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
 */
import type { Finding, PolicyType } from '../findings/types'
import type { PolicyModel, StatementModel } from '../model'

export const POLICY_TYPE_MISMATCH = 'POLICY_TYPE_MISMATCH'

export type PolicyKind = 'trust' | 'resource' | 'identity'

const ASSUME = /^sts:assumerole(withsaml|withwebidentity)?$|^sts:(tagsession|setsourceidentity|setcontext)$/i

function principalOf(s: StatementModel): boolean {
  return !!(s.principal || s.notPrincipal)
}

/** What the text clearly is, or undefined when it is not clear (mixed, empty, does not parse). */
export function clearKind(model: PolicyModel): PolicyKind | undefined {
  const st = model.statements
  if (!model.root || st.length === 0) return undefined
  const withP = st.filter(principalOf)
  if (withP.length === 0) return st.some((s) => s.resource || s.notResource) ? 'identity' : undefined
  if (withP.length !== st.length) return undefined
  const actions = st.flatMap((s) => s.action?.items.map((i) => i.value) ?? [])
  if (actions.length > 0 && actions.every((a) => ASSUME.test(a)) && st.every((s) => !s.resource && !s.notResource)) return 'trust'
  if (actions.some((a) => ASSUME.test(a))) return undefined
  return 'resource'
}

const HOLDS: Record<PolicyType, string> = {
  identity: 'a permissions policy (identity-based)',
  boundary: 'a permissions boundary',
  session: 'a session policy',
  scp: 'a service control policy',
  rcp: 'a resource control policy',
  resource: 'a resource policy',
  trust: 'a role trust policy',
}

const WAY_FORWARD: Record<PolicyKind, string> = {
  trust: 'Paste it into the role\'s "Trust relationships" tab (Edit trust policy) instead.',
  resource: 'Attach it on the resource itself (for a bucket: its Permissions tab, "Bucket policy") instead.',
  identity: 'Attach it to a role, user or group as a permissions policy instead.',
}

const IS: Record<PolicyKind, string> = {
  trust: 'a role trust policy (who may assume the role)',
  resource: 'a resource policy (it names a Principal, like a bucket policy)',
  identity: 'an identity-based permissions policy (it names no Principal)',
}

function expectedKind(t: PolicyType): PolicyKind | 'org' {
  if (t === 'trust') return 'trust'
  if (t === 'resource') return 'resource'
  if (t === 'scp' || t === 'rcp') return 'org'
  return 'identity'
}

/**
 * One finding when the text clearly is another kind of policy than `holds`, else undefined. SCPs and RCPs
 * are left alone (RCPs name Principal "*" by design).
 */
export function policyKindFinding(model: PolicyModel, holds: PolicyType): Finding | undefined {
  const want = expectedKind(holds)
  if (want === 'org') return undefined
  const is = clearKind(model)
  if (!is || is === want) return undefined
  // A trust policy is a resource policy of the role: only an identity text is clearly wrong there.
  if (want === 'resource' && is === 'trust') return undefined
  const first = model.statements[0]!
  const range = (first.principal?.key ?? first.notPrincipal?.key)?.range ?? first.range
  return {
    code: POLICY_TYPE_MISMATCH,
    severity: 'ERROR',
    message: `This text is ${IS[is]}, but this editor holds ${HOLDS[holds]}. ${WAY_FORWARD[is]} The other findings assume it belongs here, so their fixes are not offered.`,
    range,
    path: first.path,
    learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html',
  }
}
