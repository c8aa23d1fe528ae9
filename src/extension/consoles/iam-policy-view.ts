import { nearHeading, service } from './text'
import type { ConsolePage } from './types'

/** The read-only JSON view of a managed or inline policy's permissions. */
export const iamPolicyView: ConsolePage = {
  id: 'iam-policy-view',
  description: 'IAM policy document (read-only view)',
  matches: (ctx) =>
    ctx.readOnly && (nearHeading(ctx, /^permissions defined in this policy/i) || (service(ctx).startsWith('iam') && nearHeading(ctx, /polic/i))),
  policyType: () => 'identity',
}
