import Header from '@cloudscape-design/components/header'
import SpaceBetween from '@cloudscape-design/components/space-between'
import { PolicyEditor } from '../../components/PolicyEditor'
import type { PageProps, PageRoute } from '../../router'

// Edit queue: the "Access policy" section (SNS topics use the same wording).
export const route: PageRoute = { path: /^\/sqs\/v3\/home$/, hash: /^\/queues\/([^/?]+)\/edit$/ }
export const title = 'SQS: queue access policy'
export const example = '/sqs/v3/home#/queues/https%3A%2F%2Fsqs.us-east-1.amazonaws.com%2F111111111111%2Forders/edit'
export const breadcrumbs = () => [
  { text: 'Amazon SQS', href: '/sqs/v3/home#/' },
  { text: 'Queues', href: '/sqs/v3/home#/queues' },
  { text: 'Edit', href: '#' },
]

const POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__owner_statement',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111111111111:root' },
        Action: 'SQS:*',
        Resource: 'arn:aws:sqs:us-east-1:111111111111:orders',
      },
    ],
  },
  null,
  2,
)

export default function QueueAccessPolicy({ location }: PageProps) {
  return (
    <SpaceBetween size="l">
      <Header variant="h1">Edit orders</Header>
      <PolicyEditor key={location.href} page={title} header="Access policy" description="Define who can access your queue." initial={POLICY} saveLabel="Save" />
    </SpaceBetween>
  )
}
