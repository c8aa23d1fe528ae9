/**
 * Differences of boxes: a point of box X outside every box Y1..Yn, or a proof there is none.
 * A box is one bitmask per dimension; the search splits X along the dimensions of the first Y that
 * meets it (X \ Y is the union, over dimensions d, of X with dimension d narrowed to X_d \ Y_d), and
 * returns whole sub-boxes lying outside every Y. Exponential in the worst case, hence a step budget.
 */
import type { Box } from './space'

export class BudgetExceeded extends Error {
  constructor() {
    super('the search exceeded its step budget')
  }
}

export function intersect(a: Box, b: Box): Box | undefined {
  const out: Box = []
  for (let i = 0; i < a.length; i++) {
    const m = a[i]! & b[i]!
    if (m === 0n) return undefined
    out.push(m)
  }
  return out
}

function covers(outer: Box, inner: Box): boolean {
  for (let i = 0; i < outer.length; i++) if ((inner[i]! & ~outer[i]!) !== 0n) return false
  return true
}

function meets(a: Box, b: Box): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i]! & b[i]!) === 0n) return false
  return true
}

export interface Budget {
  steps: number
}

/** Sub-boxes of `x` outside every box of `ys`, lazily (the first comes fast). */
export function* outside(x: Box, ys: Box[], budget: Budget): Generator<Box> {
  if (--budget.steps < 0) throw new BudgetExceeded()
  const rel: Box[] = []
  for (const y of ys) {
    if (!meets(x, y)) continue
    if (covers(y, x)) return
    rel.push(y)
  }
  if (!rel.length) {
    yield x
    return
  }
  const y = rel[0]!
  const rest = rel.slice(1)
  for (let d = 0; d < x.length; d++) {
    const r = x[d]! & ~y[d]!
    if (r === 0n) continue
    const x2 = x.slice()
    x2[d] = r
    // Earlier dimensions keep only their part inside y: the pieces are disjoint, so no point is found twice.
    for (let e = 0; e < d; e++) x2[e] = x[e]! & y[e]!
    yield* outside(x2, rest, budget)
  }
}
