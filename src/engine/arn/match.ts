/**
 * Resource and ARN pattern matching per AWS's rules.
 *
 * Two rule sets, because AWS documents two:
 *
 * - The `Resource` / `NotResource` element
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html):
 *   `*` and `?` may appear in any colon-separated segment, several times; `?` is exactly one character;
 *   a `*` that is the **last character of a segment** may expand past colon boundaries; inside the
 *   resource part (after the fifth colon) `*` also matches `/` and `:`. Matching is case-sensitive.
 * - The `ArnEquals` / `ArnLike` condition operators
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN):
 *   both compare the six colon-delimited parts of the ARN separately, each with `*`/`?` wildcards that
 *   never cross a part boundary; a value that is not an ARN never matches.
 *
 * Patterns are handled in an "encoded" form in which wildcards are the private code points
 * {@link WILD_STAR} and {@link WILD_ONE}, so text that must stay literal (a policy-variable value, or the
 * `${*}` / `${?}` escapes) can sit in the same string as real wildcards. {@link encodeWildcards} turns a
 * plain IAM pattern into that form. Every matcher here is non-backtracking: worst case O(pattern × text).
 */

/** Encoded `*`: any run of characters (maybe none). */
export const WILD_STAR = '\uFDD0'
/** Encoded `?`: exactly one character. */
export const WILD_ONE = '\uFDD1'
const STAR = 0xfdd0
const ONE = 0xfdd1
const COLON = 58

/** `*` → {@link WILD_STAR}, `?` → {@link WILD_ONE}; every other character stays literal. */
export function encodeWildcards(pattern: string): string {
  if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) return pattern
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    out += c === '*' ? WILD_STAR : c === '?' ? WILD_ONE : c
  }
  return out
}

export function hasEncodedWildcard(encoded: string): boolean {
  return encoded.indexOf(WILD_STAR) >= 0 || encoded.indexOf(WILD_ONE) >= 0
}

/**
 * Glob match of an encoded pattern against a literal text, over `p[ps, pe)` and `t[ts, te)`.
 * Two pointers, remembering only the last star: linear in practice, never exponential.
 */
export function encodedGlob(p: string, t: string, ps = 0, pe = p.length, ts = 0, te = t.length): boolean {
  let pi = ps
  let ti = ts
  let starP = -1
  let starT = 0
  while (ti < te) {
    const pc = pi < pe ? p.charCodeAt(pi) : -1
    if (pc === STAR) {
      starP = pi++
      starT = ti
    } else if (pc === ONE || (pc >= 0 && pc === t.charCodeAt(ti))) {
      pi++
      ti++
    } else if (starP >= 0) {
      pi = starP + 1
      ti = ++starT
    } else return false
  }
  while (pi < pe && p.charCodeAt(pi) === STAR) pi++
  return pi === pe
}

/** Offsets of the first `count` colons of `s` (fewer when it has fewer). */
function colonOffsets(s: string, count: number): number[] {
  const out: number[] = []
  let from = 0
  while (out.length < count) {
    const c = s.indexOf(':', from)
    if (c < 0) break
    out.push(c)
    from = c + 1
  }
  return out
}

/**
 * Does an encoded `Resource` pattern match a resource ARN (or any resource string)?
 * Segment rules per the Resource element page (see the file comment).
 */
export function encodedResourceMatch(pattern: string, value: string): boolean {
  const n = pattern.length
  if (n === 1 && pattern.charCodeAt(0) === STAR) return true
  // Walk the first five segments: is there a wildcard there that must not cross a colon?
  let colons = 0
  let restricted = false
  let resourceStart = n + 1
  for (let i = 0; i < n; i++) {
    const c = pattern.charCodeAt(i)
    if (c === COLON) {
      if (++colons === 5) {
        resourceStart = i + 1
        break
      }
    } else if (c === ONE || (c === STAR && i + 1 < n && pattern.charCodeAt(i + 1) !== COLON)) restricted = true
  }
  if (!restricted) return encodedGlob(pattern, value)
  return segmentAwareMatch(pattern, value, resourceStart)
}

/**
 * Dynamic programming over (pattern position, text position) for patterns with wildcards that must
 * stay inside one colon-separated segment. O(|pattern| × |text|) time, O(|text|) space.
 */
function segmentAwareMatch(p: string, t: string, resourceStart: number): boolean {
  const n = t.length
  let prev = new Uint8Array(n + 1)
  let cur = new Uint8Array(n + 1)
  prev[0] = 1
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i)
    const inResource = i >= resourceStart
    cur.fill(0)
    if (c === STAR) {
      const spans = inResource || i + 1 >= p.length || p.charCodeAt(i + 1) === COLON
      cur[0] = prev[0]!
      for (let j = 1; j <= n; j++) {
        const canEat = spans || t.charCodeAt(j - 1) !== COLON
        cur[j] = prev[j]! | (canEat ? cur[j - 1]! : 0)
      }
    } else {
      for (let j = 1; j <= n; j++) {
        if (!prev[j - 1]) continue
        const tc = t.charCodeAt(j - 1)
        if (c === ONE ? inResource || tc !== COLON : c === tc) cur[j] = 1
      }
    }
    const swap = prev
    prev = cur
    cur = swap
  }
  return prev[n] === 1
}

