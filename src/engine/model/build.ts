import type { Finding, JsonPath, Range } from '../findings/types'
import { EditBuilder } from '../findings/json-edits'
import { parseJson } from '../json/parse'
import { LineIndex } from '../json/positions'
import { jsonTypeName, type JsonNode, type JsonObjectNode, type JsonProperty } from '../json/tree'
import { parseOperator } from './operators'
import {
  POLICY_ELEMENTS,
  STATEMENT_ELEMENTS,
  type ConditionElement,
  type ConditionEntry,
  type ConditionOperatorBlock,
  type ConditionValue,
  type ElementKey,
  type Located,
  type PolicyModel,
  type PrincipalElement,
  type StatementModel,
  type StringListElement,
} from './types'

const GRAMMAR = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html'

/** Text of a policy given as an object: pretty-printed, so positions are meaningful. */
export function policyText(input: unknown): string {
  if (typeof input === 'string') return input
  try {
    return JSON.stringify(input, null, 2) ?? ''
  } catch {
    return ''
  }
}

/**
 * Builds the policy model from text (or an object, which is printed first).
 * Never throws: JSON errors, wrong JSON types, duplicate keys and unknown elements become `problems`.
 */
export function buildPolicyModel(input: unknown): PolicyModel {
  const text = policyText(input)
  const parsed = parseJson(text)
  const model: PolicyModel = {
    text,
    lines: parsed.lines,
    root: parsed.root,
    statementIsArray: false,
    statements: [],
    problems: [...parsed.syntaxErrors],
  }
  if (!parsed.root) return model
  new ModelBuilder(model, parsed.lines).build(parsed.root)
  return model
}

class ModelBuilder {
  constructor(
    private readonly model: PolicyModel,
    private readonly lines: LineIndex,
  ) {}

  private problem(code: string, message: string, range: Range, path: JsonPath, fixes?: Finding['fixes']): void {
    const f: Finding = { code, severity: 'ERROR', message, range, path, learnMore: GRAMMAR }
    if (fixes && fixes.length) f.fixes = fixes
    this.model.problems.push(f)
  }

  private typeMismatch(node: JsonNode, expected: string, what: string): void {
    this.problem('DATA_TYPE_MISMATCH', `${what} must be ${expected}, but it is ${jsonTypeName(node)}.`, node.range, node.path)
  }

  private elementKey(p: JsonProperty, path: JsonPath): ElementKey {
    return { name: p.key, range: p.keyRange, path, propertyRange: p.range }
  }

  /** Reports duplicate keys and keys not in `allowed`; returns the properties by canonical element name. */
  private elements(obj: JsonObjectNode, allowed: readonly string[], where: string): Map<string, JsonProperty> {
    const out = new Map<string, JsonProperty>()
    // With a key given twice, JSON readers (ECMAScript's JSON.parse among them) keep the last value, so the
    // model does too: the earlier occurrences are the ones reported, and removing them keeps the meaning.
    const last = new Map<string, JsonProperty>()
    for (const p of obj.properties) last.set(p.key, p)
    for (const p of obj.properties) {
      const path = [...obj.path, p.key]
      if (last.get(p.key) !== p) {
        this.problem(
          'DUPLICATE_JSON_KEY',
          `"${p.key}" appears more than once in the same object; IAM rejects duplicate keys, and JSON readers keep only the last one.`,
          p.keyRange,
          path,
          [{ title: `Remove this earlier "${p.key}" (the last one counts)`, edits: [this.removeProperty(obj, p)] }],
        )
        continue
      }
      if (allowed.includes(p.key)) {
        out.set(p.key, p)
        continue
      }
      const proper = allowed.find((a) => a.toLowerCase() === p.key.toLowerCase())
      if (proper && !obj.properties.some((q) => q.key === proper)) {
        this.problem(
          'INVALID_POLICY_ELEMENT',
          `"${p.key}" is not a policy element; element names are case-sensitive: write "${proper}".`,
          p.keyRange,
          path,
          [{ title: `Rename to "${proper}"`, edits: [{ range: p.keyRange, newText: JSON.stringify(proper) }] }],
        )
        out.set(proper, p)
      } else {
        this.problem('INVALID_POLICY_ELEMENT', `"${p.key}" is not a valid element ${where}. Valid elements: ${allowed.join(', ')}.`, p.keyRange, path, [
          { title: `Remove "${p.key}"`, edits: [this.removeProperty(obj, p)] },
        ])
      }
    }
    return out
  }

