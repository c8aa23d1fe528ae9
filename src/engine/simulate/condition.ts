/**
 * Condition blocks: compiled once per statement, evaluated per request.
 *
 * Rules (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html):
 * - operators are ANDed, keys under one operator are ANDed, values of one key are ORed — NOR for the
 *   negated operators (true only when the request value matches none of them);
 * - a key absent from the request makes a positive operator false and a negated one true; `...IfExists`
 *   makes it true; `Null` tests presence;
 * - `ForAnyValue`: some request value satisfies the operator (false for a missing key or an empty set);
 *   `ForAllValues`: every request value does (true for a missing key or an empty set); with a negated
 *   operator the negation applies per request value;
 * - a policy variable without a value makes the condition fail (the statement is invalid);
 * - a multivalued request value (an array) under an operator without a set qualifier does not match:
 *   AWS requires ForAllValues/ForAnyValue for multivalued keys.
 */
import { WILD_ONE, WILD_STAR } from '../arn/match'
import type { ConditionBlockInput } from './policy-input'
import type { BaseOperatorInfo, ParsedOperator } from '../model/operators'
import type { RequestContext } from './context'
import { compileValueTest, familyAllowsVariables, familyUsesWildcards, type ValueTest } from './operators'
import type { ConditionExplanation } from './types'
import { parseTemplate, resolveTemplate, type Template } from './variables'
import { encodeWildcards } from '../arn/match'

interface CompiledValue {
  raw: string
  template?: Template
  test?: ValueTest
}

export interface CompiledCondition {
  operator: string
  key: string
  keyLower: string
  parsed: ParsedOperator
  base: BaseOperatorInfo | undefined
  values: CompiledValue[]
  /** Why the condition can never hold (an unknown operator). */
  problem?: string
  /** A remark shown in the explanation (operator name with the wrong case ...). */
  remark?: string
  /** The value tests when no value holds a policy variable (the common case): nothing to resolve per request. */
  staticTests?: ValueTest[]
  /** The policy values as written. */
  raws: string[]
}

/** Compiles every operator × key of a Condition element. */
export function compileConditionBlocks(blocks: ConditionBlockInput[], variables: boolean): CompiledCondition[] {
  const out: CompiledCondition[] = []
  for (const block of blocks) {
    const parsed = block.parsed
    const base = parsed.base
    for (const entry of block.entries) {
      const c: CompiledCondition = {
        operator: block.operator,
        key: entry.key,
        keyLower: entry.key.toLowerCase(),
        parsed,
        base,
        values: [],
        raws: entry.values,
      }
      if (!base) c.problem = `"${block.operator}" is not a condition operator, so this condition never holds`
      else if (parsed.problem === 'case') c.remark = `operator names are case-sensitive; evaluated as ${parsed.corrected}`
      for (const value of entry.values) {
        const cv: CompiledValue = { raw: value }
        if (base && base.family !== 'Null') {
          const t = variables && familyAllowsVariables(base) ? parseTemplate(value) : undefined
          if (t && t.isTemplate) cv.template = t
          else cv.test = compileValueTest(base, familyUsesWildcards(base) ? encodeWildcards(value) : value)
        }
        c.values.push(cv)
      }
      if (base && base.family !== 'Null' && c.values.every((v) => v.test)) c.staticTests = c.values.map((v) => v.test!)
      out.push(c)
    }
  }
  return out
}

function display(encoded: string): string {
  if (encoded.indexOf(WILD_STAR) < 0 && encoded.indexOf(WILD_ONE) < 0) return encoded
  return encoded.split(WILD_STAR).join('*').split(WILD_ONE).join('?')
}

type Entry = NonNullable<ReturnType<RequestContext['get']>>

const NO_VALUES: string[] = []

function nullHolds(c: CompiledCondition, present: boolean): boolean {
  for (const v of c.values) {
    const l = v.raw.trim().toLowerCase()
    if ((l === 'true' && !present) || (l === 'false' && present)) return true
  }
  return false
}

/** The result for a key absent from the request, and why. */
function missingKey(c: CompiledCondition, negated: boolean): [boolean, string] {
  const q = c.parsed.qualifier
  if (q === 'ForAllValues') return [true, 'ForAllValues is true when the key is absent']
  if (c.parsed.ifExists) return [true, 'IfExists: the key is absent, so the condition holds']
  if (q === 'ForAnyValue') return [false, 'ForAnyValue is false when the key is absent']
  return negated ? [true, 'the key is absent, so a negated operator holds'] : [false, 'the key is absent from the request']
}

/** One request value against the policy values: OR of the tests, NOR for a negated operator. */
function oneValue(tests: ValueTest[], negated: boolean, rv: string): boolean {
  for (let i = 0; i < tests.length; i++) if (tests[i]!(rv)) return !negated
  return negated
}

