/**
 * The caller of a request, and how a resource-based policy's Principal / NotPrincipal names it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
import { parseArn } from '../arn/arn'
import type { PrincipalInput } from './policy-input'
import type { PrincipalMatchKind } from './types'

export type CallerKind =
  | 'user'
  | 'role'
  | 'role-session'
  | 'federated-user'
  | 'root'
  | 'service'
  /** A SAML / OIDC provider or a web identity provider (`cognito-identity.amazonaws.com`, `accounts.google.com` ...). */
  | 'identity-provider'
  | 'canonical-user'
  | 'anonymous'
  /** No principal given: an IAM principal of the resource's account whose ARN is unknown. */
  | 'unknown'

export interface Caller {
  kind: CallerKind
  /** As given. */
  raw: string | undefined
  partition: string
  account: string | undefined
  /** The caller's own ARN (session ARN for a role session). */
  arn: string | undefined
  /** Role ARN (without path for a session, which does not carry it) and name. */
  roleArn?: string
  roleName?: string
  sessionName?: string
  userName?: string
  /** Service principal name (`lambda.amazonaws.com`). */
  service?: string
  /** A service-linked role (path `/aws-service-role/`): SCPs and RCPs do not restrict it. */
  serviceLinked: boolean
}

/** Web identity providers that appear as bare names in `Federated` (documented in the Principal element page). */
const WEB_IDENTITY_PROVIDERS = new Set(['cognito-identity.amazonaws.com', 'www.amazon.com', 'graph.facebook.com', 'accounts.google.com'])

const ACCOUNT = /^\d{12}$/
const CANONICAL = /^[0-9a-f]{64}$/i
const DNS_NAME = /^[a-z0-9][a-z0-9.-]*\.[a-z0-9.-]+$/i

/** IAM kinds: principals that belong to an account and carry identity-based policies. */
export function isIamCaller(kind: CallerKind): boolean {
  return kind === 'user' || kind === 'role' || kind === 'role-session' || kind === 'federated-user' || kind === 'root' || kind === 'unknown'
}

/** Callers whose permissions can be limited by a session policy. */
export function isSessionCaller(kind: CallerKind): boolean {
  return kind === 'role' || kind === 'role-session' || kind === 'federated-user' || kind === 'unknown'
}

const callerCache = new Map<string, Caller | string>()

/** Parses the request's principal; a string describing the problem when it cannot be understood. Memoised. */
export function parseCaller(raw: string | undefined, defaultAccount: string | undefined): Caller | string {
  const key = `${raw ?? '\u0000'}\u0001${defaultAccount ?? ''}`
  const hit = callerCache.get(key)
  if (hit !== undefined) return hit
  const parsed = parseCallerUncached(raw, defaultAccount)
  if (callerCache.size >= 1024) callerCache.clear()
  if (typeof parsed !== 'string') Object.freeze(parsed)
  callerCache.set(key, parsed)
  return parsed
}

