import type { ExtraPolicies } from './simulate-case'

/** A few policies to combine with the one being simulated (paste any other into the text areas). */
export interface ExtraTemplate {
  id: string
  title: string
  for: (keyof ExtraPolicies)[]
  text: string
}

const j = (o: unknown) => JSON.stringify(o, null, 2)

export const EXTRA_TEMPLATES: ExtraTemplate[] = [
  { id: 'full-access', title: 'FullAWSAccess', for: ['scp', 'boundary', 'sessionPolicy', 'identity'], text: j({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) },
  {
    id: 'deny-outside-eu',
    title: 'Deny outside eu-west-1 / eu-central-1',
    for: ['scp'],
    text: j({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', NotAction: ['iam:*', 'sts:*', 'organizations:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } } }],
    }),
  },
  {
    id: 'require-mfa',
    title: 'Deny without MFA',
    for: ['scp', 'boundary', 'identity'],
    text: j({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }] }),
  },
  {
    id: 's3-read-boundary',
    title: 'S3 read only',
    for: ['boundary', 'sessionPolicy', 'identity'],
    text: j({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }] }),
  },
  {
    id: 'org-only-rcp',
    title: 'Only principals of my organization',
    for: ['rcp', 'resourcePolicy'],
    text: j({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-exampleorgid' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } }],
    }),
  },
  {
    id: 'bucket-account-read',
    title: 'Bucket: account 111111111111 may read',
    for: ['resourcePolicy'],
    text: j({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }] }),
  },
]
