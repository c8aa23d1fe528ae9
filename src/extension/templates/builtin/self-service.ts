import { policy, type BuiltinTemplate } from './types'

const self = 'arn:{{Partition}}:iam::{{AccountId}}:user/${aws:username}'

export const SELF_SERVICE_TEMPLATES: BuiltinTemplate[] = [
  {
    id: 'builtin-self-manage-credentials',
    name: 'IAM users: manage their own credentials',
    description: 'Lets each IAM user change their own password and manage their own access keys, SSH keys, signing certificates and MFA devices, using ${aws:username}.',
    policyType: 'identity',
    tags: ['iam', 'self-service', 'mfa', 'aws:username'],
    document: policy([
      { Sid: 'ViewPasswordRequirements', Effect: 'Allow', Action: 'iam:GetAccountPasswordPolicy', Resource: '*' },
      {
        Sid: 'ManageOwnCredentials',
        Effect: 'Allow',
        Action: [
          'iam:ChangePassword',
          'iam:GetUser',
          'iam:GetLoginProfile',
          'iam:CreateAccessKey',
          'iam:DeleteAccessKey',
          'iam:ListAccessKeys',
          'iam:UpdateAccessKey',
          'iam:GetAccessKeyLastUsed',
          'iam:ListSSHPublicKeys',
          'iam:GetSSHPublicKey',
          'iam:UploadSSHPublicKey',
          'iam:UpdateSSHPublicKey',
          'iam:DeleteSSHPublicKey',
          'iam:ListSigningCertificates',
          'iam:UploadSigningCertificate',
          'iam:UpdateSigningCertificate',
          'iam:DeleteSigningCertificate',
          'iam:ListMFADevices',
          'iam:EnableMFADevice',
          'iam:ResyncMFADevice',
          'iam:DeactivateMFADevice',
        ],
        Resource: self,
      },
      { Sid: 'CreateOwnVirtualMFADevice', Effect: 'Allow', Action: 'iam:CreateVirtualMFADevice', Resource: 'arn:{{Partition}}:iam::{{AccountId}}:mfa/*' },
    ]),
  },
  {
    id: 'builtin-deny-without-mfa',
    name: 'Require MFA for everything (pair with admin access)',
    description: 'Denies every action except setting up one\u2019s own MFA until the user has signed in with MFA; attach it beside AdministratorAccess for MFA-required admins.',
    policyType: 'identity',
    tags: ['mfa', 'admin', 'guardrail'],
    document: policy([
      {
        Sid: 'DenyAllExceptMFASetupWithoutMFA',
        Effect: 'Deny',
        NotAction: [
          'iam:ChangePassword',
          'iam:CreateVirtualMFADevice',
          'iam:EnableMFADevice',
          'iam:GetUser',
          'iam:ListMFADevices',
          'iam:ListVirtualMFADevices',
          'iam:ResyncMFADevice',
          'sts:GetSessionToken',
        ],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ]),
  },
]
