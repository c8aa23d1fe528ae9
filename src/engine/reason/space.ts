/**
 * The request space of a question as a product of finite dimensions, exact by construction.
 *
 * A request is (action, resource, principal, context). Every statement constrains each part through
 * patterns and condition values. For each part we build a finite list of representatives with one member
 * in every region the policies' patterns and values cut that part into (automata.ts for strings, end
 * points for numbers, dates and address ranges). Every statement then becomes a box: for each dimension
 * the set (bitmask) of representatives it accepts, computed by the simulator's own matching functions.
 * A question about all requests becomes a question about finitely many boxes, with no loss.
 */
import ipaddr from 'ipaddr.js'
import { parseArn } from '../arn/arn'
import { compileResourcePattern } from '../arn/match'
import { conditionHolds, type CompiledCondition } from '../simulate/condition'
import type { CompiledPolicy, CompiledStatement } from '../simulate/compile'
import { RequestContext } from '../simulate/context'
import { parseAddress, parseCidr, parseDate, parseNumber } from '../simulate/operators'
import { matchNotPrincipal, matchPrincipal, parseCaller, type Caller } from '../simulate/principal'
import { actionMatches } from '../simulate/statement'
import {
  actionUniverse,
  arnLikePattern,
  globPattern,
  literalPattern,
  nonEmptyUniverse,
  regions,
  resourcePattern,
  unionRegions,
  type Pattern,
} from './automata'

/** One value of a condition key in a request: absent, one value, or a multivalued (array) value. */
export type KeyValue = { kind: 'absent' } | { kind: 'single'; value: string } | { kind: 'multi'; values: string[] }

export type Dimension =
  | { kind: 'action'; reps: string[] }
  | { kind: 'resource'; reps: string[] }
  | { kind: 'principal'; reps: string[]; callers: Caller[] }
  | { kind: 'key'; key: string; name: string; reps: KeyValue[] }

export type Box = bigint[]

export interface Space {
  dims: Dimension[]
  /** Why some part of the question is modelled only approximately (the answer can then not be PASS). */
  unknown: string[]
  /** A 12-digit account that no policy mentions: the stand-in for "any other account". */
  freshAccount: string
}

export interface SpaceInput {
  policies: CompiledPolicy[]
  /** Extra action patterns (access-not-granted's list). */
  actions?: string[]
  /** Extra resource patterns. */
  resources?: string[]
  /** Multivalued keys: at most this many single representatives are combined into sets. */
  maxSetBase?: number
  /** Product-automaton states allowed per dimension. */
  automatonBudget?: number
  /** Statements outside the policies (relaxed stand-ins) whose patterns and keys the space must also tell apart. */
  extra?: CompiledStatement[]
}

/**
 * A statement without its policy variables, accepting at least every request the original accepts: each
 * `${...}` in a Resource becomes `*`, a NotResource entry with one is dropped, and every condition whose
 * values use a variable is dropped.
 */
export function relaxed(stmt: CompiledStatement): CompiledStatement {
  const out: CompiledStatement = { ...stmt, conditions: stmt.conditions.filter((c) => !c.values.some((v) => v.template)) }
  // Resource: the variable may take any value, so `*` in its place; NotResource: the entry may exclude
  // anything or nothing, so it is dropped (the statement then applies to more).
  if (stmt.resource)
    out.resource = stmt.resource.not
      ? { not: true, entries: stmt.resource.entries.filter((e) => !e.template) }
      : {
          not: false,
          entries: stmt.resource.entries.map((e) => {
            if (!e.template) return e
            const raw = e.raw.replace(/\$\{[^}]*\}/g, '*')
            return { raw, matcher: compileResourcePattern(raw) }
          }),
        }
  return out
}

const ACCOUNT = /^\d{12}$/

export function full(n: number): bigint {
  return n === 0 ? 0n : (1n << BigInt(n)) - 1n
}

function maskOf<T>(reps: T[], test: (r: T) => boolean): bigint {
  let m = 0n
  for (let i = 0; i < reps.length; i++) if (test(reps[i]!)) m |= 1n << BigInt(i)
  return m
}

