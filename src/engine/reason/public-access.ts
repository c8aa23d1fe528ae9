/**
 * What "public" means for CheckNoPublicAccess: the resource types Access Analyzer accepts and the
 * condition keys that can make a grant non-public.
 * https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoPublicAccess.html (resourceType values)
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html and the
 * "IAM Access Analyzer filter keys" / S3 "The meaning of public" pages (keys that limit access).
 */

/** The 26 `resourceType` values of the CheckNoPublicAccess API. */
export const PUBLIC_ACCESS_RESOURCE_TYPES: readonly string[] = [
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::Stream',
  'AWS::EFS::FileSystem',
  'AWS::OpenSearchService::Domain',
  'AWS::Kinesis::Stream',
  'AWS::Kinesis::StreamConsumer',
  'AWS::KMS::Key',
  'AWS::Lambda::Function',
  'AWS::S3::Bucket',
  'AWS::S3::AccessPoint',
  'AWS::S3Express::DirectoryBucket',
  'AWS::S3::Glacier',
  'AWS::S3Outposts::Bucket',
  'AWS::S3Outposts::AccessPoint',
  'AWS::SecretsManager::Secret',
  'AWS::SNS::Topic',
  'AWS::SQS::Queue',
  'AWS::IAM::AssumeRolePolicyDocument',
  'AWS::S3Tables::TableBucket',
  'AWS::ApiGateway::RestApi',
  'AWS::CodeArtifact::Domain',
  'AWS::Backup::BackupVault',
  'AWS::CloudTrail::Dashboard',
  'AWS::CloudTrail::EventDataStore',
  'AWS::S3Tables::Table',
  'AWS::S3Express::AccessPoint',
]

/** Condition keys whose fixed values make a statement non-public (lower case). */
const LIMITING = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceowner',
  'aws:userid',
  'kms:calleraccount',
])

/** Does a fixed value of this key limit who can use the grant? (Web-identity `aud` keys too, not SAML's.) */
export function isLimitingKey(keyLower: string): boolean {
  if (LIMITING.has(keyLower)) return true
  return keyLower.endsWith(':aud') && !keyLower.startsWith('saml:')
}

/** Keys whose values are ARNs: a value pins only when its first five parts have no wildcard. */
export const ARN_VALUED_KEYS = new Set(['aws:principalarn', 'aws:sourcearn'])

/** Does this policy value fix the key to specific principals/networks (rather than a wildcard family)? */
export function valuePins(keyLower: string, value: string): boolean {
  const wild = (s: string) => s.includes('*') || s.includes('?')
  if (ARN_VALUED_KEYS.has(keyLower)) {
    const parts = value.split(':')
    return parts.length >= 6 && !parts.slice(0, 5).some(wild)
  }
  if (keyLower === 'aws:principalorgpaths') return !wild(value.split('/')[0] ?? '')
  // A role's unique ID before `:session` identifies the role.
  if (keyLower === 'aws:userid') return !wild(value.split(':')[0] ?? '')
  return !wild(value)
}
