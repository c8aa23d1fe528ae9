/**
 * Curated security lists (small, reviewed by hand; access levels and action names come from the catalogue).
 */

/**
 * Actions whose response carries credentials, tokens or passwords. Cloudsplaining's
 * ACTIONS_THAT_RETURN_CREDENTIALS (its `gamelist:` typos read as `gamelift:`), plus the three extra entries
 * of Parliament's older list.
 */
export const CREDENTIAL_ACTIONS: readonly string[] = [
  'airflow:CreateCliToken',
  'airflow:CreateWebLoginToken',
  'appsync:CreateApiKey',
  'chime:CreateApiKey',
  'cloud9:CreateEnvironmentToken',
  'codeartifact:GetAuthorizationToken',
  'codepipeline:PollForJobs',
  'cognito-identity:GetOpenIdToken',
  'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
  'cognito-identity:GetCredentialsForIdentity',
  'cognito-idp:GetSigningCertificate',
  'cognito-idp:AssociateSoftwareToken',
  'cognito-idp:DescribeUserPoolClient',
  'connect:GetFederationToken',
  'connect:GetFederationTokens',
  'ec2:GetPasswordData',
  'ecr:GetAuthorizationToken',
  'ecr-public:GetAuthorizationToken',
  'emr-containers:GetManagedEndpointSessionCredentials',
  'finspace-api:GetProgrammaticAccessCredentials',
  'gamelift:RequestUploadCredentials',
  'gamelift:GetInstanceAccess',
  'gamelift:GetComputeAccess',
  'gamelift:GetComputeAuthToken',
  'grafana:CreateWorkspaceApiKey',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'iam:UpdateAccessKey',
  'iot:AssumeRoleWithCertificate',
  'license-manager:GetAccessToken',
  'lightsail:GetInstanceAccessDetails',
  'lightsail:DownloadDefaultKeyPair',
  'lightsail:CreateBucketAccessKey',
  'lightsail:GetRelationalDatabaseMasterUserPassword',
  'mediapackage:RotateChannelCredentials',
  'mediapackage:RotateIngestEndpointCredentials',
  'rds-db:connect',
  'redshift:GetClusterCredentials',
  'redshift:GetClusterCredentialsWithIAM',
  'redshift-serverless:GetCredentials',
  'sso:GetRoleCredentials',
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:GetFederationToken',
  'sts:GetSessionToken',
]

/**
 * Read actions that return stored data or secrets in bulk when allowed on every resource. Cloudsplaining's
 * READ_ONLY_DATA_EXFILTRATION_ACTIONS, plus the snapshot and secret reads its description names.
 */
export const EXFILTRATION_ACTIONS: readonly string[] = [
  's3:GetObject',
  's3:GetObjectVersion',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'secretsmanager:GetSecretValue',
  'secretsmanager:BatchGetSecretValue',
  'rds:CopyDBSnapshot',
  'rds:CreateDBSnapshot',
  'ebs:GetSnapshotBlock',
]
