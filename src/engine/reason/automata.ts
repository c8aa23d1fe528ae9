/**
 * String languages of IAM patterns as small linear automata, and the regions they cut the strings into.
 *
 * Every pattern the policy language uses on strings (an Action glob, a Resource pattern with its
 * segment rules, an `ArnLike` value with its six parts, a `StringLike` value, a literal `StringEquals`
 * value, case-insensitive or not) is a sequence of tokens: one character of a class, or a run (`*`) of
 * characters of a class. {@link regions} walks the product of many such automata breadth-first and
 * returns one shortest string for every non-empty Boolean combination ("region") of their languages:
 * two strings in the same region are matched by exactly the same patterns. That is what makes a finite
 * set of representatives exact: deciding a question on one string of each region decides it for all.
 */

/** A class of characters: any, any but `:`, or a listed set. */
export type CharClass = { kind: 'any' } | { kind: 'notColon' } | { kind: 'set'; chars: string }

export interface Token {
  /** A run of zero or more characters of the class (`*`), or exactly one. */
  run: boolean
  cls: CharClass
}

/** A pattern as tokens. `empty` marks a language with no strings at all. */
export interface Pattern {
  tokens: Token[]
  empty?: boolean
}

const ANY: CharClass = { kind: 'any' }
const NOT_COLON: CharClass = { kind: 'notColon' }

function lit(c: string, ignoreCase: boolean): CharClass {
  if (!ignoreCase) return { kind: 'set', chars: c }
  const l = c.toLowerCase()
  const u = c.toUpperCase()
  return { kind: 'set', chars: l === u ? c : l + u }
}

/** A glob: `*` any run, `?` one character, everything else literal. */
export function globPattern(glob: string, ignoreCase = false): Pattern {
  const tokens: Token[] = []
  for (const c of glob) {
    if (c === '*') tokens.push({ run: true, cls: ANY })
    else if (c === '?') tokens.push({ run: false, cls: ANY })
    else tokens.push({ run: false, cls: lit(c, ignoreCase) })
  }
  return { tokens }
}

/** An exact string (`StringEquals`), optionally case-insensitive. */
export function literalPattern(text: string, ignoreCase = false): Pattern {
  const tokens: Token[] = []
  for (const c of text) tokens.push({ run: false, cls: lit(c, ignoreCase) })
  return { tokens }
}

/**
 * A `Resource` element pattern with the simulator's segment rules (arn/match.ts): when a wildcard in
 * the first five segments must stay inside its segment, such a `*` (not ending a segment) does not
 * cross `:` and `?` there is not `:`; in the resource part, and for a `*` that ends a segment, anything.
 */
export function resourcePattern(pattern: string): Pattern {
  const n = pattern.length
  if (pattern === '*') return { tokens: [{ run: true, cls: ANY }] }
  let colons = 0
  let restricted = false
  let resourceStart = n + 1
  for (let i = 0; i < n; i++) {
    const c = pattern[i]
    if (c === ':') {
      if (++colons === 5) {
        resourceStart = i + 1
        break
      }
    } else if (c === '?' || (c === '*' && i + 1 < n && pattern[i + 1] !== ':')) restricted = true
  }
  if (!restricted) return globPattern(pattern)
  const tokens: Token[] = []
  for (let i = 0; i < n; i++) {
    const c = pattern[i]!
    const inResource = i >= resourceStart
    if (c === '*') {
      const spans = inResource || i + 1 >= n || pattern[i + 1] === ':'
      tokens.push({ run: true, cls: spans ? ANY : NOT_COLON })
    } else if (c === '?') tokens.push({ run: false, cls: inResource ? ANY : NOT_COLON })
    else tokens.push({ run: false, cls: lit(c, false) })
  }
  return { tokens }
}

/** An `ArnLike`/`ArnEquals` value: six parts matched one by one; wildcards never cross a part boundary. */
export function arnLikePattern(pattern: string): Pattern {
  const tokens: Token[] = []
  let colons = 0
  for (const c of pattern) {
    const inResource = colons >= 5
    if (c === ':' && !inResource) {
      colons++
      tokens.push({ run: false, cls: lit(':', false) })
    } else if (c === '*') tokens.push({ run: true, cls: inResource ? ANY : NOT_COLON })
    else if (c === '?') tokens.push({ run: false, cls: inResource ? ANY : NOT_COLON })
    else tokens.push({ run: false, cls: lit(c, false) })
  }
  if (colons < 5) return { tokens, empty: true }
  return { tokens }
}

