import Container from '@cloudscape-design/components/container'
import Header from '@cloudscape-design/components/header'
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs'
import SpaceBetween from '@cloudscape-design/components/space-between'
import Tabs from '@cloudscape-design/components/tabs'
import { PolicyEditor } from '../../components/PolicyEditor'
import type { PageProps, PageRoute } from '../../router'
import { bucketPolicy } from './data'

// An S3 bucket's Permissions tab as the console shows it before "Edit": the bucket's ARN and its
// policy, read-only. Buckets named whatif-* (../s3/bucket-policy.tsx has the others).
export const route: PageRoute = { path: /^\/s3\/buckets\/(whatif-[a-z0-9.-]+)$/, priority: 5 }
export const title = 'S3: bucket permissions (read-only policy)'
export const example = '/s3/buckets/whatif-data?region=us-east-1&bucketType=general&tab=permissions'
export const breadcrumbs = ({ params }: PageProps) => [
  { text: 'Amazon S3', href: '/s3/home' },
  { text: 'Buckets', href: '/s3/buckets' },
  { text: params.path[0] ?? '', href: '#' },
]

export default function BucketPermissions({ params, location, navigate }: PageProps) {
  const bucket = params.path[0] ?? ''
  const tab = location.query.get('tab') ?? 'objects'
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{bucket}</Header>
      <Tabs
        activeTabId={tab}
        onChange={({ detail }) => navigate(`/s3/buckets/${bucket}?region=us-east-1&bucketType=general&tab=${detail.activeTabId}`)}
        tabs={[
          { id: 'objects', label: 'Objects', content: 'No objects.' },
          { id: 'properties', label: 'Properties', content: null },
          {
            id: 'permissions',
            label: 'Permissions',
            content: (
              <SpaceBetween size="l">
                <Container header={<Header variant="h2">Permissions overview</Header>}>
                  <KeyValuePairs columns={2} items={[{ label: 'Bucket ARN', value: `arn:aws:s3:::${bucket}` }, { label: 'Access', value: 'Bucket and objects not public' }]} />
                </Container>
                <PolicyEditor key={bucket} page={title} header="Bucket policy" description="The bucket policy, written in JSON, provides access to the objects stored in the bucket." initial={bucketPolicy(bucket)} readOnly />
              </SpaceBetween>
            ),
          },
        ]}
      />
    </SpaceBetween>
  )
}