export type StringMatcher = (value: string) => boolean

/** Compiles a plain IAM `Resource` pattern (`*`/`?` are wildcards) for repeated matching. */
export function compileResourcePattern(pattern: string): StringMatcher {
  return compileEncodedResourcePattern(encodeWildcards(pattern))
}

/** Compiles an encoded `Resource` pattern, with fast paths for the common shapes. */
export function compileEncodedResourcePattern(encoded: string): StringMatcher {
  if (encoded === WILD_STAR) return () => true
  if (!hasEncodedWildcard(encoded)) return (v) => v === encoded
  const firstStar = encoded.indexOf(WILD_STAR)
  if (encoded.indexOf(WILD_ONE) < 0 && firstStar === encoded.length - 1) {
    // Only a trailing `*`: a prefix test (a trailing `*` may always cross colons).
    const prefix = encoded.slice(0, -1)
    return (v) => v.startsWith(prefix)
  }
  return (v) => encodedResourceMatch(encoded, v)
}

/** Plain-pattern convenience: does `Resource` pattern `pattern` match `value`? */
export function resourcePatternMatches(pattern: string, value: string): boolean {
  return encodedResourceMatch(encodeWildcards(pattern), value)
}

/** The six colon-separated parts of an ARN (the last keeps its colons); undefined when fewer than six. */
export function arnParts(value: string): string[] | undefined {
  const colons = colonOffsets(value, 5)
  if (colons.length < 5) return undefined
  const parts: string[] = []
  let start = 0
  for (const c of colons) {
    parts.push(value.slice(start, c))
    start = c + 1
  }
  parts.push(value.slice(start))
  return parts
}

/**
 * `ArnEquals` / `ArnLike` on an encoded pattern: the six parts are matched one by one, wildcards never
 * cross a part boundary, and a value that is not an ARN (fewer than six parts) never matches.
 */
export function encodedArnLike(pattern: string, value: string): boolean {
  const pc = colonOffsets(pattern, 5)
  const vc = colonOffsets(value, 5)
  if (pc.length < 5 || vc.length < 5) return false
  let ps = 0
  let vs = 0
  for (let i = 0; i < 6; i++) {
    const pe = i < 5 ? pc[i]! : pattern.length
    const ve = i < 5 ? vc[i]! : value.length
    if (!encodedGlob(pattern, value, ps, pe, vs, ve)) return false
    ps = pe + 1
    vs = ve + 1
  }
  return true
}

/** Plain-pattern convenience for `ArnLike`. */
export function arnLikeMatches(pattern: string, value: string): boolean {
  return encodedArnLike(encodeWildcards(pattern), value)
}

/**
 * Could some string match both encoded patterns? Used for "what could this policy do on resources
 * matching a pattern" (bulk simulation). Conservative for very long inputs (answers true).
 */
export function encodedPatternsIntersect(a: string, b: string): boolean {
  if (!hasEncodedWildcard(a)) return encodedGlob(b, a)
  if (!hasEncodedWildcard(b)) return encodedGlob(a, b)
  const n = a.length
  const m = b.length
  if (n * m > 250_000) return true
  // reach[i][j]: a[0,i) and b[0,j) can produce the same string.
  const W = m + 1
  const reach = new Uint8Array((n + 1) * W)
  reach[0] = 1
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (!reach[i * W + j]) continue
      const ac = i < n ? a.charCodeAt(i) : -1
      const bc = j < m ? b.charCodeAt(j) : -1
      if (ac === STAR) {
        reach[(i + 1) * W + j] = 1 // star takes nothing
        if (j < m) reach[i * W + j + 1] = 1 // star absorbs b's next symbol (a char, `?` or a star's output)
      }
      if (bc === STAR) {
        reach[i * W + j + 1] = 1
        if (i < n) reach[(i + 1) * W + j] = 1
      }
      if (i < n && j < m && ac !== STAR && bc !== STAR && (ac === bc || ac === ONE || bc === ONE)) reach[(i + 1) * W + j + 1] = 1
    }
  }
  return reach[n * W + m] === 1
}

/**
 * Does encoded pattern `outer` match every string that encoded pattern `inner` matches? Exact for
 * `*`-only patterns; conservative (may answer false) when `?` meets `*`.
 */
export function encodedPatternCovers(outer: string, inner: string): boolean {
  // Treat inner's wildcards as symbols that only a star of `outer` (or the same wildcard) can absorb.
  const n = outer.length
  const m = inner.length
  if (n * m > 250_000) return false
  let prev = new Uint8Array(m + 1)
  let cur = new Uint8Array(m + 1)
  prev[0] = 1
  for (let i = 0; i < n; i++) {
    const c = outer.charCodeAt(i)
    cur.fill(0)
    if (c === STAR) {
      cur[0] = prev[0]!
      for (let j = 1; j <= m; j++) cur[j] = prev[j]! | cur[j - 1]!
    } else {
      for (let j = 1; j <= m; j++) {
        if (!prev[j - 1]) continue
        const ic = inner.charCodeAt(j - 1)
        if (c === ic || (c === ONE && ic !== STAR)) cur[j] = 1
      }
    }
    const swap = prev
    prev = cur
    cur = swap
  }
  return prev[m] === 1
}
