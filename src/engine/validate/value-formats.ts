/**
 * Formats of condition values: numbers, dates, booleans, base64, IP ranges (with private ranges).
 * All regular expressions here are linear (no nested quantifiers over the same characters).
 */
import ipaddr from 'ipaddr.js'

export const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/
export const BOOLEAN = /^(true|false)$/i
export const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

export function isBase64(v: string): boolean {
  return v.length % 4 === 0 && BASE64.test(v)
}

// ISO 8601 / W3C date-time profiles: 2024, 2024-05, 2024-05-01, 2024-05-01T10:00Z, 2024-05-01T10:00:00.000+02:00, 20240501T100000Z
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/
const BASIC_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/

/** Is this an ISO 8601 date or date-time AWS can compare? */
export function isIsoDate(v: string): boolean {
  const m = ISO_DATE.exec(v) ?? BASIC_DATE.exec(v)
  if (!m) return false
  const month = m[2] === undefined ? 1 : Number(m[2])
  const day = m[3] === undefined ? 1 : Number(m[3])
  const hour = m[4] === undefined ? 0 : Number(m[4])
  const minute = m[5] === undefined ? 0 : Number(m[5])
  const second = m[6] === undefined ? 0 : Number(m[6])
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60
}

/** Seconds since 1970 written as digits (AWS accepts it for date operators, but it is easy to get wrong). */
export const EPOCH = /^\d{5,}$/

export interface IpRange {
  version: 4 | 6
  /** The address as a big integer, and the prefix length. */
  address: bigint
  prefix: number
  /** True when the address has bits set beyond the prefix (e.g. 10.0.0.5/24). */
  hostBits: boolean
  /** The canonical network form (e.g. 10.0.0.0/24). */
  readonly network: string
}

function bigToV4(n: bigint): string {
  const out: number[] = []
  for (let i = 3; i >= 0; i--) out.push(Number((n >> BigInt(i * 8)) & 255n))
  return out.join('.')
}

function bigToV6(n: bigint): string {
  const parts: number[] = []
  for (let i = 7; i >= 0; i--) parts.push(Number((n >> BigInt(i * 16)) & 0xffffn))
  return new ipaddr.IPv6(parts).toRFC5952String()
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/

function makeRange(version: 4 | 6, address: bigint, prefix: number): IpRange {
  const bits = version === 4 ? 32 : 128
  const all = (1n << BigInt(bits)) - 1n
  const mask = prefix === 0 ? 0n : all ^ ((1n << BigInt(bits - prefix)) - 1n)
  const net = address & mask
  let network: string | undefined
  return {
    version,
    address,
    prefix,
    hostBits: net !== address,
    get network(): string {
      network ??= `${version === 4 ? bigToV4(net) : bigToV6(net)}/${prefix}`
      return network
    },
  }
}

const parsedIps = new Map<string, IpRange | null>()

/** Parses an IPv4 or IPv6 address with an optional /prefix, as IpAddress conditions take them. */
export function parseIpRange(value: string): IpRange | undefined {
  const hit = parsedIps.get(value)
  if (hit !== undefined) return hit ?? undefined
  const r = parseIpUncached(value)
  if (parsedIps.size > 2000) parsedIps.clear()
  parsedIps.set(value, r ?? null)
  return r
}

function parseIpUncached(value: string): IpRange | undefined {
  if (value.length > 64) return undefined
  const m4 = V4.exec(value)
  if (m4) {
    const octets = [m4[1], m4[2], m4[3], m4[4]].map(Number)
    if (octets.some((o) => o > 255)) return undefined
    const prefix = m4[5] === undefined ? 32 : Number(m4[5])
    if (prefix > 32) return undefined
    return makeRange(4, octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n), prefix)
  }
  if (!value.includes(':')) return undefined
  const slash = value.indexOf('/')
  const addr = slash >= 0 ? value.slice(0, slash) : value
  const pfx = slash >= 0 ? value.slice(slash + 1) : '128'
  if (!/^\d{1,3}$/.test(pfx) || Number(pfx) > 128) return undefined
  if (!/^[0-9A-Fa-f:.]+$/.test(addr) || !ipaddr.IPv6.isValid(addr)) return undefined
  return makeRange(6, ipaddr.IPv6.parse(addr).parts.reduce((acc, p) => (acc << 16n) | BigInt(p), 0n), Number(pfx))
}

const PRIVATE_V4: [string, number][] = [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
]
const PRIVATE_V6: [string, number][] = [
  ['fc00::', 7],
  ['fe80::', 10],
  ['::1', 128],
]
const privateRanges = {
  4: PRIVATE_V4.map(([a, p]) => parseIpRange(`${a}/${p}`)!),
  6: PRIVATE_V6.map(([a, p]) => parseIpRange(`${a}/${p}`)!),
}

/** Is the whole range inside a private, loopback or link-local block (addresses AWS never sees as aws:SourceIp)? */
export function isPrivateRange(r: IpRange): boolean {
  const bits = r.version === 4 ? 32 : 128
  for (const p of privateRanges[r.version]) {
    if (r.prefix < p.prefix) continue
    const shift = BigInt(bits - p.prefix)
    if (r.address >> shift === p.address >> shift) return true
  }
  return false
}