/** Statements whose meaning depends on policy variables: modelled as applying to nothing (UNKNOWN if it matters). */
export function opaqueReason(stmt: CompiledStatement): string | undefined {
  if (stmt.resource?.entries.some((e) => e.template)) return 'a Resource uses a policy variable'
  if (stmt.conditions.some((c) => c.values.some((v) => v.template))) return 'a condition value uses a policy variable'
  return undefined
}

function usable(policies: CompiledPolicy[]): { policy: CompiledPolicy; stmt: CompiledStatement }[] {
  const out: { policy: CompiledPolicy; stmt: CompiledStatement }[] = []
  for (const policy of policies) for (const stmt of policy.statements) if (!stmt.invalid && !opaqueReason(stmt)) out.push({ policy, stmt })
  return out
}

function hasPrincipals(policy: CompiledPolicy): boolean {
  return policy.type === 'resource' || policy.type === 'rcp'
}

// ---- Actions and resources ----------------------------------------------------------------------

function stringDimension(patterns: Pattern[], universe: Pattern[], budget: number, unknown: string[], what: string): string[] {
  const r = regions(patterns, universe, budget)
  if (r.incomplete) unknown.push(`${what}: ${r.incomplete}`)
  return r.regions.map((g) => g.witness)
}

/**
 * The same regions, computed group by group. `group` gives a pattern's literal prefix when the pattern
 * can only match strings that start with it and no string starts with two different group prefixes (an
 * action's `service:`, an ARN's `arn:partition:service:`), else undefined (the pattern is global).
 * Each group is explored with the global patterns only; the strings outside every group last. Exact,
 * and far cheaper than one product over thousands of patterns.
 */
function groupedDimension(elements: string[][], make: (t: string) => Pattern, group: (t: string) => string | undefined, universe: Pattern[], budget: number, unknown: string[], what: string): string[] {
  const split = elements.map((texts) => {
    const byGroup = new Map<string, string[]>()
    const global: string[] = []
    for (const t of texts) {
      const g = group(t)
      if (g === undefined) global.push(t)
      else byGroup.set(g, [...(byGroup.get(g) ?? []), t])
    }
    return { byGroup, global }
  })
  const prefixes = new Set<string>()
  for (const e of split) for (const g of e.byGroup.keys()) prefixes.add(g)
  const out: string[] = []
  let incomplete: string | undefined
  for (const prefix of prefixes) {
    const atoms = split.map((e) => [...(e.byGroup.get(prefix) ?? []), ...e.global]).filter((a) => a.length).map((a) => a.map(make))
    const r = unionRegions(atoms, [...universe, globPattern(escapeGlob(prefix) + '*')], budget)
    if (r.incomplete) incomplete = r.incomplete
    for (const g of r.regions) out.push(g.witness)
  }
  const globals = split.filter((e) => e.global.length).map((e) => e.global.map(make))
  const known = [...prefixes].map((p) => globPattern(escapeGlob(p) + '*'))
  const rest = unionRegions(known.length ? [...globals, known] : globals, universe, budget)
  if (rest.incomplete) incomplete = rest.incomplete
  for (const g of rest.regions) if (!known.length || !g.matches[globals.length]) out.push(g.witness)
  if (incomplete) unknown.push(`${what}: ${incomplete}`)
  return out
}

/** Group prefixes are literal text: no `*` or `?` in them by construction. */
function escapeGlob(prefix: string): string {
  return prefix
}

function actionGroup(lower: string): string | undefined {
  const colon = lower.indexOf(':')
  if (colon <= 0) return undefined
  const svc = lower.slice(0, colon)
  return svc.includes('*') || svc.includes('?') ? undefined : svc + ':'
}

function resourceGroup(pattern: string): string | undefined {
  let from = 0
  for (let i = 0; i < 3; i++) {
    const c = pattern.indexOf(':', from)
    if (c < 0) return undefined
    from = c + 1
  }
  const prefix = pattern.slice(0, from)
  return prefix.includes('*') || prefix.includes('?') ? undefined : prefix
}

// ---- Principals ---------------------------------------------------------------------------------

function allStrings(policies: CompiledPolicy[]): string {
  const parts: string[] = []
  for (const p of policies)
    for (const s of p.statements) {
      if (s.principal) parts.push(...s.principal.aws, ...s.principal.service, ...s.principal.federated, ...s.principal.canonical)
      for (const c of s.conditions) parts.push(...c.raws)
      if (s.resource) parts.push(...s.resource.entries.map((e) => e.raw))
    }
  return parts.join('\n')
}

