/**
 * What a file is: a policy document, a CloudFormation template, a Terraform plan, simulation cases, or
 * none of these (then one sentence says what it looked like). Pure: text in, a description out.
 */
import { parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml'
import { parseJson } from '../../engine/json/parse'
import type { JsonNode } from '../../engine/json/tree'
import { looksLikeCloudFormation } from './cloudformation'
import { looksLikeTerraformPlan } from './terraform'

export type Detected =
  | { kind: 'policy' }
  | { kind: 'cloudformation'; doc: Document; syntaxError?: { message: string; offset: number } }
  | { kind: 'terraform'; plan: Record<string, unknown>; tree: JsonNode | undefined }
  | { kind: 'simulation-cases'; value: unknown }
  | { kind: 'unrecognized'; lookedLike: string }

const POLICY_KEYS = ['Statement', 'Version', 'Id']

const INTRINSICS = ['Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'If', 'Equals', 'And', 'Or', 'Not', 'ToJsonString', 'Length', 'ForEach']

/**
 * CloudFormation's short-form tags, declared so the parser keeps them on the nodes without a warning for
 * each (the resolver reads `node.tag`).
 */
const CFN_TAGS = INTRINSICS.flatMap((n) => [
  { tag: `!${n}`, resolve: (s: string) => s },
  { tag: `!${n}`, collection: 'seq' as const, resolve: (v: unknown) => v },
  { tag: `!${n}`, collection: 'map' as const, resolve: (v: unknown) => v },
])

// A function, not an array: the library concatenates an array's tags one by one on every parse.
const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  uniqueKeys: false,
  customTags: (tags) => tags.concat(CFN_TAGS as typeof tags),
}

/** Parses YAML or JSON text keeping positions, with CloudFormation's tags. */
export function parseTemplate(text: string): Document {
  return parseDocument(text, YAML_OPTIONS)
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isCase(v: unknown): boolean {
  return isRecord(v) && isRecord(v.request) && ('identityPolicies' in v || 'resourcePolicy' in v || 'scps' in v || 'permissionsBoundary' in v || 'action' in v.request)
}

function keysOf(v: Record<string, unknown>): string {
  const keys = Object.keys(v)
  if (keys.length === 0) return 'an empty object'
  const shown = keys.slice(0, 5).map((k) => JSON.stringify(k)).join(', ')
  return `an object with the keys ${shown}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}`
}

function describeJson(v: unknown): string {
  if (Array.isArray(v)) return `a JSON array of ${v.length} element${v.length === 1 ? '' : 's'}`
  if (isRecord(v)) {
    if ('name' in v && ('dependencies' in v || 'devDependencies' in v || 'scripts' in v)) return 'an npm package.json'
    if ('compilerOptions' in v) return 'a TypeScript configuration'
    if ('Effect' in v && ('Action' in v || 'NotAction' in v)) return 'a single policy statement (wrap it in {"Version": "2012-10-17", "Statement": [...]})'
    return `JSON: ${keysOf(v)}`
  }
  return `a JSON ${v === null ? 'null' : typeof v} value`
}

/**
 * Detects the kind of a file. `explicit` is true for a file named on the command line (or standard input):
 * broken JSON is then read as a policy, so the validator reports the syntax errors at their positions.
 */
export function detectKind(text: string, explicit: boolean): Detected {
  const trimmed = text.trimStart()
  let json: unknown
  let jsonOk = false
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('"') || /^[-\d]|^(true|false|null)\b/.test(trimmed)) {
    try {
      json = JSON.parse(text)
      jsonOk = true
    } catch {
      jsonOk = false
    }
  }
  if (jsonOk) {
    if (looksLikeTerraformPlan(json)) return { kind: 'terraform', plan: json as Record<string, unknown>, tree: parseJson(text).root }
    if (looksLikeCloudFormation(json)) return { kind: 'cloudformation', doc: parseTemplate(text) }
    if (isCase(json) || (Array.isArray(json) && json.length > 0 && json.every(isCase))) return { kind: 'simulation-cases', value: json }
    if (isRecord(json) && (POLICY_KEYS.some((k) => k in json) || (explicit && Object.keys(json).length === 0))) return { kind: 'policy' }
    return { kind: 'unrecognized', lookedLike: describeJson(json) }
  }
  const templateHint = /(^|\n)\s*"?(AWSTemplateFormatVersion|Resources)"?\s*:/.test(text)
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    if (templateHint && /"?Type"?\s*:\s*"?AWS::/.test(text)) {
      // JSON-like YAML (flow style with !Ref tags) is still a template.
      const doc = parseTemplate(text)
      if (doc.errors.length === 0 && looksLikeCloudFormation(safeJs(doc))) return { kind: 'cloudformation', doc }
      return cfnWithError(text, doc)
    }
    if (explicit || /"Statement"\s*:/.test(text)) return { kind: 'policy' }
    return { kind: 'unrecognized', lookedLike: 'JSON with syntax errors' }
  }
  if (trimmed === '') return explicit ? { kind: 'policy' } : { kind: 'unrecognized', lookedLike: 'an empty file' }
  const doc = parseTemplate(text)
  if (doc.errors.length === 0) {
    const value = safeJs(doc)
    if (looksLikeCloudFormation(value)) return { kind: 'cloudformation', doc }
    if (isRecord(value)) {
      if (POLICY_KEYS.some((k) => k in value) && 'Statement' in value) return { kind: 'unrecognized', lookedLike: 'a policy written in YAML (IAM reads policies as JSON only)' }
      return { kind: 'unrecognized', lookedLike: `YAML: ${keysOf(value)}` }
    }
    if (Array.isArray(value)) return { kind: 'unrecognized', lookedLike: `a YAML list of ${value.length} element${value.length === 1 ? '' : 's'}` }
  } else if (templateHint) return cfnWithError(text, doc)
  const first = trimmed.split(/\r?\n/, 1)[0]!.slice(0, 60)
  return { kind: 'unrecognized', lookedLike: `text that is neither JSON nor YAML (it starts with ${JSON.stringify(first)})` }
}

function safeJs(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: 1000 })
  } catch {
    return undefined
  }
}

function cfnWithError(text: string, parsed?: Document): Detected {
  const doc = parsed ?? parseTemplate(text)
  const err = doc.errors[0]
  if (!err && looksLikeCloudFormation(safeJs(doc))) return { kind: 'cloudformation', doc }
  return { kind: 'cloudformation', doc, syntaxError: { message: err ? err.message.split('\n')[0]! : 'the template is not valid JSON or YAML', offset: err ? err.pos[0] : 0 } }
}
