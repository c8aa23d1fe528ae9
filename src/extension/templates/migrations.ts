/**
 * Schema migrations for stored template state and export files. Each step takes a document of version N
 * and returns a new document of version N + 1; steps never mutate their input and never throw on odd
 * shapes (they leave what they do not recognise for the schema check that follows).
 *
 *   v1 → v2: `tags` was one comma-separated string ("s3, read-only"); it is now an array of strings.
 *            `description` was optional; it is now always present ("" when there was none).
 */
import { SCHEMA_VERSION, SchemaError, describeJsonType, isRecord, own } from './schema'

type Doc = Record<string, unknown>
type Migration = (doc: Doc) => Doc

function v1ToV2(doc: Doc): Doc {
  const templates = own(doc, 'templates')
  return {
    ...doc,
    schemaVersion: 2,
    templates: Array.isArray(templates)
      ? templates.map((t: unknown) => {
          if (!isRecord(t)) return t
          const next: Doc = { ...t }
          const tags = own(t, 'tags')
          if (typeof tags === 'string') next.tags = tags.split(',').map((s) => s.trim()).filter(Boolean)
          else if (tags === undefined) next.tags = []
          if (own(t, 'description') === undefined) next.description = ''
          return next
        })
      : templates,
  }
}

/** MIGRATIONS[n] turns a version-n document into version n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: v1ToV2 }

export const OLDEST_SCHEMA_VERSION = 1

/** The document's schema version (a whole number between OLDEST_SCHEMA_VERSION and SCHEMA_VERSION). */
export function schemaVersionOf(doc: Doc, path = '$'): number {
  const v = own(doc, 'schemaVersion')
  if (v === undefined) throw new SchemaError(`${path}.schemaVersion`, 'is missing')
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new SchemaError(`${path}.schemaVersion`, `must be a whole number, not ${describeJsonType(v)}`)
  if (v > SCHEMA_VERSION) {
    throw new SchemaError(`${path}.schemaVersion`, `is ${v}, written by a newer version of IAM Sidekick (this version reads up to ${SCHEMA_VERSION}); update the extension`)
  }
  if (v < OLDEST_SCHEMA_VERSION) throw new SchemaError(`${path}.schemaVersion`, `is ${v}, which no version of IAM Sidekick wrote`)
  return v
}

/** Brings a document up to SCHEMA_VERSION. Throws SchemaError when its version is missing or unsupported. */
export function migrate(raw: unknown, path = '$'): Doc {
  if (!isRecord(raw)) throw new SchemaError(path, `must be an object, not ${describeJsonType(raw)}`)
  let doc: Doc = raw
  for (let v = schemaVersionOf(doc, path); v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v]
    if (!step) throw new SchemaError(`${path}.schemaVersion`, `no migration from version ${v}`)
    doc = step(doc)
  }
  return doc
}
