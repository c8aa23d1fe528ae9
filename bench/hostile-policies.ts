/**
 * Hostile policies for bench/hostile.bench.ts and test/engine/hostile.test.ts: shapes that once made the
 * engine do quadratic work (issue 17, item 3). Each stays a valid JSON policy so every service runs on it.
 * Sizes follow AWS's quotas where named
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html: 6,144 characters for a
 * managed policy, 10,240 for a role's inline policies; https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html:
 * 20 KB for a bucket policy) or go far past them.
 */

export interface HostilePolicy {
  name: string
  text: string
  policyType: 'identity' | 'resource'
  /** Within AWS's size quota for its kind (the under-100-ms goal); otherwise only the 2-second bound applies. */
  withinQuota: boolean
}

const doc = (statements: object[]): object => ({ Version: '2012-10-17', Statement: statements })

/** Pads (or trims) one string field so the pretty-printed document is about `size` characters. */
function fill(size: number, build: (n: number) => object): string {
  let lo = 0
  let hi = size
  let best = JSON.stringify(build(0), null, 2)
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const t = JSON.stringify(build(mid), null, 2)
    if (t.length <= size) {
      best = t
      lo = mid + 1
    } else hi = mid - 1
  }
  return best
}

/** A 6 KB identity policy whose resources hold thousands of unterminated `${`, on wide actions. */
export function identityWithVariables(size = 6144): string {
  return fill(size, (n) =>
    doc([
      { Sid: 'Wide', Effect: 'Allow', Action: ['s3:*', 'iam:*', 'ec2:*', 'lambda:*'], Resource: [`arn:aws:s3:::b/${'${'.repeat(Math.floor(n / 2))}`] },
      { Sid: 'Named', Effect: 'Allow', Action: ['iam:PassRole', 'sts:AssumeRole'], Resource: [`arn:aws:iam::111122223333:role/${'${'.repeat(n - Math.floor(n / 2))}`] },
    ]),
  )
}

/** A 20 KB bucket policy for everyone (`Principal: "*"`) with thousands of `${` in its resources and conditions. */
export function bucketPolicyWithVariables(size = 20_480): string {
  return fill(size, (n) =>
    doc([
      {
        Sid: 'Public',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:*',
        Resource: ['arn:aws:s3:::bucket', `arn:aws:s3:::bucket/${'${'.repeat(Math.floor(n / 2))}`],
        Condition: { StringLike: { 's3:prefix': `${'${'.repeat(n - Math.floor(n / 2))}` } },
      },
    ]),
  )
}

/** Many small statements (each distinct, several redundant pairs): the pairwise checks' worst case. */
export function manyStatements(count = 10_000): string {
  const services = ['s3', 'ec2', 'iam', 'lambda', 'dynamodb', 'sqs', 'kms', 'logs']
  return JSON.stringify(
    doc(
      Array.from({ length: count }, (_, i) => {
        const svc = services[i % services.length]!
        return {
          Sid: `S${i}`,
          Effect: i % 17 === 0 ? 'Deny' : 'Allow',
          Action: [`${svc}:Get*`, `${svc}:List*`, i % 3 ? `${svc}:Describe*` : `${svc}:*`],
          Resource: i % 5 ? `arn:aws:${svc === 's3' ? 's3:::b' + i : `${svc}:us-east-1:111122223333:thing/${i}`}/*` : '*',
        }
      }),
    ),
  )
}

/** Long wildcard patterns in actions, resources and conditions (backtracking and glob-vs-glob work). */
export function longWildcards(): string {
  return JSON.stringify(
    doc([
      {
        Effect: 'Allow',
        Action: ['s3:' + 'a*'.repeat(2000) + 'b', '*:' + '?*'.repeat(1000), 'iam:' + 'P*'.repeat(1500), 'ec2:*' + '*'.repeat(3000)],
        Resource: ['arn:aws:s3:::' + 'a*'.repeat(5000) + 'b', 'arn:aws:iam::*:role/' + '*a'.repeat(4000), 'arn:aws:ec2:*:*:' + '?'.repeat(6000)],
        Condition: { StringLike: { 'aws:UserAgent': 'a*'.repeat(3000), 's3:prefix': '${'.repeat(2000) } },
      },
      { Effect: 'Allow', Action: Array.from({ length: 400 }, (_, i) => `s3:Get${'*'.repeat(i % 7)}O*${i}`), Resource: Array.from({ length: 400 }, (_, i) => `arn:aws:s3:::b*${'?*'.repeat(i % 20)}/*`) },
    ]),
  )
}

/** About `size` characters of ordinary-looking statements (many actions and ARNs with variables). */
export function bigPolicy(size = 512 * 1024): string {
  const statements: object[] = []
  let chars = 40
  for (let i = 0; chars < size; i++) {
    const s = {
      Sid: `Stmt${i}`,
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:List*', 'dynamodb:Query', 'iam:PassRole', `ec2:Describe*`, 'kms:Decrypt', 'logs:*'],
      Resource: [`arn:aws:s3:::data-${i}/\${aws:username}/*`, `arn:aws:dynamodb:us-east-1:111122223333:table/t${i}`, `arn:aws:iam::111122223333:role/app-${i}-*`, '*'],
      Condition: { StringEquals: { 'aws:PrincipalTag/team': `team-${i}` }, Bool: { 'aws:SecureTransport': 'true' } },
    }
    chars += JSON.stringify(s).length + 1
    statements.push(s)
  }
  return JSON.stringify(doc(statements))
}

/** A `${`-heavy policy of about `size` characters (the quadratic regex's worst case at scale). */
export function variablesAtScale(size = 64 * 1024): string {
  const n = Math.floor((size - 200) / 4)
  return JSON.stringify(doc([{ Effect: 'Allow', Action: ['s3:*', 'iam:*'], Resource: [`arn:aws:s3:::b/${'${'.repeat(n)}`, `arn:aws:iam::111122223333:role/${'${'.repeat(n)}`] }]))
}

export function hostilePolicies(): HostilePolicy[] {
  return [
    { name: '6 KB identity policy, many ${', text: identityWithVariables(), policyType: 'identity', withinQuota: true },
    { name: '10 KB identity policy, many ${', text: identityWithVariables(10_240), policyType: 'identity', withinQuota: true },
    { name: '20 KB bucket policy, many ${', text: bucketPolicyWithVariables(), policyType: 'resource', withinQuota: true },
    { name: 'long wildcard patterns', text: longWildcards(), policyType: 'identity', withinQuota: false },
    { name: '64 KB of ${', text: variablesAtScale(64 * 1024), policyType: 'identity', withinQuota: false },
    { name: '10,000 statements', text: manyStatements(), policyType: 'identity', withinQuota: false },
    { name: '512 KB policy', text: bigPolicy(), policyType: 'identity', withinQuota: false },
  ]
}