  /** A text edit that removes a property together with the comma that separates it. */
  removeProperty(obj: JsonObjectNode, p: JsonProperty): { range: Range; newText: string } {
    return new EditBuilder(this.model.text, this.lines).removeProperty(obj, p)
  }

  private locatedString(node: JsonNode | undefined, what: string): Located<string> | undefined {
    if (!node) return undefined
    if (node.type !== 'string') {
      this.typeMismatch(node, 'a string', what)
      return undefined
    }
    return { value: node.value, range: node.range, path: node.path }
  }

  build(root: JsonNode): void {
    if (root.type !== 'object') {
      this.typeMismatch(root, 'a JSON object with Version and Statement', 'A policy document')
      return
    }
    const els = this.elements(root, POLICY_ELEMENTS, 'at the top of a policy')
    const version = els.get('Version')
    if (version) {
      const v = this.locatedString(version.value, 'Version')
      if (v) this.model.version = v
    }
    const id = els.get('Id')
    if (id) {
      const v = this.locatedString(id.value, 'Id')
      if (v) this.model.id = v
    }
    const st = els.get('Statement')
    if (st) {
      this.model.statementKey = this.elementKey(st, [...root.path, st.key])
      const node = st.value
      if (node?.type === 'array') {
        this.model.statementIsArray = true
        node.items.forEach((item, i) => {
          if (item.type === 'object') this.model.statements.push(this.statement(item, i))
          else this.typeMismatch(item, 'an object', `Statement ${i + 1}`)
        })
      } else if (node?.type === 'object') {
        this.model.statements.push(this.statement(node, undefined))
      } else if (node) {
        this.typeMismatch(node, 'an object or an array of objects', 'Statement')
      }
    }
  }

  private statement(node: JsonObjectNode, index: number | undefined): StatementModel {
    const els = this.elements(node, STATEMENT_ELEMENTS, 'in a statement')
    const s: StatementModel = { index, node, range: node.range, path: node.path, keys: [] }
    for (const [name, p] of els) {
      const key = this.elementKey(p, [...node.path, p.key])
      s.keys.push({ ...key, name })
      const value = p.value
      if (!value) continue
      switch (name) {
        case 'Sid': {
          const v = this.locatedString(value, 'Sid')
          if (v) s.sid = v
          break
        }
        case 'Effect': {
          const v = this.locatedString(value, 'Effect')
          if (v) s.effect = v
          break
        }
        case 'Action':
          s.action = this.stringList(key, value, name)
          break
        case 'NotAction':
          s.notAction = this.stringList(key, value, name)
          break
        case 'Resource':
          s.resource = this.stringList(key, value, name)
          break
        case 'NotResource':
          s.notResource = this.stringList(key, value, name)
          break
        case 'Principal':
          s.principal = this.principal(key, value, name)
          break
        case 'NotPrincipal':
          s.notPrincipal = this.principal(key, value, name)
          break
        case 'Condition':
          s.condition = this.condition(key, value)
          break
      }
    }
    return s
  }

  private stringList(key: ElementKey, node: JsonNode, what: string): StringListElement {
    const el: StringListElement = { key, node, isArray: node.type === 'array', items: [] }
    if (node.type === 'string') el.items.push({ value: node.value, range: node.range, path: node.path })
    else if (node.type === 'array') {
      for (const item of node.items) {
        const v = this.locatedString(item, `Each entry of ${what}`)
        if (v) el.items.push(v)
      }
    } else this.typeMismatch(node, 'a string or an array of strings', what)
    return el
  }

