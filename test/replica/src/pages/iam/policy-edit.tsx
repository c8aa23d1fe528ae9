import Header from '@cloudscape-design/components/header'
import SpaceBetween from '@cloudscape-design/components/space-between'
import { PolicyEditor } from '../../components/PolicyEditor'
import type { PageProps, PageRoute } from '../../router'
import { policyName, storedPolicy } from './policies'

export const route: PageRoute = { path: /^\/iam(v2)?\/home$/, hash: /^\/policies\/details\/([^/?]+)\/edit$/ }
export const title = 'IAM: edit managed policy'
export const example = '/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3A111111111111%3Apolicy%2Freports-read/edit'
export const breadcrumbs = ({ params }: PageProps) => [
  { text: 'IAM', href: '/iam/home#/home' },
  { text: 'Policies', href: '/iam/home#/policies' },
  { text: policyName(params.hash[0] ?? ''), href: `/iam/home#/policies/details/${params.hash[0]}?section=permissions` },
  { text: 'Edit policy', href: '#' },
]

export default function EditPolicy({ params }: PageProps) {
  const arn = params.hash[0] ?? ''
  return (
    <SpaceBetween size="l">
      <Header variant="h1" description="Add permissions by selecting services, actions, resources, and conditions.">
        Modify permissions in {policyName(arn)}
      </Header>
      <PolicyEditor key={arn} page={title} header="Policy editor" initial={storedPolicy(arn)} visualJsonSwitch saveLabel="Next" />
    </SpaceBetween>
  )
}
