/**
 * Value comparisons of the condition operators, one request value against one policy value.
 * Semantics per https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * Negation, several values (OR / NOR), IfExists and the set qualifiers are applied in condition.ts.
 */
import ipaddr from 'ipaddr.js'
import { encodedArnLike, encodedGlob } from '../arn/match'
import type { BaseOperatorInfo } from '../model/operators'

export type ValueTest = (requestValue: string) => boolean

const NEVER: ValueTest = () => false

// ---- Numeric -------------------------------------------------------------------------------------

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/** Integers or decimals, compared by value (`10` equals `10.0`). */
export function parseNumber(s: string): number | undefined {
  const t = s.trim()
  if (!NUMBER.test(t)) return undefined
  const n = Number(t)
  return Number.isFinite(n) ? n : undefined
}

// ---- Date ----------------------------------------------------------------------------------------

const EPOCH = /^[+-]?\d+(\.\d+)?$/
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(\d{2})(?:[.,](\d+))?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/

/**
 * A date as milliseconds since the epoch: W3C/ISO 8601 (`2020-01-01`, `2020-01-01T12:00:00Z`, offsets,
 * fractions) or epoch **seconds** (`1577836800`), so ISO and epoch values compare with each other.
 * A value without a zone is UTC.
 */
export function parseDate(s: string): number | undefined {
  const hit = dateCache.get(s)
  if (hit !== undefined) return hit ?? undefined
  const d = parseDateUncached(s)
  if (dateCache.size >= 4096) dateCache.clear()
  dateCache.set(s, d ?? null)
  return d
}

const dateCache = new Map<string, number | null>()

function parseDateUncached(s: string): number | undefined {
  const t = s.trim()
  if (EPOCH.test(t)) {
    const n = Number(t)
    return Number.isFinite(n) ? n * 1000 : undefined
  }
  const m = ISO.exec(t) ?? ISO_BASIC.exec(t)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? 0 : Number(x))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute > 0 || second > 0))) return undefined
  const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0
  let offset = 0
  const zone = m[8]
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    const oh = Number(digits.slice(0, 2))
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0
    if (oh > 23 || om > 59) return undefined
    offset = sign * (oh * 60 + om) * 60_000
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) + fraction - offset
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

// ---- IP address ----------------------------------------------------------------------------------

type Address = ipaddr.IPv4 | ipaddr.IPv6

const addressCache = new Map<string, Address | null>()

/** A strict address: dotted-quad IPv4 or IPv6 (hex case-insensitive, `::` allowed). Memoised. */
export function parseAddress(s: string): Address | undefined {
  const hit = addressCache.get(s)
  if (hit !== undefined) return hit ?? undefined
  const a = parseAddressUncached(s)
  if (addressCache.size >= 4096) addressCache.clear()
  addressCache.set(s, a ?? null)
  return a
}

function parseAddressUncached(s: string): Address | undefined {
  const t = s.trim()
  try {
    if (ipaddr.IPv4.isValidFourPartDecimal(t)) return ipaddr.IPv4.parse(t)
    if (t.includes(':') && ipaddr.IPv6.isValid(t)) return ipaddr.IPv6.parse(t)
  } catch {
    return undefined
  }
  return undefined
}

/** A CIDR range; a bare address means the single address (/32 for IPv4, /128 for IPv6). */
export function parseCidr(s: string): [Address, number] | undefined {
  const t = s.trim()
  const slash = t.indexOf('/')
  const addr = parseAddress(slash < 0 ? t : t.slice(0, slash))
  if (!addr) return undefined
  const max = addr.kind() === 'ipv4' ? 32 : 128
  if (slash < 0) return [addr, max]
  const bitsText = t.slice(slash + 1)
  if (!/^\d{1,3}$/.test(bitsText)) return undefined
  const bits = Number(bitsText)
  if (bits > max) return undefined
  return [addr, bits]
}

