/**
 * The parts of a policy the simulator evaluates, read either from the located policy model (policy
 * text: statements keep their ranges for the explanation) or straight from a parsed JSON object (faster:
 * no text to print and re-parse). Both readers follow the same rules as model/build.ts: element names
 * are case-sensitive but a wrongly-cased one stands in when the proper one is absent; entries of the
 * wrong JSON type are dropped; numbers and booleans in condition values are compared as their text.
 */
import type { Range } from '../findings/types'
import { parseOperator, type ParsedOperator } from '../model/operators'
import { STATEMENT_ELEMENTS, type PolicyModel } from '../model/types'

export interface PrincipalInput {
  wildcard: boolean
  entries: { type: string; values: string[] }[]
}

export interface ConditionBlockInput {
  operator: string
  parsed: ParsedOperator
  entries: { key: string; values: string[] }[]
}

export interface StatementInput {
  index: number
  range?: Range
  sid?: string
  /** The Effect as written (undefined when absent or not a string). */
  effect?: string
  action?: string[]
  notAction?: string[]
  resource?: string[]
  notResource?: string[]
  principal?: PrincipalInput
  notPrincipal?: PrincipalInput
  conditions: ConditionBlockInput[]
}

export interface PolicyInput {
  version?: string
  statements: StatementInput[]
}

/** From the located model (policy text). */
export function fromModel(model: PolicyModel): PolicyInput {
  const out: PolicyInput = { statements: [] }
  if (model.version) out.version = model.version.value
  for (const s of model.statements) {
    const st: StatementInput = { index: s.index ?? 0, range: s.range, conditions: [] }
    if (s.sid) st.sid = s.sid.value
    if (s.effect) st.effect = s.effect.value
    if (s.action) st.action = s.action.items.map((i) => i.value)
    if (s.notAction) st.notAction = s.notAction.items.map((i) => i.value)
    if (s.resource) st.resource = s.resource.items.map((i) => i.value)
    if (s.notResource) st.notResource = s.notResource.items.map((i) => i.value)
    const principal = (p: NonNullable<typeof s.principal>): PrincipalInput => ({
      wildcard: !!p.wildcard,
      entries: p.entries.map((e) => ({ type: e.type, values: e.values.map((v) => v.value) })),
    })
    if (s.principal) st.principal = principal(s.principal)
    if (s.notPrincipal) st.notPrincipal = principal(s.notPrincipal)
    for (const b of s.condition?.operators ?? [])
      st.conditions.push({ operator: b.operator.value, parsed: b.parsed, entries: b.entries.map((e) => ({ key: e.key.value, values: e.values.map((v) => v.value) })) })
    out.statements.push(st)
  }
  return out
}

type Json = Record<string, unknown>

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The element's value: the exact key, else a wrongly-cased one when the proper key is absent. */
function element(obj: Json, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(obj, name)) return obj[name]
  const lower = name.toLowerCase()
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower && !(STATEMENT_ELEMENTS as readonly string[]).includes(k)) return obj[k]
  return undefined
}

function strings(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v]
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string')
  return undefined
}

function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : undefined
  if (typeof v === 'boolean') return String(v)
  return undefined
}

function principalFrom(v: unknown): PrincipalInput | undefined {
  if (v === undefined) return undefined
  if (v === '*') return { wildcard: true, entries: [] }
  const p: PrincipalInput = { wildcard: false, entries: [] }
  if (!isRecord(v)) return p
  for (const [type, val] of Object.entries(v)) {
    const values = strings(val)
    if (values) p.entries.push({ type, values })
  }
  return p
}

function conditionsFrom(v: unknown): ConditionBlockInput[] {
  const out: ConditionBlockInput[] = []
  if (!isRecord(v)) return out
  for (const [operator, block] of Object.entries(v)) {
    const b: ConditionBlockInput = { operator, parsed: parseOperator(operator), entries: [] }
    if (isRecord(block))
      for (const [key, raw] of Object.entries(block)) {
        const list = Array.isArray(raw) ? raw : [raw]
        b.entries.push({ key, values: list.map(scalarText).filter((x): x is string => x !== undefined) })
      }
    out.push(b)
  }
  return out
}

/** From a parsed JSON object (no ranges). */
export function fromObject(doc: Json): PolicyInput {
  const out: PolicyInput = { statements: [] }
  const version = element(doc, 'Version')
  if (typeof version === 'string') out.version = version
  const st = element(doc, 'Statement')
  const list = Array.isArray(st) ? st : isRecord(st) ? [st] : []
  list.forEach((s, i) => {
    if (!isRecord(s)) return
    const input: StatementInput = { index: Array.isArray(st) ? i : 0, conditions: conditionsFrom(element(s, 'Condition')) }
    const sid = element(s, 'Sid')
    if (typeof sid === 'string') input.sid = sid
    const effect = element(s, 'Effect')
    if (typeof effect === 'string') input.effect = effect
    const set = (key: 'action' | 'notAction' | 'resource' | 'notResource', name: string) => {
      const v = strings(element(s, name))
      if (v) input[key] = v
      else if (element(s, name) !== undefined) input[key] = []
    }
    set('action', 'Action')
    set('notAction', 'NotAction')
    set('resource', 'Resource')
    set('notResource', 'NotResource')
    const principal = principalFrom(element(s, 'Principal'))
    if (principal) input.principal = principal
    const notPrincipal = principalFrom(element(s, 'NotPrincipal'))
    if (notPrincipal) input.notPrincipal = notPrincipal
    out.statements.push(input)
  })
  return out
}
