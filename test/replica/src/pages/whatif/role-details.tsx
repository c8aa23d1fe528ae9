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
import { ACCOUNT, role, type AttachedPolicy } from './data'

// A role's details page, Permissions tab: the summary (with the role's ARN), the "Permissions policies"
// table (AWS managed, customer managed and inline policies) and the permissions boundary. The trust
// relationships tab is ../iam/role-trust.tsx (a higher priority for section=trust_relationships).
export const route: PageRoute = { path: /^\/iam(v2)?\/home$/, hash: /^\/roles\/details\/([^/?]+)$/, priority: 5 }
export const title = 'IAM: role details (permissions policies, boundary)'
export const example = '/iam/home#/roles/details/whatif-app?section=permissions'
export const breadcrumbs = ({ params }: PageProps) => [
  { text: 'IAM', href: '/iam/home#/home' },
  { text: 'Roles', href: '/iam/home#/roles' },
  { text: params.hash[0] ?? '', href: '#' },
]

const policyHref = (arn: string) => `#/policies/details/${encodeURIComponent(arn)}?section=permissions`

function PolicyName({ p, navigate }: { p: AttachedPolicy; navigate: (to: string) => void }) {
  if (p.document)
    return (
      <ExpandableSection headerText={p.name} variant="footer">
        <Box variant="code">
          <pre style={{ margin: 0 }}>{p.document}</pre>
        </Box>
      </ExpandableSection>
    )
  return p.arn ? (
    <Link
      href={policyHref(p.arn)}
      onFollow={(e) => {
        e.preventDefault()
        navigate(policyHref(p.arn!))
      }}
    >
      {p.name}
    </Link>
  ) : (
    <>{p.name}</>
  )
}

export default function RoleDetails({ params, navigate }: PageProps) {
  const name = decodeURIComponent(params.hash[0] ?? '')
  const r = role(name)
  const arn = `arn:aws:iam::${ACCOUNT}:role/${r.name}`
  return (
    <SpaceBetween size="l">
      <Header variant="h1" actions={<Button>Delete</Button>}>
        {r.name}
      </Header>
      <Container header={<Header variant="h2">Summary</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Creation date', value: r.created },
            { label: 'ARN', value: arn },
            { label: 'Last activity', value: '2 days ago' },
            { label: 'Maximum session duration', value: '1 hour' },
          ]}
        />
      </Container>
      <Tabs
        activeTabId="permissions"
        onChange={({ detail }) => navigate(`#/roles/details/${r.name}?section=${detail.activeTabId}`)}
        tabs={[
          {
            id: 'permissions',
            label: 'Permissions',
            content: (
              <SpaceBetween size="l">
                <Table
                  variant="container"
                  selectionType="multi"
                  trackBy="name"
                  header={
                    <Header variant="h2" counter={`(${r.policies.length})`} description="You can attach up to 10 managed policies." actions={<Button>Add permissions</Button>}>
                      Permissions policies
                    </Header>
                  }
                  columnDefinitions={[
                    { id: 'name', header: 'Policy name', cell: (p) => <PolicyName p={p} navigate={navigate} /> },
                    { id: 'type', header: 'Type', cell: (p) => p.type },
                    { id: 'attached', header: 'Attached entities', cell: (p) => (p.attached === undefined ? '-' : String(p.attached)) },
                  ]}
                  items={r.policies}
                />
                <Container header={<Header variant="h2" description="Set a permissions boundary to control the maximum permissions this role can have.">Permissions boundary {r.boundary ? '(set)' : '(not set)'}</Header>}>
                  {r.boundary ? (
                    <KeyValuePairs
                      columns={2}
                      items={[
                        {
                          label: 'Policy name',
                          value: (
                            <Link
                              href={policyHref(r.boundary.arn)}
                              onFollow={(e) => {
                                e.preventDefault()
                                navigate(policyHref(r.boundary!.arn))
                              }}
                            >
                              {r.boundary.name}
                            </Link>
                          ),
                        },
                        { label: 'Type', value: r.boundary.type },
                      ]}
                    />
                  ) : (
                    <Box color="text-body-secondary">No permissions boundary.</Box>
                  )}
                </Container>
              </SpaceBetween>
            ),
          },
          { id: 'trust_relationships', label: 'Trust relationships', content: null },
          { id: 'tags', label: 'Tags', content: null },
          { id: 'access_advisor', label: 'Last Accessed', content: null },
        ]}
      />
    </SpaceBetween>
  )
}
