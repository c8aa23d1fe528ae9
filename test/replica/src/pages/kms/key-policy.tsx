import Header from '@cloudscape-design/components/header'
import SpaceBetween from '@cloudscape-design/components/space-between'
import { PolicyEditor } from '../../components/PolicyEditor'
import type { PageProps, PageRoute } from '../../router'

export const route: PageRoute = { path: /^\/kms\/home$/, hash: /^\/kms\/keys\/([^/?]+)(\/edit)?$/ }
export const title = 'KMS: key policy'
export const example = '/kms/home#/kms/keys/1234abcd-12ab-34cd-56ef-1234567890ab'
export const breadcrumbs = ({ params }: PageProps) => [
  { text: 'Key Management Service (KMS)', href: '/kms/home#/kms/home' },
  { text: 'Customer managed keys', href: '/kms/home#/kms/keys' },
  { text: params.hash[0] ?? '', href: '#' },
]

const KEY_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' },
    ],
  },
  null,
  2,
)

export default function KeyPolicy({ params }: PageProps) {
  const id = params.hash[0] ?? ''
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{id}</Header>
      <PolicyEditor key={id} page={title} header="Key policy" initial={KEY_POLICY} saveLabel="Save changes" />
    </SpaceBetween>
  )
}
