/** Shared helpers for the reasoning tests: a seeded generator of small policies and a brute-force oracle. */
import { compilePolicy, type CompiledPolicy } from '../../src/engine/simulate/compile'
import { parseRequest, type SimRequest } from '../../src/engine/simulate/request'
import { statementApplies } from '../../src/engine/simulate/statement'

/** mulberry32: a small seeded PRNG, so every run generates the same cases. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!

function word(r: () => number, alphabet: string, maxLen: number): string {
  const n = Math.floor(r() * (maxLen + 1))
  let s = ''
  for (let i = 0; i < n; i++) s += pick(r, [...alphabet])
  return s
}

/** Every string over the alphabet of length min..max. */
export function strings(alphabet: string, min: number, max: number): string[] {
  let level = ['']
  const out: string[] = min === 0 ? [''] : []
  for (let len = 1; len <= max; len++) {
    level = level.flatMap((s) => [...alphabet].map((c) => s + c))
    if (len >= min) out.push(...level)
  }
  return out
}

const STRING_OPS = ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike', 'StringEqualsIfExists', 'StringNotLikeIfExists', 'ForAnyValue:StringEquals', 'ForAllValues:StringLike', 'ForAnyValue:StringNotLike', 'StringEqualsIgnoreCase']
const NUM_OPS = ['NumericLessThan', 'NumericEquals', 'NumericNotEquals', 'NumericGreaterThanEquals', 'NumericLessThanEqualsIfExists']
export const PRINCIPAL_VALUES: unknown[] = [
  '*',
  { AWS: '*' },
  { AWS: '111111111111' },
  { AWS: 'arn:aws:iam::111111111111:root' },
  { AWS: 'arn:aws:iam::111111111111:user/u' },
  { AWS: 'arn:aws:iam::111111111111:role/r' },
  { AWS: ['arn:aws:iam::111111111111:user/u', '222222222222'] },
  { Service: 'svc.amazonaws.com' },
]

export interface GenOptions {
  principals?: boolean
  conditions?: boolean
  /** Several services and ARN-shaped resources (exercises the per-service / per-ARN-prefix regions). */
  services?: boolean
}

export function randomStatement(r: () => number, o: GenOptions): Record<string, unknown> {
  const s: Record<string, unknown> = { Effect: r() < 0.25 ? 'Deny' : 'Allow' }
  const svc = () => (o.services ? pick(r, ['s', 't', 's', 't', '*', 's*', '?']) : 's')
  const res = () => (o.services ? pick(r, ['arn:p:s:', 'arn:p:t:', 'arn:p:*:', 'arn:*:s:', 'arn:p:s:x']) + word(r, 'a:*', 2) : 'r' + word(r, 'ab*?', 2))
  const actions = Array.from({ length: 1 + Math.floor(r() * 2) }, () => (r() < 0.1 ? '*' : svc() + ':' + word(r, 'ab*?', 2)))
  s[r() < 0.15 ? 'NotAction' : 'Action'] = actions.length === 1 ? actions[0] : actions
  const resources = Array.from({ length: 1 + Math.floor(r() * 2) }, () => (r() < 0.1 ? '*' : res()))
  s[r() < 0.15 ? 'NotResource' : 'Resource'] = resources.length === 1 ? resources[0] : resources
  if (o.principals) {
    if (r() < 0.15) s.NotPrincipal = pick(r, PRINCIPAL_VALUES.slice(2))
    else s.Principal = pick(r, PRINCIPAL_VALUES)
  }
  if (o.conditions && r() < 0.5) {
    const cond: Record<string, Record<string, unknown>> = {}
    if (r() < 0.7) cond[pick(r, STRING_OPS)] = { k: r() < 0.3 ? [word(r, 'ab*', 2), word(r, 'ab', 1)] : word(r, 'ab*', 2) }
    if (r() < 0.4) cond[pick(r, NUM_OPS)] = { n: pick(r, ['1', '2']) }
    if (r() < 0.15) cond.Null = { k: pick(r, ['true', 'false']) }
    s.Condition = cond
  }
  return s
}

export function randomPolicy(r: () => number, o: GenOptions): Record<string, unknown> {
  const n = 1 + Math.floor(r() * 3)
  return { Version: '2012-10-17', Statement: Array.from({ length: n }, () => randomStatement(r, o)) }
}

/** Small finite universe of requests, parsed once. */
export function universe(o: GenOptions): SimRequest[] {
  const actions = o.services
    ? ['s', 't', 'u', 'st'].flatMap((sv) => strings('abc', 1, 2).map((w) => sv + ':' + w))
    : strings('abc', 1, o.conditions ? 2 : 3).map((w) => 's:' + w)
  const resources = o.services
    ? ['arn:p:s:', 'arn:p:t:', 'arn:p:u:', 'arn:q:s:', 'arn:p:s:x', 'arn:p:st:'].flatMap((pre) => strings('a:', 0, 2).map((w) => pre + w))
    : strings('abc', 0, o.conditions ? 1 : 2).map((w) => 'r' + w)
  const principals: (string | undefined)[] = o.principals
    ? ['anonymous', 'arn:aws:iam::111111111111:root', 'arn:aws:iam::111111111111:user/u', 'arn:aws:iam::111111111111:user/v', 'arn:aws:sts::111111111111:assumed-role/r/s', 'arn:aws:sts::111111111111:assumed-role/q/s', 'arn:aws:iam::222222222222:root', 'arn:aws:iam::333333333333:root', 'svc.amazonaws.com', 'other.amazonaws.com']
    : [undefined]
  const ks: unknown[] = o.conditions ? [undefined, 'a', 'b', 'ab', 'c', '', 'A', [], ['a'], ['a', 'b'], ['c']] : [undefined]
  const ns: unknown[] = o.conditions ? [undefined, '0', '1', '1.5', '2', '3', 'x'] : [undefined]
  const out: SimRequest[] = []
  for (const action of actions)
    for (const resource of resources)
      for (const principal of principals)
        for (const k of ks)
          for (const n of ns) {
            const context: Record<string, unknown> = {}
            if (k !== undefined) context.k = k
            if (n !== undefined) context.n = n
            const req = parseRequest({ action, resource, principal, context })
            if (typeof req === 'string') throw new Error(req)
            out.push(req)
          }
  return out
}

export function compiled(doc: unknown, type: 'identity' | 'resource'): CompiledPolicy {
  const p = compilePolicy(doc, 'p', type)
  if ('message' in p) throw new Error(p.message)
  return p
}

export function allows(p: CompiledPolicy, req: SimRequest): boolean {
  const opts = { full: false, callerHasBoundary: false }
  let allow = false
  for (const s of p.statements) {
    if (!statementApplies(p, s, req, opts)) continue
    if (s.effect === 'Deny') return false
    if (s.effect === 'Allow') allow = true
  }
  return allow
}
