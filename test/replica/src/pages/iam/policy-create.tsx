import Header from '@cloudscape-design/components/header'
import SpaceBetween from '@cloudscape-design/components/space-between'
import { PolicyEditor } from '../../components/PolicyEditor'
import type { PageProps, PageRoute } from '../../router'
import { EMPTY_POLICY, sample } from '../../samples'

export const route: PageRoute = { path: /^\/iam(v2)?\/home$/, hash: /^\/policies\/create$/ }
export const title = 'IAM: create policy'
export const example = '/iam/home#/policies/create'
export const breadcrumbs = () => [
  { text: 'IAM', href: '/iam/home#/home' },
  { text: 'Policies', href: '/iam/home#/policies' },
  { text: 'Create policy', href: '/iam/home#/policies/create' },
]

export default function CreatePolicy({ location }: PageProps) {
  const initial = sample(location.hashQuery.get('sample'))?.text ?? EMPTY_POLICY
  return (
    <SpaceBetween size="l">
      <Header variant="h1" description="Add permissions by selecting services, actions, resources, and conditions. Build permission statements using the JSON editor.">
        Specify permissions
      </Header>
      <PolicyEditor key={location.href} page={title} header="Policy editor" initial={initial} visualJsonSwitch />
    </SpaceBetween>
  )
}
