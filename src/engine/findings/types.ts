/** Shapes shared by every engine service: positions, ranges, findings and fixes (see shared/specs/cli.md). */

/** 1-based line and column. */
export interface Position {
  line: number
  column: number
}

/** A span of the source text; `end` is exclusive. */
export interface Range {
  start: Position
  end: Position
}

/** Path of a node from the document root: object keys and array indexes. */
export type JsonPath = (string | number)[]

export type Severity = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION'

export const SEVERITIES: readonly Severity[] = ['ERROR', 'SECURITY_WARNING', 'WARNING', 'SUGGESTION']

export interface TextEdit {
  range: Range
  newText: string
}

export interface Fix {
  title: string
  edits: TextEdit[]
}

export interface Finding {
  /** Access Analyzer's issue code where the check is the same, else the project's own. */
  code: string
  severity: Severity
  message: string
  range: Range
  path: JsonPath
  fixes?: Fix[]
  /** A documentation page that explains the rule. */
  learnMore?: string
}

export const SUGGESTION_CATEGORIES = [
  'privilege-escalation',
  'data-exfiltration',
  'resource-exposure',
  'credentials-exposure',
  'infrastructure-modification',
  'wildcard',
  'redundant',
  'missing-condition',
] as const

export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number]

export interface Suggestion extends Finding {
  category?: SuggestionCategory
  /** The concrete actions the suggestion is about, where it names any. */
  actions?: string[]
  /**
   * One top-level suggestion standing for `count` members that share one cause (one `"*"` covering 45
   * privilege-escalation methods); the detail is in `members`.
   */
  group?: SuggestionGroup
}

export interface SuggestionGroup {
  count: number
  /** What the members are, in the plural when count > 1: "privilege-escalation methods". */
  noun: string
  members: Suggestion[]
}

export type PolicyType = 'identity' | 'resource' | 'trust' | 'scp' | 'rcp' | 'boundary' | 'session'

export const POLICY_TYPES: readonly PolicyType[] = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session']

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column
}

/** Sort findings by their position, then code, so output is deterministic. */
export function sortFindings<T extends Finding>(findings: T[]): T[] {
  return findings.sort(
    (a, b) =>
      comparePositions(a.range.start, b.range.start) ||
      comparePositions(a.range.end, b.range.end) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  )
}
