import { parseArn } from '../arn/arn'
import type { PrincipalElement } from '../model/types'
import { joinAnd, quote } from './words'

function awsPrincipal(v: string): string {
  if (v === '*') return 'anyone, including anonymous users'
  if (/^\d{12}$/.test(v)) return `account ${v}`
  const a = parseArn(v)
  if (!a) return quote(v)
  const r = a.resource
  if (r === 'root') return `account ${a.account}`
  const slash = r.indexOf('/')
  const type = slash < 0 ? r : r.slice(0, slash)
  const name = slash < 0 ? '' : r.slice(slash + 1)
  switch (type) {
    case 'role':
      return `role ${quote(name.split('/').pop() ?? name)} in account ${a.account}`
    case 'user':
      return `user ${quote(name.split('/').pop() ?? name)} in account ${a.account}`
    case 'assumed-role':
      return `session ${quote(name)} of a role in account ${a.account}`
    case 'federated-user':
      return `federated user ${quote(name)} in account ${a.account}`
    default:
      return quote(v)
  }
}

function federated(v: string): string {
  if (v.includes('token.actions.githubusercontent.com')) return 'GitHub Actions workflows'
  if (v.includes('saml-provider/')) return `users signed in through the SAML provider ${quote(v.split('saml-provider/')[1] ?? v)}`
  if (v.includes('oidc-provider/')) return `users signed in through the OIDC provider ${quote(v.split('oidc-provider/')[1] ?? v)}`
  if (v === 'cognito-identity.amazonaws.com') return 'Amazon Cognito identities'
  return `users signed in through ${quote(v)}`
}

/** Who a Principal names, in words. */
export function describePrincipal(p: PrincipalElement): string {
  if (p.wildcard) return 'anyone, including anonymous users'
  const parts: string[] = []
  for (const e of p.entries) {
    for (const v of e.values) {
      if (e.type === 'AWS') parts.push(awsPrincipal(v.value))
      else if (e.type === 'Service') parts.push(`the AWS service ${quote(v.value)}`)
      else if (e.type === 'Federated') parts.push(federated(v.value))
      else if (e.type === 'CanonicalUser') parts.push(`the S3 canonical user ${quote(v.value.slice(0, 12))}…`)
      else parts.push(quote(v.value))
    }
  }
  if (parts.length > 4) return `${parts.length} principals (${parts.slice(0, 3).join(', ')} and more)`
  return joinAnd([...new Set(parts)]) || 'no one'
}
