import Header from '@cloudscape-design/components/header'
import SpaceBetween from '@cloudscape-design/components/space-between'
import Tabs from '@cloudscape-design/components/tabs'
import type { ReactNode } from 'react'
import type { PageProps } from '../router'

/** Breadcrumbs of an S3 bucket page: Amazon S3 › Buckets › <bucket>. */
export const bucketBreadcrumbs = ({ params }: PageProps) => [
  { text: 'Amazon S3', href: '/s3/home' },
  { text: 'Buckets', href: '/s3/buckets' },
  { text: params.path[0] ?? '', href: '#' },
]

/** An S3 bucket page as the console lays it out: the bucket name, then Objects / Properties / Permissions tabs. */
export function BucketPage(props: PageProps & { query: string; permissions: ReactNode }) {
  const bucket = props.params.path[0] ?? ''
  const tab = props.location.query.get('tab') ?? 'objects'
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{bucket}</Header>
      <Tabs
        activeTabId={tab}
        onChange={({ detail }) => props.navigate(`/s3/buckets/${bucket}?${props.query}&tab=${detail.activeTabId}`)}
        tabs={[
          { id: 'objects', label: 'Objects', content: 'No objects.' },
          { id: 'properties', label: 'Properties', content: null },
          { id: 'permissions', label: 'Permissions', content: props.permissions },
        ]}
      />
    </SpaceBetween>
  )
}
