/**
 * Template placeholders: `{{Name}}` marks a value the user fills in a small form before inserting.
 * Pure functions (no DOM): find the placeholders of a text, describe them (label, hint, sample, check),
 * pre-fill them from the console page, and fill them in one pass.
 *
 * Placeholders normally stand inside JSON strings (`"arn:aws:s3:::{{BucketName}}/*"`), so a value is
 * inserted JSON-escaped: a value containing `"` or `\` cannot break the policy's JSON. Filling is a single
 * pass, so a value that itself contains `{{...}}` is inserted as written and never expanded again.
 */

/** `{{Name}}`: a letter, then letters and digits; at most 64 characters. */
export const PLACEHOLDER_PATTERN = /\{\{([A-Za-z][A-Za-z0-9]{0,63})\}\}/g

/** At most this many characters in one value (the longest IAM string values, e.g. external ids, are ~1,224). */
export const MAX_PLACEHOLDER_VALUE = 2048

/** What the console page told us, used to pre-fill placeholders. */
export interface PlaceholderContext {
  accountId?: string
  region?: string
  partition?: string
}

export interface PlaceholderInfo {
  name: string
  label: string
  hint: string
  /** A realistic value, used to validate templates and as the form's example. */
  sample: string
  /** Values must match this (anchored). */
  pattern?: RegExp
  /** Where a pre-filled value comes from. */
  prefill?: keyof PlaceholderContext
  /** Used when no pre-fill is known. */
  defaultValue?: string
}

const ACCOUNT = /^\d{12}$/
const IAM_NAME = /^[\w+=,.@-]{1,64}$/

