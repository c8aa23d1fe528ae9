/**
 * What a resource-based policy attached to a given kind of resource may contain: the service of its
 * actions, the shape of its Resource ARNs, keys that mean nothing there, and its size quota.
 */
import { globsIntersect } from '../arn/format'

export interface ResourceTypeRule {
  /** "an S3 bucket" */
  label: string
  /** Service prefixes whose actions the policy may contain. */
  services: string[]
  /** Does an ARN (six fields, variables already `*`) fit the resource? */
  fits: (fields: string[]) => boolean
  /** Keys that always have the same value for this resource, so a condition on them decides nothing. */
  irrelevantKeys: string[]
  /**
   * The policy must name the resource: `"Resource": "*"` is rejected (Access Analyzer's
   * UNSUPPORTED_RESOURCE_ARN_IN_POLICY for the resource types it validates).
   */
  namesResource?: boolean
  /** An ARN of this kind of resource, for messages. */
  example: string
  /** Maximum policy size in characters, where the service documents one. */
  quota?: { size: number; source: string }
}

const field = (f: string[], i: number, pattern: string): boolean => globsIntersect(f[i] ?? '', pattern)
const RESOURCE_KEYS = ['aws:ResourceAccount', 'aws:ResourceOrgID', 'aws:ResourceOrgPaths']

export const RESOURCE_TYPE_RULES: Record<string, ResourceTypeRule> = {
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html (20 KB)
  'AWS::S3::Bucket': {
    example: 'arn:aws:s3:::amzn-s3-demo-bucket/*',
    namesResource: true,
    label: 'an S3 bucket',
    services: ['s3'],
    fits: (f) => field(f, 2, 's3') && (f[3] ?? '') === '' && (f[4] ?? '') === '',
    irrelevantKeys: [...RESOURCE_KEYS, 's3:ResourceAccount'],
    quota: { size: 20_480, source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html' },
  },
  'AWS::S3::AccessPoint': {
    example: 'arn:aws:s3:us-east-1:111122223333:accesspoint/my-access-point/object/*',
    namesResource: true,
    label: 'an S3 access point',
    services: ['s3'],
    fits: (f) => field(f, 2, 's3') && (f[3] ?? '') !== '' && field(f, 5, 'accesspoint/*'),
    irrelevantKeys: [...RESOURCE_KEYS, 's3:ResourceAccount'],
    quota: { size: 20_480, source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html' },
  },
  'AWS::S3::MultiRegionAccessPoint': {
    example: 'arn:aws:s3::111122223333:accesspoint/my-mrap.mrap/object/*',
    namesResource: true,
    label: 'an S3 Multi-Region Access Point',
    services: ['s3'],
    fits: (f) => field(f, 2, 's3') && (f[3] ?? '') === '' && field(f, 5, 'accesspoint/*'),
    irrelevantKeys: [...RESOURCE_KEYS, 's3:ResourceAccount'],
    quota: { size: 20_480, source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiRegionAccessPointPermissions.html' },
  },
  'AWS::S3ObjectLambda::AccessPoint': {
    example: 'arn:aws:s3-object-lambda:us-east-1:111122223333:accesspoint/my-olap',
    namesResource: true,
    label: 'an S3 Object Lambda access point',
    services: ['s3-object-lambda'],
    fits: (f) => field(f, 2, 's3-object-lambda') && field(f, 5, 'accesspoint/*'),
    irrelevantKeys: [...RESOURCE_KEYS],
    quota: { size: 20_480, source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/olap-policies.html' },
  },
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-considerations.html (20 KB)
  'AWS::DynamoDB::Table': {
    example: 'arn:aws:dynamodb:us-east-1:111122223333:table/my-table',
    namesResource: true,
    label: 'a DynamoDB table',
    services: ['dynamodb'],
    fits: (f) => field(f, 2, 'dynamodb') && field(f, 5, 'table/*'),
    irrelevantKeys: [...RESOURCE_KEYS],
    quota: { size: 20_480, source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-considerations.html' },
  },
  // https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html (32 KB)
  'AWS::KMS::Key': {
    example: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    label: 'a KMS key',
    services: ['kms'],
    fits: (f) => field(f, 2, 'kms') && field(f, 5, 'key/*'),
    irrelevantKeys: [...RESOURCE_KEYS],
    quota: { size: 32_768, source: 'https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html' },
  },
  // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-policies.html (8,192 bytes)
  'AWS::SQS::Queue': {
    example: 'arn:aws:sqs:us-east-1:111122223333:my-queue',
    label: 'an SQS queue',
    services: ['sqs'],
    fits: (f) => field(f, 2, 'sqs'),
    irrelevantKeys: [...RESOURCE_KEYS],
    quota: { size: 8_192, source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-policies.html' },
  },
  // https://docs.aws.amazon.com/general/latest/gr/sns.html (30 KB)
  'AWS::SNS::Topic': {
    example: 'arn:aws:sns:us-east-1:111122223333:my-topic',
    label: 'an SNS topic',
    services: ['sns'],
    fits: (f) => field(f, 2, 'sns'),
    irrelevantKeys: [...RESOURCE_KEYS],
    quota: { size: 30_720, source: 'https://docs.aws.amazon.com/general/latest/gr/sns.html' },
  },
}
