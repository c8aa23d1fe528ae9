import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EXPORT_FORMAT } from '../../src/extension/templates/import-export'
import type { TemplateInput } from '../../src/extension/templates/schema'
import { LOCAL_KEY, TemplateStore, type StoreOptions } from '../../src/extension/templates/store'
import { SYNC_PREFIX } from '../../src/extension/templates/sync-plan'
import { MemoryBackend } from './support/memory-storage'

const DOC = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{BucketName}}/*"}]}'

function input(name: string, over: Partial<TemplateInput> = {}): TemplateInput {
  return { name, description: '', policyType: 'identity', tags: [], document: DOC, ...over }
}

function clock(): StoreOptions {
  let t = 1_700_000_000_000
  let id = 0
  return { now: () => (t += 1000), newId: () => `t-${++id}` }
}

async function open(backend = new MemoryBackend(), opts = clock()) {
  return { backend, store: await TemplateStore.open(backend, opts) }
}

const names = (store: TemplateStore) => store.snapshot().templates.map((t) => t.name)

describe('template store', () => {
  it('creates, edits, renames, tags, duplicates and deletes, and keeps it all in storage.local', async () => {
    const { backend, store } = await open()
    const a = await store.create(input('  Alpha  ', { tags: ['s3', ' S3 ', 'read'] }))
    expect(a).toMatchObject({ id: 't-1', name: 'Alpha', tags: ['s3', 'read'] })
    const b = await store.create(input('Beta'))
    await store.update(a.id, { document: DOC.replace('GetObject', 'PutObject'), description: 'writes' })
    await store.rename(b.id, 'Bravo')
    await store.setTags(b.id, ['x', 'y'])
    const copy = await store.duplicate(a.id)
    expect(copy).toMatchObject({ name: 'Alpha (copy)', origin: { kind: 'copy', ref: a.id } })
    expect(names(store)).toEqual(['Alpha', 'Alpha (copy)', 'Bravo'])
    const deleted = await store.delete(copy.id)
    expect(names(store)).toEqual(['Alpha', 'Bravo'])
    await store.restore(deleted)
    expect(names(store)).toEqual(['Alpha', 'Alpha (copy)', 'Bravo'])

    const reopened = await TemplateStore.open(backend)
    expect(reopened.snapshot().templates).toEqual(store.snapshot().templates)
    expect(reopened.get(a.id)).toMatchObject({ description: 'writes', document: expect.stringContaining('PutObject') })
    expect(backend.local.raw(LOCAL_KEY)).toMatchObject({ schemaVersion: 2, settings: { sync: false } })
  })

  it('refuses bad input with a message and changes nothing', async () => {
    const { store } = await open()
    await expect(store.create(input(' '))).rejects.toThrow(/name must not be empty/)
    await expect(store.create(input('x', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }))).rejects.toThrow(/at most 20 tags/)
    await expect(store.rename('missing', 'x')).rejects.toThrow(/no longer exists/)
    expect(store.snapshot().templates).toEqual([])
  })

  it('a quota error on storage.local loses nothing: the previous state stays, in memory and in storage', async () => {
    const { backend, store } = await open(new MemoryBackend({ local: { total: 2000 } }))
    await store.create(input('Small'))
    const before = backend.local.raw(LOCAL_KEY)
    await expect(store.create(input('Big', { document: 'x'.repeat(3000) }))).rejects.toThrow(/storage is full, so nothing was saved/)
    expect(names(store)).toEqual(['Small'])
    expect(backend.local.raw(LOCAL_KEY)).toEqual(before)
    backend.local.failWith = 'IO error'
    await expect(store.rename('t-1', 'Renamed')).rejects.toThrow(/nothing was changed: IO error/)
    await expect(store.delete('t-1')).rejects.toThrow(/IO error/)
    expect(names(store)).toEqual(['Small'])
    backend.local.failWith = undefined
    await store.rename('t-1', 'Renamed')
    expect(names(store)).toEqual(['Renamed'])
  })

  it('imports all or nothing', async () => {
    const { store } = await open()
    await store.create(input('Mine'))
    const good = JSON.stringify({
      format: EXPORT_FORMAT,
      schemaVersion: 2,
      templates: [{ id: 'x1', name: 'Imported', description: '', policyType: 'scp', tags: ['org'], document: '{}', createdAt: 1, updatedAt: 2 }],
    })
    const bad = good.replace('"scp"', '"nope"')
    await expect(store.importText(bad)).rejects.toThrow(/Nothing was imported\. \$\.templates\[0\]\.policyType/)
    expect(names(store)).toEqual(['Mine'])
    expect(await store.importText(good)).toMatchObject({ added: [{ name: 'Imported' }], skipped: 0 })
    expect(await store.importText(good)).toMatchObject({ added: [], skipped: 1 })
    expect(names(store)).toEqual(['Mine', 'Imported'])
    const exported = store.exportText()
    const { store: other } = await open()
    await other.importText(exported)
    expect(other.snapshot().templates).toEqual(store.snapshot().templates)
  })

  it('migrates a version-1 store on load and writes it back as version 2 on the next change', async () => {
    const backend = new MemoryBackend()
    backend.local.setRaw(LOCAL_KEY, {
      schemaVersion: 1,
      templates: [{ id: 'old', name: 'Old', policyType: 'identity', tags: 'a, b', document: '{}', createdAt: 1, updatedAt: 1 }],
    })
    const { store } = await open(backend)
    expect(store.snapshot().templates[0]).toMatchObject({ tags: ['a', 'b'], description: '' })
    await store.create(input('New'))
    expect(backend.local.raw(LOCAL_KEY)).toMatchObject({ schemaVersion: 2, templates: [{ tags: ['a', 'b'] }, { name: 'New' }] })
  })

  it('keeps unreadable entries as they are, and never overwrites data from a newer version', async () => {
    const backend = new MemoryBackend()
    const broken = { id: 'b', name: 42 }
    backend.local.setRaw(LOCAL_KEY, { schemaVersion: 2, templates: [broken, { id: 'ok', name: 'Fine', description: '', policyType: 'trust', tags: [], document: '{}', createdAt: 1, updatedAt: 1 }] })
    const { store } = await open(backend)
    expect(store.snapshot()).toMatchObject({ unreadable: 1, templates: [{ id: 'ok' }] })
    await store.create(input('New'))
    expect(backend.local.raw(LOCAL_KEY)).toMatchObject({ unreadable: [broken] })

    const future = { schemaVersion: 3, templates: [{ whatever: true }] }
    const newer = new MemoryBackend()
    newer.local.setRaw(LOCAL_KEY, future)
    const { store: ro } = await open(newer)
    expect(ro.snapshot().readOnly).toMatch(/newer version/)
    await expect(ro.create(input('x'))).rejects.toThrow(/newer version/)
    await expect(ro.importText('{}')).rejects.toThrow(/newer version/)
    expect(newer.local.raw(LOCAL_KEY)).toEqual(future)
  })

  it('runs operations in order, even when started together', async () => {
    const { store } = await open()
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.create(input(`T${i}`))))
    expect(names(store)).toEqual(Array.from({ length: 10 }, (_, i) => `T${i}`))
  })

  it('follows changes made by another page', async () => {
    const backend = new MemoryBackend()
    const { store: popup } = await open(backend)
    const { store: panel } = await open(backend, { ...clock(), newId: () => 'p-1' })
    const seen: string[][] = []
    popup.subscribe((s) => seen.push(s.templates.map((t) => t.name)))
    await panel.create(input('From panel'))
    await new Promise((r) => setTimeout(r, 0))
    await popup.reload()
    expect(names(popup)).toEqual(['From panel'])
    expect(seen.at(-1)).toEqual(['From panel'])
  })
})

describe('template store: sync', () => {
  it('mirrors templates to storage.sync; what does not fit stays local and is reported', async () => {
    const { backend, store } = await open()
    await store.create(input('Small'))
    await store.setSync(true)
    expect(backend.sync.raw(`${SYNC_PREFIX}t-1`)).toMatchObject({ schemaVersion: 2, template: { name: 'Small' } })
    await store.create(input('Huge', { document: 'x'.repeat(9000) }))
    expect(store.snapshot().localOnly).toEqual([{ id: 't-2', name: 'Huge', reason: 'too-large', bytes: expect.any(Number) }])
    expect(backend.sync.raw(`${SYNC_PREFIX}t-2`)).toBeUndefined()
    expect(names(store)).toEqual(['Small', 'Huge'])
    // Fill the total quota: later templates stay local with reason sync-full.
    for (let i = 0; i < 14; i++) await store.create(input(`Fill ${i}`, { document: 'y'.repeat(7000) }))
    const full = store.snapshot().localOnly.filter((e) => e.reason === 'sync-full')
    expect(full.length).toBeGreaterThan(0)
    expect(store.snapshot().templates).toHaveLength(16)
    const syncBytes = [...backend.sync.data].reduce((n, [k, v]) => n + k.length + v.length, 0)
    expect(syncBytes).toBeLessThanOrEqual(102_400)
  })

  it('a quota error from storage.sync keeps the change locally and says so', async () => {
    const { backend, store } = await open()
    await store.setSync(true)
    backend.sync.failWith = 'QUOTA_BYTES quota exceeded'
    await store.create(input('Local anyway'))
    expect(names(store)).toEqual(['Local anyway'])
    expect(store.snapshot().syncError).toMatch(/sync storage is full/)
    expect(store.snapshot().localOnly).toMatchObject([{ name: 'Local anyway', reason: 'sync-error' }])
    backend.sync.failWith = undefined
    await store.create(input('Next'))
    expect(store.snapshot().syncError).toBeUndefined()
    expect(Object.keys(Object.fromEntries(backend.sync.data))).toHaveLength(2)
  })

  it('carries templates, edits and deletions to another browser', async () => {
    const { backend: a, store: first } = await open()
    await first.setSync(true)
    const t = await first.create(input('Shared'))
    const b = MemoryBackend.sharingSync(a)
    const { store: second } = await open(b, { ...clock(), newId: () => 'b-1' })
    await second.setSync(true)
    expect(names(second)).toEqual(['Shared'])
    await first.rename(t.id, 'Shared v2')
    await second.reload()
    expect(names(second)).toEqual(['Shared v2'])
    const deleted = await first.delete(t.id)
    await second.reload()
    expect(names(second)).toEqual([])
    // Undo on the first browser brings it back everywhere.
    await first.restore(deleted)
    await second.reload()
    expect(names(second)).toEqual(['Shared v2'])
  })

  it('a deletion whose sync marker could not be written is not undone by sync, and the marker is retried', async () => {
    const { backend: a, store: first } = await open()
    await first.setSync(true)
    const t = await first.create(input('Gone'))
    a.sync.failWith = 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'
    await first.delete(t.id)
    expect(first.snapshot().syncError).toMatch(/Too many sync writes/)
    a.sync.failWith = undefined
    await first.reload()
    expect(names(first)).toEqual([])
    expect(a.sync.raw(`${SYNC_PREFIX}${t.id}`)).toMatchObject({ deleted: true })
    const { store: second } = await open(MemoryBackend.sharingSync(a))
    await second.setSync(true)
    expect(names(second)).toEqual([])
  })

  it('a template deleted and then imported again stays, here and in other browsers', async () => {
    const { backend: a, store: first } = await open()
    await first.setSync(true)
    const t = await first.create(input('Comes back'))
    const file = first.exportText()
    await first.delete(t.id)
    expect(a.sync.raw(`${SYNC_PREFIX}${t.id}`)).toMatchObject({ deleted: true })
    await first.importText(file)
    await first.create(input('Another change'))
    await first.reload()
    expect(names(first)).toEqual(['Comes back', 'Another change'])
    expect(a.sync.raw(`${SYNC_PREFIX}${t.id}`)).toMatchObject({ template: { name: 'Comes back' } })
    const { store: second } = await open(MemoryBackend.sharingSync(a))
    await second.setSync(true)
    expect(names(second)).toEqual(['Comes back', 'Another change'])
  })

  it('a template deleted with sync off and imported again is not deleted by its old marker when sync is turned on', async () => {
    const { store: first } = await open()
    const t = await first.create(input('Kept'))
    const file = first.exportText()
    await first.delete(t.id)
    await first.importText(file)
    await first.setSync(true)
    await first.create(input('Next'))
    await first.reload()
    expect(names(first)).toEqual(['Kept', 'Next'])
  })

  it('turning sync off keeps everything here and leaves the synced copies alone', async () => {
    const { backend, store } = await open()
    await store.setSync(true)
    await store.create(input('Kept'))
    await store.setSync(false)
    await store.create(input('Only here'))
    expect(names(store)).toEqual(['Kept', 'Only here'])
    expect([...backend.sync.data.keys()]).toEqual([`${SYNC_PREFIX}t-1`])
  })

  it('ignores sync items it cannot read', async () => {
    const backend = new MemoryBackend()
    backend.sync.setRaw(`${SYNC_PREFIX}bad`, { schemaVersion: 2, template: { id: 'bad' } })
    backend.sync.setRaw(`${SYNC_PREFIX}future`, { schemaVersion: 7, template: {} })
    backend.sync.setRaw('someone-else', 1)
    const { store } = await open(backend)
    await store.setSync(true)
    expect(store.snapshot().templates).toEqual([])
    expect(backend.sync.raw(`${SYNC_PREFIX}future`)).toEqual({ schemaVersion: 7, template: {} })
  })
})

describe('template store: fuzz', () => {
  const op = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('create' as const), name: fc.constantFrom('A', 'B', 'C'), doc: fc.constant(''), tags: fc.constant<string[]>([]) }), weight: 3 },
    fc.record({ kind: fc.constant('create' as const), name: fc.string({ maxLength: 130 }), doc: fc.string({ maxLength: 300 }), tags: fc.array(fc.string({ maxLength: 45 }), { maxLength: 22 }) }),
    fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: fc.string({ maxLength: 130 }) }),
    { arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }), weight: 2 },
    fc.record({ kind: fc.constant('undo' as const) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
    { arbitrary: fc.record({ kind: fc.constant('sync' as const), on: fc.boolean() }), weight: 2 },
    fc.record({ kind: fc.constant('import' as const), text: fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 })) }),
    fc.record({ kind: fc.constant('export' as const) }),
    { arbitrary: fc.record({ kind: fc.constant('reimport' as const) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('reload' as const) }), weight: 2 },
  )

  it('random operations with random storage failures: a failed operation changes nothing, storage always matches the store', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(fc.tuple(op, fc.constantFrom(undefined, undefined, undefined, undefined, 'QUOTA_BYTES quota exceeded'), fc.constantFrom(false, false, false, true)), { maxLength: 30 }), async (syncFirst, steps) => {
        const backend = new MemoryBackend({ local: { total: 20_000 } })
        const { store } = await open(backend)
        if (syncFirst) await store.setSync(true)
        let undo: Awaited<ReturnType<TemplateStore['delete']>> | undefined
        let exported = store.exportText()
        for (const [step, localFailure, syncFailure] of steps) {
          const before = store.snapshot().templates
          const stored = backend.local.raw(LOCAL_KEY)
          backend.local.failWith = localFailure
          backend.sync.failWith = syncFailure ? 'QUOTA_BYTES quota exceeded' : undefined
          const pick = (at: number) => before[at % Math.max(1, before.length)]?.id ?? 'none'
          try {
            if (step.kind === 'create') await store.create(input(step.name, { document: step.doc, tags: step.tags }))
            else if (step.kind === 'rename') await store.rename(pick(step.at), step.name)
            else if (step.kind === 'delete') undo = await store.delete(pick(step.at))
            else if (step.kind === 'undo') {
              if (undo) await store.restore(undo)
            } else if (step.kind === 'duplicate') await store.duplicate(pick(step.at))
            else if (step.kind === 'sync') await store.setSync(step.on)
            else if (step.kind === 'export') exported = store.exportText()
            else if (step.kind === 'reimport') await store.importText(exported)
            else if (step.kind === 'reload') {
              backend.local.failWith = undefined
              backend.sync.failWith = undefined
              await store.reload()
              // With one browser, reading storage back changes nothing (sync can never take a template away).
              expect(store.snapshot().templates.map((t) => t.id)).toEqual(before.map((t) => t.id))
            } else await store.importText(step.text)
          } catch (e) {
            expect((e as Error).name).toBe('StoreError')
            expect(store.snapshot().templates).toEqual(before)
            expect(backend.local.raw(LOCAL_KEY)).toEqual(stored)
          }
          backend.local.failWith = undefined
          backend.sync.failWith = undefined
          const stateNow = backend.local.raw(LOCAL_KEY) as { templates?: unknown } | undefined
          expect(stateNow?.templates ?? []).toEqual(store.snapshot().templates)
        }
        const reopened = await TemplateStore.open(backend)
        expect(reopened.snapshot().templates).toEqual(store.snapshot().templates)
      }),
      { numRuns: 1000 },
    )
  })

  it('opening random or mutated stored data never throws and never loses an entry', async () => {
    const valid = { schemaVersion: 2, settings: { sync: false }, templates: [{ id: 'a', name: 'A', description: '', policyType: 'identity', tags: [], document: '{}', createdAt: 1, updatedAt: 1 }] }
    const mutated = fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('name', 'tags', 'templates', 'schemaVersion', 'settings', '__proto__')).map(([pick, value, key]) => {
      const doc = structuredClone(valid) as Record<string, unknown>
      const target = pick % 2 === 0 ? doc : (doc.templates as Record<string, unknown>[])[0]!
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true })
      return doc
    })
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 3 }), mutated), async (raw) => {
        const backend = new MemoryBackend()
        backend.local.setRaw(LOCAL_KEY, raw)
        const stored = backend.local.raw(LOCAL_KEY)
        const { store } = await open(backend)
        const snap = store.snapshot()
        if (snap.readOnly) {
          await expect(store.create(input('x'))).rejects.toThrow()
          expect(backend.local.raw(LOCAL_KEY)).toEqual(stored)
        } else {
          const count = snap.templates.length + snap.unreadable
          await store.create(input('x'))
          const after = backend.local.raw(LOCAL_KEY) as { templates: unknown[]; unreadable?: unknown[] }
          expect(after.templates.length + (after.unreadable?.length ?? 0)).toBe(count + 1)
        }
      }),
      { numRuns: 300 },
    )
  })
})
