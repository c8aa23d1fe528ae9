import type { Finding, JsonPath, Range } from '../findings/types'
import type { LineIndex } from '../json/positions'
import type { JsonNode, JsonObjectNode } from '../json/tree'
import type { ParsedOperator } from './operators'

/** A value from the source with where it stands. */
export interface Located<T> {
  value: T
  range: Range
  path: JsonPath
}

/** The name of an element as written (`"Action"`), with the range of the key. */
export interface ElementKey {
  name: string
  range: Range
  path: JsonPath
  /** Range of the whole `"key": value` pair, for fixes that remove or replace it. */
  propertyRange: Range
}

/** Action / NotAction / Resource / NotResource: a string or an array of strings. */
export interface StringListElement {
  key: ElementKey
  node: JsonNode
  isArray: boolean
  /** String entries only; entries of another JSON type are reported, not kept. */
  items: Located<string>[]
}

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser'
export const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser']

export interface PrincipalEntry {
  /** The key as written (`AWS`, `Service`...). */
  type: string
  key: ElementKey
  node: JsonNode
  isArray: boolean
  values: Located<string>[]
}

export interface PrincipalElement {
  key: ElementKey
  node: JsonNode
  /** `"Principal": "*"`. */
  wildcard?: Located<string>
  entries: PrincipalEntry[]
}

export interface ConditionValue extends Located<string> {
  /** The JSON type the value was written as; the value is always given as its string form. */
  jsonType: 'string' | 'number' | 'boolean'
}

export interface ConditionEntry {
  /** The condition key as written. */
  key: Located<string>
  keyElement: ElementKey
  node: JsonNode
  isArray: boolean
  values: ConditionValue[]
}

export interface ConditionOperatorBlock {
  operator: Located<string>
  keyElement: ElementKey
  parsed: ParsedOperator
  node: JsonNode
  entries: ConditionEntry[]
}

export interface ConditionElement {
  key: ElementKey
  node: JsonNode
  operators: ConditionOperatorBlock[]
}

export interface StatementModel {
  /** Position in the Statement array, or undefined when Statement is a single object. */
  index: number | undefined
  node: JsonObjectNode
  range: Range
  path: JsonPath
  sid?: Located<string>
  effect?: Located<string>
  action?: StringListElement
  notAction?: StringListElement
  resource?: StringListElement
  notResource?: StringListElement
  principal?: PrincipalElement
  notPrincipal?: PrincipalElement
  condition?: ConditionElement
  /** Every element key present, by name as written. */
  keys: ElementKey[]
}

export interface PolicyModel {
  text: string
  lines: LineIndex
  /** The parsed JSON; undefined when the text is not JSON. */
  root: JsonNode | undefined
  version?: Located<string>
  id?: Located<string>
  statementKey?: ElementKey
  statementIsArray: boolean
  statements: StatementModel[]
  /** Syntax and structure problems met while building the model (JSON errors, wrong types, unknown elements). */
  problems: Finding[]
}

export const POLICY_ELEMENTS = ['Version', 'Id', 'Statement'] as const
export const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const
