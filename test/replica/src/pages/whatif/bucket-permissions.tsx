import Container from '@cloudscape-design/components/container'
import Header from '@cloudscape-design/components/header'
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs'
import SpaceBetween from '@cloudscape-design/components/space-between'
import { BucketPage, bucketBreadcrumbs } from '../../components/BucketPage'
import { PolicyEditor } from '../../components/PolicyEditor'
import type { PageProps, PageRoute } from '../../router'
import { bucketPolicy } from './data'

// An S3 bucket's Permissions tab as the console shows it before "Edit": the bucket's ARN and its
// policy, read-only. Buckets named whatif-* (../s3/bucket-policy.tsx has the others).
export const route: PageRoute = { path: /^\/s3\/buckets\/(whatif-[a-z0-9.-]+)$/, priority: 5 }
export const title = 'S3: bucket permissions (read-only policy)'
export const example = '/s3/buckets/whatif-data?region=us-east-1&bucketType=general&tab=permissions'
export const breadcrumbs = bucketBreadcrumbs

export default function BucketPermissions(props: PageProps) {
  const bucket = props.params.path[0] ?? ''
  return (
    <BucketPage
      {...props}
      query="region=us-east-1&bucketType=general"
      permissions={
        <SpaceBetween size="l">
          <Container header={<Header variant="h2">Permissions overview</Header>}>
            <KeyValuePairs columns={2} items={[{ label: 'Bucket ARN', value: `arn:aws:s3:::${bucket}` }, { label: 'Access', value: 'Bucket and objects not public' }]} />
          </Container>
          <PolicyEditor key={bucket} page={title} header="Bucket policy" description="The bucket policy, written in JSON, provides access to the objects stored in the bucket." initial={bucketPolicy(bucket)} readOnly />
        </SpaceBetween>
      }
    />
  )
}
