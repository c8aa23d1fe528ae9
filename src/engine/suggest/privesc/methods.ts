/**
 * Privilege-escalation methods: sets of actions that, allowed together, let a principal obtain more
 * permissions than its policy grants. Compiled from the Rhino Security Labs list (28 methods), the
 * pathfinding.cloud paths as encoded in Cloudsplaining, NCC PMapper's edge checks and trivy AWS-0353.
 * Single-action variants that a smaller method already implies are folded into it (e.g. CreateAccessKey
 * + DeleteAccessKey is reported as CreateAccessKey).
 */
export interface PrivescMethod {
  /** Suffix of the finding code: PRIVILEGE_ESCALATION_<id>. */
  id: string
  /** Groups that must all be allowed; one action of a group is enough. */
  requires: string[][]
  /** The method also needs iam:PassRole, passing a role to one of these service principals. */
  passRoleTo?: string[]
  /** Harmless when the grant is limited to the caller's own user (`user/${aws:username}`). */
  selfSafe?: boolean
  /** A positive condition on one of these keys makes the grant safe (the delegation pattern AWS documents). */
  safeWithKeys?: string[]
  /** Depends on what other policies (trust policies) allow, so it is reported as a warning at most. */
  dependsOnTargets?: boolean
  /** With dependsOnTargets: what the reach depends on, as a sentence (default: which roles trust this account). */
  targetsNote?: string
  /** What the holder can do, as a clause: "… lets the holder <how>". */
  how: string
  fix: string
  sources: string
  learnMore: string
}

const PASSROLE_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html'
const VERSIONS_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html'
const CREDS_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'
const POLICIES_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_manage-attach-detach.html'
const BOUNDARY_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html'
const TRUST_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/roles-managingrole-editing-api.html'
const LEAST = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'

const passFix = (service: string): string =>
  `limit iam:PassRole to the specific role ARNs this workload must pass and add an iam:PassedToService condition for ${service}, or remove the ${service.split('.')[0]} actions`

