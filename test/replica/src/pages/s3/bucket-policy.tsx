import Header from '@cloudscape-design/components/header'
import SpaceBetween from '@cloudscape-design/components/space-between'
import Tabs from '@cloudscape-design/components/tabs'
import { PolicyEditor } from '../../components/PolicyEditor'
import type { PageProps, PageRoute } from '../../router'
import { SAMPLES } from '../../samples'

export const route: PageRoute = { path: /^\/s3\/buckets\/([^/]+)$/ }
export const title = 'S3: bucket policy'
export const example = '/s3/buckets/reports?region=us-east-1&tab=permissions'
export const breadcrumbs = ({ params }: PageProps) => [
  { text: 'Amazon S3', href: '/s3/home' },
  { text: 'Buckets', href: '/s3/buckets' },
  { text: params.path[0] ?? '', href: '#' },
]

export default function BucketPolicy({ params, location, navigate }: PageProps) {
  const bucket = params.path[0] ?? ''
  const tab = location.query.get('tab') ?? 'objects'
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{bucket}</Header>
      <Tabs
        activeTabId={tab}
        onChange={({ detail }) => navigate(`/s3/buckets/${bucket}?region=us-east-1&tab=${detail.activeTabId}`)}
        tabs={[
          { id: 'objects', label: 'Objects', content: 'No objects.' },
          { id: 'properties', label: 'Properties', content: null },
          {
            id: 'permissions',
            label: 'Permissions',
            content: (
              <PolicyEditor
                key={bucket}
                page={title}
                header="Bucket policy"
                description="The bucket policy, written in JSON, provides access to the objects stored in the bucket. Bucket policies don't apply to objects owned by other accounts."
                initial={SAMPLES.find((s) => s.id === 'bucket')!.text}
                saveLabel="Save changes"
              />
            ),
          },
        ]}
      />
    </SpaceBetween>
  )
}
