import Header from '@cloudscape-design/components/header'
import SpaceBetween from '@cloudscape-design/components/space-between'
import { PolicyEditor } from '../../components/PolicyEditor'
import type { PageProps, PageRoute } from '../../router'
import { EMPTY_POLICY } from '../../samples'

// Create or edit an inline policy of a user, group or role.
export const route: PageRoute = { path: /^\/iam(v2)?\/home$/, hash: /^\/(users|groups|roles)\/details\/([^/?]+)\/(createPolicy|editPolicy\/[^/?]+)$/ }
export const title = 'IAM: inline policy of a user, group or role'
export const example = '/iam/home#/users/details/alice/createPolicy?step=addPermissions'
const KIND: Record<string, string> = { users: 'Users', groups: 'User groups', roles: 'Roles' }
export const breadcrumbs = ({ params }: PageProps) => [
  { text: 'IAM', href: '/iam/home#/home' },
  { text: KIND[params.hash[0] ?? ''] ?? 'Users', href: `/iam/home#/${params.hash[0]}` },
  { text: params.hash[1] ?? '', href: `/iam/home#/${params.hash[0]}/details/${params.hash[1]}` },
  { text: (params.hash[2] ?? '').startsWith('edit') ? 'Edit policy' : 'Create policy', href: '#' },
]

export default function InlinePolicy({ params, location }: PageProps) {
  return (
    <SpaceBetween size="l">
      <Header variant="h1" description="Add permissions by selecting services, actions, resources, and conditions.">
        Specify permissions
      </Header>
      <PolicyEditor key={location.href} page={title} header="Policy editor" initial={EMPTY_POLICY} visualJsonSwitch />
    </SpaceBetween>
  )
}
