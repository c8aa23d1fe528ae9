import type { JsonPath, Range } from '../findings/types'

/** A JSON document as a tree in which every node keeps its source span. */
export type JsonNode = JsonObjectNode | JsonArrayNode | JsonStringNode | JsonNumberNode | JsonBooleanNode | JsonNullNode

interface NodeBase {
  offset: number
  length: number
  range: Range
  path: JsonPath
}

export interface JsonProperty {
  key: string
  keyOffset: number
  keyLength: number
  keyRange: Range
  /** Span of the whole `"key": value` pair. */
  offset: number
  length: number
  range: Range
  value: JsonNode | undefined
}

export interface JsonObjectNode extends NodeBase {
  type: 'object'
  properties: JsonProperty[]
}
export interface JsonArrayNode extends NodeBase {
  type: 'array'
  items: JsonNode[]
}
export interface JsonStringNode extends NodeBase {
  type: 'string'
  value: string
}
export interface JsonNumberNode extends NodeBase {
  type: 'number'
  value: number
  /** The number as written, so `10.0` is not reported as `10`. */
  raw: string
}
export interface JsonBooleanNode extends NodeBase {
  type: 'boolean'
  value: boolean
}
export interface JsonNullNode extends NodeBase {
  type: 'null'
  value: null
}

/** Plain JavaScript value of a node (the last of duplicate keys wins, as most JSON readers do). */
export function toValue(node: JsonNode | undefined): unknown {
  if (!node) return undefined
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = {}
      for (const p of node.properties) o[p.key] = toValue(p.value)
      return o
    }
    case 'array':
      return node.items.map(toValue)
    default:
      return node.value
  }
}

export function jsonTypeName(node: JsonNode | undefined): string {
  if (!node) return 'nothing'
  return node.type === 'object' ? 'an object' : node.type === 'array' ? 'an array' : node.type === 'null' ? 'null' : `a ${node.type}`
}