/** Does the address fall in the range? An IPv4 address never matches an IPv6 range, nor the reverse. */
export function ipInRange(addr: Address, range: [Address, number]): boolean {
  if (addr.kind() !== range[0].kind()) return false
  return addr.match(range)
}

// ---- Binary --------------------------------------------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]))

/** Base64 (standard alphabet, padding optional, white space ignored) to bytes; undefined when invalid. */
export function decodeBase64(s: string): number[] | undefined {
  const t = s.replace(/\s+/g, '').replace(/=+$/, '')
  if (t.length % 4 === 1) return undefined
  const out: number[] = []
  let buffer = 0
  let bits = 0
  for (const c of t) {
    const v = B64_INDEX.get(c)
    if (v === undefined) return undefined
    buffer = (buffer << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out.push((buffer >> bits) & 0xff)
    }
  }
  return out
}

function sameBytes(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

// ---- The positive test for one policy value ------------------------------------------------------

/**
 * The positive (non-negated) comparison of an operator family with one policy value. For `Like` and ARN
 * operators the policy value is in the encoded wildcard form of arn/match.ts. Undefined policy values
 * that cannot be parsed (a Numeric operator with `abc`) never match.
 */
export function compileValueTest(base: BaseOperatorInfo, policyValue: string): ValueTest {
  switch (base.family) {
    case 'String':
      if (base.like) return (v) => encodedGlob(policyValue, v)
      if (base.ignoreCase) {
        const lower = policyValue.toLowerCase()
        return (v) => v.toLowerCase() === lower
      }
      return (v) => v === policyValue
    case 'Arn':
      // ArnEquals and ArnLike behave the same (wildcards honoured), part by part.
      return (v) => encodedArnLike(policyValue, v)
    case 'Numeric': {
      const p = parseNumber(policyValue)
      if (p === undefined) return NEVER
      return numericTest(base.name, p, parseNumber)
    }
    case 'Date': {
      const p = parseDate(policyValue)
      if (p === undefined) return NEVER
      return numericTest(base.name, p, parseDate)
    }
    case 'Bool': {
      const p = policyValue.trim().toLowerCase()
      if (p !== 'true' && p !== 'false') return NEVER
      return (v) => v.trim().toLowerCase() === p
    }
    case 'Binary': {
      const p = decodeBase64(policyValue)
      if (!p) return NEVER
      return (v) => {
        const r = decodeBase64(v)
        return r !== undefined && sameBytes(r, p)
      }
    }
    case 'IpAddress': {
      const range = parseCidr(policyValue)
      if (!range) return NEVER
      return (v) => {
        const a = parseAddress(v)
        return a !== undefined && ipInRange(a, range)
      }
    }
    case 'Null':
      return NEVER
  }
}

function numericTest(name: string, p: number, parse: (s: string) => number | undefined): ValueTest {
  const cmp = (f: (r: number) => boolean): ValueTest => (v) => {
    const r = parse(v)
    return r !== undefined && f(r)
  }
  // The positive comparison; NotEquals is negated (NOR) by the caller.
  if (name.endsWith('LessThanEquals')) return cmp((r) => r <= p)
  if (name.endsWith('LessThan')) return cmp((r) => r < p)
  if (name.endsWith('GreaterThanEquals')) return cmp((r) => r >= p)
  if (name.endsWith('GreaterThan')) return cmp((r) => r > p)
  if (name.endsWith('Equals')) return cmp((r) => r === p)
  return NEVER
}

/** Families whose values may hold policy variables (String and ARN operators; Bool per the older page). */
export function familyAllowsVariables(base: BaseOperatorInfo): boolean {
  return base.family === 'String' || base.family === 'Arn' || base.family === 'Bool'
}

/** Families whose policy values treat `*` and `?` as wildcards. */
export function familyUsesWildcards(base: BaseOperatorInfo): boolean {
  return (base.family === 'String' && base.like) || base.family === 'Arn'
}