/** The placeholders built-in templates use, with their checks. Other names are accepted with a generic check. */
export const KNOWN_PLACEHOLDERS: Readonly<Record<string, Omit<PlaceholderInfo, 'name'>>> = {
  AccountId: { label: 'Account ID', hint: 'The 12-digit ID of this AWS account.', sample: '111122223333', pattern: ACCOUNT, prefill: 'accountId' },
  TrustedAccountId: { label: 'Trusted account ID', hint: 'The 12-digit ID of the other AWS account.', sample: '444455556666', pattern: ACCOUNT },
  Region: { label: 'Region', hint: 'An AWS Region code, such as us-east-1.', sample: 'us-east-1', pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, prefill: 'region' },
  PrimaryRegion: { label: 'First allowed Region', hint: 'An AWS Region code, such as eu-west-1.', sample: 'eu-west-1', pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, prefill: 'region' },
  SecondaryRegion: { label: 'Second allowed Region', hint: 'An AWS Region code, such as eu-central-1.', sample: 'eu-central-1', pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/ },
  Partition: {
    label: 'Partition',
    hint: 'aws, or aws-cn / aws-us-gov outside the commercial Regions.',
    sample: 'aws',
    pattern: /^aws(-[a-z]+)*$/,
    prefill: 'partition',
    defaultValue: 'aws',
  },
  BucketName: { label: 'Bucket name', hint: '3–63 lower-case letters, digits, dots and hyphens.', sample: 'amzn-s3-demo-bucket', pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/ },
  Prefix: { label: 'Key prefix', hint: 'A folder-like key prefix without leading or trailing slash, such as uploads.', sample: 'uploads', pattern: /^[^*?\s/](?:[^*?\s]{0,1022}[^*?\s/])?$/ },
  RoleName: { label: 'Role name', hint: 'An IAM role name (letters, digits and +=,.@_-).', sample: 'AppDeployRole', pattern: IAM_NAME },
  UserName: { label: 'User name', hint: 'An IAM user name.', sample: 'alice', pattern: IAM_NAME },
  FunctionName: { label: 'Function name', hint: 'A Lambda function name.', sample: 'orders-handler', pattern: /^[A-Za-z0-9_-]{1,64}$/ },
  GitHubOrg: { label: 'GitHub owner', hint: 'The GitHub organisation or user that owns the repository.', sample: 'octo-org', pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/ },
  GitHubRepo: { label: 'GitHub repository', hint: 'The repository name, without the owner.', sample: 'octo-repo', pattern: /^[A-Za-z0-9._-]{1,100}$/ },
  Branch: { label: 'Branch', hint: 'The branch allowed to deploy, such as main.', sample: 'main', pattern: /^[^\s*?"\\]{1,255}$/ },
  ExternalId: { label: 'External ID', hint: 'The external ID the other party agreed with you (2–1224 characters).', sample: 'Unique-External-Id-4f2a', pattern: /^[\w+=,.@:/-]{2,1224}$/ },
  OrgId: { label: 'Organization ID', hint: 'Your AWS Organizations ID, such as o-a1b2c3d4e5.', sample: 'o-a1b2c3d4e5', pattern: /^o-[a-z0-9]{10,32}$/ },
  QueueName: { label: 'Queue name', hint: 'An SQS queue name.', sample: 'orders-queue', pattern: /^[A-Za-z0-9_-]{1,80}(\.fifo)?$/ },
  TopicName: { label: 'Topic name', hint: 'An SNS topic name.', sample: 'orders-topic', pattern: /^[A-Za-z0-9_-]{1,256}(\.fifo)?$/ },
  TableName: { label: 'Table name', hint: 'A DynamoDB table name.', sample: 'orders', pattern: /^[A-Za-z0-9_.-]{3,255}$/ },
  SecretName: { label: 'Secret name', hint: 'A Secrets Manager secret name (without the random suffix).', sample: 'prod/orders/db', pattern: /^[A-Za-z0-9/_+=.@-]{1,512}$/ },
  ParameterPath: { label: 'Parameter path', hint: 'An SSM parameter path without leading slash, such as myapp/prod.', sample: 'orders/prod', pattern: /^[A-Za-z0-9_.\-/]{1,1000}$/ },
  RepositoryName: { label: 'Repository name', hint: 'An ECR repository name.', sample: 'orders-service', pattern: /^[a-z0-9][a-z0-9._/-]{1,255}$/ },
  LogGroupName: { label: 'Log group name', hint: 'A CloudWatch Logs group name, such as /myapp/prod.', sample: '/orders/prod', pattern: /^[A-Za-z0-9_./#-]{1,512}$/ },
  DistributionId: { label: 'CloudFront distribution ID', hint: 'Such as EDFDVBD6EXAMPLE.', sample: 'EDFDVBD6EXAMPLE', pattern: /^[A-Z0-9]{1,32}$/ },
  VpcEndpointId: { label: 'VPC endpoint ID', hint: 'Such as vpce-1a2b3c4d.', sample: 'vpce-1a2b3c4d', pattern: /^vpce-[a-z0-9]{8}([a-z0-9]{9})?$/ },
  TeamTag: { label: 'Team tag value', hint: 'The value of the Team tag on the resources.', sample: 'payments', pattern: /^[^*?"\\]{1,256}$/ },
  BoundaryPolicyName: { label: 'Boundary policy name', hint: 'The name of the permissions boundary managed policy.', sample: 'DelegatedAdminBoundary', pattern: /^[\w+=,.@-]{1,128}$/ },
  RolePath: { label: 'Role path', hint: 'The path delegated roles live under, without slashes, such as app.', sample: 'app', pattern: /^[A-Za-z0-9_+=,.@-]{1,100}$/ },
  ServicePrincipal: { label: 'Service principal', hint: 'Such as lambda.amazonaws.com.', sample: 'lambda.amazonaws.com', pattern: /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/ },
}

/** The distinct placeholder names of a text, in order of first appearance. */
export function findPlaceholders(text: string): string[] {
  const seen = new Set<string>()
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) seen.add(m[1]!)
  return [...seen]
}

export function describePlaceholder(name: string): PlaceholderInfo {
  const known = Object.prototype.hasOwnProperty.call(KNOWN_PLACEHOLDERS, name) ? KNOWN_PLACEHOLDERS[name] : undefined
  if (known) return { name, ...known }
  const label = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
  return { name, label, hint: `The value for ${label}.`, sample: 'example' }
}

/** Values to pre-fill the form with: from the console page where known, else the placeholder's default. */
export function prefillValues(names: readonly string[], context: PlaceholderContext = {}): Record<string, string> {
  const values: Record<string, string> = Object.create(null) as Record<string, string>
  for (const name of names) {
    const info = describePlaceholder(name)
    const fromPage = info.prefill ? context[info.prefill] : undefined
    const value = fromPage && (!info.pattern || info.pattern.test(fromPage)) ? fromPage : info.defaultValue
    if (value !== undefined) values[name] = value
  }
  return values
}

/** Why a value does not fit its placeholder, or undefined when it does. */
export function checkPlaceholderValue(name: string, value: string): string | undefined {
  const info = describePlaceholder(name)
  if (value.trim() === '') return `${info.label} is required.`
  if (value.length > MAX_PLACEHOLDER_VALUE) return `${info.label} is longer than ${MAX_PLACEHOLDER_VALUE} characters.`
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return `${info.label} contains a control character.`
  if (info.pattern && !info.pattern.test(value)) return `${info.label} does not look right: ${info.hint}`
  return undefined
}

/** Every problem with a set of values, by placeholder name (empty when all fit). */
export function checkPlaceholderValues(names: readonly string[], values: Readonly<Record<string, string>>): Record<string, string> {
  const problems: Record<string, string> = {}
  for (const name of names) {
    const problem = checkPlaceholderValue(name, Object.prototype.hasOwnProperty.call(values, name) ? (values[name] ?? '') : '')
    if (problem) problems[name] = problem
  }
  return problems
}

/** A value escaped for the inside of a JSON string. */
export function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1)
}

/**
 * Replaces each `{{Name}}` that has a value with the JSON-escaped value, in one pass. Placeholders without
 * a value are left as written.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) && typeof values[name] === 'string' ? jsonStringContent(values[name]!) : whole,
  )
}

/** The text with every placeholder replaced by its sample value (how templates are validated). */
export function fillWithSamples(text: string): string {
  const values: Record<string, string> = {}
  for (const name of findPlaceholders(text)) values[name] = describePlaceholder(name).sample
  return fillPlaceholders(text, values)
}
