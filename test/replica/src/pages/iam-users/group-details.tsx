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
import type { PageProps, PageRoute } from '../../router'
import { ACCOUNT, group } from './data'

// A user group's details page (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage.html):
// the summary with the ARN and the Permissions tab's "Permissions policies" (managed and inline).
export const route: PageRoute = { path: /^\/iam(v2)?\/home$/, hash: /^\/(?:groups|user_groups)\/details\/([^/?]+)$/, priority: 5 }
export const title = 'IAM: user group details (permissions policies)'
export const example = '/iam/home#/groups/details/developers?section=permissions'
export const breadcrumbs = ({ params }: PageProps) => [
  { text: 'IAM', href: '/iam/home#/home' },
  { text: 'User groups', href: '/iam/home#/groups' },
  { text: params.hash[0] ?? '', href: '#' },
]

export default function GroupDetails({ params, navigate }: PageProps) {
  const g = group(decodeURIComponent(params.hash[0] ?? ''))
  return (
    <SpaceBetween size="l">
      <Header variant="h1" actions={<Button>Delete</Button>}>
        {g.name}
      </Header>
      <Container header={<Header variant="h2">Summary</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'User group name', value: g.name },
            { label: 'Creation time', value: g.created },
            { label: 'ARN', value: `arn:aws:iam::${ACCOUNT}:group/${g.name}` },
          ]}
        />
      </Container>
      <Tabs
        activeTabId="permissions"
        onChange={({ detail }) => navigate(`#/groups/details/${g.name}?section=${detail.activeTabId}`)}
        tabs={[
          { id: 'users', label: 'Users', content: null },
          {
            id: 'permissions',
            label: 'Permissions',
            content: (
              <Table
                variant="container"
                trackBy="name"
                header={
                  <Header variant="h2" counter={`(${g.policies.length})`} description="You can attach up to 10 managed policies." actions={<Button>Add permissions</Button>}>
                    Permissions policies
                  </Header>
                }
                columnDefinitions={[
                  {
                    id: 'name',
                    header: 'Policy name',
                    cell: (p) =>
                      p.document ? (
                        <ExpandableSection headerText={p.name} variant="footer">
                          <Box variant="code">
                            <pre style={{ margin: 0 }}>{p.document}</pre>
                          </Box>
                        </ExpandableSection>
                      ) : (
                        <Link href={`#/policies/details/${encodeURIComponent(p.arn ?? '')}?section=permissions`}>{p.name}</Link>
                      ),
                  },
                  { id: 'type', header: 'Type', cell: (p) => p.type },
                  { id: 'attached', header: 'Attached entities', cell: (p) => (p.attached === undefined ? '-' : String(p.attached)) },
                ]}
                items={g.policies}
              />
            ),
          },
          { id: 'access_advisor', label: 'Access Advisor', content: null },
        ]}
      />
    </SpaceBetween>
  )
}
