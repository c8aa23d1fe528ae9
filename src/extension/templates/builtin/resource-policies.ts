import { policy, type BuiltinTemplate } from './types'

export const RESOURCE_POLICY_TEMPLATES: BuiltinTemplate[] = [
  {
    id: 'builtin-kms-key-policy-one-role',
    name: 'KMS key policy: one role may use the key',
    description: 'Key policy that keeps the key manageable through IAM in this account and lets one role encrypt and decrypt with it.',
    policyType: 'resource',
    resourceType: 'AWS::KMS::Key',
    tags: ['kms', 'key-policy', 'encryption'],
    document: policy([
      { Sid: 'EnableIAMPolicies', Effect: 'Allow', Principal: { AWS: 'arn:{{Partition}}:iam::{{AccountId}}:root' }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'AllowUseByRole',
        Effect: 'Allow',
        Principal: { AWS: 'arn:{{Partition}}:iam::{{AccountId}}:role/{{RoleName}}' },
        Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
        Resource: '*',
      },
    ]),
  },
  {
    id: 'builtin-sqs-allow-sns-topic',
    name: 'SQS queue policy: accept messages from one SNS topic',
    description: 'Queue policy that lets one SNS topic deliver messages to the queue, checked with aws:SourceArn.',
    policyType: 'resource',
    resourceType: 'AWS::SQS::Queue',
    tags: ['sqs', 'sns', 'queue-policy', 'aws:SourceArn'],
    document: policy([
      {
        Sid: 'AllowTopicToSend',
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: 'arn:{{Partition}}:sqs:{{Region}}:{{AccountId}}:{{QueueName}}',
        Condition: { ArnEquals: { 'aws:SourceArn': 'arn:{{Partition}}:sns:{{Region}}:{{AccountId}}:{{TopicName}}' } },
      },
    ]),
  },
  {
    id: 'builtin-sns-allow-s3-events',
    name: 'SNS topic policy: accept S3 event notifications',
    description: 'Topic policy that lets one S3 bucket of this account publish event notifications to the topic, checked with aws:SourceArn and aws:SourceAccount.',
    policyType: 'resource',
    resourceType: 'AWS::SNS::Topic',
    tags: ['sns', 's3', 'topic-policy', 'aws:SourceArn'],
    document: policy([
      {
        Sid: 'AllowBucketToPublish',
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: 'arn:{{Partition}}:sns:{{Region}}:{{AccountId}}:{{TopicName}}',
        Condition: {
          ArnEquals: { 'aws:SourceArn': 'arn:{{Partition}}:s3:::{{BucketName}}' },
          StringEquals: { 'aws:SourceAccount': '{{AccountId}}' },
        },
      },
    ]),
  },
]