/** Strings of the form `service:name` with a non-empty service and name (the first colon splits them). */
export function actionUniverse(): Pattern {
  return {
    tokens: [
      { run: false, cls: NOT_COLON },
      { run: true, cls: NOT_COLON },
      { run: false, cls: lit(':', false) },
      { run: false, cls: ANY },
      { run: true, cls: ANY },
    ],
  }
}

/** Non-empty strings. */
export function nonEmptyUniverse(): Pattern {
  return { tokens: [{ run: false, cls: ANY }, { run: true, cls: ANY }] }
}

function classHas(cls: CharClass, c: string): boolean {
  if (cls.kind === 'any') return true
  if (cls.kind === 'notColon') return c !== ':'
  return cls.chars.includes(c)
}

/**
 * An atom of the regions: a union of patterns (an Action element's entries are ORed, so the element,
 * not each entry, is what tells strings apart). Its automaton puts the alternatives side by side: each
 * alternative's tokens, then its accepting position (no token).
 */
interface Atom {
  tokens: (Token | null)[]
  accepting: boolean[]
  /** From this state every string is accepted (only runs of any character to the end). */
  forever: boolean[]
  start: number[]
}

/** State list of an atom that has accepted for good: nothing to track any more. */
const SETTLED = [-1]

function atomOf(alternatives: Pattern[]): Atom {
  const tokens: (Token | null)[] = []
  const start: number[] = []
  for (const p of alternatives) {
    if (p.empty) continue
    start.push(tokens.length)
    tokens.push(...p.tokens, null)
  }
  const accepting = tokens.map((t) => t === null)
  const forever = new Array<boolean>(tokens.length).fill(false)
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]
    // A run of any character followed only by such runs up to the accepting position: accepts for good.
    forever[i] = t !== null && t.run && t.cls.kind === 'any' && (tokens[i + 1] === null || forever[i + 1] === true)
  }
  const a: Atom = { tokens, accepting, forever, start: [] }
  a.start = settle(a, closeAll(a, start))
  return a
}

function closeAll(a: Atom, states: number[]): number[] {
  const out: number[] = []
  let last = -1
  for (let q of states) {
    if (q > last) {
      out.push(q)
      last = q
    }
    while (a.tokens[q]?.run) {
      q++
      if (q > last) {
        out.push(q)
        last = q
      }
    }
  }
  return out
}

function settle(a: Atom, states: number[]): number[] {
  for (const q of states) if (a.forever[q]) return SETTLED
  return states
}

/**
 * One step on character `c` from a sorted state list, with the run-closure applied. The targets come out
 * in non-decreasing order and each closure is a contiguous range, so the result stays sorted and unique.
 */
function step(a: Atom, states: number[], c: string): number[] {
  if (states === SETTLED) return SETTLED
  const out: number[] = []
  let last = -1
  const tokens = a.tokens
  for (const s of states) {
    const t = tokens[s]
    if (!t || !classHas(t.cls, c)) continue
    let q = t.run ? s : s + 1
    if (q > last) {
      out.push(q)
      last = q
    }
    while (tokens[q]?.run) {
      q++
      if (q > last) {
        out.push(q)
        last = q
      }
    }
  }
  return out.length ? settle(a, out) : out
}

function accepts(a: Atom, states: number[]): boolean {
  if (states === SETTLED) return true
  for (const q of states) if (a.accepting[q]) return true
  return false
}

function patternKey(p: Pattern): string {
  if (p.empty) return '!'
  let k = ''
  for (const t of p.tokens) k += (t.run ? '*' : '.') + (t.cls.kind === 'set' ? t.cls.chars : t.cls.kind === 'any' ? '\u0001' : '\u0002') + '\u0000'
  return k
}

function atomKey(alternatives: Pattern[]): string {
  return [...new Set(alternatives.map(patternKey))].sort().join('\u0003')
}

export interface Region {
  /** A shortest string of the region. */
  witness: string
  /** For each pattern: does the witness (and so every string of the region) match it? */
  matches: boolean[]
}

export interface RegionsResult {
  regions: Region[]
  /** Set when the product grew past the budget: the regions are then incomplete. */
  incomplete?: string
}

const FRESH_CANDIDATES = 'xzqjkwvy0123456789_-.~'

/** A character none of the patterns names: it stands for every character they do not name. */
export function freshChar(patterns: Pattern[]): string {
  const named = new Set<string>([':'])
  for (const p of patterns) for (const t of p.tokens) if (t.cls.kind === 'set') for (const c of t.cls.chars) named.add(c)
  for (const c of FRESH_CANDIDATES) if (!named.has(c) && !named.has(c.toUpperCase())) return c
  for (let code = 0x100; ; code++) {
    const c = String.fromCharCode(code)
    if (!named.has(c)) return c
  }
}

