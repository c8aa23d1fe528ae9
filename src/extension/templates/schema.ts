/**
 * The saved-template schema (version 2) and its strict checks. Everything read from storage or from an
 * import file goes through `readTemplate` before the rest of the extension sees it: strings only where
 * strings are expected, bounded sizes, no prototype-pollution keys, no unknown fields.
 */
import { POLICY_TYPES, type PolicyType } from '../../engine/findings/types'

export const SCHEMA_VERSION = 2

export const LIMITS = {
  name: 120,
  description: 500,
  tags: 20,
  tag: 40,
  /** Characters of policy text (AWS's largest policy quota is 10,240; templates may be drafts with whitespace). */
  document: 65_536,
  templates: 1000,
  id: 64,
} as const

export type TemplateOriginKind = 'builtin' | 'aws-managed' | 'editor' | 'import' | 'blank' | 'copy'
export const ORIGIN_KINDS: readonly TemplateOriginKind[] = ['builtin', 'aws-managed', 'editor', 'import', 'blank', 'copy']

export interface TemplateOrigin {
  kind: TemplateOriginKind
  /** What it came from: a built-in template id, a managed policy ARN, another template's id. */
  ref?: string
}

/** A template the user saved. */
export interface SavedTemplate {
  id: string
  name: string
  description: string
  policyType: PolicyType
  tags: string[]
  /** The policy text as written, with `{{Placeholders}}`. */
  document: string
  /** Milliseconds since the epoch. */
  createdAt: number
  updatedAt: number
  origin?: TemplateOrigin
}

/** The fields a user edits. */
export type TemplateInput = Pick<SavedTemplate, 'name' | 'description' | 'policyType' | 'tags' | 'document'> & { origin?: TemplateOrigin }

export const TEMPLATE_FIELDS = ['id', 'name', 'description', 'policyType', 'tags', 'document', 'createdAt', 'updatedAt', 'origin'] as const

/** Keys that must never reach an object from untrusted JSON. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

export class SchemaError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`)
    this.name = 'SchemaError'
  }
}

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

/** Own property read that ignores inherited members (`toString`, `__proto__`...). */
export function own(o: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined
}

export function describeJsonType(x: unknown): string {
  if (x === null) return 'null'
  if (Array.isArray(x)) return 'an array'
  if (typeof x === 'object') return 'an object'
  if (typeof x === 'string') return 'a string'
  if (typeof x === 'number') return 'a number'
  if (typeof x === 'boolean') return 'a boolean'
  return typeof x
}

/** Throws on the first forbidden key anywhere in a JSON value (checked before anything else touches it). */
export function assertNoForbiddenKeys(value: unknown, path = '$', depth = 0): void {
  if (depth > 64) throw new SchemaError(path, 'is nested too deeply')
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertNoForbiddenKeys(v, `${path}[${i}]`, depth + 1))
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new SchemaError(`${path}.${key}`, `the key "${key}" is not allowed`)
      assertNoForbiddenKeys(value[key], `${path}.${key}`, depth + 1)
    }
  }
}

function rejectUnknownKeys(o: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) throw new SchemaError(`${path}.${key}`, `unknown field "${key}" (expected one of: ${allowed.join(', ')})`)
  }
}

function readString(o: Record<string, unknown>, key: string, path: string, opts: { max: number; min?: number; optional?: boolean }): string | undefined {
  const v = own(o, key)
  if (v === undefined && opts.optional) return undefined
  if (typeof v !== 'string') throw new SchemaError(`${path}.${key}`, v === undefined ? 'is missing' : `must be a string, not ${describeJsonType(v)}`)
  if (v.length > opts.max) throw new SchemaError(`${path}.${key}`, `is longer than ${opts.max} characters (${v.length})`)
  if (v.length < (opts.min ?? 0)) throw new SchemaError(`${path}.${key}`, opts.min === 1 ? 'must not be empty' : `must have at least ${opts.min} characters`)
  return v
}

/** The largest time a template may carry: the last valid JavaScript date (ms since 1970). */
export const MAX_TIME = 8.64e15

function readTime(o: Record<string, unknown>, key: string, path: string): number {
  const v = own(o, key)
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_TIME || !Number.isInteger(v)) {
    throw new SchemaError(`${path}.${key}`, v === undefined ? 'is missing' : 'must be a time in milliseconds (a whole, non-negative number)')
  }
  return v
}

/** A tag after trimming; tags are compared case-insensitively. */
export function normaliseTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ')
}