function parseCallerUncached(raw: string | undefined, defaultAccount: string | undefined): Caller | string {
  const base = { raw, partition: 'aws', serviceLinked: false }
  if (raw === undefined) return { ...base, kind: 'unknown', account: defaultAccount, arn: undefined }
  const text = raw.trim()
  if (text === '') return 'request.principal is empty'
  if (text.toLowerCase() === 'anonymous' || text === '*') return { ...base, kind: 'anonymous', account: undefined, arn: undefined }
  if (ACCOUNT.test(text)) return { ...base, kind: 'root', account: text, arn: `arn:aws:iam::${text}:root` }
  const arn = parseArn(text)
  if (arn) {
    const partition = arn.partition || 'aws'
    const account = arn.account
    if (arn.service === 'iam') {
      if (arn.resource === 'root') return { ...base, partition, kind: 'root', account, arn: text }
      if (arn.resource.startsWith('user/')) {
        const userName = arn.resource.slice(arn.resource.lastIndexOf('/') + 1)
        return { ...base, partition, kind: 'user', account, arn: text, userName }
      }
      if (arn.resource.startsWith('role/')) {
        const roleName = arn.resource.slice(arn.resource.lastIndexOf('/') + 1)
        const serviceLinked = arn.resource.startsWith('role/aws-service-role/')
        return { ...base, partition, kind: 'role', account, arn: text, roleArn: text, roleName, serviceLinked }
      }
      if (arn.resource.startsWith('saml-provider/') || arn.resource.startsWith('oidc-provider/'))
        return { ...base, partition, kind: 'identity-provider', account, arn: text }
    }
    if (arn.service === 'sts') {
      const m = /^assumed-role\/([^/]+)\/(.+)$/.exec(arn.resource)
      if (m) {
        const roleName = m[1]!
        return {
          ...base,
          partition,
          kind: 'role-session',
          account,
          arn: text,
          roleName,
          sessionName: m[2]!,
          roleArn: `arn:${partition}:iam::${account}:role/${roleName}`,
        }
      }
      if (arn.resource.startsWith('federated-user/')) return { ...base, partition, kind: 'federated-user', account, arn: text }
    }
    return `request.principal "${raw}" is not a principal AWS evaluates: use an IAM user, role, assumed-role session (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), federated user, account root, service principal or identity provider`
  }
  if (CANONICAL.test(text)) return { ...base, kind: 'canonical-user', account: undefined, arn: undefined }
  if (DNS_NAME.test(text)) {
    const lower = text.toLowerCase()
    if (WEB_IDENTITY_PROVIDERS.has(lower)) return { ...base, kind: 'identity-provider', account: undefined, arn: undefined }
    return { ...base, kind: 'service', account: undefined, arn: undefined, service: lower }
  }
  return `request.principal "${raw}" is not an ARN, an account ID, a service principal or an identity provider`
}

/** A Principal / NotPrincipal element, prepared for matching. */
export interface CompiledPrincipal {
  not: boolean
  element: string
  /** `"*"` or `{"AWS": "*"}`. */
  wildcard: boolean
  aws: string[]
  service: string[]
  federated: string[]
  canonical: string[]
  /** Principal types AWS does not know; they match nobody. */
  unknownTypes: string[]
}

export function compilePrincipal(el: PrincipalInput, not: boolean): CompiledPrincipal {
  const cp: CompiledPrincipal = {
    not,
    element: not ? 'NotPrincipal' : 'Principal',
    wildcard: el.wildcard,
    aws: [],
    service: [],
    federated: [],
    canonical: [],
    unknownTypes: [],
  }
  for (const e of el.entries) {
    const values = e.values
    switch (e.type) {
      case 'AWS':
        for (const v of values) {
          if (v === '*') cp.wildcard = true
          else cp.aws.push(v)
        }
        break
      case 'Service':
        cp.service.push(...values.map((v) => v.toLowerCase()))
        break
      case 'Federated':
        cp.federated.push(...values)
        break
      case 'CanonicalUser':
        cp.canonical.push(...values.map((v) => v.toLowerCase()))
        break
      default:
        cp.unknownTypes.push(e.type)
    }
  }
  return cp
}

const RANK: Record<PrincipalMatchKind, number> = { direct: 5, wildcard: 4, 'not-listed': 4, role: 3, account: 2 }

export interface PrincipalMatch {
  kind: PrincipalMatchKind | undefined
  matchedBy: string[]
}

function isAccountValue(v: string): boolean {
  return ACCOUNT.test(v) || /^arn:[^:]*:iam::\d{12}:root$/.test(v)
}

function accountOf(v: string): string {
  return ACCOUNT.test(v) ? v : (v.split(':')[4] ?? '')
}

