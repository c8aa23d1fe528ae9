/**
 * Policy variables (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
 * `${aws:username}`, `${aws:PrincipalTag/team}`, defaults `${aws:PrincipalTag/team, 'none'}` and the
 * escapes `${*}`, `${?}`, `${$}`. Only `"Version": "2012-10-17"` turns them on; otherwise the text is
 * literal. A key absent from the request (and without a default) leaves the variable unresolved, and the
 * element that contains it does not match. Key names are case-insensitive; values are substituted as
 * literal text (their characters never act as wildcards).
 */
import { encodeWildcards } from '../arn/match'
import type { RequestContext } from './context'

export type TemplatePart =
  | { kind: 'text'; text: string }
  /** `${*}`, `${?}`, `${$}`: the literal character. */
  | { kind: 'escape'; char: string }
  | { kind: 'variable'; name: string; keyLower: string; fallback?: string }

export interface Template {
  parts: TemplatePart[]
  /** At least one `${key}` (escapes do not count). */
  hasVariables: boolean
  /** At least one part other than plain text. */
  isTemplate: boolean
}

const DEFAULT_VALUE = /^\s*'([^']*)'\s*$/

/** Splits text into literal runs, escapes and variables. Malformed `${...}` stays literal text. */
export function parseTemplate(text: string): Template {
  const parts: TemplatePart[] = []
  let hasVariables = false
  let literal = ''
  let i = 0
  while (i < text.length) {
    const open = text.indexOf('${', i)
    if (open < 0) break
    const close = text.indexOf('}', open + 2)
    if (close < 0) break
    const inner = text.slice(open + 2, close)
    let part: TemplatePart | undefined
    if (inner === '*' || inner === '?' || inner === '$') part = { kind: 'escape', char: inner }
    else {
      const comma = inner.indexOf(',')
      const name = (comma < 0 ? inner : inner.slice(0, comma)).trim()
      if (name && !/\s/.test(name) && !name.includes('${')) {
        if (comma < 0) part = { kind: 'variable', name, keyLower: name.toLowerCase() }
        else {
          const m = DEFAULT_VALUE.exec(inner.slice(comma + 1))
          if (m) part = { kind: 'variable', name, keyLower: name.toLowerCase(), fallback: m[1]! }
        }
      }
    }
    if (!part) {
      // not a variable: keep `${` literally and continue after it
      literal += text.slice(i, open + 2)
      i = open + 2
      continue
    }
    literal += text.slice(i, open)
    if (literal) parts.push({ kind: 'text', text: literal })
    literal = ''
    parts.push(part)
    if (part.kind === 'variable') hasVariables = true
    i = close + 1
  }
  literal += text.slice(i)
  if (literal) parts.push({ kind: 'text', text: literal })
  return { parts, hasVariables, isTemplate: parts.some((p) => p.kind !== 'text') }
}

export interface Resolution {
  /** The resolved text; undefined when a variable could not be resolved. */
  value: string | undefined
  /** Variables that had no value (as written). */
  missing: string[]
}

/**
 * Resolves a template against the request context. With `wildcards`, the literal policy text keeps
 * `*` and `?` as wildcards (encoded per arn/match.ts) while substituted values and escapes stay literal.
 */
export function resolveTemplate(t: Template, ctx: RequestContext, wildcards: boolean): Resolution {
  let out = ''
  const missing: string[] = []
  for (const p of t.parts) {
    if (p.kind === 'text') out += wildcards ? encodeWildcards(p.text) : p.text
    else if (p.kind === 'escape') out += p.char
    else {
      const v = ctx.single(p.keyLower)
      if (v !== undefined) out += v
      else if (p.fallback !== undefined) out += p.fallback
      else missing.push(p.name)
    }
  }
  return { value: missing.length ? undefined : out, missing }
}

/** The text with wildcards encoded and no variable handling (Version other than 2012-10-17). */
export function literalPattern(text: string): string {
  return encodeWildcards(text)
}
