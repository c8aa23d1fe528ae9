import { nearHeading } from './text'
import type { ConsolePage } from './types'

/** A role's trust policy: the "Trust relationships" tab, "Edit trust policy", "Select trusted entities". */
export const iamTrustPolicy: ConsolePage = {
  id: 'iam-trust-policy',
  description: 'IAM role trust policy',
  matches: (ctx) =>
    nearHeading(ctx, /^(trusted entities|trust policy|edit trust policy|custom trust policy|trust relationships?)$/i) ||
    (nearHeading(ctx, /^policy editor$/i, 1) && nearHeading(ctx, /trust/i, 4)),
  policyType: () => 'trust',
}
