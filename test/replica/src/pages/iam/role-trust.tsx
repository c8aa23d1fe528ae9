import Header from '@cloudscape-design/components/header'
import SpaceBetween from '@cloudscape-design/components/space-between'
import Tabs from '@cloudscape-design/components/tabs'
import { PolicyEditor } from '../../components/PolicyEditor'
import type { PageProps, PageRoute } from '../../router'
import { SAMPLES } from '../../samples'

// A role's "Trust relationships" tab with the trust policy editor. Only this section: another page
// module may own the role's other sections (permissions...).
export const route: PageRoute = {
  path: /^\/iam(v2)?\/home$/,
  hash: /^\/roles\/details\/([^/?]+)$/,
  hashQuery: { section: /^trust_relationships$/ },
  priority: 10,
}
export const title = 'IAM: role trust policy'
export const example = '/iam/home#/roles/details/app-role?section=trust_relationships'
export const breadcrumbs = ({ params }: PageProps) => [
  { text: 'IAM', href: '/iam/home#/home' },
  { text: 'Roles', href: '/iam/home#/roles' },
  { text: params.hash[0] ?? '', href: '#' },
]

export default function RoleTrust({ params, navigate }: PageProps) {
  const role = params.hash[0] ?? ''
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{role}</Header>
      <Tabs
        activeTabId="trust_relationships"
        onChange={({ detail }) => navigate(`#/roles/details/${role}?section=${detail.activeTabId}`)}
        tabs={[
          { id: 'permissions', label: 'Permissions', content: null },
          {
            id: 'trust_relationships',
            label: 'Trust relationships',
            content: (
              <PolicyEditor
                key={role}
                page={title}
                header="Trusted entities"
                description="Entities that can assume this role under specified conditions."
                initial={SAMPLES.find((s) => s.id === 'trust')!.text}
                saveLabel="Update policy"
              />
            ),
          },
          { id: 'tags', label: 'Tags', content: null },
        ]}
      />
    </SpaceBetween>
  )
}
