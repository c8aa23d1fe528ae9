/**
 * Export to and import from a JSON file. Import checks the whole file before anything is changed (size,
 * JSON syntax, forbidden keys, format marker, schema version, every template's fields and sizes) and
 * reports the first problem with its JSON path; merging is all-or-nothing.
 */
import { parse, type ParseError } from 'jsonc-parser'
import { tooDeep } from '../shared/json-limits'
import { migrate } from './migrations'
import {
  LIMITS,
  SCHEMA_VERSION,
  SchemaError,
  assertNoForbiddenKeys,
  describeJsonType,
  isRecord,
  own,
  readTemplate,
  sameContent,
  type SavedTemplate,
} from './schema'

export const EXPORT_FORMAT = 'iam-sidekick-templates'
/** Larger files are refused before they are read. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

export interface ExportFile {
  format: typeof EXPORT_FORMAT
  schemaVersion: typeof SCHEMA_VERSION
  exportedAt: string
  templates: SavedTemplate[]
}

export function exportTemplates(templates: readonly SavedTemplate[], now: number): string {
  const file: ExportFile = { format: EXPORT_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: new Date(now).toISOString(), templates: [...templates] }
  return JSON.stringify(file, null, 2) + '\n'
}

export function exportFileName(now: number): string {
  return `iam-sidekick-templates-${new Date(now).toISOString().slice(0, 10)}.json`
}

export type ImportResult = { ok: true; templates: SavedTemplate[] } | { ok: false; error: string; path?: string }

const FILE_FIELDS = ['format', 'schemaVersion', 'exportedAt', 'templates']

function fail(error: string, path?: string): ImportResult {
  return path === undefined ? { ok: false, error } : { ok: false, error, path }
}

/** Where the first JSON syntax error is, as " at line L, column C" (JSON.parse does not always say). */
function syntaxErrorPlace(text: string): string {
  const errors: ParseError[] = []
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false })
  const first = errors[0]
  if (!first) return ''
  const offset = Math.min(first.offset, text.length)
  if (offset >= text.trimEnd().length) return ' (it ends too early: is the file cut off?)'
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return ` at line ${line}, column ${column}`
}

/** UTF-8 size of a string. */
export function utf8Bytes(s: string): number {
  let bytes = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/** Parses and checks an import file completely. Never throws. */
export function parseImport(text: string): ImportResult {
  if (typeof text !== 'string') return fail('The file could not be read as text.')
  if (text.length > MAX_IMPORT_BYTES || utf8Bytes(text) > MAX_IMPORT_BYTES) {
    return fail(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; an export of templates is far smaller.`)
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') return fail('The file is empty.')
  const deep = tooDeep(body, 'The file')
  if (deep) return fail(deep)
  let raw: unknown
  try {
    raw = JSON.parse(body)
  } catch {
    return fail(`The file is not valid JSON${syntaxErrorPlace(body)}.`)
  }
  try {
    assertNoForbiddenKeys(raw)
    if (!isRecord(raw)) throw new SchemaError('$', `must be an object with "format" and "templates", not ${describeJsonType(raw)}`)
    if (own(raw, 'format') !== EXPORT_FORMAT) {
      if (own(raw, 'Statement') !== undefined || own(raw, 'Version') !== undefined) {
        return fail('This file is an IAM policy, not an IAM Sidekick templates export. To keep a policy, use "New template" and paste it.', '$')
      }
      throw new SchemaError('$.format', `must be "${EXPORT_FORMAT}": this is not an IAM Sidekick templates export`)
    }
    const doc = migrate(raw)
    for (const key of Object.keys(doc)) if (!FILE_FIELDS.includes(key)) throw new SchemaError(`$.${key}`, `unknown field "${key}"`)
    const exportedAt = own(doc, 'exportedAt')
    if (exportedAt !== undefined && (typeof exportedAt !== 'string' || exportedAt.length > 64)) {
      throw new SchemaError('$.exportedAt', 'must be a short string (a date)')
    }
    const list = own(doc, 'templates')
    if (!Array.isArray(list)) throw new SchemaError('$.templates', list === undefined ? 'is missing' : `must be an array, not ${describeJsonType(list)}`)
    if (list.length > LIMITS.templates) throw new SchemaError('$.templates', `has ${list.length} templates; at most ${LIMITS.templates} can be kept`)
    const seen = new Set<string>()
    const templates = list.map((t: unknown, i) => {
      const template = readTemplate(t, `$.templates[${i}]`)
      if (seen.has(template.id)) throw new SchemaError(`$.templates[${i}].id`, `"${template.id}" appears twice in the file`)
      seen.add(template.id)
      return template
    })
    return { ok: true, templates }
  } catch (e) {
    if (e instanceof SchemaError) return fail(`${e.path}: ${e.problem}.`, e.path)
    return fail(`The file could not be read: ${e instanceof Error ? e.message : String(e)}`)
  }
}

export interface MergeResult {
  templates: SavedTemplate[]
  added: SavedTemplate[]
  /** Already present with the same content. */
  skipped: number
}

/**
 * Adds imported templates to the existing ones without changing any existing template: an identical
 * template is skipped; an id that is taken by a different template gets a new id.
 */
export function mergeImported(existing: readonly SavedTemplate[], incoming: readonly SavedTemplate[], newId: () => string): MergeResult {
  const byId = new Map(existing.map((t) => [t.id, t]))
  const added: SavedTemplate[] = []
  let skipped = 0
  for (const t of incoming) {
    if (existing.some((e) => sameContent(e, t)) || added.some((a) => sameContent(a, t))) {
      skipped++
      continue
    }
    let id = t.id
    while (byId.has(id)) id = newId()
    const copy: SavedTemplate = { ...t, id, tags: [...t.tags] }
    if (t.origin) copy.origin = { ...t.origin }
    byId.set(id, copy)
    added.push(copy)
  }
  return { templates: [...existing, ...added], added, skipped }
}
