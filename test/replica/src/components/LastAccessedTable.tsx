import Box from '@cloudscape-design/components/box'
import Container from '@cloudscape-design/components/container'
import ExpandableSection from '@cloudscape-design/components/expandable-section'
import Header from '@cloudscape-design/components/header'
import SpaceBetween from '@cloudscape-design/components/space-between'
import Table from '@cloudscape-design/components/table'
import type { LastAccessedRow } from '../pages/iam-users/data'

// The Last Accessed tab of a user or role, after the IAM console as AWS documents it
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed-view-data.html): the
// allowed services with the policies granting them and when each was last accessed; for services with
// action last accessed information, the tracked actions with their last access and Region.
export function LastAccessedTable({ rows }: { rows: LastAccessedRow[] }) {
  return (
    <SpaceBetween size="l">
      <Box variant="p" color="text-body-secondary">
        Recent activity usually appears within 4 hours. Data is stored for a maximum of 400 days, depending on when your Region began supporting this feature.
      </Box>
      <Table
        variant="container"
        trackBy="service"
        header={
          <Header variant="h2" counter={`(${rows.length})`}>
            Allowed services
          </Header>
        }
        columnDefinitions={[
          { id: 'service', header: 'Service', cell: (r) => r.service },
          { id: 'policies', header: 'Policies granting permissions', cell: (r) => r.policies },
          { id: 'last', header: 'Last accessed', cell: (r) => r.lastAccessed },
        ]}
        items={rows}
      />
      {rows
        .filter((r) => r.actions)
        .map((r) => (
          <Container key={r.service} header={<Header variant="h2">{`${r.service} actions`}</Header>}>
            <ExpandableSection headerText="Action last accessed information" defaultExpanded>
              <Table
                variant="embedded"
                trackBy="action"
                columnDefinitions={[
                  { id: 'action', header: 'Action', cell: (a) => a.action },
                  { id: 'last', header: 'Last accessed', cell: (a) => a.lastAccessed },
                  { id: 'region', header: 'Region accessed', cell: (a) => a.region },
                ]}
                items={r.actions!}
              />
            </ExpandableSection>
          </Container>
        ))}
    </SpaceBetween>
  )
}
