// Last accessed reports as `aws iam get-service-last-accessed-details` prints them
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLastAccessedDetails.html).

/** Completed 2026-12-01: s3 used 3 days ago, ec2 40 days ago, dynamodb never, iam 200 days ago. */
export const SERVICE_LEVEL = {
  JobStatus: 'COMPLETED',
  JobType: 'SERVICE_LEVEL',
  JobCreationDate: '2026-12-01T09:00:00Z',
  JobCompletionDate: '2026-12-01T09:00:05Z',
  ServicesLastAccessed: [
    { ServiceName: 'Amazon S3', ServiceNamespace: 's3', LastAuthenticated: '2026-11-28T10:00:00Z', LastAuthenticatedEntity: 'arn:aws:iam::111111111111:user/alice', LastAuthenticatedRegion: 'us-east-1', TotalAuthenticatedEntities: 1 },
    { ServiceName: 'Amazon EC2', ServiceNamespace: 'ec2', LastAuthenticated: '2026-10-22T10:00:00Z', TotalAuthenticatedEntities: 1 },
    { ServiceName: 'Amazon DynamoDB', ServiceNamespace: 'dynamodb', TotalAuthenticatedEntities: 0 },
    { ServiceName: 'AWS Identity and Access Management', ServiceNamespace: 'iam', LastAuthenticated: '2026-05-15T10:00:00Z', TotalAuthenticatedEntities: 1 },
  ],
  IsTruncated: false,
}

/** The same with action-level granularity for s3 and iam. */
export const ACTION_LEVEL = {
  JobStatus: 'COMPLETED',
  JobType: 'ACTION_LEVEL',
  JobCreationDate: '2026-12-01T09:00:00Z',
  JobCompletionDate: '2026-12-01T09:00:05Z',
  ServicesLastAccessed: [
    {
      ServiceName: 'Amazon S3',
      ServiceNamespace: 's3',
      LastAuthenticated: '2026-11-28T10:00:00Z',
      TotalAuthenticatedEntities: 1,
      TrackedActionsLastAccessed: [
        { ActionName: 'CreateBucket', LastAccessedEntity: 'arn:aws:iam::111111111111:user/alice', LastAccessedRegion: 'us-east-1', LastAccessedTime: '2026-11-28T10:00:00Z' },
        { ActionName: 'DeleteBucket' },
        { ActionName: 'PutBucketPolicy' },
      ],
    },
    { ServiceName: 'Amazon EC2', ServiceNamespace: 'ec2', LastAuthenticated: '2026-10-22T10:00:00Z', TotalAuthenticatedEntities: 1, TrackedActionsLastAccessed: [] },
    { ServiceName: 'Amazon DynamoDB', ServiceNamespace: 'dynamodb', TotalAuthenticatedEntities: 0 },
  ],
  IsTruncated: false,
}

export const DEV_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Storage', Effect: 'Allow', Action: ['s3:*', 'dynamodb:*'], Resource: '*' },
    { Sid: 'Compute', Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' },
    { Sid: 'NoDeleteLogs', Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::logs/*' },
  ],
}

export const ADMIN_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }

export const POWER_USER = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' },
    { Effect: 'Allow', Action: ['iam:ListRoles', 'iam:CreateServiceLinkedRole'], Resource: '*' },
  ],
}

export const DAY = 86_400_000
export const NOW = Date.parse('2026-12-01T09:00:05Z')
