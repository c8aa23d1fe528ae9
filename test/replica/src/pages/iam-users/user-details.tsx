import Box from '@cloudscape-design/components/box'
import Button from '@cloudscape-design/components/button'
import Container from '@cloudscape-design/components/container'
import ExpandableSection from '@cloudscape-design/components/expandable-section'
import Header from '@cloudscape-design/components/header'
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs'
import Link from '@cloudscape-design/components/link'
import SpaceBetween from '@cloudscape-design/components/space-between'
import Table from '@cloudscape-design/components/table'
import Tabs from '@cloudscape-design/components/tabs'
import { LastAccessedTable } from '../../components/LastAccessedTable'
import type { PageProps, PageRoute } from '../../router'
import type { AttachedPolicy } from '../whatif/data'
import { ACCOUNT, group, lastAccessed, user } from './data'

// A user's details page (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users_manage.html): the
// summary with the ARN, the Permissions tab ("Permissions policies" with "Attached via": Directly or
// Group NAME), the Groups tab ("User groups membership") and the Last Accessed tab.
export const route: PageRoute = { path: /^\/iam(v2)?\/home$/, hash: /^\/users\/details\/([^/?]+)$/, priority: 5 }
export const title = 'IAM: user details (permissions with groups, groups, last accessed)'
export const example = '/iam/home#/users/details/alice?section=permissions'
export const breadcrumbs = ({ params }: PageProps) => [
  { text: 'IAM', href: '/iam/home#/home' },
  { text: 'Users', href: '/iam/home#/users' },
  { text: params.hash[0] ?? '', href: '#' },
]

interface Row extends AttachedPolicy {
  via: string
}

function PolicyCell({ p }: { p: Row }) {
  if (p.document)
    return (
      <ExpandableSection headerText={p.name} variant="footer">
        <Box variant="code">
          <pre style={{ margin: 0 }}>{p.document}</pre>
        </Box>
      </ExpandableSection>
    )
  return p.arn ? <Link href={`#/policies/details/${encodeURIComponent(p.arn)}?section=permissions`}>{p.name}</Link> : <>{p.name}</>
}

export default function UserDetails({ params, location, navigate }: PageProps) {
  const name = decodeURIComponent(params.hash[0] ?? '')
  const u = user(name)
  const section = location.hashQuery.get('section') ?? 'permissions'
  const rows: Row[] = [...u.policies.map((p) => ({ ...p, via: 'Directly' })), ...u.groups.flatMap((g) => group(g).policies.map((p) => ({ ...p, via: `Group ${g}` })))]
  return (
    <SpaceBetween size="l">
      <Header variant="h1" actions={<Button>Delete</Button>}>
        {u.name}
      </Header>
      <Container header={<Header variant="h2">Summary</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'ARN', value: `arn:aws:iam::${ACCOUNT}:user/${u.name}` },
            { label: 'Created', value: u.created },
            { label: 'Console access', value: 'Enabled with MFA' },
          ]}
        />
      </Container>
      <Tabs
        activeTabId={section}
        onChange={({ detail }) => navigate(`#/users/details/${u.name}?section=${detail.activeTabId}`)}
        tabs={[
          {
            id: 'permissions',
            label: 'Permissions',
            content: (
              <Table
                variant="container"
                trackBy="name"
                header={
                  <Header variant="h2" counter={`(${rows.length})`} description="Permissions are defined by policies attached to the user directly or through groups." actions={<Button>Add permissions</Button>}>
                    Permissions policies
                  </Header>
                }
                columnDefinitions={[
                  { id: 'name', header: 'Policy name', cell: (p) => <PolicyCell p={p} /> },
                  { id: 'type', header: 'Type', cell: (p) => p.type },
                  { id: 'via', header: 'Attached via', cell: (p) => (p.via.startsWith('Group ') ? <Link href={`#/groups/details/${p.via.slice(6)}`}>{p.via}</Link> : p.via) },
                ]}
                items={rows}
              />
            ),
          },
          {
            id: 'groups',
            label: `Groups (${u.groups.length})`,
            content: (
              <Table
                variant="container"
                trackBy="name"
                header={
                  <Header variant="h2" counter={`(${u.groups.length})`} actions={<Button>Add user to groups</Button>}>
                    User groups membership
                  </Header>
                }
                columnDefinitions={[
                  { id: 'name', header: 'Group name', cell: (g) => <Link href={`#/groups/details/${g.name}`}>{g.name}</Link> },
                  { id: 'policies', header: 'Attached policies', cell: (g) => g.policies.map((p) => p.name).join(', ') },
                ]}
                items={u.groups.map((g) => group(g))}
              />
            ),
          },
          { id: 'tags', label: 'Tags', content: null },
          { id: 'security_credentials', label: 'Security credentials', content: null },
          { id: 'access_advisor', label: 'Last Accessed', content: <LastAccessedTable rows={lastAccessed(u.name)} /> },
        ]}
      />
    </SpaceBetween>
  )
}
