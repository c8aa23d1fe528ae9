import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EXPORT_FORMAT, MAX_IMPORT_BYTES, exportTemplates, mergeImported, parseImport } from '../../src/extension/templates/import-export'
import { migrate } from '../../src/extension/templates/migrations'
import { LIMITS, SchemaError, readTemplate, type SavedTemplate } from '../../src/extension/templates/schema'

export function sample(over: Partial<SavedTemplate> = {}): SavedTemplate {
  return {
    id: 't-1',
    name: 'Read bucket',
    description: 'Reads one bucket.',
    policyType: 'identity',
    tags: ['s3', 'read-only'],
    document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{BucketName}}/*"}]}',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...over,
  }
}

const file = (templates: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: EXPORT_FORMAT, schemaVersion: 2, templates, ...extra })

function rejects(text: string, pattern: RegExp): void {
  const r = parseImport(text)
  expect(r.ok).toBe(false)
  if (!r.ok) expect(r.error).toMatch(pattern)
}

describe('export and import', () => {
  it('round-trips templates through an export file', () => {
    const templates = [sample(), sample({ id: 't-2', name: 'Other', tags: [], origin: { kind: 'builtin', ref: 'builtin-s3-read-bucket' } })]
    const text = exportTemplates(templates, Date.UTC(2026, 10, 23))
    expect(JSON.parse(text)).toMatchObject({ format: EXPORT_FORMAT, schemaVersion: 2, exportedAt: '2026-11-23T00:00:00.000Z' })
    expect(parseImport(text)).toEqual({ ok: true, templates })
  })

  it('reads a version-1 file (tags as a comma string, no description)', () => {
    const v1 = JSON.stringify({ format: EXPORT_FORMAT, schemaVersion: 1, templates: [{ ...sample(), tags: ' s3, read-only,,s3 ', description: undefined }] })
    const r = parseImport(v1)
    expect(r).toEqual({ ok: true, templates: [sample({ description: '' })] })
  })

  it('migrate() leaves its input unchanged and rejects unknown versions', () => {
    const doc = { schemaVersion: 1, templates: [{ tags: 'a,b' }] }
    const copy = structuredClone(doc)
    expect(migrate(doc)).toEqual({ schemaVersion: 2, templates: [{ tags: ['a', 'b'], description: '' }] })
    expect(doc).toEqual(copy)
    expect(() => migrate({ schemaVersion: 3, templates: [] })).toThrow(/newer version/)
    expect(() => migrate({ schemaVersion: 0 })).toThrow(SchemaError)
    expect(() => migrate({ templates: [] })).toThrow(/schemaVersion: is missing/)
    expect(() => migrate({ schemaVersion: '2' })).toThrow(/whole number/)
  })

  it('names the first problem and its JSON path', () => {
    rejects('', /empty/)
    rejects('{"format": ', /not valid JSON \(it ends too early/)
    rejects('{\n  "format": x\n}', /not valid JSON at line 2, column 13/)
    rejects('[]', /\$: must be an object/)
    rejects('{"Version":"2012-10-17","Statement":[]}', /IAM policy, not an IAM Sidekick templates export/)
    rejects('{"format":"other","templates":[]}', /\$\.format: must be "iam-sidekick-templates"/)
    rejects(file([sample()], { schemaVersion: 9 }), /newer version/)
    rejects(file([sample()], { extra: 1 }), /\$\.extra: unknown field/)
    rejects(JSON.stringify({ format: EXPORT_FORMAT, schemaVersion: 2 }), /\$\.templates: is missing/)
    rejects(file([{ ...sample(), name: 7 }]), /\$\.templates\[0\]\.name: must be a string, not a number/)
    rejects(file([{ ...sample(), name: ' ' }]), /\$\.templates\[0\]\.name: must not be blank/)
    rejects(file([sample(), { ...sample({ id: 't-2' }), tags: ['ok', { x: 1 }] }]), /\$\.templates\[1\]\.tags\[1\]: must be a string, not an object/)
    rejects(file([{ ...sample(), document: { Version: '2012-10-17' } }]), /\$\.templates\[0\]\.document: must be a string, not an object/)
    rejects(file([{ ...sample(), policyType: 'admin' }]), /policyType: must be one of/)
    rejects(file([{ ...sample(), id: '../x' }]), /\.id: may only contain/)
    rejects(file([{ ...sample(), createdAt: -1 }]), /createdAt: must be a time/)
    rejects(file([{ ...sample(), extra: true }]), /\$\.templates\[0\]\.extra: unknown field "extra"/)
    rejects(file([{ ...sample(), origin: { kind: 'evil' } }]), /origin\.kind: must be one of/)
    rejects(file([sample(), sample()]), /\$\.templates\[1\]\.id: "t-1" appears twice/)
    rejects(file([{ ...sample(), name: 'x'.repeat(LIMITS.name + 1) }]), /name: is longer than 120 characters/)
    rejects(file([{ ...sample(), document: 'x'.repeat(LIMITS.document + 1) }]), /document: is longer than/)
    rejects(file(Array.from({ length: LIMITS.templates + 1 }, (_, i) => sample({ id: `t${i}` }))), /at most 1000/)
    rejects(' '.repeat(MAX_IMPORT_BYTES + 1), /larger than 5 MB/)
  })

  it('refuses prototype-pollution keys anywhere, and nothing gets polluted', () => {
    rejects(`{"format":"${EXPORT_FORMAT}","schemaVersion":2,"templates":[],"__proto__":{"polluted":true}}`, /\$\.__proto__: the key "__proto__" is not allowed/)
    rejects(file([{ ...sample(), origin: JSON.parse('{"kind":"import","__proto__":{"polluted":true}}') }]), /origin\.__proto__/)
    rejects(`{"format":"${EXPORT_FORMAT}","schemaVersion":2,"templates":[{"constructor":{"prototype":{"polluted":true}}}]}`, /constructor/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('merges without touching existing templates', () => {
    const existing = [sample(), sample({ id: 't-2', name: 'Mine' })]
    let n = 0
    const r = mergeImported(existing, [sample(), sample({ id: 't-2', name: 'Theirs' }), sample({ id: 't-3', name: 'New' })], () => `new-${++n}`)
    expect(r.skipped).toBe(1)
    expect(r.added.map((t) => [t.id, t.name])).toEqual([
      ['new-1', 'Theirs'],
      ['t-3', 'New'],
    ])
    expect(r.templates.slice(0, 2)).toEqual(existing)
  })

  it('fuzz: random text never throws and never yields an invalid template', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 4 })), (text) => {
        const r = parseImport(text)
        if (r.ok) for (const t of r.templates) expect(readTemplate(t, '$')).toEqual(t)
        else expect(r.error.length).toBeGreaterThan(5)
      }),
      { numRuns: 1000 },
    )
  })

  it('fuzz: mutated export files are either fully valid or rejected with a message', () => {
    const good = exportTemplates([sample(), sample({ id: 't-2', name: 'B', tags: ['x'] })], 0)
    const textMutation = fc
      .tuple(fc.nat({ max: good.length }), fc.nat({ max: 6 }), fc.string({ maxLength: 6 }))
      .map(([at, cut, ins]) => good.slice(0, at) + ins + good.slice(at + cut))
    // Structural mutation: replace one value somewhere in the parsed file with arbitrary JSON.
    const valueMutation = fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('__proto__', 'constructor', 'name', 'tags', 'x')).map(([pick, value, key]) => {
      const doc = JSON.parse(good) as Record<string, unknown>
      const targets: Record<string, unknown>[] = [doc, ...(doc.templates as Record<string, unknown>[])]
      const target = targets[pick % targets.length]!
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true })
      return JSON.stringify(doc)
    })
    fc.assert(
      fc.property(fc.oneof(textMutation, valueMutation), (text) => {
        const r = parseImport(text)
        if (r.ok) {
          expect(r.templates.length).toBeLessThanOrEqual(2)
          for (const t of r.templates) expect(readTemplate(t, '$')).toEqual(t)
        } else expect(r.error).toMatch(/\S/)
      }),
      { numRuns: 1000 },
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
