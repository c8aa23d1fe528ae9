/**
 * Can a statement's Condition ever be true? Each key is judged in the two cases AWS distinguishes:
 * the key present in the request, and the key absent (positive operators are then false, negated
 * operators and IfExists true). Conservative: answers "never" only when sure.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
import { globCovers, globMatch } from '../patterns/glob'
import type { ConditionUse, StatementFacts } from './context'
import { BOOLEAN, isIsoDate, NUMBER } from './value-formats'

function literal(v: string): boolean {
  return !/[*?]/.test(v) && !v.includes('${')
}

interface Bounds {
  lo: number
  loStrict: boolean
  hi: number
  hiStrict: boolean
  equals: number[][]
  notEquals: Set<number>
  unknown: boolean
}

function newBounds(): Bounds {
  return { lo: -Infinity, loStrict: false, hi: Infinity, hiStrict: false, equals: [], notEquals: new Set(), unknown: false }
}

function addBound(b: Bounds, name: string, values: number[]): void {
  if (values.length === 0) return
  if (name.endsWith('NotEquals')) {
    for (const v of values) b.notEquals.add(v)
  } else if (name.endsWith('Equals') && !/(Less|Greater)Than/.test(name)) {
    b.equals.push(values)
  } else if (/LessThan/.test(name)) {
    const v = Math.max(...values)
    const strict = !name.endsWith('Equals')
    if (v < b.hi || (v === b.hi && strict)) {
      b.hi = v
      b.hiStrict = strict
    }
  } else if (/GreaterThan/.test(name)) {
    const v = Math.min(...values)
    const strict = !name.endsWith('Equals')
    if (v > b.lo || (v === b.lo && strict)) {
      b.lo = v
      b.loStrict = strict
    }
  }
}

function boundsSatisfiable(b: Bounds): boolean {
  if (b.unknown) return true
  const fits = (x: number): boolean =>
    (b.loStrict ? x > b.lo : x >= b.lo) && (b.hiStrict ? x < b.hi : x <= b.hi) && !b.notEquals.has(x) && b.equals.every((set) => set.includes(x))
  if (b.equals.length > 0) return b.equals[0]!.some(fits)
  if (b.lo > b.hi) return false
  if (b.lo === b.hi && (b.loStrict || b.hiStrict)) return false
  if (b.lo === b.hi) return !b.notEquals.has(b.lo)
  return true
}

/** Can the key satisfy every operator applied to it when it is present with one value? */
function presentSatisfiable(uses: ConditionUse[]): boolean {
  const eqSets: string[][] = []
  const eqIgnoreCase: string[][] = []
  const notEq = new Set<string>()
  const notEqIgnoreCase = new Set<string>()
  const like: string[][] = []
  const notLike: string[] = []
  const numbers = newBounds()
  const dates = newBounds()
  const bools: Set<string>[] = []
  for (const u of uses) {
    const base = u.block.parsed.base!
    const values = u.entry.values.map((v) => v.value)
    if (base.family === 'Null') {
      if (values.length === 1 && values[0]!.toLowerCase() === 'true') return false
      continue
    }
    if (base.family === 'String') {
      if (!values.every(literal) && !(base.like && values.every((v) => !v.includes('${')))) continue
      switch (base.name) {
        case 'StringEquals':
          eqSets.push(values)
          break
        case 'StringEqualsIgnoreCase':
          eqIgnoreCase.push(values.map((v) => v.toLowerCase()))
          break
        case 'StringNotEquals':
          values.forEach((v) => notEq.add(v))
          break
        case 'StringNotEqualsIgnoreCase':
          values.forEach((v) => notEqIgnoreCase.add(v.toLowerCase()))
          break
        case 'StringLike':
          like.push(values)
          break
        case 'StringNotLike':
          notLike.push(...values)
          break
      }
    } else if (base.family === 'Numeric') {
      if (!values.every((v) => NUMBER.test(v))) numbers.unknown = true
      else addBound(numbers, base.name, values.map(Number))
    } else if (base.family === 'Date') {
      if (!values.every((v) => isIsoDate(v))) dates.unknown = true
      else addBound(dates, base.name, values.map((v) => Date.parse(v.length === 4 ? `${v}-01-01` : v)))
    } else if (base.family === 'Bool') {
      if (values.every((v) => BOOLEAN.test(v))) bools.push(new Set(values.map((v) => v.toLowerCase())))
    }
  }
  const stringFits = (x: string): boolean =>
    eqSets.every((s) => s.includes(x)) &&
    eqIgnoreCase.every((s) => s.includes(x.toLowerCase())) &&
    !notEq.has(x) &&
    !notEqIgnoreCase.has(x.toLowerCase()) &&
    like.every((ps) => ps.some((p) => globMatch(p, x))) &&
    !notLike.some((p) => globMatch(p, x))
  if (eqSets.length > 0) {
    if (!eqSets[0]!.some(stringFits)) return false
  } else if (eqIgnoreCase.length > 0) {
    if (!eqIgnoreCase[0]!.some((x) => eqIgnoreCase.every((s) => s.includes(x)) && !notEqIgnoreCase.has(x))) return false
  } else {
    if (notLike.some((p) => /^\*+$/.test(p))) return false
    for (const ps of like) {
      if (ps.length === 0) return false
      if (ps.every((p) => notLike.some((n) => globCovers(n, p)))) return false
    }
  }
  if (!boundsSatisfiable(numbers) || !boundsSatisfiable(dates)) return false
  if (bools.length > 1) {
    const [first, ...rest] = bools
    if (![...first!].some((v) => rest.every((s) => s.has(v)))) return false
  }
  if (bools.some((s) => s.size === 0)) return false
  return true
}

/** Can the key's operators all be true when the key is absent from the request? */
function absentSatisfiable(uses: ConditionUse[]): boolean {
  for (const u of uses) {
    const p = u.block.parsed
    const base = p.base!
    if (base.family === 'Null') {
      if (u.entry.values.length === 1 && u.entry.values[0]!.value.toLowerCase() === 'false') return false
      continue
    }
    if (!p.ifExists && !base.negated) return false
  }
  return true
}

/** Why the statement's Condition can never be true, or undefined when it can (or we cannot tell). */
export function unsatisfiableCondition(facts: StatementFacts): string | undefined {
  const byKey = new Map<string, ConditionUse[]>()
  for (const u of facts.conditions) {
    const p = u.block.parsed
    if (!p.base || !p.valid) continue
    if (p.qualifier) {
      // ForAnyValue with a positive operator and no values can never be true
      if (p.qualifier === 'ForAnyValue' && !p.base.negated && p.base.family !== 'Null' && u.entry.values.length === 0 && u.entry.isArray)
        return `ForAnyValue with an empty list for "${u.key}" is never true`
      continue
    }
    if (u.info?.multivalued) continue
    const list = byKey.get(u.lower)
    if (list) list.push(u)
    else byKey.set(u.lower, [u])
  }
  for (const [, uses] of byKey) {
    if (uses.length === 1) {
      // one test alone contradicts nothing, unless it is a positive one with no values to match
      const u = uses[0]!
      const p = u.block.parsed
      if (u.entry.values.length > 0 || !u.entry.isArray || p.base!.negated || p.ifExists || p.base!.family === 'Null') continue
    }
    if (!presentSatisfiable(uses) && !absentSatisfiable(uses)) {
      const ops = [...new Set(uses.map((u) => u.block.operator.value))].join(' and ')
      return `the tests on "${uses[0]!.key}" (${ops}) contradict each other, so the condition is never true`
    }
  }
  return undefined
}