/** Tags from user input: trimmed, non-empty, de-duplicated (case-insensitively), in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of tags) {
    const tag = normaliseTag(raw)
    if (!tag || seen.has(tag.toLowerCase())) continue
    seen.add(tag.toLowerCase())
    out.push(tag)
  }
  return out
}

export function isPolicyType(x: unknown): x is PolicyType {
  return typeof x === 'string' && (POLICY_TYPES as readonly string[]).includes(x)
}

/** Checks and copies one template (a fresh object: nothing of the input object is kept). */
export function readTemplate(raw: unknown, path: string): SavedTemplate {
  if (!isRecord(raw)) throw new SchemaError(path, `must be an object, not ${describeJsonType(raw)}`)
  rejectUnknownKeys(raw, TEMPLATE_FIELDS, path)
  const id = readString(raw, 'id', path, { max: LIMITS.id, min: 1 })!
  if (!ID_PATTERN.test(id)) throw new SchemaError(`${path}.id`, 'may only contain letters, digits, "_" and "-"')
  const name = readString(raw, 'name', path, { max: LIMITS.name, min: 1 })!
  if (name.trim() === '') throw new SchemaError(`${path}.name`, 'must not be blank')
  const description = readString(raw, 'description', path, { max: LIMITS.description })!
  const policyType = own(raw, 'policyType')
  if (!isPolicyType(policyType)) throw new SchemaError(`${path}.policyType`, `must be one of ${POLICY_TYPES.join(', ')}`)
  const tagsRaw = own(raw, 'tags')
  if (!Array.isArray(tagsRaw)) throw new SchemaError(`${path}.tags`, tagsRaw === undefined ? 'is missing' : `must be an array of strings, not ${describeJsonType(tagsRaw)}`)
  if (tagsRaw.length > LIMITS.tags) throw new SchemaError(`${path}.tags`, `has more than ${LIMITS.tags} tags`)
  const tags: string[] = []
  tagsRaw.forEach((t, i) => {
    if (typeof t !== 'string') throw new SchemaError(`${path}.tags[${i}]`, `must be a string, not ${describeJsonType(t)}`)
    if (t.length > LIMITS.tag) throw new SchemaError(`${path}.tags[${i}]`, `is longer than ${LIMITS.tag} characters`)
    tags.push(t)
  })
  const document = readString(raw, 'document', path, { max: LIMITS.document })!
  const createdAt = readTime(raw, 'createdAt', path)
  const updatedAt = readTime(raw, 'updatedAt', path)
  const template: SavedTemplate = { id, name, description, policyType, tags: normaliseTags(tags), document, createdAt, updatedAt }
  const originRaw = own(raw, 'origin')
  if (originRaw !== undefined) template.origin = readOrigin(originRaw, `${path}.origin`)
  return template
}

function readOrigin(raw: unknown, path: string): TemplateOrigin {
  if (!isRecord(raw)) throw new SchemaError(path, `must be an object, not ${describeJsonType(raw)}`)
  rejectUnknownKeys(raw, ['kind', 'ref'], path)
  const kind = own(raw, 'kind')
  if (typeof kind !== 'string' || !(ORIGIN_KINDS as readonly string[]).includes(kind)) {
    throw new SchemaError(`${path}.kind`, `must be one of ${ORIGIN_KINDS.join(', ')}`)
  }
  const ref = readString(raw, 'ref', path, { max: 2048, optional: true })
  return ref === undefined ? { kind: kind as TemplateOriginKind } : { kind: kind as TemplateOriginKind, ref }
}

/** Checks user input for a template; returns the problem or undefined. */
export function checkTemplateInput(input: TemplateInput): string | undefined {
  if (input.name.trim() === '') return 'The name must not be empty.'
  if (input.name.length > LIMITS.name) return `The name is longer than ${LIMITS.name} characters.`
  if (input.description.length > LIMITS.description) return `The description is longer than ${LIMITS.description} characters.`
  if (!isPolicyType(input.policyType)) return 'Choose a policy type.'
  const tags = normaliseTags(input.tags)
  if (tags.length > LIMITS.tags) return `A template can have at most ${LIMITS.tags} tags.`
  const long = tags.find((t) => t.length > LIMITS.tag)
  if (long) return `The tag "${long.slice(0, 20)}…" is longer than ${LIMITS.tag} characters.`
  if (input.document.length > LIMITS.document) return `The policy is longer than ${LIMITS.document} characters.`
  return undefined
}

/** Two templates hold the same content (ignoring id and times). */
export function sameContent(a: SavedTemplate, b: SavedTemplate): boolean {
  return (
    a.name === b.name &&
    a.description === b.description &&
    a.policyType === b.policyType &&
    a.document === b.document &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  )
}
