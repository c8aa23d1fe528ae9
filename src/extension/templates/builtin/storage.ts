import { policy, type BuiltinTemplate } from './types'

const bucket = 'arn:{{Partition}}:s3:::{{BucketName}}'

export const STORAGE_TEMPLATES: BuiltinTemplate[] = [
  {
    id: 'builtin-s3-read-bucket',
    name: 'S3: read-only access to one bucket',
    description: 'Lets a user or role list one bucket and read its objects (and their versions), nothing else.',
    policyType: 'identity',
    tags: ['s3', 'read-only'],
    document: policy([
      { Sid: 'ListBucket', Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: bucket },
      { Sid: 'ReadObjects', Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: `${bucket}/*` },
    ]),
  },
  {
    id: 'builtin-s3-write-prefix',
    name: 'S3: write to one prefix',
    description: 'Lets a user or role upload objects under one key prefix of one bucket and list only that prefix.',
    policyType: 'identity',
    tags: ['s3', 'write'],
    document: policy([
      { Sid: 'ListPrefix', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket, Condition: { StringLike: { 's3:prefix': '{{Prefix}}/*' } } },
      { Sid: 'WriteUnderPrefix', Effect: 'Allow', Action: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'], Resource: `${bucket}/{{Prefix}}/*` },
    ]),
  },
  {
    id: 'builtin-s3-read-write-bucket',
    name: 'S3: read and write objects in one bucket',
    description: 'Lets an application list one bucket and read, write and delete its objects, without changing the bucket itself.',
    policyType: 'identity',
    tags: ['s3', 'read-write', 'application'],
    document: policy([
      { Sid: 'ListBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket },
      { Sid: 'ReadWriteObjects', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: `${bucket}/*` },
    ]),
  },
  {
    id: 'builtin-s3-enforce-tls',
    name: 'S3 bucket policy: enforce TLS',
    description: 'Bucket policy that denies every request to the bucket and its objects that does not use HTTPS.',
    policyType: 'resource',
    resourceType: 'AWS::S3::Bucket',
    tags: ['s3', 'bucket-policy', 'encryption-in-transit', 'guardrail'],
    document: policy([
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [bucket, `${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ]),
  },
  {
    id: 'builtin-s3-cloudfront-oac',
    name: 'S3 bucket policy: CloudFront origin access control',
    description: 'Bucket policy that lets only one CloudFront distribution (through origin access control) read the objects.',
    policyType: 'resource',
    resourceType: 'AWS::S3::Bucket',
    tags: ['s3', 'bucket-policy', 'cloudfront', 'aws:SourceArn'],
    document: policy([
      {
        Sid: 'AllowCloudFrontRead',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: `${bucket}/*`,
        Condition: { ArnEquals: { 'aws:SourceArn': 'arn:{{Partition}}:cloudfront::{{AccountId}}:distribution/{{DistributionId}}' } },
      },
    ]),
  },
  {
    id: 'builtin-s3-cross-account-read',
    name: 'S3 bucket policy: read access for another account',
    description: 'Bucket policy that lets another AWS account list the bucket and read its objects (that account then grants it to its own users).',
    policyType: 'resource',
    resourceType: 'AWS::S3::Bucket',
    tags: ['s3', 'bucket-policy', 'cross-account', 'read-only'],
    document: policy([
      { Sid: 'CrossAccountList', Effect: 'Allow', Principal: { AWS: 'arn:{{Partition}}:iam::{{TrustedAccountId}}:root' }, Action: 's3:ListBucket', Resource: bucket },
      { Sid: 'CrossAccountRead', Effect: 'Allow', Principal: { AWS: 'arn:{{Partition}}:iam::{{TrustedAccountId}}:root' }, Action: 's3:GetObject', Resource: `${bucket}/*` },
    ]),
  },
]
