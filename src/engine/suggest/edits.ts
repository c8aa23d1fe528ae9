import { EditBuilder } from '../findings/json-edits'
import type { TextEdit } from '../findings/types'
import { toValue, type JsonArrayNode, type JsonNode, type JsonObjectNode } from '../json/tree'
import type { Located, PolicyModel, StatementModel, StringListElement } from '../model/types'

/**
 * Builds text edits against the policy's own text, keeping its layout: new values are indented like
 * their neighbours, and a one-line document stays on one line. Every edit leaves valid JSON on its own.
 */
export class PolicyEditor {
  readonly compact: boolean
  readonly unit: string

  private readonly edits: EditBuilder

  constructor(readonly model: PolicyModel) {
    this.edits = new EditBuilder(model.text, model.lines)
    this.compact = model.lines.lineCount === 1
    this.unit = detectIndentUnit(model.text)
  }

  private range(offset: number, length: number) {
    return this.model.lines.range(offset, length)
  }

  /** Leading white space of the line that holds `offset`. */
  lineIndent(offset: number): string {
    const text = this.model.text
    // the line's start from the line index: walking back is O(line length), all of a one-line document
    const start = this.model.lines.offset({ line: this.model.lines.position(offset).line, column: 1 })
    let end = start
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++
    return text.slice(start, end)
  }

  format(value: unknown, indent: string): string {
    if (this.compact) return JSON.stringify(value)
    return JSON.stringify(value, null, this.unit).replace(/\n/g, '\n' + indent)
  }

  private multiline(node: JsonNode): boolean {
    return !this.compact && node.range.start.line !== node.range.end.line
  }

  replaceNode(node: JsonNode, value: unknown): TextEdit {
    return { range: node.range, newText: this.format(value, this.lineIndent(node.offset)) }
  }

  /** The JSON node of one entry of a string list. */
  itemNode(el: StringListElement, item: Located<string>): JsonNode | undefined {
    if (el.node.type !== 'array') return el.node
    const i = item.path[item.path.length - 1]
    return typeof i === 'number' ? el.node.items[i] : undefined
  }

  /** Replaces one entry of Action / Resource with several strings (a lone string becomes an array). */
  replaceItem(el: StringListElement, item: Located<string>, values: string[]): TextEdit | undefined {
    const node = this.itemNode(el, item)
    if (!node || values.length === 0) return undefined
    if (el.node.type !== 'array') return this.replaceNode(node, values.length === 1 ? values[0] : values)
    const sep = this.multiline(el.node) ? ',\n' + this.lineIndent(node.offset) : ', '
    return { range: node.range, newText: values.map((v) => JSON.stringify(v)).join(sep) }
  }

  /** Rewrites a whole Action / Resource value: a string for one entry, an array otherwise. */
  setList(el: StringListElement, values: string[]): TextEdit {
    return this.replaceNode(el.node, values.length === 1 ? values[0] : values)
  }

  /** Adds `"key": value` as the last property of an object. */
  insertProperty(obj: JsonObjectNode, key: string, value: unknown): TextEdit {
    const last = obj.properties[obj.properties.length - 1]
    if (!last) return this.replaceNode(obj, { [key]: value })
    const end = last.offset + last.length
    if (this.multiline(obj)) {
      const indent = this.lineIndent(last.offset)
      return { range: this.range(end, 0), newText: `,\n${indent}${JSON.stringify(key)}: ${this.format(value, indent)}` }
    }
    return { range: this.range(end, 0), newText: `, ${JSON.stringify(key)}: ${JSON.stringify(value)}` }
  }

  /**
   * Adds conditions (ANDed with what is there) to a statement. Undefined when one of the keys is already
   * tested under that operator or the Condition element is not an object.
   */
  addCondition(s: StatementModel, operator: string, keys: Record<string, string | string[]>): TextEdit | undefined {
    if (Object.keys(keys).length === 0) return undefined
    if (!s.condition) return this.insertProperty(s.node, 'Condition', { [operator]: keys })
    const cond = s.condition.node
    if (cond.type !== 'object') return undefined
    const block = cond.properties.find((p) => p.key === operator)
    if (!block) return this.insertProperty(cond, operator, keys)
    const obj = block.value
    if (obj?.type !== 'object') return undefined
    const names = Object.keys(keys)
    if (obj.properties.some((p) => names.some((k) => k.toLowerCase() === p.key.toLowerCase()))) return undefined
    if (names.length === 1) return this.insertProperty(obj, names[0]!, keys[names[0]!])
    const merged: Record<string, unknown> = {}
    for (const p of obj.properties) merged[p.key] = p.value ? toValue(p.value) : null
    return this.replaceNode(obj, { ...merged, ...keys })
  }

  /** Sets (replaces or adds) a statement element. */
  setElement(s: StatementModel, name: string, value: unknown): TextEdit {
    const p = s.node.properties.find((q) => q.key === name)
    if (p?.value) return this.replaceNode(p.value, value)
    return this.insertProperty(s.node, name, value)
  }

  statementNode(): JsonNode | undefined {
    const root = this.model.root
    if (root?.type !== 'object') return undefined
    return root.properties.find((p) => p.key === 'Statement')?.value
  }

  /** Adds statements at the end of the policy (a lone Statement object becomes an array). */
  appendStatements(values: object[]): TextEdit[] | undefined {
    const node = this.statementNode()
    if (!node || values.length === 0) return undefined
    if (node.type === 'array') {
      const last = node.items[node.items.length - 1]
      if (!last) return [this.replaceNode(node, values)]
      const end = last.offset + last.length
      if (this.multiline(node)) {
        const indent = this.lineIndent(last.offset)
        return [{ range: this.range(end, 0), newText: values.map((v) => `,\n${indent}${this.format(v, indent)}`).join('') }]
      }
      return [{ range: this.range(end, 0), newText: values.map((v) => `, ${JSON.stringify(v)}`).join('') }]
    }
    if (node.type !== 'object') return undefined
    const indent = this.lineIndent(node.offset)
    const sep = this.compact ? ', ' : `, `
    return [
      { range: this.range(node.offset, 0), newText: '[' },
      { range: this.range(node.offset + node.length, 0), newText: values.map((v) => `${sep}${this.format(v, indent)}`).join('') + ']' },
    ]
  }

  /** Removes one item of an array together with its separating comma. */
  removeArrayItem(arr: JsonArrayNode, index: number): TextEdit | undefined {
    return arr.items[index] ? this.edits.removeArrayItem(arr, index) : undefined
  }

  /** Removes a statement from the Statement array (undefined when Statement is a lone object). */
  removeStatement(s: StatementModel): TextEdit | undefined {
    const node = this.statementNode()
    if (node?.type !== 'array' || s.index === undefined) return undefined
    return this.removeArrayItem(node, s.index)
  }
}

function detectIndentUnit(text: string): string {
  const lines = text.split(/\r?\n|\r/, 40)
  let best: string | undefined
  for (const l of lines) {
    const m = /^([ \t]+)\S/.exec(l)
    if (!m) continue
    if (m[1]!.startsWith('\t')) return '\t'
    if (!best || m[1]!.length < best.length) best = m[1]!
  }
  return best && best.length <= 8 ? best : '  '
}