/** How one `AWS` principal value names the caller, if it does. */
function awsValueMatch(caller: Caller, value: string): PrincipalMatchKind | undefined {
  if (!isIamCaller(caller.kind) || caller.account === undefined) return undefined
  if (isAccountValue(value)) {
    if (accountOf(value) !== caller.account) return undefined
    return caller.kind === 'root' ? 'direct' : 'account'
  }
  if (caller.arn !== undefined && value === caller.arn) return caller.kind === 'role' ? 'role' : 'direct'
  if ((caller.kind === 'role-session' || caller.kind === 'role') && caller.roleName !== undefined) {
    const a = parseArn(value)
    if (
      a &&
      a.service === 'iam' &&
      a.partition === caller.partition &&
      a.account === caller.account &&
      a.resource.startsWith('role/') &&
      a.resource.slice(a.resource.lastIndexOf('/') + 1) === caller.roleName
    )
      return 'role'
  }
  return undefined
}

/** The best way the Principal element names the caller (direct beats wildcard beats role beats account). */
export function matchPrincipal(caller: Caller, cp: CompiledPrincipal): PrincipalMatch {
  let best: PrincipalMatchKind | undefined
  const matchedBy: string[] = []
  if (cp.wildcard) {
    best = 'wildcard'
    matchedBy.push('*')
  }
  for (const v of cp.aws) {
    const kind = awsValueMatch(caller, v)
    if (!kind) continue
    matchedBy.push(v)
    if (!best || RANK[kind] > RANK[best]) best = kind
  }
  let direct: string[] = []
  if (caller.kind === 'service' && caller.service !== undefined) direct = cp.service.filter((v) => v === caller.service)
  else if (caller.kind === 'identity-provider' && caller.raw !== undefined) {
    const raw = caller.raw.trim()
    const lower = raw.toLowerCase()
    direct = [...cp.federated.filter((v) => v === raw || v.toLowerCase() === lower), ...cp.service.filter((v) => v === lower)]
  } else if (caller.kind === 'canonical-user' && caller.raw !== undefined) {
    const raw = caller.raw.trim().toLowerCase()
    direct = cp.canonical.filter((v) => v === raw)
  }
  if (direct.length) {
    matchedBy.push(...direct)
    best = 'direct'
  }
  return { kind: best, matchedBy }
}

/**
 * The principals a request presents, all of which a NotPrincipal must list to exempt the caller: the
 * NotPrincipal page says AWS may check the account, then the role, then the session, so an exemption
 * needs the user (or session and role) ARN **and** the account ARN.
 */
function presentedIdentities(caller: Caller): { label: string; test: (v: string) => boolean }[] {
  const out: { label: string; test: (v: string) => boolean }[] = []
  const acct = caller.account
  if (isIamCaller(caller.kind) && acct !== undefined) {
    if (caller.arn !== undefined && caller.kind !== 'root') {
      const arn = caller.arn
      out.push({ label: arn, test: (v) => v === arn })
    }
    if (caller.kind === 'role-session') {
      const roleOnly: Caller = { ...caller, kind: 'role', arn: undefined }
      out.push({ label: caller.roleArn ?? `role/${caller.roleName ?? ''}`, test: (v) => !isAccountValue(v) && awsValueMatch(roleOnly, v) === 'role' })
    }
    const rootArn = `arn:${caller.partition}:iam::${acct}:root`
    out.push({ label: rootArn, test: (v) => isAccountValue(v) && accountOf(v) === acct })
  }
  return out
}

/** NotPrincipal: the statement applies unless every identity the caller presents is listed. */
export function matchNotPrincipal(caller: Caller, cp: CompiledPrincipal): PrincipalMatch {
  if (cp.wildcard) return { kind: undefined, matchedBy: ['*'] }
  if (isIamCaller(caller.kind) && caller.account !== undefined) {
    const ids = presentedIdentities(caller)
    const listed = ids.filter((id) => cp.aws.some((v) => id.test(v)))
    if (ids.length > 0 && listed.length === ids.length) return { kind: undefined, matchedBy: listed.map((l) => l.label) }
    return { kind: 'not-listed', matchedBy: listed.map((l) => l.label) }
  }
  const direct = matchPrincipal(caller, { ...cp, not: false, wildcard: false, aws: [] })
  if (direct.kind) return { kind: undefined, matchedBy: direct.matchedBy }
  return { kind: 'not-listed', matchedBy: [] }
}
