/**
 * Scanning of policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, `${*}`) in a
 * string, with their syntax problems. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */

export interface VariableRef {
  /** The key name (without the default), e.g. `aws:username`; the character for `${*}`, `${?}`, `${$}`. */
  name: string
  /** Offsets in the string of `$` and one past `}`. */
  start: number
  end: number
  /** `${*}`, `${?}` or `${$}`: a literal character, not a key. */
  special: boolean
  defaultValue?: string
}

export type VariableProblemCode =
  | 'MISSING_BRACE_IN_VARIABLE'
  | 'EMPTY_VARIABLE'
  | 'UNSUPPORTED_SPACE_IN_VARIABLE'
  | 'MISSING_QUOTE_IN_VARIABLE'
  | 'UNSUPPORTED_SYMBOL_IN_VARIABLE'

export interface VariableProblem {
  code: VariableProblemCode
  message: string
  /** The variable text as written. */
  text: string
}

export interface VariableScan {
  vars: VariableRef[]
  problems: VariableProblem[]
}

/** Characters a key name may hold: those of key names and of tag keys (letters, digits, `_ . : / = + - @`). */
const NAME = /^[A-Za-z0-9_.:/=+\-@]+$/
const DEFAULT = /^ *'[^']*' *$/
const EMPTY: VariableScan = { vars: [], problems: [] }

export function scanVariables(text: string): VariableScan {
  let i = text.indexOf('${')
  if (i < 0) return EMPTY
  const out: VariableScan = { vars: [], problems: [] }
  // The next `}` is searched again only once `i` has passed it, so many `${` before one `}` stay linear.
  let close = -1
  while (i >= 0) {
    if (close < i + 2) close = text.indexOf('}', i + 2)
    const next = text.indexOf('${', i + 2)
    if (close < 0 || (next >= 0 && next < close)) {
      out.problems.push({
        code: 'MISSING_BRACE_IN_VARIABLE',
        text: text.slice(i, i + 40),
        message: `The policy variable starting "${text.slice(i, i + 20)}" has no closing brace "}".`,
      })
      if (close < 0) break
      i = next
      continue
    }
    const inner = text.slice(i + 2, close)
    const raw = text.slice(i, close + 1)
    if (inner === '') {
      out.problems.push({ code: 'EMPTY_VARIABLE', text: raw, message: '"${}" is an empty policy variable. Put a key name inside, such as ${aws:username}.' })
    } else if (inner === '*' || inner === '?' || inner === '$') {
      out.vars.push({ name: inner, start: i, end: close + 1, special: true })
    } else {
      const comma = inner.indexOf(',')
      const name = comma >= 0 ? inner.slice(0, comma) : inner
      const def = comma >= 0 ? inner.slice(comma + 1) : undefined
      if (/\s/.test(name)) {
        out.problems.push({
          code: 'UNSUPPORTED_SPACE_IN_VARIABLE',
          text: raw,
          message: `The variable "${raw}" has a space in its key name. Spaces are only allowed inside the quoted default value, as in \${aws:PrincipalTag/team, 'none'}.`,
        })
      } else if (!NAME.test(name)) {
        out.problems.push({
          code: 'UNSUPPORTED_SYMBOL_IN_VARIABLE',
          text: raw,
          message: `The variable "${raw}" has a character that cannot appear in a condition key name.`,
        })
      } else if (def !== undefined && !DEFAULT.test(def)) {
        out.problems.push({
          code: 'MISSING_QUOTE_IN_VARIABLE',
          text: raw,
          message: `The default value in "${raw}" must be in single quotes, as in \${${name}, 'default'}.`,
        })
      } else {
        const ref: VariableRef = { name, start: i, end: close + 1, special: false }
        if (def !== undefined) ref.defaultValue = def.trim().slice(1, -1)
        out.vars.push(ref)
      }
    }
    i = text.indexOf('${', close + 1)
  }
  return out
}

/** Text with every variable removed (its fixed characters only). */
export function withoutVariables(text: string, vars: VariableRef[]): string {
  let out = ''
  let at = 0
  for (const v of vars) {
    out += text.slice(at, v.start)
    at = v.end
  }
  return out + text.slice(at)
}
