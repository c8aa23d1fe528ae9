import Header from '@cloudscape-design/components/header'
import SpaceBetween from '@cloudscape-design/components/space-between'
import { PolicyEditor } from '../../components/PolicyEditor'
import type { PageProps, PageRoute } from '../../router'
import { SAMPLES } from '../../samples'

// Create or edit a service control policy or a resource control policy.
export const route: PageRoute = { path: /^\/organizations\/v2\/home\/policies\/(service-control-policy|resource-control-policy)\/(create|[^/]+\/edit)$/ }
export const title = 'Organizations: SCP / RCP editor'
export const example = '/organizations/v2/home/policies/service-control-policy/create'
const NAMES: Record<string, [string, string]> = {
  'service-control-policy': ['Service control policies', 'service control policy'],
  'resource-control-policy': ['Resource control policies', 'resource control policy'],
}
export const breadcrumbs = ({ params }: PageProps) => [
  { text: 'AWS Organizations', href: '/organizations/v2/home' },
  { text: 'Policies', href: '/organizations/v2/home/policies' },
  { text: NAMES[params.path[0] ?? '']?.[0] ?? '', href: `/organizations/v2/home/policies/${params.path[0]}` },
  { text: params.path[1] === 'create' ? 'Create new policy' : 'Edit policy', href: '#' },
]

export default function OrganizationsPolicy({ params, location }: PageProps) {
  const kind = NAMES[params.path[0] ?? ''] ?? ['', 'policy']
  const initial =
    params.path[0] === 'service-control-policy'
      ? SAMPLES.find((s) => s.id === 'scp')!.text
      : JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Statement1', Effect: 'Deny', Principal: '*', Action: [], Resource: [] }] }, null, 2)
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{params.path[1] === 'create' ? `Create new ${kind[1]}` : `Edit ${kind[1]}`}</Header>
      <PolicyEditor key={location.href} page={title} header="Policy" initial={initial} saveLabel="Save changes" />
    </SpaceBetween>
  )
}
