/** Builders for the text edits that fixes are made of. Each keeps the document valid JSON. */
import type { Range, TextEdit } from './types'
import type { LineIndex } from '../json/positions'
import type { JsonArrayNode, JsonNode, JsonObjectNode, JsonProperty } from '../json/tree'

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r'
}

export class EditBuilder {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  range(offset: number, length: number): Range {
    return this.lines.range(offset, length)
  }

  replace(range: Range, newText: string): TextEdit {
    return { range, newText }
  }

  /** Replaces a JSON value (string, number...) with a string value. */
  replaceWithString(target: { range: Range }, value: string): TextEdit {
    return { range: target.range, newText: JSON.stringify(value) }
  }

  replaceNode(node: JsonNode, newText: string): TextEdit {
    return { range: node.range, newText }
  }

  /** Removes a property together with the comma that separates it from its neighbour. */
  removeProperty(obj: JsonObjectNode, p: JsonProperty): TextEdit {
    const i = obj.properties.indexOf(p)
    let start = p.offset
    let end = p.offset + p.length
    if (i >= 0 && i < obj.properties.length - 1) end = obj.properties[i + 1]!.offset
    else if (i > 0) {
      const prev = obj.properties[i - 1]!
      start = prev.offset + prev.length
    } else {
      while (start > obj.offset + 1 && isSpace(this.text[start - 1])) start--
      while (end < obj.offset + obj.length - 1 && isSpace(this.text[end])) end++
    }
    return { range: this.lines.range(start, end - start), newText: '' }
  }

  /** Removes the property with this key (first match), if any. */
  removeKey(obj: JsonObjectNode, key: string): TextEdit | undefined {
    const p = obj.properties.find((q) => q.key === key)
    return p ? this.removeProperty(obj, p) : undefined
  }

  /** Removes an array item together with its separating comma. */
  removeArrayItem(arr: JsonArrayNode, index: number): TextEdit {
    const item = arr.items[index]!
    let start = item.offset
    let end = item.offset + item.length
    if (index < arr.items.length - 1) end = arr.items[index + 1]!.offset
    else if (index > 0) {
      const prev = arr.items[index - 1]!
      start = prev.offset + prev.length
    } else {
      start = arr.offset + 1
      end = arr.offset + arr.length - 1
    }
    return { range: this.lines.range(start, end - start), newText: '' }
  }

  /** Removes several items of one array (indexes in any order, no duplicates) as non-overlapping edits. */
  removeArrayItems(arr: JsonArrayNode, indexes: number[]): TextEdit[] {
    const drop = new Set(indexes)
    if (drop.size >= arr.items.length) return [{ range: this.lines.range(arr.offset + 1, arr.length - 2), newText: '' }]
    // Remove each dropped item with the separator that follows it, or, for trailing items, the one before.
    const keepLast = Math.max(...arr.items.map((_, i) => (drop.has(i) ? -1 : i)))
    const edits: TextEdit[] = []
    for (const i of [...drop].sort((a, b) => a - b)) {
      const item = arr.items[i]!
      if (i < keepLast) {
        edits.push({ range: this.lines.range(item.offset, arr.items[i + 1]!.offset - item.offset), newText: '' })
      } else {
        // trailing items: take the separator before; a dropped predecessor's edit ends where this one starts
        const prev = arr.items[i - 1]!
        const start = prev.offset + prev.length
        edits.push({ range: this.lines.range(start, item.offset + item.length - start), newText: '' })
      }
    }
    return edits
  }

  /** The white space that precedes a node on its line, when the node starts a line. */
  private indentOf(offset: number): string | undefined {
    let i = offset
    while (i > 0 && (this.text[i - 1] === ' ' || this.text[i - 1] === '\t')) i--
    if (i === 0 || this.text[i - 1] === '\n' || this.text[i - 1] === '\r') return this.text.slice(i, offset)
    return undefined
  }

  /** Inserts `"key": value` as the first property of an object. `valueJson` is already JSON text. */
  insertFirstProperty(obj: JsonObjectNode, key: string, valueJson: string): TextEdit {
    const pair = `${JSON.stringify(key)}: ${valueJson}`
    const first = obj.properties[0]
    if (!first) return { range: this.lines.range(obj.offset + 1, obj.length - 2), newText: pair }
    const indent = this.indentOf(first.offset)
    const sep = indent !== undefined ? `,\n${indent}` : ', '
    return { range: this.lines.range(first.offset, 0), newText: pair + sep }
  }

  /** Inserts `"key": value` after the last property of an object. */
  insertLastProperty(obj: JsonObjectNode, key: string, valueJson: string): TextEdit {
    const pair = `${JSON.stringify(key)}: ${valueJson}`
    const last = obj.properties[obj.properties.length - 1]
    if (!last) return { range: this.lines.range(obj.offset + 1, obj.length - 2), newText: pair }
    const indent = this.indentOf(last.offset)
    const sep = indent !== undefined ? `,\n${indent}` : ', '
    return { range: this.lines.range(last.offset + last.length, 0), newText: sep + pair }
  }

  /** Appends a string item to an array. */
  appendArrayItem(arr: JsonArrayNode, valueJson: string): TextEdit {
    const last = arr.items[arr.items.length - 1]
    if (!last) return { range: this.lines.range(arr.offset + 1, arr.length - 2), newText: valueJson }
    return { range: this.lines.range(last.offset + last.length, 0), newText: ', ' + valueJson }
  }

  /** The whole document replaced (used by the minify fix). */
  replaceAll(newText: string): TextEdit {
    return { range: this.lines.range(0, this.text.length), newText }
  }
}

/** The document without white space outside strings: what IAM counts against size quotas. */
export function minifyJsonText(text: string): string {
  let out = ''
  let inString = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 32 || c === 9 || c === 10 || c === 13) {
      out += text.slice(start, i)
      start = i + 1
    }
  }
  return out + text.slice(start)
}

/** Length of the document without white space outside strings, without building it. */
export function minifiedLength(text: string): number {
  let n = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      n++
      if (c === 92) {
        if (i + 1 < text.length) n++
        i++
      } else if (c === 34) inString = false
    } else if (c === 34) {
      inString = true
      n++
    } else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) n++
  }
  return n
}