export const PRIVESC_METHODS: readonly PrivescMethod[] = [
  // IAM changes that grant permissions directly (Rhino 1, 2, 4–14; trivy AWS-0353; AWS boundaries page)
  {
    id: 'CREATE_POLICY_VERSION',
    requires: [['iam:CreatePolicyVersion']],
    how: 'write a new default version of a customer managed policy, including one attached to itself, that allows everything',
    fix: 'remove iam:CreatePolicyVersion or limit it to policy ARNs that are never attached to this principal',
    sources: 'Rhino 1; pathfinding.cloud',
    learnMore: VERSIONS_DOC,
  },
  {
    id: 'SET_DEFAULT_POLICY_VERSION',
    requires: [['iam:SetDefaultPolicyVersion']],
    how: 'switch a managed policy back to an older, broader version that is still stored',
    fix: 'remove iam:SetDefaultPolicyVersion or limit it to specific policy ARNs',
    sources: 'Rhino 2',
    learnMore: VERSIONS_DOC,
  },
  {
    id: 'CREATE_ACCESS_KEY',
    requires: [['iam:CreateAccessKey']],
    selfSafe: true,
    how: 'create access keys for other IAM users and then act as those users',
    fix: 'limit iam:CreateAccessKey to the caller\'s own user with arn:aws:iam::ACCOUNT:user/${aws:username}',
    sources: 'Rhino 4; PMapper; pathfinding.cloud (with DeleteAccessKey)',
    learnMore: CREDS_DOC,
  },
  {
    id: 'CREATE_LOGIN_PROFILE',
    requires: [['iam:CreateLoginProfile']],
    selfSafe: true,
    how: 'give a console password to a user who has none and sign in as that user',
    fix: 'limit iam:CreateLoginProfile to the caller\'s own user (user/${aws:username}) or remove it',
    sources: 'Rhino 5; PMapper',
    learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_admin-change-user.html',
  },
  {
    id: 'UPDATE_LOGIN_PROFILE',
    requires: [['iam:UpdateLoginProfile']],
    selfSafe: true,
    how: 'reset the console password of another user and sign in as that user',
    fix: 'limit iam:UpdateLoginProfile to the caller\'s own user (user/${aws:username}) or remove it',
    sources: 'Rhino 6; PMapper',
    learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_admin-change-user.html',
  },
  {
    id: 'ATTACH_USER_POLICY',
    requires: [['iam:AttachUserPolicy']],
    how: 'attach any managed policy, such as AdministratorAccess, to a user, itself included',
    fix: 'remove iam:AttachUserPolicy or restrict it with an iam:PolicyARN condition listing the policies that may be attached',
    sources: 'Rhino 7; pathfinding.cloud',
    learnMore: POLICIES_DOC,
  },
  {
    id: 'ATTACH_GROUP_POLICY',
    requires: [['iam:AttachGroupPolicy']],
    how: 'attach any managed policy, such as AdministratorAccess, to a group it belongs to',
    fix: 'remove iam:AttachGroupPolicy or restrict it with an iam:PolicyARN condition',
    sources: 'Rhino 8',
    learnMore: POLICIES_DOC,
  },
  {
    id: 'ATTACH_ROLE_POLICY',
    requires: [['iam:AttachRolePolicy']],
    how: 'attach any managed policy, such as AdministratorAccess, to a role it can use',
    fix: 'remove iam:AttachRolePolicy or restrict it with an iam:PolicyARN condition and specific role ARNs',
    sources: 'Rhino 9; Cloudsplaining #580 (no sts:AssumeRole needed)',
    learnMore: POLICIES_DOC,
  },
  {
    id: 'PUT_USER_POLICY',
    requires: [['iam:PutUserPolicy']],
    how: 'write an inline policy that allows everything on a user, itself included',
    fix: 'remove iam:PutUserPolicy or limit it to specific user ARNs that are not the caller',
    sources: 'Rhino 10; pathfinding.cloud',
    learnMore: POLICIES_DOC,
  },
  {
    id: 'PUT_GROUP_POLICY',
    requires: [['iam:PutGroupPolicy']],
    how: 'write an inline policy that allows everything on a group it belongs to',
    fix: 'remove iam:PutGroupPolicy or limit it to specific group ARNs',
    sources: 'Rhino 11',
    learnMore: POLICIES_DOC,
  },
  {
    id: 'PUT_ROLE_POLICY',
    requires: [['iam:PutRolePolicy']],
    how: 'write an inline policy that allows everything on a role it can use',
    fix: 'remove iam:PutRolePolicy or limit it to specific role ARNs',
    sources: 'Rhino 12; Cloudsplaining #580',
    learnMore: POLICIES_DOC,
  },
  {
    id: 'ADD_USER_TO_GROUP',
    requires: [['iam:AddUserToGroup']],
    how: 'add itself to any group, such as an administrators group',
    fix: 'remove iam:AddUserToGroup or limit it to specific group ARNs',
    sources: 'Rhino 13',
    learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_add-remove-users.html',
  },
  {
    id: 'UPDATE_ASSUME_ROLE_POLICY',
    requires: [['iam:UpdateAssumeRolePolicy']],
    how: 'rewrite the trust policy of any role so that it can assume the role and use its permissions',
    fix: 'remove iam:UpdateAssumeRolePolicy or limit it to specific role ARNs',
    sources: 'Rhino 14; PMapper; pathfinding.cloud',
    learnMore: TRUST_DOC,
  },
  {
    id: 'DELETE_PERMISSIONS_BOUNDARY',
    requires: [['iam:DeleteUserPermissionsBoundary', 'iam:DeleteRolePermissionsBoundary']],
    how: 'remove the permissions boundary that caps a user or role, itself included, so its other policies apply in full',
    fix: 'deny iam:DeleteUserPermissionsBoundary and iam:DeleteRolePermissionsBoundary',
    sources: 'trivy AWS-0353',
    learnMore: BOUNDARY_DOC,
  },
  {
    id: 'PUT_PERMISSIONS_BOUNDARY',
    requires: [['iam:PutUserPermissionsBoundary', 'iam:PutRolePermissionsBoundary']],
    safeWithKeys: ['iam:PermissionsBoundary'],
    how: 'replace the permissions boundary of a user or role, itself included, with a looser one',
    fix: 'add an iam:PermissionsBoundary condition naming the boundary policy that must be used, as in AWS\'s delegation example',
    sources: 'AWS permissions boundaries guide',
    learnMore: BOUNDARY_DOC,
  },
  // iam:PassRole to a new compute resource (Rhino 3, 15–17, 19, 21, 22, 24, 27; pathfinding.cloud; PMapper)
  {
    id: 'PASSROLE_EC2',
    requires: [['ec2:RunInstances', 'ec2:RequestSpotInstances']],
    passRoleTo: ['ec2.amazonaws.com'],
    how: 'launch an EC2 instance with any role attached and use that role\'s credentials from the instance',
    fix: passFix('ec2.amazonaws.com'),
    sources: 'Rhino 3; pathfinding.cloud (spot); PMapper',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_EC2_INSTANCE_PROFILE',
    requires: [['ec2:AssociateIamInstanceProfile', 'ec2:ReplaceIamInstanceProfileAssociation']],
    passRoleTo: ['ec2.amazonaws.com'],
    how: 'attach a more powerful role to an instance it controls',
    fix: passFix('ec2.amazonaws.com'),
    sources: 'PMapper',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_AUTOSCALING',
    requires: [['autoscaling:CreateLaunchConfiguration', 'autoscaling:CreateAutoScalingGroup']],
    passRoleTo: ['ec2.amazonaws.com', 'autoscaling.amazonaws.com'],
    how: 'have Auto Scaling launch instances that carry any role',
    fix: passFix('ec2.amazonaws.com'),
    sources: 'PMapper',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_LAMBDA',
    requires: [['lambda:CreateFunction'], ['lambda:InvokeFunction', 'lambda:AddPermission', 'lambda:CreateEventSourceMapping', 'lambda:CreateFunctionUrlConfig']],
    passRoleTo: ['lambda.amazonaws.com'],
    how: 'create a Lambda function that runs as any role, then run it (invoke it, open it to another account or attach a trigger)',
    fix: passFix('lambda.amazonaws.com'),
    sources: 'Rhino 15–17; pathfinding.cloud; PMapper',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_GLUE_DEV_ENDPOINT',
    requires: [['glue:CreateDevEndpoint']],
    passRoleTo: ['glue.amazonaws.com'],
    how: 'create a Glue development endpoint with any role and log in to it over SSH',
    fix: passFix('glue.amazonaws.com'),
    sources: 'Rhino 19',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_GLUE_JOB',
    requires: [['glue:CreateJob', 'glue:UpdateJob'], ['glue:StartJobRun', 'glue:CreateTrigger']],
    passRoleTo: ['glue.amazonaws.com'],
    how: 'create or change a Glue job that runs its own script as any role, and start it',
    fix: passFix('glue.amazonaws.com'),
    sources: 'pathfinding.cloud',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_CLOUDFORMATION',
    requires: [['cloudformation:CreateStack', 'cloudformation:UpdateStack']],
    passRoleTo: ['cloudformation.amazonaws.com'],
    how: 'deploy a CloudFormation stack with any service role, which then creates resources with that role\'s permissions',
    fix: passFix('cloudformation.amazonaws.com'),
    sources: 'Rhino 21; PMapper',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_CLOUDFORMATION_CHANGESET',
    requires: [['cloudformation:CreateChangeSet'], ['cloudformation:ExecuteChangeSet']],
    passRoleTo: ['cloudformation.amazonaws.com'],
    how: 'create and run a CloudFormation change set with any service role',
    fix: passFix('cloudformation.amazonaws.com'),
    sources: 'PMapper',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_CLOUDFORMATION_STACKSET',
    requires: [['cloudformation:CreateStackSet'], ['cloudformation:CreateStackInstances']],
    passRoleTo: ['cloudformation.amazonaws.com'],
    how: 'create a StackSet with any administration role and deploy it',
    fix: passFix('cloudformation.amazonaws.com'),
    sources: 'pathfinding.cloud',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_CLOUDFORMATION_UPDATE_STACKSET',
    requires: [['cloudformation:UpdateStackSet']],
    passRoleTo: ['cloudformation.amazonaws.com'],
    how: 'switch an existing StackSet to any role and redeploy it',
    fix: passFix('cloudformation.amazonaws.com'),
    sources: 'pathfinding.cloud',
    learnMore: PASSROLE_DOC,
  },
  // Reusing a role already attached to a resource: no iam:PassRole is needed, because the service role was
  // passed when the resource was created (pathfinding.cloud lists these paths without PassRole:
  // cloudformation UpdateStack, apprunner UpdateService, codebuild StartBuild / StartBuildBatch with a
  // buildspec override). How far they reach depends on which stacks, services and projects exist.
  {
    id: 'EXISTING_ROLE_CLOUDFORMATION_UPDATE_STACK',
    requires: [['cloudformation:UpdateStack']],
    dependsOnTargets: true,
    targetsNote: 'How far it reaches depends on which stacks have a service role (cloudformation:DescribeStacks lists them).',
    how: 'update an existing CloudFormation stack that has a service role, so the new template creates resources (such as IAM roles and policies) with that role\'s permissions',
    fix: 'limit cloudformation:UpdateStack to named stacks whose service roles are no broader than this principal, or remove it',
    sources: 'pathfinding.cloud (cloudformation UpdateStack on a stack with a service role)',
    learnMore: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html',
  },
  {
    id: 'EXISTING_ROLE_APPRUNNER_UPDATE_SERVICE',
    requires: [['apprunner:UpdateService']],
    dependsOnTargets: true,
    targetsNote: 'How far it reaches depends on which App Runner services have an instance role.',
    how: 'change the code or start command of an existing App Runner service, which then runs as the service\'s instance role',
    fix: 'limit apprunner:UpdateService to named services whose instance roles are no broader than this principal, or remove it',
    sources: 'pathfinding.cloud (apprunner UpdateService)',
    learnMore: 'https://docs.aws.amazon.com/apprunner/latest/dg/security_iam_service-with-iam.html',
  },
  {
    id: 'EXISTING_ROLE_CODEBUILD_START_BUILD',
    requires: [['codebuild:StartBuild', 'codebuild:StartBuildBatch']],
    dependsOnTargets: true,
    targetsNote: 'How far it reaches depends on which CodeBuild projects exist and on their service roles.',
    how: 'start a build of an existing CodeBuild project with an overridden buildspec, whose commands then run as the project\'s service role',
    fix: 'limit codebuild:StartBuild and codebuild:StartBuildBatch to named projects whose service roles are no broader than this principal, or remove them',
    sources: 'pathfinding.cloud (codebuild StartBuild / StartBuildBatch with buildspec override)',
    learnMore: 'https://docs.aws.amazon.com/codebuild/latest/APIReference/API_StartBuild.html',
  },
  {
    id: 'PASSROLE_DATAPIPELINE',
    requires: [['datapipeline:CreatePipeline'], ['datapipeline:PutPipelineDefinition']],
    passRoleTo: ['datapipeline.amazonaws.com'],
    how: 'create a Data Pipeline that runs commands as any role',
    fix: passFix('datapipeline.amazonaws.com'),
    sources: 'Rhino 22',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_CODESTAR',
    requires: [['codestar:CreateProject']],
    passRoleTo: ['codestar.amazonaws.com'],
    how: 'create a CodeStar project whose service role deploys resources with that role\'s permissions',
    fix: passFix('codestar.amazonaws.com'),
    sources: 'Rhino 24',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_SAGEMAKER',
    requires: [['sagemaker:CreateNotebookInstance', 'sagemaker:CreateTrainingJob', 'sagemaker:CreateProcessingJob']],
    passRoleTo: ['sagemaker.amazonaws.com'],
    how: 'start a SageMaker notebook, training job or processing job that runs its own code as any role',
    fix: passFix('sagemaker.amazonaws.com'),
    sources: 'Rhino 27; pathfinding.cloud; PMapper',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_CODEBUILD',
    requires: [['codebuild:CreateProject', 'codebuild:UpdateProject'], ['codebuild:StartBuild', 'codebuild:StartBuildBatch']],
    passRoleTo: ['codebuild.amazonaws.com'],
    how: 'create or change a CodeBuild project that runs its own build commands as any role, and start a build',
    fix: passFix('codebuild.amazonaws.com'),
    sources: 'pathfinding.cloud; PMapper',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_ECS',
    requires: [['ecs:RegisterTaskDefinition'], ['ecs:RunTask', 'ecs:StartTask', 'ecs:CreateService']],
    passRoleTo: ['ecs-tasks.amazonaws.com'],
    how: 'register an ECS task definition with any task role and run it',
    fix: passFix('ecs-tasks.amazonaws.com'),
    sources: 'pathfinding.cloud',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_APPRUNNER',
    requires: [['apprunner:CreateService']],
    passRoleTo: ['tasks.apprunner.amazonaws.com', 'build.apprunner.amazonaws.com'],
    how: 'create an App Runner service whose code runs as any role',
    fix: passFix('tasks.apprunner.amazonaws.com'),
    sources: 'pathfinding.cloud',
    learnMore: PASSROLE_DOC,
  },
  {
    id: 'PASSROLE_BEDROCK_AGENTCORE',
    requires: [['bedrock-agentcore:CreateCodeInterpreter'], ['bedrock-agentcore:StartCodeInterpreterSession'], ['bedrock-agentcore:InvokeCodeInterpreter']],
    passRoleTo: ['bedrock-agentcore.amazonaws.com'],
    how: 'create a Bedrock AgentCore code interpreter with any role and run code in it',
    fix: passFix('bedrock-agentcore.amazonaws.com'),
    sources: 'pathfinding.cloud',
    learnMore: PASSROLE_DOC,
  },
  // Taking over existing resources that already run with a role (Rhino 18, 20, 23, 25, 26, 28; pathfinding.cloud; PMapper)
  {
    id: 'LAMBDA_UPDATE_FUNCTION_CODE',
    requires: [['lambda:UpdateFunctionCode']],
    how: 'replace the code of an existing Lambda function and run its own code with that function\'s role',
    fix: 'limit lambda:UpdateFunctionCode to specific function ARNs whose roles are no more powerful than this principal',
    sources: 'Rhino 18; pathfinding.cloud; PMapper',
    learnMore: LEAST,
  },
  {
    id: 'LAMBDA_UPDATE_FUNCTION_CONFIGURATION',
    requires: [['lambda:UpdateFunctionConfiguration']],
    how: 'add a layer (or change the runtime settings) of an existing Lambda function so its own code runs with that function\'s role',
    fix: 'limit lambda:UpdateFunctionConfiguration to specific function ARNs, and use a lambda:Layer condition',
    sources: 'Rhino 26; PMapper',
    learnMore: LEAST,
  },
  {
    id: 'GLUE_UPDATE_DEV_ENDPOINT',
    requires: [['glue:UpdateDevEndpoint']],
    how: 'add its own SSH key to an existing Glue development endpoint and use the endpoint\'s role',
    fix: 'remove glue:UpdateDevEndpoint or limit it to specific endpoint ARNs',
    sources: 'Rhino 20',
    learnMore: LEAST,
  },
  {
    id: 'CODESTAR_CREATE_PROJECT_FROM_TEMPLATE',
    requires: [['codestar:CreateProjectFromTemplate']],
    how: 'create a CodeStar project from a template, which provisions resources with the CodeStar service role',
    fix: 'remove codestar:CreateProjectFromTemplate',
    sources: 'Rhino 23',
    learnMore: LEAST,
  },
  {
    id: 'CODESTAR_ASSOCIATE_TEAM_MEMBER',
    requires: [['codestar:CreateProject'], ['codestar:AssociateTeamMember']],
    how: 'create a CodeStar project and make itself its owner, which attaches the project\'s owner policy',
    fix: 'remove codestar:AssociateTeamMember or codestar:CreateProject',
    sources: 'Rhino 25',
    learnMore: LEAST,
  },
  {
    id: 'SAGEMAKER_PRESIGNED_NOTEBOOK_URL',
    requires: [['sagemaker:CreatePresignedNotebookInstanceUrl']],
    how: 'open an existing SageMaker notebook and run commands with the notebook\'s role',
    fix: 'limit sagemaker:CreatePresignedNotebookInstanceUrl to specific notebook ARNs',
    sources: 'Rhino 28; pathfinding.cloud',
    learnMore: LEAST,
  },
  {
    id: 'SAGEMAKER_NOTEBOOK_LIFECYCLE',
    requires: [
      ['sagemaker:CreateNotebookInstanceLifecycleConfig'],
      ['sagemaker:StopNotebookInstance'],
      ['sagemaker:UpdateNotebookInstance'],
      ['sagemaker:StartNotebookInstance'],
    ],
    how: 'attach a lifecycle script to an existing notebook and restart it so the script runs with the notebook\'s role',
    fix: 'remove sagemaker:CreateNotebookInstanceLifecycleConfig or limit the notebook actions to specific ARNs',
    sources: 'pathfinding.cloud',
    learnMore: LEAST,
  },
  {
    id: 'CLOUDFORMATION_CHANGESET',
    requires: [['cloudformation:CreateChangeSet'], ['cloudformation:ExecuteChangeSet']],
    how: 'change an existing CloudFormation stack, which applies the change with the stack\'s own service role',
    fix: 'limit the change-set actions to specific stack ARNs',
    sources: 'pathfinding.cloud',
    learnMore: LEAST,
  },
  {
    id: 'EC2_USER_DATA',
    requires: [['ec2:ModifyInstanceAttribute'], ['ec2:StopInstances'], ['ec2:StartInstances']],
    how: 'change the user data of an existing instance and restart it so its own commands run with the instance\'s role',
    fix: 'limit ec2:ModifyInstanceAttribute to specific instances, or add an ec2:Attribute condition that excludes userData',
    sources: 'pathfinding.cloud',
    learnMore: LEAST,
  },
  {
    id: 'EC2_LAUNCH_TEMPLATE',
    requires: [['ec2:CreateLaunchTemplateVersion'], ['ec2:ModifyLaunchTemplate']],
    how: 'publish a new default launch-template version with its own user data or a different instance profile',
    fix: 'limit the launch-template actions to specific launch-template ARNs',
    sources: 'pathfinding.cloud',
    learnMore: LEAST,
  },
  {
    id: 'EC2_INSTANCE_CONNECT',
    requires: [['ec2-instance-connect:SendSSHPublicKey'], ['ec2:DescribeInstances']],
    how: 'push its own SSH key to any instance, log in and use the instance\'s role',
    fix: 'limit ec2-instance-connect:SendSSHPublicKey to specific instance ARNs or tags',
    sources: 'pathfinding.cloud',
    learnMore: LEAST,
  },
  {
    id: 'ECS_EXECUTE_COMMAND',
    requires: [['ecs:ExecuteCommand'], ['ecs:DescribeTasks']],
    how: 'open a shell in a running ECS task and use the task\'s role',
    fix: 'limit ecs:ExecuteCommand to specific clusters or tasks (ecs:cluster condition or ARNs)',
    sources: 'pathfinding.cloud',
    learnMore: LEAST,
  },
  {
    id: 'SSM_COMMAND_OR_SESSION',
    requires: [['ssm:SendCommand', 'ssm:StartSession']],
    how: 'run commands or open a session on managed instances and use their roles',
    fix: 'limit ssm:SendCommand and ssm:StartSession to specific instance ARNs or tags',
    sources: 'PMapper',
    learnMore: LEAST,
  },
  {
    id: 'BEDROCK_AGENTCORE_CODE_INTERPRETER',
    requires: [['bedrock-agentcore:StartCodeInterpreterSession'], ['bedrock-agentcore:InvokeCodeInterpreter']],
    how: 'run code in an existing Bedrock AgentCore code interpreter and use its role',
    fix: 'limit the code-interpreter actions to specific interpreter ARNs',
    sources: 'pathfinding.cloud',
    learnMore: LEAST,
  },
  {
    id: 'ASSUME_ANY_ROLE',
    requires: [['sts:AssumeRole']],
    dependsOnTargets: true,
    how: 'assume any role whose trust policy trusts this account, and use that role\'s permissions',
    fix: 'limit sts:AssumeRole to the role ARNs this principal must use',
    sources: 'PMapper',
    learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html',
  },
]

export const PASS_ROLE = 'iam:PassRole'
