/**
 * Glob matching for IAM wildcards: `*` matches any run of characters (including none), `?` exactly one.
 * Iterative two-pointer matching that remembers only the last `*`: O(pattern × text) in the worst
 * case and never exponential, unlike a backtracking regular expression (`a*a*a*a*b` stays fast).
 */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  if (ignoreCase) {
    pattern = pattern.toLowerCase()
    text = text.toLowerCase()
  }
  let p = 0
  let t = 0
  let starP = -1
  let starT = 0
  const pl = pattern.length
  const tl = text.length
  while (t < tl) {
    const pc = p < pl ? pattern.charCodeAt(p) : -1
    if (pc === 42 /* * */) {
      starP = p++
      starT = t
    } else if (pc === 63 /* ? */ || pc === text.charCodeAt(t)) {
      p++
      t++
    } else if (starP >= 0) {
      p = starP + 1
      t = ++starT
    } else return false
  }
  while (p < pl && pattern.charCodeAt(p) === 42) p++
  return p === pl
}

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?')
}

export type Matcher = (text: string) => boolean

/** Compiles a pattern once for repeated matching, with fast paths for the common shapes. */
export function compileGlob(pattern: string, ignoreCase = false): Matcher {
  const pat = ignoreCase ? pattern.toLowerCase() : pattern
  const norm = ignoreCase ? (s: string) => s.toLowerCase() : (s: string) => s
  if (pat === '*') return () => true
  const q = pat.indexOf('?')
  const first = pat.indexOf('*')
  if (q < 0 && first < 0) return (s) => norm(s) === pat
  if (q < 0 && first === pat.length - 1) {
    const prefix = pat.slice(0, -1)
    return (s) => norm(s).startsWith(prefix)
  }
  if (q < 0 && first === 0 && pat.indexOf('*', 1) < 0) {
    const suffix = pat.slice(1)
    return (s) => norm(s).endsWith(suffix)
  }
  return (s) => globMatch(pat, norm(s))
}

/** Does every string matched by `inner` also match `outer`? Exact for `*`-only patterns; conservative with `?`. */
export function globCovers(outer: string, inner: string, ignoreCase = false): boolean {
  if (ignoreCase) {
    outer = outer.toLowerCase()
    inner = inner.toLowerCase()
  }
  // Treat inner's wildcards as literal characters that outer's `*` may absorb; a `*` or `?` in inner
  // can only be matched by a `*` in outer (or the same character).
  return coverMatch(outer, inner)
}

function coverMatch(outer: string, inner: string): boolean {
  let p = 0
  let t = 0
  let starP = -1
  let starT = 0
  while (t < inner.length) {
    const pc = p < outer.length ? outer[p] : undefined
    const tc = inner[t]!
    if (pc === '*') {
      starP = p++
      starT = t
    } else if (pc !== undefined && (pc === tc || (pc === '?' && tc !== '*'))) {
      p++
      t++
    } else if (starP >= 0) {
      p = starP + 1
      t = ++starT
    } else return false
  }
  while (p < outer.length && outer[p] === '*') p++
  return p === outer.length
}
