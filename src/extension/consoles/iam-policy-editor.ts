import { inBreadcrumbs, nearHeading } from './text'
import type { ConsolePage } from './types'

/** Create or edit a customer managed policy: the "Policy editor" of "Specify permissions". */
export const iamPolicyEditor: ConsolePage = {
  id: 'iam-policy-editor',
  description: 'IAM managed policy editor',
  matches: (ctx) => nearHeading(ctx, /^policy editor$/i) && !inBreadcrumbs(ctx, /^(service|resource) control policies$/i),
  // Permissions boundaries are managed policies too: the same editor, and identity rules apply.
  policyType: () => 'identity',
}
