import { globMatch } from '../patterns/glob'
import { replaceVariables } from '../patterns/variables'
import { arnFields } from './arn'

/**
 * Matching of ARNs (or ARN patterns from a policy) against the catalogue's ARN formats such as
 * `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
 */
export interface ArnFormat {
  format: string
  /** Glob of the format with every `${Placeholder}` turned into `*`. */
  glob: string
  fields: string[]
}

export function compileArnFormat(format: string): ArnFormat {
  const glob = replaceVariables(format, '*')
  return { format, glob, fields: arnFields(glob) }
}

/** Replaces policy variables (`${aws:username}`) with `*` so a resource pattern can be compared structurally. */
export function variablesAsWildcards(text: string): string {
  return replaceVariables(text.replace(/\$\{([*?$])\}/g, '$1'), '*')
}

const fieldsCache = new Map<string, readonly string[]>()

/**
 * The fields of a policy resource with its variables as wildcards, computed once per resource: a resource
 * is compared with every ARN format of every action a statement names.
 */
function resourceFields(resource: string): readonly string[] {
  let f = fieldsCache.get(resource)
  if (!f) {
    f = arnFields(variablesAsWildcards(resource))
    if (fieldsCache.size >= 2000) fieldsCache.clear()
    fieldsCache.set(resource, f)
  }
  return f
}

/**
 * Could the policy resource `resource` (which may itself contain wildcards and variables) name a resource of
 * this format? Fields are compared one by one; the resource part glob-vs-glob. Conservative: true whenever
 * some concrete ARN could match both.
 */
export function resourceMatchesFormat(resource: string, format: ArnFormat): boolean {
  const r = resourceFields(resource)
  if (r.length < 6) {
    // `arn:aws:s3:::*`-style truncation is not possible; a short value can only match through a trailing `*`
    const last = r[r.length - 1] ?? ''
    if (!last.endsWith('*')) return false
  }
  for (let i = 0; i < 6; i++) {
    const a = r[i]
    const b = format.fields[i] ?? ''
    if (a === undefined) return true
    if (i === r.length - 1 && a.endsWith('*') && i < 5) return true
    if (!globsIntersect(a, b)) return false
  }
  return true
}

/** Do two glob patterns share at least one string? (Both sides may hold `*` and `?`.) */
export function globsIntersect(a: string, b: string): boolean {
  if (!/[*?]/.test(a)) return globMatch(b, a)
  if (!/[*?]/.test(b)) return globMatch(a, b)
  // Dynamic programming over both patterns; sizes are small (ARN fields).
  const n = a.length
  const m = b.length
  const memo = new Map<number, boolean>()
  const go = (i: number, j: number): boolean => {
    const key = i * (m + 1) + j
    const hit = memo.get(key)
    if (hit !== undefined) return hit
    let r: boolean
    if (i === n && j === m) r = true
    else if (i < n && a[i] === '*') r = go(i + 1, j) || (j < m && go(i, j + 1))
    else if (j < m && b[j] === '*') r = go(i, j + 1) || (i < n && go(i + 1, j))
    else if (i < n && j < m) r = (a[i] === b[j] || a[i] === '?' || b[j] === '?') && go(i + 1, j + 1)
    else r = false
    memo.set(key, r)
    return r
  }
  if (n * m > 200_000 || n + m > 4000) return true
  return go(0, 0)
}
