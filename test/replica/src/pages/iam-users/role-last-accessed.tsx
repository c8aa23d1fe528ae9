import Header from '@cloudscape-design/components/header'
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs'
import Container from '@cloudscape-design/components/container'
import SpaceBetween from '@cloudscape-design/components/space-between'
import Tabs from '@cloudscape-design/components/tabs'
import { LastAccessedTable } from '../../components/LastAccessedTable'
import type { PageProps, PageRoute } from '../../router'
import { ACCOUNT, lastAccessed } from './data'

// A role's Last Accessed tab (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed-view-data.html).
// The role's other sections: ../whatif/role-details.tsx (permissions), ../iam/role-trust.tsx (trust).
export const route: PageRoute = { path: /^\/iam(v2)?\/home$/, hash: /^\/roles\/details\/([^/?]+)$/, hashQuery: { section: /^access_advisor$/ }, priority: 10 }
export const title = 'IAM: role Last Accessed tab'
export const example = '/iam/home#/roles/details/reporting-role?section=access_advisor'
export const breadcrumbs = ({ params }: PageProps) => [
  { text: 'IAM', href: '/iam/home#/home' },
  { text: 'Roles', href: '/iam/home#/roles' },
  { text: params.hash[0] ?? '', href: '#' },
]

export default function RoleLastAccessed({ params, navigate }: PageProps) {
  const role = decodeURIComponent(params.hash[0] ?? '')
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{role}</Header>
      <Container header={<Header variant="h2">Summary</Header>}>
        <KeyValuePairs columns={2} items={[{ label: 'ARN', value: `arn:aws:iam::${ACCOUNT}:role/${role}` }, { label: 'Last activity', value: 'Today' }]} />
      </Container>
      <Tabs
        activeTabId="access_advisor"
        onChange={({ detail }) => navigate(`#/roles/details/${role}?section=${detail.activeTabId}`)}
        tabs={[
          { id: 'permissions', label: 'Permissions', content: null },
          { id: 'trust_relationships', label: 'Trust relationships', content: null },
          { id: 'tags', label: 'Tags', content: null },
          { id: 'access_advisor', label: 'Last Accessed', content: <LastAccessedTable rows={lastAccessed(role)} /> },
        ]}
      />
    </SpaceBetween>
  )
}
