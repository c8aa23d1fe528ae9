import Button from '@cloudscape-design/components/button'
import Header from '@cloudscape-design/components/header'
import SpaceBetween from '@cloudscape-design/components/space-between'
import { PolicyEditor } from '../../components/PolicyEditor'
import type { PageProps, PageRoute } from '../../router'
import { policyName, storedPolicy } from './policies'

export const route: PageRoute = { path: /^\/iam(v2)?\/home$/, hash: /^\/policies\/details\/([^/?]+)$/ }
export const title = 'IAM: policy details (read-only JSON)'
export const example = '/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3A111111111111%3Apolicy%2Freports-read?section=permissions'
export const breadcrumbs = ({ params }: PageProps) => [
  { text: 'IAM', href: '/iam/home#/home' },
  { text: 'Policies', href: '/iam/home#/policies' },
  { text: policyName(params.hash[0] ?? ''), href: '#' },
]

export default function PolicyDetails({ params, navigate }: PageProps) {
  const arn = params.hash[0] ?? ''
  return (
    <SpaceBetween size="l">
      <Header variant="h1" actions={<Button onClick={() => navigate(`#/policies/details/${arn}/edit`)}>Edit</Button>}>
        {policyName(arn)}
      </Header>
      <PolicyEditor
        key={arn}
        page={title}
        header="Permissions defined in this policy"
        description="Permissions defined in this policy document specify which actions are allowed or denied."
        initial={storedPolicy(arn)}
        readOnly
      />
    </SpaceBetween>
  )
}