export function pickFreshAccount(policies: CompiledPolicy[], extra: string[] = []): string {
  const text = allStrings(policies) + '\n' + extra.join('\n')
  for (let i = 0; ; i++) {
    const candidate = String(999999999999 - i * 1111)
    if (!text.includes(candidate)) return candidate
  }
}

/** Callers covering every way the policies' Principal elements can tell callers apart, plus fresh ones. */
function principalReps(policies: CompiledPolicy[], fresh: string): string[] {
  const out = new Set<string>(['anonymous'])
  const accounts = new Map<string, Set<string>>() // account -> partitions
  const addAccount = (a: string, partition = 'aws') => {
    if (!accounts.has(a)) accounts.set(a, new Set())
    accounts.get(a)!.add(partition)
  }
  addAccount(fresh)
  const services = new Set<string>()
  for (const p of policies)
    for (const s of p.statements) {
      const cp = s.principal
      if (!cp) continue
      for (const v of cp.aws) {
        if (ACCOUNT.test(v)) {
          addAccount(v)
          continue
        }
        const arn = parseArn(v)
        if (!arn) continue
        if (ACCOUNT.test(arn.account)) addAccount(arn.account, arn.partition || 'aws')
        out.add(v)
        if (arn.service === 'iam' && arn.resource.startsWith('role/')) {
          const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1)
          out.add(`arn:${arn.partition}:sts::${arn.account}:assumed-role/${name}/sidekick-session`)
        }
      }
      for (const v of cp.service) services.add(v)
      for (const v of cp.federated) out.add(v)
      for (const v of cp.canonical) out.add(v)
    }
  for (const [a, partitions] of accounts)
    for (const part of partitions) {
      out.add(`arn:${part}:iam::${a}:root`)
      out.add(`arn:${part}:iam::${a}:user/sidekick-user`)
      out.add(`arn:${part}:sts::${a}:assumed-role/sidekick-role/sidekick-session`)
      out.add(`arn:${part}:sts::${a}:federated-user/sidekick-user`)
    }
  for (const v of services) out.add(v)
  out.add('sidekick-fresh.amazonaws.com')
  out.add(`arn:aws:iam::${fresh}:saml-provider/sidekick`)
  out.add(`arn:aws:iam::${fresh}:oidc-provider/sidekick.example.com`)
  out.add('f'.repeat(64))
  return [...out]
}

// ---- Condition keys -----------------------------------------------------------------------------

type ValueClass = 'string' | 'numeric' | 'date' | 'ip' | 'bool' | 'binary'

function classOf(c: CompiledCondition): ValueClass | undefined {
  switch (c.base?.family) {
    case 'String':
    case 'Arn':
      return 'string'
    case 'Numeric':
      return 'numeric'
    case 'Date':
      return 'date'
    case 'IpAddress':
      return 'ip'
    case 'Bool':
      return 'bool'
    case 'Binary':
      return 'binary'
    default:
      return undefined
  }
}

function between(sorted: number[]): number[] {
  const out: number[] = []
  if (!sorted.length) return [0]
  out.push(sorted[0]! - 1, sorted[sorted.length - 1]! + 1)
  for (let i = 0; i < sorted.length; i++) {
    out.push(sorted[i]!)
    if (i + 1 < sorted.length) out.push((sorted[i]! + sorted[i + 1]!) / 2)
  }
  return out
}

function uniqSorted(xs: number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b)
}

function v4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.')
}

function v6(n: bigint): string {
  const groups: string[] = []
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((n >> s) & 0xffffn).toString(16))
  return groups.join(':')
}

function toBig(a: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  let n = 0n
  for (const b of a.toByteArray()) n = (n << 8n) | BigInt(b)
  return n
}

