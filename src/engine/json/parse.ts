import { parseTree, printParseErrorCode, type Node as JsoncNode, type ParseError, type ParseErrorCode } from 'jsonc-parser'
import type { Finding, JsonPath } from '../findings/types'
import { LineIndex } from './positions'
import type { JsonNode, JsonProperty } from './tree'

/** Deeper nesting than this is reported as an error instead of being parsed (no policy nests deeper than ~6). */
export const MAX_DEPTH = 256

export interface ParsedJson {
  text: string
  lines: LineIndex
  root: JsonNode | undefined
  /** JSON_SYNTAX_ERROR findings; when present `root` is undefined. */
  syntaxErrors: Finding[]
}

const JSON_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html'

function describe(code: ParseErrorCode): string {
  switch (printParseErrorCode(code)) {
    case 'InvalidSymbol':
      return 'unexpected character'
    case 'InvalidNumberFormat':
      return 'this is not a valid number'
    case 'PropertyNameExpected':
      return 'expected a property name in double quotes'
    case 'ValueExpected':
      return 'expected a value (a string, number, object, array, true, false or null)'
    case 'ColonExpected':
      return 'expected a colon after the property name'
    case 'CommaExpected':
      return 'expected a comma between elements'
    case 'CloseBraceExpected':
      return 'expected a closing brace }'
    case 'CloseBracketExpected':
      return 'expected a closing bracket ]'
    case 'EndOfFileExpected':
      return 'unexpected text after the end of the JSON document'
    case 'InvalidCommentToken':
      return 'comments are not allowed in IAM policies'
    case 'UnexpectedEndOfComment':
      return 'unterminated comment'
    case 'UnexpectedEndOfString':
      return 'unterminated string: a closing double quote is missing'
    case 'UnexpectedEndOfNumber':
      return 'incomplete number'
    case 'InvalidUnicode':
      return 'invalid \\u escape in a string'
    case 'InvalidEscapeCharacter':
      return 'invalid escape sequence in a string'
    case 'InvalidCharacter':
      return 'a control character (such as a raw tab or newline) inside a string must be escaped'
    default:
      return 'invalid JSON'
  }
}

/** Depth of bracket nesting outside strings, stopping early once over the limit. */
function nestingDepth(text: string, limit: number): { depth: number; offset: number } {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91) {
      if (++depth > limit) return { depth, offset: i }
    } else if (c === 125 || c === 93) depth--
  }
  return { depth: 0, offset: -1 }
}

/**
 * Parses JSON strictly (no comments, no trailing commas, as IAM requires) into a tree with positions.
 * Never throws: every problem becomes a JSON_SYNTAX_ERROR finding with its exact position.
 */
export function parseJson(text: string): ParsedJson {
  const lines = new LineIndex(text)
  const finding = (offset: number, length: number, message: string, fixes?: Finding['fixes']): Finding => {
    const start = lines.position(offset)
    const f: Finding = {
      code: 'JSON_SYNTAX_ERROR',
      severity: 'ERROR',
      message: `JSON syntax error at line ${start.line}, column ${start.column}: ${message}.`,
      range: lines.range(offset, Math.max(length, offset < text.length ? 1 : 0)),
      path: [],
      learnMore: JSON_DOC,
    }
    if (fixes) f.fixes = fixes
    return f
  }
  if (text.trim() === '') {
    return { text, lines, root: undefined, syntaxErrors: [finding(0, text.length, 'the document is empty; a policy is a JSON object')] }
  }
  const deep = nestingDepth(text, MAX_DEPTH)
  if (deep.offset >= 0) {
    return {
      text,
      lines,
      root: undefined,
      syntaxErrors: [finding(deep.offset, 1, `nesting deeper than ${MAX_DEPTH} levels; an IAM policy is never nested this deeply`)],
    }
  }
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false })
  if (errors.length > 0) {
    const seen = new Set<number>()
    const out: Finding[] = []
    for (const e of errors) {
      if (seen.has(e.offset) || out.length >= 20) continue
      seen.add(e.offset)
      const comma = trailingCommaBefore(text, e.offset)
      if (comma >= 0 && (printParseErrorCode(e.error) === 'PropertyNameExpected' || printParseErrorCode(e.error) === 'ValueExpected')) {
        out.push(
          finding(comma, 1, 'trailing comma: IAM does not accept a comma before a closing brace or bracket', [
            { title: 'Remove the trailing comma', edits: [{ range: lines.range(comma, 1), newText: '' }] },
          ]),
        )
      } else out.push(finding(e.offset, e.length, describe(e.error)))
    }
    return { text, lines, root: undefined, syntaxErrors: out }
  }
  const root = tree ? convert(tree, [], lines, text) : undefined
  return { text, lines, root, syntaxErrors: [] }
}

/** Offset of a comma that directly precedes (ignoring white space) a closing } or ] at `offset`, else -1. */
function trailingCommaBefore(text: string, offset: number): number {
  const close = text[offset]
  if (close !== '}' && close !== ']') return -1
  let i = offset - 1
  while (i >= 0 && /\s/.test(text[i]!)) i--
  return text[i] === ',' ? i : -1
}

function convert(node: JsoncNode, path: JsonPath, lines: LineIndex, text: string): JsonNode {
  // Object literals written out in full (no spread): this runs for every node on every keystroke.
  const offset = node.offset
  const length = node.length
  const range = lines.range(offset, length)
  switch (node.type) {
    case 'object': {
      const properties: JsonProperty[] = []
      for (const child of node.children ?? []) {
        const keyNode = child.children?.[0]
        const valueNode = child.children?.[1]
        if (!keyNode) continue
        const key = String(keyNode.value)
        properties.push({
          key,
          keyOffset: keyNode.offset,
          keyLength: keyNode.length,
          keyRange: lines.range(keyNode.offset, keyNode.length),
          offset: child.offset,
          length: child.length,
          range: lines.range(child.offset, child.length),
          value: valueNode ? convert(valueNode, path.concat(key), lines, text) : undefined,
        })
      }
      return { offset, length, range, path, type: 'object', properties }
    }
    case 'array': {
      const children = node.children ?? []
      const items: JsonNode[] = new Array<JsonNode>(children.length)
      for (let i = 0; i < children.length; i++) items[i] = convert(children[i]!, path.concat(i), lines, text)
      return { offset, length, range, path, type: 'array', items }
    }
    case 'string':
      return { offset, length, range, path, type: 'string', value: String(node.value) }
    case 'number':
      return { offset, length, range, path, type: 'number', value: Number(node.value), raw: text.slice(offset, offset + length) }
    case 'boolean':
      return { offset, length, range, path, type: 'boolean', value: Boolean(node.value) }
    default:
      return { offset, length, range, path, type: 'null', value: null }
  }
}