  private principal(key: ElementKey, node: JsonNode, what: string): PrincipalElement {
    const el: PrincipalElement = { key, node, entries: [] }
    if (node.type === 'string') {
      if (node.value === '*') el.wildcard = { value: '*', range: node.range, path: node.path }
      else
        this.problem(
          'INVALID_PRINCIPAL_FORMAT',
          `${what} must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}; a bare string other than "*" is not allowed.`,
          node.range,
          node.path,
        )
      return el
    }
    if (node.type !== 'object') {
      this.problem('INVALID_PRINCIPAL_FORMAT', `${what} must be "*" or an object of principal types, but it is ${jsonTypeName(node)}.`, node.range, node.path)
      return el
    }
    const seen = new Set<string>()
    for (const p of node.properties) {
      const path = [...node.path, p.key]
      if (seen.has(p.key)) {
        this.problem('DUPLICATE_JSON_KEY', `"${p.key}" appears more than once in ${what}; list all values in one array.`, p.keyRange, path, [
          { title: `Remove this duplicate "${p.key}"`, edits: [this.removeProperty(node, p)] },
        ])
        continue
      }
      seen.add(p.key)
      const v = p.value
      if (!v) continue
      const entry = { type: p.key, key: this.elementKey(p, path), node: v, isArray: v.type === 'array', values: [] as Located<string>[] }
      if (v.type === 'string') entry.values.push({ value: v.value, range: v.range, path: v.path })
      else if (v.type === 'array') {
        for (const item of v.items) {
          const s = this.locatedString(item, `Each ${p.key} principal`)
          if (s) entry.values.push(s)
        }
      } else this.typeMismatch(v, 'a string or an array of strings', `The ${p.key} principal`)
      el.entries.push(entry)
    }
    return el
  }

  private condition(key: ElementKey, node: JsonNode): ConditionElement {
    const el: ConditionElement = { key, node, operators: [] }
    if (node.type !== 'object') {
      this.typeMismatch(node, 'an object of condition operators', 'Condition')
      return el
    }
    const seen = new Set<string>()
    for (const p of node.properties) {
      const path = [...node.path, p.key]
      if (seen.has(p.key)) {
        this.problem(
          'DUPLICATE_JSON_KEY',
          `The condition operator "${p.key}" appears twice in one Condition; IAM rejects this. Merge its keys into one block.`,
          p.keyRange,
          path,
        )
        continue
      }
      seen.add(p.key)
      const v = p.value
      const block: ConditionOperatorBlock = {
        operator: { value: p.key, range: p.keyRange, path },
        keyElement: this.elementKey(p, path),
        parsed: parseOperator(p.key),
        node: v ?? node,
        entries: [],
      }
      el.operators.push(block)
      if (!v) continue
      if (v.type !== 'object') {
        this.typeMismatch(v, 'an object of condition keys and values', `The ${p.key} block`)
        continue
      }
      const seenKeys = new Set<string>()
      for (const kp of v.properties) {
        const kpath = [...v.path, kp.key]
        if (seenKeys.has(kp.key)) {
          this.problem('DUPLICATE_JSON_KEY', `The condition key "${kp.key}" appears twice in the ${p.key} block; IAM rejects this.`, kp.keyRange, kpath)
          continue
        }
        seenKeys.add(kp.key)
        const val = kp.value
        if (!val) continue
        const entry: ConditionEntry = {
          key: { value: kp.key, range: kp.keyRange, path: kpath },
          keyElement: this.elementKey(kp, kpath),
          node: val,
          isArray: val.type === 'array',
          values: [],
        }
        const addValue = (n: JsonNode): void => {
          if (n.type === 'string') entry.values.push({ value: n.value, range: n.range, path: n.path, jsonType: 'string' })
          else if (n.type === 'number') entry.values.push({ value: n.raw, range: n.range, path: n.path, jsonType: 'number' })
          else if (n.type === 'boolean') entry.values.push({ value: String(n.value), range: n.range, path: n.path, jsonType: 'boolean' })
          else this.typeMismatch(n, 'a string, number or boolean', `A value of condition key "${kp.key}"`)
        }
        if (val.type === 'array') val.items.forEach(addValue)
        else addValue(val)
        block.entries.push(entry)
      }
    }
    return el
  }
}

export type { ConditionValue }
