import { policy, type BuiltinTemplate } from './types'

const account = 'arn:{{Partition}}:{service}:{{Region}}:{{AccountId}}'
const arn = (service: string, rest: string) => `${account.replace('{service}', service)}:${rest}`

export const COMPUTE_TEMPLATES: BuiltinTemplate[] = [
  {
    id: 'builtin-lambda-execution-role',
    name: 'Lambda execution role: write its own logs',
    description: 'Permissions for a Lambda function\u2019s execution role to create its log group and write its logs, and nothing else.',
    policyType: 'identity',
    tags: ['lambda', 'logs', 'execution-role'],
    document: policy([
      { Sid: 'CreateLogGroup', Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: arn('logs', 'log-group:/aws/lambda/{{FunctionName}}') },
      {
        Sid: 'WriteLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: arn('logs', 'log-group:/aws/lambda/{{FunctionName}}:log-stream:*'),
      },
    ]),
  },
  {
    id: 'builtin-lambda-trust',
    name: 'Lambda execution role: trust policy',
    description: 'Trust policy that lets the Lambda service assume the role on behalf of your functions.',
    policyType: 'trust',
    tags: ['lambda', 'trust', 'execution-role'],
    document: policy([{ Sid: 'LambdaAssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
  },
  {
    id: 'builtin-ec2-instance-trust',
    name: 'EC2 instance role: trust policy',
    description: 'Trust policy that lets EC2 instances use the role through an instance profile.',
    policyType: 'trust',
    tags: ['ec2', 'trust', 'instance-profile'],
    document: policy([{ Sid: 'EC2AssumeRole', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
  },
  {
    id: 'builtin-ec2-read-parameters',
    name: 'EC2 instance role: read configuration from Parameter Store',
    description: 'Lets an instance (or any workload) read the SSM parameters under one path, such as its own configuration.',
    policyType: 'identity',
    tags: ['ec2', 'ssm', 'parameter-store', 'read-only'],
    document: policy([
      {
        Sid: 'ReadParametersUnderPath',
        Effect: 'Allow',
        Action: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'],
        Resource: [arn('ssm', 'parameter/{{ParameterPath}}'), arn('ssm', 'parameter/{{ParameterPath}}/*')],
      },
    ]),
  },
  {
    id: 'builtin-ecs-task-trust',
    name: 'ECS task role: trust policy',
    description: 'Trust policy that lets ECS tasks of this account and Region assume the role, guarded against the confused deputy.',
    policyType: 'trust',
    tags: ['ecs', 'trust', 'aws:SourceArn'],
    document: policy([
      {
        Sid: 'EcsTasksAssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'ecs-tasks.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          ArnLike: { 'aws:SourceArn': arn('ecs', '*') },
          StringEquals: { 'aws:SourceAccount': '{{AccountId}}' },
        },
      },
    ]),
  },
  {
    id: 'builtin-ecr-push',
    name: 'ECR: push images to one repository',
    description: 'Lets a build pipeline log in to ECR and push (and pull) images of one repository.',
    policyType: 'identity',
    tags: ['ecr', 'ci-cd', 'containers'],
    document: policy([
      { Sid: 'GetAuthorizationToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
      {
        Sid: 'PushAndPullImages',
        Effect: 'Allow',
        Action: [
          'ecr:BatchCheckLayerAvailability',
          'ecr:BatchGetImage',
          'ecr:CompleteLayerUpload',
          'ecr:GetDownloadUrlForLayer',
          'ecr:InitiateLayerUpload',
          'ecr:PutImage',
          'ecr:UploadLayerPart',
        ],
        Resource: arn('ecr', 'repository/{{RepositoryName}}'),
      },
    ]),
  },
  {
    id: 'builtin-lambda-invoke-one',
    name: 'Lambda: invoke one function',
    description: 'Lets a caller invoke one Lambda function, including its versions and aliases.',
    policyType: 'identity',
    tags: ['lambda', 'invoke'],
    document: policy([
      {
        Sid: 'InvokeFunction',
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: [arn('lambda', 'function:{{FunctionName}}'), arn('lambda', 'function:{{FunctionName}}:*')],
      },
    ]),
  },
  {
    id: 'builtin-pass-role-to-lambda',
    name: 'IAM: pass one role to Lambda only',
    description: 'Lets a deployer attach one execution role to Lambda functions, and to no other service.',
    policyType: 'identity',
    tags: ['iam', 'passrole', 'lambda', 'deployment'],
    document: policy([
      {
        Sid: 'PassRoleToLambda',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:{{Partition}}:iam::{{AccountId}}:role/{{RoleName}}',
        Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
      },
    ]),
  },
]
