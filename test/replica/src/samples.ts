/** Sample policies for the demo and the tests: one click away on the replica's Samples page. */
export interface Sample {
  id: string
  title: string
  description: string
  /** The replica URL (path + hash) that opens an editor with the sample in it. */
  page: string
  text: string
}

const j = (o: unknown) => JSON.stringify(o, null, 2)

export const SAMPLES: Sample[] = [
  {
    id: 'admin',
    title: 'Full access (every action on every resource)',
    description: 'The classic over-permissive policy: security warnings and least-privilege suggestions.',
    page: '/iam/home#/policies/create?sample=admin',
    text: j({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
  },
  {
    id: 'typos',
    title: 'Policy with mistakes',
    description: 'A misspelt action, an old Version and a pass-role without a condition.',
    page: '/iam/home#/policies/create?sample=typos',
    text: j({
      Version: '2008-10-17',
      Statement: [
        { Sid: 'ReadReports', Effect: 'Allow', Action: ['s3:GetObjects', 's3:ListBucket'], Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'] },
        { Sid: 'PassAnyRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
      ],
    }),
  },
  {
    id: 's3-read',
    title: 'Read one S3 bucket',
    description: 'A tidy identity policy, to try the simulator.',
    page: '/iam/home#/policies/create?sample=s3-read',
    text: j({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ListReports', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::reports' },
        { Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' },
      ],
    }),
  },
  {
    id: 'trust',
    title: 'Role trust policy',
    description: 'A role that EC2 and another account may assume.',
    page: '/iam/home#/roles/details/app-role?section=trust_relationships',
    text: j({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 'sts:AssumeRole' },
      ],
    }),
  },
  {
    id: 'bucket',
    title: 'S3 bucket policy',
    description: 'A bucket policy open to everyone.',
    page: '/s3/buckets/reports?region=us-east-1&tab=permissions',
    text: j({
      Version: '2012-10-17',
      Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
    }),
  },
  {
    id: 'scp',
    title: 'Service control policy',
    description: 'Deny leaving the organization and regions outside Europe.',
    page: '/organizations/v2/home/policies/service-control-policy/create',
    text: j({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'DenyLeave', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
        {
          Sid: 'DenyOutsideEurope',
          Effect: 'Deny',
          NotAction: ['iam:*', 'sts:*', 'organizations:*'],
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
        },
      ],
    }),
  },
]

export const EMPTY_POLICY = j({ Version: '2012-10-17', Statement: [{ Sid: 'Statement1', Effect: 'Allow', Action: [], Resource: [] }] })

export function sample(id: string | null | undefined): Sample | undefined {
  return SAMPLES.find((s) => s.id === id)
}
