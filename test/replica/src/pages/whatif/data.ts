// Data of the what-if replica pages (not a page: .ts files are not collected by the router).
const j = (o: unknown) => JSON.stringify(o, null, 2)

export const ACCOUNT = '111111111111'

export interface AttachedPolicy {
  name: string
  type: 'AWS managed' | 'AWS managed - job function' | 'Customer managed' | 'Customer inline'
  arn?: string
  attached?: number
  /** Inline policies: the document, shown when the row is expanded. */
  document?: string
}

export interface ReplicaRole {
  name: string
  created: string
  policies: AttachedPolicy[]
  boundary?: { name: string; arn: string; type: string }
}

export const DENY_DELETE = j({
  Version: '2012-10-17',
  Statement: [{ Sid: 'NoDeletes', Effect: 'Deny', Action: ['s3:DeleteObject', 's3:DeleteBucket'], Resource: '*' }],
})

/** The reporting role's one customer inline policy (its Last Accessed tab: ../iam-users/role-last-accessed.tsx). */
export const REPORTING_ACCESS = j({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Reports', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket', 's3:PutObject', 's3:DeleteObject'], Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'] },
    { Sid: 'Tables', Effect: 'Allow', Action: 'dynamodb:*', Resource: 'arn:aws:dynamodb:us-east-1:111111111111:table/reports' },
    { Sid: 'Compute', Effect: 'Allow', Action: ['ec2:Describe*', 'ec2:StartInstances'], Resource: '*' },
    { Sid: 'Queues', Effect: 'Allow', Action: 'sqs:*', Resource: '*' },
  ],
})

const ROLES: ReplicaRole[] = [
  {
    name: 'reporting-role',
    created: 'August 02, 2026, 10:12 (UTC+01:00)',
    policies: [{ name: 'reporting-access', type: 'Customer inline', document: REPORTING_ACCESS }],
  },
  {
    name: 'whatif-app',
    created: 'November 02, 2026, 10:12 (UTC+01:00)',
    policies: [
      { name: 'AmazonS3ReadOnlyAccess', type: 'AWS managed', arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', attached: 14 },
      { name: 'ViewOnlyAccess', type: 'AWS managed - job function', arn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', attached: 3 },
      { name: 'admin-everything', type: 'Customer managed', arn: `arn:aws:iam::${ACCOUNT}:policy/admin-everything`, attached: 1 },
      { name: 'deny-delete', type: 'Customer inline', document: DENY_DELETE },
    ],
    boundary: { name: 'PowerUserAccess', arn: 'arn:aws:iam::aws:policy/PowerUserAccess', type: 'AWS managed' },
  },
]

export function role(name: string): ReplicaRole {
  return (
    ROLES.find((r) => r.name === name) ?? {
      name,
      created: 'October 12, 2026, 09:00 (UTC+01:00)',
      policies: [{ name: 'AmazonS3ReadOnlyAccess', type: 'AWS managed', arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', attached: 14 }],
    }
  )
}

/** The what-if bucket's policy: no unencrypted uploads. */
export function bucketPolicy(bucket: string): string {
  return j({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyUnencryptedUploads',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${bucket}/*`,
        Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
      },
      {
        Sid: 'AppReads',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/whatif-app` },
        Action: ['s3:GetObject', 's3:ListBucket'],
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      },
    ],
  })
}