/**
 * Every non-empty region of the patterns' languages within the universe (strings every `universe`
 * pattern matches), each with a shortest witness. Breadth-first over the product automaton; at each
 * product state only the characters its live tokens name, `:` and one fresh character are tried (all
 * other characters behave like the fresh one). `budget` bounds the product states explored.
 */
function rank(c: string, fresh: string): number {
  return c === fresh ? 0 : c === ':' ? 2 : 1
}

export function regions(patterns: Pattern[], universe: Pattern[] = [], budget = 20_000): RegionsResult {
  return unionRegions(patterns.map((p) => [p]), universe, budget)
}

/**
 * Regions of unions of patterns: `atoms[i]` matches a string when one of its patterns does. Identical
 * atoms (the same element in both policies) are explored once and share their answer.
 */
export function unionRegions(atoms: Pattern[][], universe: Pattern[] = [], budget = 20_000): RegionsResult {
  const index = new Map<string, number>()
  const unique: Pattern[][] = []
  const slot = atoms.map((p) => {
    const k = atomKey(p)
    let i = index.get(k)
    if (i === undefined) {
      i = unique.length
      unique.push(p)
      index.set(k, i)
    }
    return i
  })
  const r = uniqueRegions(unique, universe, budget)
  const mapped = r.regions.map((g) => ({ witness: g.witness, matches: slot.map((i) => g.matches[i]!) }))
  return r.incomplete ? { regions: mapped, incomplete: r.incomplete } : { regions: mapped }
}

function uniqueRegions(patterns: Pattern[][], universe: Pattern[], budget: number): RegionsResult {
  const all: Atom[] = [...patterns.map(atomOf), ...universe.map((u) => atomOf([u]))]
  const fresh = freshChar([...patterns.flat(), ...universe])
  const n = patterns.length
  // A product state keeps only the live patterns (index, state set), in increasing index order.
  type Node = { alive: number[]; sets: number[][]; witness: string }
  const start: Node = { alive: [], sets: [], witness: '' }
  all.forEach((a, i) => {
    if (!a.start.length) return
    start.alive.push(i)
    start.sets.push(a.start)
  })
  const keyOf = (node: Node) => {
    let k = ''
    for (let j = 0; j < node.alive.length; j++) k += node.alive[j] + ':' + node.sets[j]!.join('.') + '|'
    return k
  }
  const universeCount = universe.length
  const seen = new Set<string>([keyOf(start)])
  const found = new Map<string, Region>()
  const queue: Node[] = [start]
  let head = 0
  while (head < queue.length) {
    const node = queue[head++]!
    // The universe must still be possible: a dead universe pattern ends this branch.
    let liveUniverse = 0
    let universeAccepts = true
    const matches: boolean[] = new Array<boolean>(n).fill(false)
    for (let j = 0; j < node.alive.length; j++) {
      const i = node.alive[j]!
      const ok = accepts(all[i]!, node.sets[j]!)
      if (i >= n) {
        liveUniverse++
        if (!ok) universeAccepts = false
      } else matches[i] = ok
    }
    if (liveUniverse < universeCount) continue
    if (universeAccepts) {
      const rk = matches.map((m) => (m ? '1' : '0')).join('')
      if (!found.has(rk)) found.set(rk, { witness: node.witness, matches })
    }
    const chars = new Set<string>([':', fresh])
    for (let j = 0; j < node.alive.length; j++) {
      const a = all[node.alive[j]!]!
      const sts = node.sets[j]!
      if (sts === SETTLED) continue
      for (const st of sts) {
        const t = a.tokens[st]
        if (t && t.cls.kind === 'set') for (const c of t.cls.chars) chars.add(c)
      }
    }
    // The fresh character first, `:` last: among shortest witnesses, the most readable one.
    for (const c of [...chars].sort((a, b) => rank(a, fresh) - rank(b, fresh) || (a < b ? -1 : a > b ? 1 : 0))) {
      const child: Node = { alive: [], sets: [], witness: node.witness + c }
      for (let j = 0; j < node.alive.length; j++) {
        const i = node.alive[j]!
        const r = step(all[i]!, node.sets[j]!, c)
        if (r.length) {
          child.alive.push(i)
          child.sets.push(r)
        }
      }
      const k = keyOf(child)
      if (seen.has(k)) continue
      seen.add(k)
      if (seen.size > budget) return { regions: [...found.values()], incomplete: `the patterns' product automaton has more than ${budget} states` }
      queue.push(child)
    }
  }
  return { regions: [...found.values()] }
}