function ipReps(values: string[]): string[] {
  const out: string[] = []
  for (const kind of ['ipv4', 'ipv6'] as const) {
    const bits = kind === 'ipv4' ? 32n : 128n
    const max = (1n << bits) - 1n
    const points = new Set<bigint>([0n, max])
    for (const v of values) {
      const r = parseCidr(v)
      if (!r || r[0].kind() !== kind) continue
      const host = bits - BigInt(r[1])
      const lo = (toBig(r[0]) >> host) << host
      const hi = lo + (1n << host) - 1n
      for (const p of [lo, hi, lo - 1n, hi + 1n]) if (p >= 0n && p <= max) points.add(p)
    }
    for (const p of points) out.push(kind === 'ipv4' ? v4(p) : v6(p))
  }
  return out
}

interface KeyInfo {
  name: string
  conds: CompiledCondition[]
}

/** Representatives of one condition key's values, or the reason they cannot be exact. */
function keyReps(info: KeyInfo, budget: number, maxSetBase: number, unknown: string[]): KeyValue[] {
  const classes = new Set<ValueClass>()
  let qualified = false
  for (const c of info.conds) {
    const k = classOf(c)
    if (k) classes.add(k)
    if (c.parsed.qualifier) qualified = true
  }
  if (classes.size > 1) unknown.push(`condition key ${info.name} is compared as ${[...classes].join(' and ')}`)
  const singles = new Set<string>([''])
  const values = info.conds.flatMap((c) => c.values.map((v) => v.raw))
  for (const cls of classes) {
    if (cls === 'string') {
      const patterns: Pattern[] = [literalPattern('')]
      for (const c of info.conds) {
        const base = c.base
        if (!base) continue
        for (const v of c.values) {
          if (base.family === 'Arn') patterns.push(arnLikePattern(v.raw))
          else if (base.family === 'String') patterns.push(base.like ? globPattern(v.raw) : literalPattern(v.raw, base.ignoreCase))
        }
      }
      for (const w of stringDimension(patterns, [], budget, unknown, `condition key ${info.name}`)) singles.add(w)
    } else if (cls === 'numeric') {
      for (const x of between(uniqSorted(values.map(parseNumber).filter((x): x is number => x !== undefined)))) singles.add(String(x))
      singles.add('x')
    } else if (cls === 'date') {
      const ms = uniqSorted(values.map(parseDate).filter((x): x is number => x !== undefined))
      for (const x of between(ms)) {
        const t = Math.floor(x)
        if (Math.abs(t) < 8e15) singles.add(new Date(t).toISOString())
      }
      if (ms.some((x) => !Number.isInteger(x))) unknown.push(`condition key ${info.name} compares dates with fractions of a millisecond`)
      singles.add('x')
    } else if (cls === 'ip') {
      for (const r of ipReps(values)) singles.add(r)
      singles.add('x')
    } else if (cls === 'bool') {
      for (const r of ['true', 'false', 'x']) singles.add(r)
    } else {
      for (const r of [...values, 'AAAA', 'AQID', 'AAAAAAAA', 'x']) singles.add(r)
    }
  }
  if (!classes.size) singles.add('x')
  const single = [...singles]
  const reps: KeyValue[] = [{ kind: 'absent' }, ...single.map((value): KeyValue => ({ kind: 'single', value }))]
  if (!qualified) {
    // Without a set qualifier every multivalued value fails every comparison alike: one stands for all.
    reps.push({ kind: 'multi', values: [] })
  } else if (single.length > maxSetBase) {
    unknown.push(`condition key ${info.name} is multivalued with ${single.length} kinds of value (more than ${maxSetBase})`)
    reps.push({ kind: 'multi', values: [] }, ...single.map((v): KeyValue => ({ kind: 'multi', values: [v] })))
  } else {
    for (let m = 0; m < 1 << single.length; m++) reps.push({ kind: 'multi', values: single.filter((_, i) => m & (1 << i)) })
  }
  return reps
}

function contextOf(name: string, v: KeyValue): RequestContext {
  const ctx = new RequestContext()
  if (v.kind === 'single') ctx.set(name, [v.value], false)
  else if (v.kind === 'multi') ctx.set(name, v.values, true)
  return ctx
}

// ---- The space ----------------------------------------------------------------------------------

export interface BuiltSpace extends Space {
  /** The box of a statement (undefined when it applies to nothing or is opaque). */
  boxOf(policy: CompiledPolicy, stmt: CompiledStatement): Box | undefined
  /** Per key dimension, the contexts of its representatives (for evaluation). */
  contexts: RequestContext[][]
  fullBox(): Box
}

