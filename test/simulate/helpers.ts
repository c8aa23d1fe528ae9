/** Small builders for simulation cases in tests. */
import { simulateCase, type SimulationResult } from '../../src/engine/simulate'

export const A = '111111111111'
export const B = '222222222222'
export const C = '333333333333'
export const alice = `arn:aws:iam::${A}:user/alice`
export const devRole = `arn:aws:iam::${A}:role/dev`
export const devSession = `arn:aws:sts::${A}:assumed-role/dev/s1`
export const object = 'arn:aws:s3:::data-bucket/reports/q1.csv'
export const queueB = `arn:aws:sqs:us-east-1:${B}:orders`

export type Json = Record<string, unknown>

export function policy(...statements: Json[]): Json {
  return { Version: '2012-10-17', Statement: statements }
}

export function allow(action: string | string[], resource: string | string[] = '*', extra: Json = {}): Json {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra }
}

export function deny(action: string | string[], resource: string | string[] = '*', extra: Json = {}): Json {
  return { Effect: 'Deny', Action: action, Resource: resource, ...extra }
}

export interface CaseOptions {
  action?: string
  resource?: string
  principal?: string
  resourceAccount?: string
  context?: Record<string, unknown>
  identity?: unknown[]
  resourcePolicy?: unknown
  permissionsBoundary?: unknown
  sessionPolicy?: unknown
  scps?: unknown[]
  rcps?: unknown[]
}

export function makeCase(o: CaseOptions): Json {
  const request: Json = { action: o.action ?? 's3:GetObject', resource: o.resource ?? object }
  if (o.principal !== undefined) request.principal = o.principal
  else request.principal = alice
  if (o.resourceAccount !== undefined) request.resourceAccount = o.resourceAccount
  if (o.context) request.context = o.context
  const c: Json = { request, identityPolicies: o.identity ?? [] }
  if (o.resourcePolicy !== undefined) c.resourcePolicy = o.resourcePolicy
  if (o.permissionsBoundary !== undefined) c.permissionsBoundary = o.permissionsBoundary
  if (o.sessionPolicy !== undefined) c.sessionPolicy = o.sessionPolicy
  if (o.scps !== undefined) c.scps = o.scps
  if (o.rcps !== undefined) c.rcps = o.rcps
  return c
}

export function sim(o: CaseOptions): SimulationResult {
  return simulateCase(makeCase(o))
}

/** The decision, failing loudly when the case errors. */
export function decision(o: CaseOptions): string {
  const r = sim(o)
  if (r.error !== undefined) throw new Error(`unexpected error: ${r.error}`)
  return r.decision!
}

/** A one-statement identity policy with a condition on s3:GetObject, evaluated with the given context. */
export function withCondition(condition: Json, context: Record<string, unknown> = {}, effect: 'Allow' | 'Deny' = 'Allow'): string {
  const statements: Json[] =
    effect === 'Allow'
      ? [allow('s3:GetObject', '*', { Condition: condition })]
      : [allow('s3:GetObject'), deny('s3:GetObject', '*', { Condition: condition })]
  return decision({ context, identity: [policy(...statements)] })
}