/** The present key's values against the tests, per the set qualifier; the note says why when it is not a plain comparison. */
function compare(c: CompiledCondition, entry: Entry, tests: ValueTest[], negated: boolean): [boolean, string | undefined] {
  const q = c.parsed.qualifier
  // For the set operators an empty string is a null data set, like an empty array (SETS page:
  // "if the context key value resolves to a null dataset, such as an empty string").
  const values = q && !entry.multi && entry.values.length === 1 && entry.values[0] === '' ? NO_VALUES : entry.values
  if (q === 'ForAllValues') {
    if (values.length === 0) return [true, 'ForAllValues is true for an empty set']
    for (const v of values) if (!oneValue(tests, negated, v)) return [false, undefined]
    return [true, undefined]
  }
  if (q === 'ForAnyValue') {
    if (values.length === 0) return [false, 'ForAnyValue is false for an empty set']
    for (const v of values) if (oneValue(tests, negated, v)) return [true, undefined]
    return [false, undefined]
  }
  if (entry.multi) return [false, 'the request gives several values for this key; a multivalued key needs ForAnyValue or ForAllValues']
  return [oneValue(tests, negated, values[0]!), undefined]
}

/** Does the condition hold? The decision-only path: no explanation, no allocation in the common case. */
export function conditionHolds(c: CompiledCondition, ctx: RequestContext): boolean {
  const base = c.base
  if (c.problem || !base) return false
  const entry = ctx.get(c.keyLower)
  if (base.family === 'Null') return nullHolds(c, entry !== undefined)
  let tests = c.staticTests
  if (!tests) {
    tests = []
    for (const v of c.values) {
      if (v.test) tests.push(v.test)
      else if (v.template) {
        const res = resolveTemplate(v.template, ctx, familyUsesWildcards(base))
        if (res.value === undefined) return false // a variable without a value invalidates the statement
        tests.push(compileValueTest(base, res.value))
      }
    }
  }
  if (!entry) return missingKey(c, base.negated)[0]
  return compare(c, entry, tests, base.negated)[0]
}

function explained(c: CompiledCondition, requestValues: string[] | null, ok: boolean, policyValues: string[], note?: string): ConditionExplanation {
  const full = c.remark ? (note ? `${c.remark}; ${note}` : c.remark) : note
  return full === undefined
    ? { operator: c.operator, key: c.key, requestValues, policyValues, result: ok }
    : { operator: c.operator, key: c.key, requestValues, policyValues, result: ok, note: full }
}

/** Evaluates one operator × key against the request context, with the explanation. */
export function evaluateCondition(c: CompiledCondition, ctx: RequestContext): ConditionExplanation {
  const entry = ctx.get(c.keyLower)
  const requestValues = entry ? entry.values : null
  const raws = c.raws
  const base = c.base
  if (c.problem || !base) return explained(c, requestValues, false, raws, c.problem)

  if (base.family === 'Null') {
    const present = entry !== undefined
    return explained(c, requestValues, nullHolds(c, present), raws, present ? 'the key is present' : 'the key is absent')
  }

  if (c.staticTests) {
    if (!entry) {
      const [ok, why] = missingKey(c, base.negated)
      return explained(c, requestValues, ok, raws, why)
    }
    const [ok, why] = compare(c, entry, c.staticTests, base.negated)
    return explained(c, requestValues, ok, raws, why)
  }

  // Resolve policy values (variables) into tests.
  const tests: ValueTest[] = []
  const shown: string[] = []
  const missingVars: string[] = []
  for (const v of c.values) {
    if (v.test) {
      tests.push(v.test)
      shown.push(v.raw)
      continue
    }
    if (!v.template) continue
    const res = resolveTemplate(v.template, ctx, familyUsesWildcards(base))
    if (res.value === undefined) {
      missingVars.push(...res.missing)
      shown.push(v.raw)
      continue
    }
    tests.push(compileValueTest(base, res.value))
    shown.push(display(res.value))
  }
  // A variable without a value: "any attempt to match it fails and causes the statement to be invalid"
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html), so the condition
  // fails whatever the operator, the other values or the presence of the key.
  if (missingVars.length)
    return explained(c, requestValues, false, shown, `policy variable ${missingVars.map((m) => '${' + m + '}').join(', ')} has no value in the request, which makes the statement invalid`)

  if (!entry) {
    const [ok, why] = missingKey(c, base.negated)
    return explained(c, requestValues, ok, shown, why)
  }
  const [ok, why] = compare(c, entry, tests, base.negated)
  return explained(c, requestValues, ok, shown, why)
}
