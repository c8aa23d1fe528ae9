import { BucketPage, bucketBreadcrumbs } from '../../components/BucketPage'
import { PolicyEditor } from '../../components/PolicyEditor'
import type { PageProps, PageRoute } from '../../router'
import { SAMPLES } from '../../samples'

export const route: PageRoute = { path: /^\/s3\/buckets\/([^/]+)$/ }
export const title = 'S3: bucket policy'
export const example = '/s3/buckets/reports?region=us-east-1&tab=permissions'
export const breadcrumbs = bucketBreadcrumbs

export default function BucketPolicy(props: PageProps) {
  const bucket = props.params.path[0] ?? ''
  return (
    <BucketPage
      {...props}
      query="region=us-east-1"
      permissions={
        <PolicyEditor
          key={bucket}
          page={title}
          header="Bucket policy"
          description="The bucket policy, written in JSON, provides access to the objects stored in the bucket. Bucket policies don't apply to objects owned by other accounts."
          initial={SAMPLES.find((s) => s.id === 'bucket')!.text}
          saveLabel="Save changes"
        />
      }
    />
  )
}
