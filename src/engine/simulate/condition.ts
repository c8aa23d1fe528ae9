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
import type { ConditionOperatorBlock } from '../model/types'
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
}

/** Compiles every operator × key of a Condition element. */
export function compileConditionBlocks(blocks: ConditionOperatorBlock[], variables: boolean): CompiledCondition[] {
  const out: CompiledCondition[] = []
  for (const block of blocks) {
    const parsed = block.parsed
    const base = parsed.base
    for (const entry of block.entries) {
      const c: CompiledCondition = {
        operator: block.operator.value,
        key: entry.key.value,
        keyLower: entry.key.value.toLowerCase(),
        parsed,
        base,
        values: [],
      }
      if (!base) c.problem = `"${block.operator.value}" is not a condition operator, so this condition never holds`
      else if (parsed.problem === 'case') c.remark = `operator names are case-sensitive; evaluated as ${parsed.corrected}`
      for (const v of entry.values) {
        const cv: CompiledValue = { raw: v.value }
        if (base && base.family !== 'Null') {
          const t = variables && familyAllowsVariables(base) ? parseTemplate(v.value) : undefined
          if (t && t.isTemplate) cv.template = t
          else cv.test = compileValueTest(base, familyUsesWildcards(base) ? encodeWildcards(v.value) : v.value)
        }
        c.values.push(cv)
      }
      out.push(c)
    }
  }
  return out
}

function display(encoded: string): string {
  if (encoded.indexOf(WILD_STAR) < 0 && encoded.indexOf(WILD_ONE) < 0) return encoded
  return encoded.split(WILD_STAR).join('*').split(WILD_ONE).join('?')
}

/** Evaluates one operator × key against the request context. */
export function evaluateCondition(c: CompiledCondition, ctx: RequestContext): ConditionExplanation {
  const entry = ctx.get(c.keyLower)
  const requestValues = entry ? entry.values : null
  const result = (ok: boolean, policyValues: string[], note?: string): ConditionExplanation => {
    const r: ConditionExplanation = { operator: c.operator, key: c.key, requestValues, policyValues, result: ok }
    const notes = [c.remark, note].filter((n): n is string => !!n)
    if (notes.length) r.note = notes.join('; ')
    return r
  }
  const raws = c.values.map((v) => v.raw)
  const base = c.base
  if (c.problem || !base) return result(false, raws, c.problem)

  if (base.family === 'Null') {
    const present = entry !== undefined
    const ok = raws.some((v) => {
      const l = v.trim().toLowerCase()
      return (l === 'true' && !present) || (l === 'false' && present)
    })
    return result(ok, raws, present ? 'the key is present' : 'the key is absent')
  }

  const negated = base.negated
  const qualifier = c.parsed.qualifier
  const ifExists = c.parsed.ifExists

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
  const varNote = missingVars.length ? `policy variable ${missingVars.map((m) => '${' + m + '}').join(', ')} has no value in the request` : undefined
  // A variable without a value: "any attempt to match it fails and causes the statement to be invalid"
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html), so the condition
  // fails whatever the operator, the other values or the presence of the key.
  if (missingVars.length) return result(false, shown, `${varNote}, which makes the statement invalid`)

  // Missing key: decided without comparing values.
  if (!entry) {
    if (qualifier === 'ForAllValues') return result(true, shown, 'ForAllValues is true when the key is absent')
    if (ifExists) return result(true, shown, 'IfExists: the key is absent, so the condition holds')
    if (qualifier === 'ForAnyValue') return result(false, shown, 'ForAnyValue is false when the key is absent')
    return negated
      ? result(true, shown, 'the key is absent, so a negated operator holds')
      : result(false, shown, 'the key is absent from the request')
  }

  const one = (rv: string): boolean => {
    let any = false
    for (const t of tests) {
      if (t(rv)) {
        any = true
        break
      }
    }
    return negated ? !any : any
  }

  if (qualifier === 'ForAllValues') {
    if (entry.values.length === 0) return result(true, shown, 'ForAllValues is true for an empty set')
    return result(entry.values.every(one), shown, varNote)
  }
  if (qualifier === 'ForAnyValue') {
    if (entry.values.length === 0) return result(false, shown, 'ForAnyValue is false for an empty set')
    return result(entry.values.some(one), shown, varNote)
  }
  if (entry.multi)
    return result(false, shown, 'the request gives several values for this key; a multivalued key needs ForAnyValue or ForAllValues')
  return result(one(entry.values[0]!), shown, varNote)
}