export function buildSpace(input: SpaceInput): BuiltSpace {
  const budget = input.automatonBudget ?? 8_000
  const maxSetBase = input.maxSetBase ?? 8
  const unknown: string[] = []
  const { policies } = input
  const stmts = [...usable(policies), ...(input.extra ?? []).map((stmt) => ({ policy: policies[0]!, stmt }))]
  const freshAccount = pickFreshAccount(policies, [...(input.actions ?? []), ...(input.resources ?? [])])

  const actionElements: string[][] = []
  const resourceElements: string[][] = []
  const keys = new Map<string, KeyInfo>()
  for (const { stmt } of stmts) {
    if (stmt.action) actionElements.push(stmt.action.patterns.map((a) => a.toLowerCase()))
    if (stmt.resource) resourceElements.push(stmt.resource.entries.map((e) => e.raw))
    for (const c of stmt.conditions) {
      const info = keys.get(c.keyLower) ?? { name: c.key, conds: [] }
      info.conds.push(c)
      keys.set(c.keyLower, info)
    }
  }
  if (input.actions?.length) actionElements.push(input.actions.map((a) => a.toLowerCase()))
  if (input.resources?.length) resourceElements.push(input.resources)

  const dims: Dimension[] = [
    { kind: 'action', reps: groupedDimension(actionElements, (t) => globPattern(t), actionGroup, [actionUniverse()], budget, unknown, 'actions') },
    { kind: 'resource', reps: groupedDimension(resourceElements, resourcePattern, resourceGroup, [nonEmptyUniverse()], budget, unknown, 'resources') },
  ]
  if (policies.some(hasPrincipals)) {
    const reps: string[] = []
    const callers: Caller[] = []
    for (const r of principalReps(policies, freshAccount)) {
      const c = parseCaller(r, undefined)
      if (typeof c === 'string') continue
      reps.push(r)
      callers.push(c)
    }
    dims.push({ kind: 'principal', reps, callers })
  }
  const contexts: RequestContext[][] = []
  for (const [lower, info] of [...keys.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const reps = keyReps(info, budget, maxSetBase, unknown)
    dims.push({ kind: 'key', key: lower, name: info.name, reps })
  }
  for (const d of dims) contexts.push(d.kind === 'key' ? d.reps.map((r) => contextOf(d.name, r)) : [])

  const fullBox = () => dims.map((d) => full(d.reps.length))

  const boxOf = (policy: CompiledPolicy, stmt: CompiledStatement): Box | undefined => {
    if (stmt.invalid || opaqueReason(stmt)) return undefined
    const box: Box = []
    for (let di = 0; di < dims.length; di++) {
      const d = dims[di]!
      let m: bigint
      if (d.kind === 'action') m = maskOf(d.reps, (r) => actionMatches(stmt, r, r.slice(0, r.indexOf(':'))))
      else if (d.kind === 'resource') {
        const el = stmt.resource
        if (!el) m = full(d.reps.length)
        else
          m = maskOf(d.reps, (r) => {
            const hit = el.entries.some((e) => e.matcher!(r))
            return el.not ? !hit : hit
          })
      } else if (d.kind === 'principal') {
        const cp = stmt.principal
        if (!cp || !hasPrincipals(policy)) m = full(d.reps.length)
        else m = maskOf(d.callers, (c) => (cp.not ? matchNotPrincipal(c, cp) : matchPrincipal(c, cp)).kind !== undefined)
      } else {
        const conds = stmt.conditions.filter((c) => c.keyLower === d.key)
        const ctxs = contexts[di]!
        m = 0n
        for (let i = 0; i < ctxs.length; i++) if (conds.every((c) => conditionHolds(c, ctxs[i]!))) m |= 1n << BigInt(i)
      }
      if (m === 0n) return undefined
      box.push(m)
    }
    return box
  }
  return { dims, unknown, freshAccount, boxOf, contexts, fullBox }
}

/** Indices of the set bits of a mask, lowest first. */
export function bits(m: bigint, limit = Infinity): number[] {
  const out: number[] = []
  let i = 0
  while (m > 0n && out.length < limit) {
    if (m & 1n) out.push(i)
    m >>= 1n
    i++
  }
  return out
}

export { parseAddress }
