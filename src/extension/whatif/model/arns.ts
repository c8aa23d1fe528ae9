import { parseArn } from '../../../engine/arn/arn'

/** ARN helpers for matching collected policies to a question. Pure. */

export type PrincipalKind = 'role' | 'user' | 'group' | 'assumed-role' | 'root' | 'other'

export interface PrincipalInfo {
  kind: PrincipalKind
  partition: string
  account: string
  /** The role, user or group name (no path); the session's role name for assumed roles. */
  name: string
}

export function principalInfo(arn: string): PrincipalInfo | undefined {
  const a = parseArn(arn)
  if (!a) return undefined
  if (a.service === 'iam') {
    if (a.resource === 'root') return { kind: 'root', partition: a.partition, account: a.account, name: 'root' }
    const slash = a.resource.indexOf('/')
    const type = slash < 0 ? a.resource : a.resource.slice(0, slash)
    const name = a.resource.slice(a.resource.lastIndexOf('/') + 1)
    if (type === 'role' || type === 'user' || type === 'group') return { kind: type, partition: a.partition, account: a.account, name }
    return { kind: 'other', partition: a.partition, account: a.account, name }
  }
  if (a.service === 'sts' && a.resource.startsWith('assumed-role/')) {
    const parts = a.resource.split('/')
    return { kind: 'assumed-role', partition: a.partition, account: a.account, name: parts[1] ?? '' }
  }
  return { kind: 'other', partition: a.partition, account: a.account, name: a.resource }
}

/** `arn:aws:iam::111111111111:role/path/Name` → `role/Name`; anything else unchanged. */
export function shortArn(arn: string): string {
  const p = principalInfo(arn)
  if (p && (p.kind === 'role' || p.kind === 'user' || p.kind === 'group')) return `${p.kind}/${p.name}`
  if (p?.kind === 'assumed-role') return arn.slice(arn.indexOf('assumed-role/'))
  const a = parseArn(arn)
  if (a?.service === 's3') return `s3://${a.resource}`
  return arn
}

/**
 * Do the policies collected for principal `target` apply to the request's `principal`? The same ARN, or a
 * role session (`arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`) of the role.
 */
export function principalMatches(target: string, principal: string): boolean {
  if (!target || !principal) return false
  if (target === principal) return true
  const t = principalInfo(target)
  const p = principalInfo(principal)
  if (!t || !p) return false
  if (t.kind === 'role' && p.kind === 'assumed-role')
    return t.partition === p.partition && t.account === p.account && t.name.toLowerCase() === p.name.toLowerCase()
  // IAM names are unique case-insensitively; a path may be missing from an ARN built from the page.
  if (t.kind === p.kind && (t.kind === 'role' || t.kind === 'user' || t.kind === 'group'))
    return t.partition === p.partition && t.account === p.account && t.name.toLowerCase() === p.name.toLowerCase()
  return false
}

/**
 * Does a resource policy attached to `target` govern a request on `resource`? The same ARN, or an object
 * of a bucket (`arn:aws:s3:::bucket` covers `arn:aws:s3:::bucket/key`). KMS keys may be named by alias
 * or id on pages: the key id in both ARNs must then agree.
 */
export function resourceCovers(target: string, resource: string): boolean {
  if (!target || !resource || resource === '*') return false
  if (target === resource) return true
  const t = parseArn(target)
  const r = parseArn(resource)
  if (!t || !r) return false
  if (t.service === 's3' && r.service === 's3' && t.partition === r.partition && !t.resource.includes('/'))
    return r.resource.startsWith(`${t.resource}/`)
  return false
}

/** Builds an IAM principal ARN from what a page shows when the ARN itself is not on it. */
export function buildIamArn(partition: string, account: string, kind: 'role' | 'user' | 'group', name: string, path = '/'): string {
  const p = path.startsWith('/') ? path : `/${path}`
  const withSlash = p.endsWith('/') ? p : `${p}/`
  return `arn:${partition}:iam::${account}:${kind}${withSlash}${name}`
}

/** The partition a console host belongs to. */
export function partitionOfHost(host: string): string {
  if (host.endsWith('amazonaws.cn')) return 'aws-cn'
  if (host.endsWith('amazonaws-us-gov.com')) return 'aws-us-gov'
  return 'aws'
}

export function isArnLike(text: string): boolean {
  return parseArn(text) !== undefined
}

/** Is this an action that a role's trust policy governs (sts:AssumeRole, AssumeRoleWithSAML/WebIdentity, TagSession...)? */
export function isTrustAction(action: string): boolean {
  const a = action.toLowerCase()
  return a.startsWith('sts:assumerole') || a === 'sts:tagsession' || a === 'sts:setsourceidentity' || a === 'sts:setcontext'
}
