/**
 * The request context: condition keys with their values, looked up case-insensitively
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html: key names
 * are not case-sensitive), plus the keys the simulator derives from the request when they are not given
 * (shared/specs/simulation-case.md; values per
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
 */
import { isIamCaller, type Caller } from './principal'

export interface ContextEntry {
  /** The key as written in the request (or as derived). */
  name: string
  values: string[]
  /** Given as an array: a multivalued key (an empty array is present with no values). */
  multi: boolean
  derived: boolean
}

const DERIVED = ['aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalType', 'aws:username', 'aws:userid', 'aws:PrincipalServiceName', 'aws:PrincipalIsAWSService', 'aws:ResourceAccount']
const LOWER: Record<string, string> = Object.fromEntries(DERIVED.map((k) => [k, k.toLowerCase()]))

export class RequestContext {
  private readonly byLower = new Map<string, ContextEntry>()

  get(keyLower: string): ContextEntry | undefined {
    return this.byLower.get(keyLower)
  }

  /** A single-valued key's value (undefined when absent or multivalued): what a policy variable can use. */
  single(keyLower: string): string | undefined {
    const e = this.byLower.get(keyLower)
    if (!e || e.multi) return undefined
    return e.values[0]
  }

  set(name: string, values: string[], multi: boolean, derived = false): void {
    this.byLower.set(name.toLowerCase(), { name, values, multi, derived })
  }

  /** Adds a derived key unless the request gave it (derived values never override given ones). */
  derive(name: string, value: string | undefined): void {
    if (value === undefined) return
    const lower = LOWER[name] ?? name.toLowerCase()
    if (!this.byLower.has(lower)) this.byLower.set(lower, { name, values: [value], multi: false, derived: true })
  }

  entries(): ContextEntry[] {
    return [...this.byLower.values()]
  }
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  return undefined
}

/** Builds the context from the request's `context` object; a message when a value has an unusable type. */
export function buildContext(input: unknown): RequestContext | string {
  const ctx = new RequestContext()
  if (input === undefined || input === null) return ctx
  if (typeof input !== 'object' || Array.isArray(input)) return 'request.context must be an object of condition keys'
  for (const [name, raw] of Object.entries(input as Record<string, unknown>)) {
    if (raw === null || raw === undefined) continue
    if (Array.isArray(raw)) {
      const values: string[] = []
      for (const item of raw) {
        const s = scalar(item)
        if (s === undefined) return `request.context["${name}"] must hold strings, numbers or booleans`
        values.push(s)
      }
      ctx.set(name, values, true)
      continue
    }
    const s = scalar(raw)
    if (s === undefined) return `request.context["${name}"] must be a string, number, boolean or an array of them`
    ctx.set(name, [s], false)
  }
  return ctx
}

/** aws:PrincipalType per the global condition keys page. */
function principalType(c: Caller): string | undefined {
  switch (c.kind) {
    case 'root':
      return 'Account'
    case 'user':
      return 'User'
    case 'federated-user':
      return 'FederatedUser'
    case 'role':
    case 'role-session':
      return 'AssumedRole'
    case 'anonymous':
      return 'Anonymous'
    default:
      return undefined
  }
}

/** aws:PrincipalArn: a role session reports its role's ARN, not the session's. */
function principalArn(c: Caller): string | undefined {
  if (c.kind === 'role-session') return c.roleArn
  if (c.kind === 'user' || c.kind === 'role' || c.kind === 'root' || c.kind === 'federated-user') return c.arn
  return undefined
}

/** aws:userid where it can be known from the ARN alone (root: the account; federated user: account:name). */
function userId(c: Caller): string | undefined {
  if (c.kind === 'root') return c.account
  if (c.kind === 'federated-user' && c.arn !== undefined) return `${c.account}:${c.arn.slice(c.arn.indexOf('federated-user/') + 'federated-user/'.length)}`
  if (c.kind === 'anonymous') return 'anonymous'
  return undefined
}

/** Adds the keys derivable from the caller and the resource account. */
export function deriveContext(ctx: RequestContext, caller: Caller, resourceAccount: string | undefined): void {
  ctx.derive('aws:PrincipalArn', principalArn(caller))
  if (caller.kind !== 'anonymous' && caller.kind !== 'service' && caller.kind !== 'identity-provider' && caller.kind !== 'canonical-user')
    ctx.derive('aws:PrincipalAccount', caller.account)
  ctx.derive('aws:PrincipalType', principalType(caller))
  if (caller.kind === 'user') ctx.derive('aws:username', caller.userName)
  ctx.derive('aws:userid', userId(caller))
  if (caller.kind === 'service') {
    ctx.derive('aws:PrincipalServiceName', caller.service)
    ctx.derive('aws:PrincipalIsAWSService', 'true')
  } else if (isIamCaller(caller.kind) && caller.kind !== 'unknown') ctx.derive('aws:PrincipalIsAWSService', 'false')
  ctx.derive('aws:ResourceAccount', resourceAccount)
}
