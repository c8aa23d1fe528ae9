import { nearHeading } from './text'
import type { ConsolePage } from './types'

export const s3BucketPolicy: ConsolePage = {
  id: 's3-bucket-policy',
  description: 'S3 bucket policy',
  matches: (ctx) => nearHeading(ctx, /^(edit )?bucket policy$/i),
  policyType: () => 'resource',
  resourceType: () => 'AWS::S3::Bucket',
}
