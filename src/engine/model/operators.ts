/** Condition operators: names, families and modifiers, per the IAM condition-operator reference. */

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null'

export interface BaseOperatorInfo {
  name: string
  family: OperatorFamily
  negated: boolean
  /** Like operators treat `*` and `?` as wildcards. */
  like: boolean
  ignoreCase: boolean
}

const ops: BaseOperatorInfo[] = []
function add(family: OperatorFamily, names: string[], negated: string[] = [], like: string[] = [], ignoreCase: string[] = []): void {
  for (const name of names) ops.push({ name, family, negated: negated.includes(name), like: like.includes(name), ignoreCase: ignoreCase.includes(name) })
}
add(
  'String',
  ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'],
  ['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike'],
  ['StringLike', 'StringNotLike'],
  ['StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase'],
)
add(
  'Numeric',
  ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'],
  ['NumericNotEquals'],
)
add('Date', ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'], ['DateNotEquals'])
add('Bool', ['Bool'])
add('Binary', ['BinaryEquals'])
add('IpAddress', ['IpAddress', 'NotIpAddress'], ['NotIpAddress'])
add('Arn', ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'], ['ArnNotEquals', 'ArnNotLike'], ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'])
add('Null', ['Null'])

export const BASE_OPERATORS: readonly BaseOperatorInfo[] = ops
const byName = new Map(ops.map((o) => [o.name, o]))
const byLower = new Map(ops.map((o) => [o.name.toLowerCase(), o]))

export type SetQualifier = 'ForAllValues' | 'ForAnyValue'

export interface ParsedOperator {
  /** The operator as written. */
  raw: string
  qualifier?: SetQualifier
  ifExists: boolean
  /** The base operator (without qualifier or IfExists), when known. */
  base?: BaseOperatorInfo
  /** True when the name is exactly a valid operator (case-sensitive). */
  valid: boolean
  /** The correctly spelled operator, when `raw` differs only in case. */
  corrected?: string
  /** Why the operator is invalid, when it is. */
  problem?: 'unknown' | 'case' | 'null-if-exists'
}

/** Parses `ForAnyValue:StringLikeIfExists` and friends. Never throws. */
export function parseOperator(raw: string): ParsedOperator {
  let rest = raw
  let qualifier: SetQualifier | undefined
  let caseProblem = false
  const colon = rest.indexOf(':')
  if (colon >= 0) {
    const q = rest.slice(0, colon)
    const ql = q.toLowerCase()
    if (ql === 'forallvalues') qualifier = 'ForAllValues'
    else if (ql === 'foranyvalue') qualifier = 'ForAnyValue'
    else return { raw, ifExists: false, valid: false, problem: 'unknown' }
    if (q !== qualifier) caseProblem = true
    rest = rest.slice(colon + 1)
  }
  let ifExists = false
  if (rest.toLowerCase().endsWith('ifexists') && rest.length > 'ifexists'.length) {
    if (!rest.endsWith('IfExists')) caseProblem = true
    ifExists = true
    rest = rest.slice(0, -'IfExists'.length)
  }
  let base = byName.get(rest)
  if (!base) {
    base = byLower.get(rest.toLowerCase())
    if (base) caseProblem = true
  }
  if (!base) return { raw, ...(qualifier ? { qualifier } : {}), ifExists, valid: false, problem: 'unknown' }
  const corrected = `${qualifier ? qualifier + ':' : ''}${base.name}${ifExists ? 'IfExists' : ''}`
  const parsed: ParsedOperator = { raw, ifExists, base, valid: !caseProblem, ...(qualifier ? { qualifier } : {}) }
  if (caseProblem) {
    parsed.corrected = corrected
    parsed.problem = 'case'
  }
  if (base.family === 'Null' && ifExists) {
    parsed.valid = false
    parsed.problem = 'null-if-exists'
  }
  return parsed
}
