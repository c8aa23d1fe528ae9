import { nearHeading } from './text'
import type { ConsolePage } from './types'

export const kmsKeyPolicy: ConsolePage = {
  id: 'kms-key-policy',
  description: 'KMS key policy',
  matches: (ctx) => nearHeading(ctx, /^(edit )?key policy$/i),
  policyType: () => 'resource',
  resourceType: () => 'AWS::KMS::Key',
}
