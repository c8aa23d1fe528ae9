/** The request part of a simulation case, checked and normalised (never throws). */
import { parseArn } from '../arn/arn'
import { encodeWildcards } from '../arn/match'
import { buildContext, deriveContext, type RequestContext } from './context'
import { parseCaller, type Caller } from './principal'

export interface SimRequest {
  /** As given, e.g. `s3:GetObject`. */
  action: string
  actionLower: string
  /** Service prefix, lower case. */
  service: string
  resource: string
  /**
   * `literal` (a real request: the resource string is what it is) or `pattern` (bulk "what could this do
   * on resources matching ..."): `*`/`?` in the request resource are then wildcards.
   */
  resourceMode: 'literal' | 'pattern'
  /** The request resource in encoded wildcard form (pattern mode only). */
  resourcePattern?: string
  caller: Caller
  /** The account that owns the resource: given, else the resource ARN's, else the caller's. */
  resourceAccount: string | undefined
  context: RequestContext
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Checks and normalises a case's `request`; a message naming the problem when it is malformed. */
export function parseRequest(input: unknown, resourceMode: 'literal' | 'pattern' = 'literal'): SimRequest | string {
  if (!isRecord(input)) return 'request must be an object with action and resource'
  const { action, resource, principal, resourceAccount, context } = input
  if (typeof action !== 'string' || action.trim() === '') return 'request.action must be a string such as "s3:GetObject"'
  const colon = action.indexOf(':')
  if (colon <= 0 || colon === action.length - 1) return `request.action "${action}" must have the form service:Action`
  if (typeof resource !== 'string' || resource === '') return 'request.resource must be a string: a resource ARN or "*"'
  if (principal !== undefined && principal !== null && typeof principal !== 'string') return 'request.principal must be a string'
  if (resourceAccount !== undefined && resourceAccount !== null && typeof resourceAccount !== 'string')
    return 'request.resourceAccount must be a string (a 12-digit account ID)'
  const ctx = buildContext(context)
  if (typeof ctx === 'string') return ctx
  const arnAccount = parseArn(resource)?.account || undefined
  const givenAccount = typeof resourceAccount === 'string' && resourceAccount !== '' ? resourceAccount : undefined
  const caller = parseCaller(typeof principal === 'string' ? principal : undefined, givenAccount ?? arnAccount)
  if (typeof caller === 'string') return caller
  const resAccount = givenAccount ?? arnAccount ?? caller.account
  deriveContext(ctx, caller, resAccount)
  const req: SimRequest = {
    action,
    actionLower: action.toLowerCase(),
    service: action.slice(0, colon).toLowerCase(),
    resource,
    resourceMode,
    caller,
    resourceAccount: resAccount,
    context: ctx,
  }
  if (resourceMode === 'pattern') req.resourcePattern = encodeWildcards(resource)
  return req
}
