// Templates whose times sit at the schema's maximum (8.64e15 ms, the largest JavaScript date) must stay
// editable and must survive delete + undo + reload (issue 17, item 7): the store clamps the times it
// stamps and validates every template in commit(), so it never writes what it could not read back.
import { describe, expect, it } from 'vitest'
import { EXPORT_FORMAT } from '../../src/extension/templates/import-export'
import { MAX_TIME } from '../../src/extension/templates/schema'
import { TemplateStore, type StoreOptions } from '../../src/extension/templates/store'
import { MemoryBackend } from './support/memory-storage'

const DOC = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'

function clock(): StoreOptions {
  let t = 1_700_000_000_000
  let id = 0
  return { now: () => (t += 1000), newId: () => `t-${++id}` }
}

const exportAt = (time: number) =>
  JSON.stringify({
    format: EXPORT_FORMAT,
    schemaVersion: 2,
    templates: [{ id: 'edge', name: 'Edge', description: '', policyType: 'identity', tags: [], document: DOC, createdAt: time, updatedAt: time }],
  })

describe('template times at the edge', () => {
  it('MAX_TIME is the largest valid JavaScript date', () => {
    expect(new Date(MAX_TIME).getTime()).toBe(MAX_TIME)
    expect(Number.isNaN(new Date(MAX_TIME + 1).getTime())).toBe(true)
  })

  it('a template at the maximum time can be edited, and delete + undo + reload keeps it', async () => {
    const backend = new MemoryBackend()
    const store = await TemplateStore.open(backend, clock())
    await store.importText(exportAt(MAX_TIME))
    const [t] = store.snapshot().templates
    expect(t).toBeDefined()
    const edited = await store.rename(t!.id, 'Edge, renamed')
    expect(edited.updatedAt).toBeLessThanOrEqual(MAX_TIME)
    const deleted = await store.delete(t!.id)
    await store.restore(deleted)
    expect(store.snapshot().templates.map((x) => x.name)).toEqual(['Edge, renamed'])
    const reopened = await TemplateStore.open(backend, clock())
    expect(reopened.snapshot().templates.map((x) => x.name)).toEqual(['Edge, renamed'])
    for (const x of reopened.snapshot().templates) expect(x.updatedAt).toBeLessThanOrEqual(MAX_TIME)
  })

  it('times just below the maximum too', async () => {
    const backend = new MemoryBackend()
    const store = await TemplateStore.open(backend, clock())
    await store.importText(exportAt(MAX_TIME - 1))
    const id = store.snapshot().templates[0]!.id
    for (let i = 0; i < 3; i++) await store.rename(id, `n${i}`)
    await store.restore(await store.delete(id))
    const reopened = await TemplateStore.open(backend, clock())
    expect(reopened.snapshot().templates.map((x) => x.name)).toEqual(['n2'])
  })
})
