import { inBreadcrumbs, nearHeading, service } from './text'
import type { ConsolePage } from './types'

/** The policy editor of an inline policy of a user, group or role (reached from the principal's page). */
export const iamInlinePolicy: ConsolePage = {
  id: 'iam-inline-policy',
  description: 'IAM inline policy of a user, group or role',
  matches: (ctx) =>
    service(ctx).startsWith('iam') &&
    nearHeading(ctx, /^policy editor$/i) &&
    (inBreadcrumbs(ctx, /^(users|user groups|groups|roles)$/i) || /#\/(users|groups|roles)\/details\/[^/]+\/(create|edit)policy/i.test(ctx.url.hash)),
  policyType: () => 'identity',
}
