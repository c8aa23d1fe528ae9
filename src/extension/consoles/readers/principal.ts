import { buildIamArn } from '../../whatif/model/arns'
import { hashSegments, labelledArn } from './dom'
import type { ReaderInput } from './types'

export type IamPrincipalKind = 'role' | 'user' | 'group'

const KINDS: Record<string, IamPrincipalKind> = { roles: 'role', users: 'user', groups: 'group', user_groups: 'group' }

/** The IAM role, user or group the page is about: the URL names it (a hint), the summary shows its ARN. */
export function pagePrincipal(input: ReaderInput): { arn?: string; kind?: IamPrincipalKind; name?: string } {
  const seg = hashSegments(input.url)
  const i = seg.indexOf('details')
  const kind = i > 0 ? KINDS[seg[i - 1]!] : undefined
  const name = kind ? seg[i + 1] : undefined
  const shape = kind ? new RegExp(`:iam::\\d{12}:${kind}/`) : /:iam::\d{12}:(role|user|group)\//
  const shown = labelledArn(input.doc, /^(role |user |group )?arn$/i, shape)
  if (shown && (!name || shown.endsWith(`/${name}`))) return { arn: shown, kind: kind ?? (/:role\//.test(shown) ? 'role' : /:user\//.test(shown) ? 'user' : 'group'), name: shown.slice(shown.lastIndexOf('/') + 1) }
  if (kind && name && input.accountId) return { arn: buildIamArn(input.partition, input.accountId, kind, name), kind, name }
  return { ...(kind ? { kind } : {}), ...(name ? { name } : {}) }
}
