import { nearHeading, service } from './text'
import type { ConsolePage } from './types'

/** SQS queue and SNS topic "Access policy" editors (and other resource policies worded the same way). */
export const accessPolicy: ConsolePage = {
  id: 'resource-access-policy',
  description: 'Resource access policy (SQS queue, SNS topic...)',
  matches: (ctx) => nearHeading(ctx, /^(edit )?(access|resource|queue|topic|repository|secret) policy$/i) || (service(ctx) === 'sqs' && nearHeading(ctx, /access policy/i)),
  policyType: () => 'resource',
  resourceType: (ctx) => (service(ctx) === 'sqs' ? 'AWS::SQS::Queue' : service(ctx) === 'sns' ? 'AWS::SNS::Topic' : undefined),
}
