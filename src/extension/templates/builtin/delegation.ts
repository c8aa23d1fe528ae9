import { policy, type BuiltinTemplate } from './types'

const iam = (rest: string) => `arn:{{Partition}}:iam::{{AccountId}}:${rest}`
const boundaryArn = iam('policy/{{BoundaryPolicyName}}')
const delegatedRoles = iam('role/{{RolePath}}/*')
const ROLE_CHANGES = ['iam:AttachRolePolicy', 'iam:CreateRole', 'iam:DeleteRolePolicy', 'iam:DetachRolePolicy', 'iam:PutRolePermissionsBoundary', 'iam:PutRolePolicy']
const ROLE_UPKEEP = ['iam:DeleteRole', 'iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:TagRole', 'iam:UntagRole', 'iam:UpdateRoleDescription']

export const DELEGATION_TEMPLATES: BuiltinTemplate[] = [
  {
    id: 'builtin-permissions-boundary-delegated',
    name: 'Permissions boundary for delegated admins',
    description: 'Permissions boundary that caps delegated admins (and the roles they create) to workload services, and keeps them from escaping or editing the boundary.',
    policyType: 'boundary',
    tags: ['boundary', 'delegation', 'iam', 'guardrail'],
    document: policy([
      {
        Sid: 'AllowWorkloadServices',
        Effect: 'Allow',
        Action: ['cloudwatch:*', 'dynamodb:*', 'events:*', 'lambda:*', 'logs:*', 's3:*', 'sns:*', 'sqs:*', 'states:*', 'xray:*'],
        Resource: '*',
      },
      { Sid: 'ManageRolesOnlyWithThisBoundary', Effect: 'Allow', Action: ROLE_CHANGES, Resource: delegatedRoles, Condition: { StringEquals: { 'iam:PermissionsBoundary': boundaryArn } } },
      { Sid: 'MaintainDelegatedRoles', Effect: 'Allow', Action: ROLE_UPKEEP, Resource: delegatedRoles },
      {
        Sid: 'PassDelegatedRolesToWorkloads',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: delegatedRoles,
        Condition: { StringEquals: { 'iam:PassedToService': ['lambda.amazonaws.com', 'states.amazonaws.com'] } },
      },
      {
        Sid: 'DenyBoundaryPolicyChanges',
        Effect: 'Deny',
        Action: ['iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion'],
        Resource: boundaryArn,
      },
      { Sid: 'DenyBoundaryRemoval', Effect: 'Deny', Action: ['iam:DeleteRolePermissionsBoundary', 'iam:DeleteUserPermissionsBoundary'], Resource: '*' },
    ]),
  },
  {
    id: 'builtin-delegated-admin-create-roles',
    name: 'Delegated admin: create roles only with the boundary',
    description: 'Lets a developer create and manage roles under one path, but only with the permissions boundary attached, and pass them to Lambda.',
    policyType: 'identity',
    tags: ['iam', 'delegation', 'boundary', 'passrole'],
    document: policy([
      { Sid: 'CreateRolesWithBoundary', Effect: 'Allow', Action: ROLE_CHANGES, Resource: delegatedRoles, Condition: { StringEquals: { 'iam:PermissionsBoundary': boundaryArn } } },
      { Sid: 'MaintainDelegatedRoles', Effect: 'Allow', Action: ROLE_UPKEEP, Resource: delegatedRoles },
      {
        Sid: 'PassDelegatedRolesToLambda',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: delegatedRoles,
        Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
      },
      { Sid: 'ReadPolicies', Effect: 'Allow', Action: ['iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListPolicies'], Resource: '*' },
    ]),
  },
  {
    id: 'builtin-assume-one-role',
    name: 'STS: assume one role',
    description: 'Lets a user or role switch to one named role (the role\u2019s trust policy must allow it too).',
    policyType: 'identity',
    tags: ['sts', 'assume-role', 'cross-account'],
    document: policy([{ Sid: 'AssumeOneRole', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:{{Partition}}:iam::{{TrustedAccountId}}:role/{{RoleName}}' }]),
  },
  {
    id: 'builtin-ec2-start-stop-by-tag',
    name: 'EC2: start and stop a team\u2019s instances',
    description: 'Lets a team start, stop and reboot only the EC2 instances tagged with its Team tag, and see all instances.',
    policyType: 'identity',
    tags: ['ec2', 'abac', 'tags'],
    document: policy([
      {
        Sid: 'StartStopTeamInstances',
        Effect: 'Allow',
        Action: ['ec2:RebootInstances', 'ec2:StartInstances', 'ec2:StopInstances'],
        Resource: 'arn:{{Partition}}:ec2:{{Region}}:{{AccountId}}:instance/*',
        Condition: { StringEquals: { 'aws:ResourceTag/Team': '{{TeamTag}}' } },
      },
      { Sid: 'DescribeInstances', Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' },
    ]),
  },
]
