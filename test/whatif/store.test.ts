import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseWhatIfReply, parseWhatIfRequest } from '../../src/extension/whatif/protocol'
import { BasketStore, basketKey, type KeyValueArea } from '../../src/extension/whatif/store'
import { identity, readS3 } from './fixtures'

function memory(): KeyValueArea & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>()
  return {
    map,
    get: async (k) => structuredClone(map.get(k)),
    set: async (k, v) => void map.set(k, structuredClone(v)),
    remove: async (k) => void map.delete(k),
  }
}

describe('basket store', () => {
  it('keeps one basket per window, applies concurrent ops without losing any, and forgets closed windows', async () => {
    const session = memory()
    const store = new BasketStore(session, memory(), () => 42)
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.handle(1, { call: 'op', op: { op: 'add', items: [identity(`p${i}`, `{"n":${i}}`)] } })))
    const r = await store.handle(1, { call: 'get' })
    expect(r.reply.ok && r.reply.basket.items.length).toBe(20)
    expect(r.reply.ok && r.reply.basket.items[0]!.addedAt).toBe(42)
    expect((await store.handle(2, { call: 'get' })).reply).toMatchObject({ ok: true, basket: { items: [] } })
    await store.forget(1)
    expect(session.map.has(basketKey(1))).toBe(false)
  })

  it('saves to the local area, lists, loads into another window and deletes', async () => {
    const local = memory()
    const store = new BasketStore(memory(), local)
    await store.handle(1, { call: 'op', op: { op: 'add', items: [identity('A', readS3)] } })
    const saved = await store.handle(1, { call: 'save', name: 'audit' })
    expect(saved.reply).toMatchObject({ ok: true, saved: ['audit'], basket: { savedAs: 'audit' } })
    const loaded = await store.handle(7, { call: 'load-saved', name: 'audit' })
    expect(loaded.reply.ok && loaded.reply.basket.items.map((i) => i.name)).toEqual(['A'])
    expect((await store.handle(7, { call: 'load-saved', name: 'nope' })).reply).toMatchObject({ ok: false })
    await store.handle(7, { call: 'delete-saved', name: 'audit' })
    expect((await store.handle(7, { call: 'saved-list' })).reply).toMatchObject({ saved: [] })
  })

  it('reports storage failures instead of throwing', async () => {
    const broken: KeyValueArea = { get: async () => undefined, set: async () => Promise.reject(new Error('quota')), remove: async () => undefined }
    const r = await new BasketStore(broken, broken).handle(1, { call: 'op', op: { op: 'clear' } })
    expect(r.reply.ok).toBe(true) // clear of an empty basket changes nothing: nothing to store
    const r2 = await new BasketStore(broken, broken).handle(1, { call: 'op', op: { op: 'add', items: [identity('A', readS3)] } })
    expect(r2.reply).toEqual({ ok: false, error: 'The basket could not be stored: quota' })
  })

  it('validates messages (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('get', 'op', 'save', 'saved-list', 'load-saved', 'delete-saved', 'x'), (payload, call) => {
        const req = parseWhatIfRequest({ v: 1, type: 'whatif', call: { call, op: payload, name: payload } })
        if (req) expect(parseWhatIfRequest(JSON.parse(JSON.stringify(req)))).toEqual(req)
        parseWhatIfReply(payload)
        parseWhatIfRequest(payload)
      }),
      { numRuns: 300 },
    )
    expect(parseWhatIfRequest({ v: 1, type: 'whatif', call: { call: 'save', name: '' } })).toBeUndefined()
  })
})
