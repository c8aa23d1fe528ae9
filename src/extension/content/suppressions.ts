/**
 * Finding codes the user chose to hide, like a linter's ignore list: everywhere, or on one console page
 * (one policy). Kept in storage.local; validated on read, since anything in storage may be stale or odd.
 */

export interface Suppressions {
  /** Codes hidden on every page. */
  global: string[]
  /** Codes hidden per page key (see `pageKey`). */
  pages: Record<string, string[]>
}

export type SuppressScope = 'page' | 'global'

export const SUPPRESSIONS_KEY = 'suppressions'
const CODE = /^[A-Z0-9_]{1,80}$/
const MAX_PAGES = 500

export const NO_SUPPRESSIONS: Suppressions = { global: [], pages: {} }

function codes(x: unknown): string[] {
  return Array.isArray(x) ? [...new Set(x.filter((c): c is string => typeof c === 'string' && CODE.test(c)))] : []
}

export function readSuppressions(x: unknown): Suppressions {
  if (typeof x !== 'object' || x === null) return { global: [], pages: {} }
  const o = x as Record<string, unknown>
  const pages: Record<string, string[]> = {}
  if (typeof o.pages === 'object' && o.pages !== null) {
    for (const [k, v] of Object.entries(o.pages as Record<string, unknown>).slice(0, MAX_PAGES)) {
      const list = codes(v)
      if (list.length && k.length <= 300 && k !== '__proto__') pages[k] = list
    }
  }
  return { global: codes(o.global), pages }
}

/** The page a policy lives on: path and hash route without query, so one policy keeps its own list. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url)
    const hash = u.hash.split('?')[0] ?? ''
    return (u.pathname + hash).slice(0, 300)
  } catch {
    return ''
  }
}

export function hiddenCodes(s: Suppressions, key: string): { code: string; scope: SuppressScope }[] {
  const page = s.pages[key] ?? []
  return [...s.global.map((code) => ({ code, scope: 'global' as const })), ...page.filter((c) => !s.global.includes(c)).map((code) => ({ code, scope: 'page' as const }))]
}

export function withCode(s: Suppressions, key: string, code: string, scope: SuppressScope, hide: boolean): Suppressions {
  if (!CODE.test(code)) return s
  const toggle = (list: string[]) => (hide ? [...new Set([...list, code])] : list.filter((c) => c !== code))
  if (scope === 'global') return { ...s, global: toggle(s.global) }
  const pages = { ...s.pages }
  const next = toggle(pages[key] ?? [])
  if (next.length) pages[key] = next
  else delete pages[key]
  return { ...s, pages }
}

