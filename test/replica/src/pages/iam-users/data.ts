// Data of the users, groups, Last Accessed and password policy replica pages (not a page: .ts files are
// not collected by the router). Shapes follow the IAM console as AWS documents it:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users_manage.html (user details: Permissions tab with
// "Attached via", Groups tab), https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage.html,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed-view-data.html
import { ACCOUNT, type AttachedPolicy } from '../whatif/data'

const j = (o: unknown) => JSON.stringify(o, null, 2)

export { ACCOUNT }

export interface ReplicaGroup {
  name: string
  created: string
  policies: AttachedPolicy[]
}

export interface ReplicaUser {
  name: string
  created: string
  groups: string[]
  /** Policies attached directly to the user. */
  policies: AttachedPolicy[]
}

export const DEVELOPERS_DEPLOY = j({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Deploy', Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:Describe*'], Resource: '*' },
    { Sid: 'ReadArtifacts', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::artifacts', 'arn:aws:s3:::artifacts/*'] },
  ],
})

export const ALICE_PASS = j({
  Version: '2012-10-17',
  Statement: [{ Sid: 'PassAppRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }],
})

export const AUDITORS_DENY = j({
  Version: '2012-10-17',
  Statement: [{ Sid: 'NoDataReads', Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::artifacts/secret/*' }],
})

const GROUPS: ReplicaGroup[] = [
  {
    name: 'developers',
    created: 'September 14, 2026, 10:00 (UTC+01:00)',
    policies: [
      { name: 'developers-deploy', type: 'Customer inline', document: DEVELOPERS_DEPLOY },
      { name: 'AmazonSQSReadOnlyAccess', type: 'AWS managed', arn: 'arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess', attached: 2 },
    ],
  },
  {
    name: 'auditors',
    created: 'September 20, 2026, 09:30 (UTC+01:00)',
    policies: [{ name: 'auditors-deny', type: 'Customer inline', document: AUDITORS_DENY }],
  },
]

const USERS: ReplicaUser[] = [
  {
    name: 'alice',
    created: 'October 01, 2026, 08:00 (UTC+01:00)',
    groups: ['developers', 'auditors'],
    policies: [{ name: 'alice-pass', type: 'Customer inline', document: ALICE_PASS }],
  },
]

export function group(name: string): ReplicaGroup {
  return GROUPS.find((g) => g.name === name) ?? { name, created: 'October 12, 2026, 09:00 (UTC+01:00)', policies: [] }
}

export function user(name: string): ReplicaUser {
  return USERS.find((u) => u.name === name) ?? { name, created: 'October 12, 2026, 09:00 (UTC+01:00)', groups: [], policies: [] }
}

/** One row of a Last Accessed tab: the service as the console names it, and when it was last accessed. */
export interface LastAccessedRow {
  service: string
  policies: string
  lastAccessed: string
  /** Services with action last accessed information: the tracked actions. */
  actions?: { action: string; lastAccessed: string; region: string }[]
}

/** The role "whatif-app" (AmazonS3ReadOnlyAccess, ViewOnlyAccess...) and any other principal. */
export function lastAccessed(principal: string): LastAccessedRow[] {
  if (principal === 'reporting-role')
    return [
      {
        service: 'Amazon S3',
        policies: 'reporting-access',
        lastAccessed: '2 days ago',
        actions: [
          { action: 'GetObject', lastAccessed: 'Today', region: 'us-east-1' },
          { action: 'ListBucket', lastAccessed: '2 days ago', region: 'us-east-1' },
          { action: 'PutObject', lastAccessed: 'Not accessed in the tracking period', region: '-' },
          { action: 'DeleteObject', lastAccessed: 'Not accessed in the tracking period', region: '-' },
        ],
      },
      { service: 'Amazon DynamoDB', policies: 'reporting-access', lastAccessed: '45 days ago' },
      { service: 'Amazon EC2', policies: 'reporting-access', lastAccessed: 'Not accessed in the tracking period' },
      { service: 'Amazon SQS', policies: 'reporting-access', lastAccessed: '200 days ago' },
    ]
  return [{ service: 'Amazon S3', policies: 'AmazonS3ReadOnlyAccess', lastAccessed: 'Today' }]
}

export { REPORTING_ACCESS } from '../whatif/data'
