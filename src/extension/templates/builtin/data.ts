import { policy, type BuiltinTemplate } from './types'

const regional = (service: string, rest: string) => `arn:{{Partition}}:${service}:{{Region}}:{{AccountId}}:${rest}`

export const DATA_TEMPLATES: BuiltinTemplate[] = [
  {
    id: 'builtin-dynamodb-table-crud',
    name: 'DynamoDB: read and write one table',
    description: 'Lets an application read, write and query the items of one DynamoDB table and its indexes, without changing the table.',
    policyType: 'identity',
    tags: ['dynamodb', 'read-write', 'application'],
    document: policy([
      {
        Sid: 'ReadWriteItems',
        Effect: 'Allow',
        Action: [
          'dynamodb:BatchGetItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:DeleteItem',
          'dynamodb:DescribeTable',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'dynamodb:Scan',
          'dynamodb:UpdateItem',
        ],
        Resource: regional('dynamodb', 'table/{{TableName}}'),
      },
      { Sid: 'QueryIndexes', Effect: 'Allow', Action: ['dynamodb:Query', 'dynamodb:Scan'], Resource: regional('dynamodb', 'table/{{TableName}}/index/*') },
    ]),
  },
  {
    id: 'builtin-secret-read-one',
    name: 'Secrets Manager: read one secret',
    description: 'Lets an application read the value of one secret (the ?????? matches the random suffix Secrets Manager adds).',
    policyType: 'identity',
    tags: ['secretsmanager', 'read-only', 'application'],
    document: policy([
      {
        Sid: 'ReadOneSecret',
        Effect: 'Allow',
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        Resource: regional('secretsmanager', 'secret:{{SecretName}}-??????'),
      },
    ]),
  },
  {
    id: 'builtin-sqs-consume-one',
    name: 'SQS: consume one queue',
    description: 'Lets a worker receive, delete and extend the visibility of messages of one queue.',
    policyType: 'identity',
    tags: ['sqs', 'consumer', 'application'],
    document: policy([
      {
        Sid: 'ConsumeQueue',
        Effect: 'Allow',
        Action: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
        Resource: regional('sqs', '{{QueueName}}'),
      },
    ]),
  },
  {
    id: 'builtin-sns-publish-one',
    name: 'SNS: publish to one topic',
    description: 'Lets an application publish messages to one SNS topic.',
    policyType: 'identity',
    tags: ['sns', 'publisher', 'application'],
    document: policy([{ Sid: 'PublishToTopic', Effect: 'Allow', Action: 'sns:Publish', Resource: regional('sns', '{{TopicName}}') }]),
  },
  {
    id: 'builtin-logs-write-one-group',
    name: 'CloudWatch Logs: write to one log group',
    description: 'Lets an application create log streams in one existing log group and write events to them.',
    policyType: 'identity',
    tags: ['logs', 'cloudwatch', 'application'],
    document: policy([
      {
        Sid: 'WriteToLogGroup',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
        Resource: [regional('logs', 'log-group:{{LogGroupName}}'), regional('logs', 'log-group:{{LogGroupName}}:log-stream:*')],
      },
    ]),
  },
]
