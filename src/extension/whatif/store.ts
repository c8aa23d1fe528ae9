/**
 * The per-window basket store, over a small storage interface (storage.session and storage.local in the
 * background; a Map in tests). Operations on one window run one after another, so no update is lost.
 */
import { basketReducer, parseBasket } from './model/reducer'
import { emptyBasket, type Basket } from './model/types'
import type { WhatIfCall, WhatIfReply } from './protocol'

export interface KeyValueArea {
  get(key: string): Promise<unknown>
  set(key: string, value: unknown): Promise<void>
  remove(key: string): Promise<void>
}

export const basketKey = (windowId: number) => `whatif.basket.${windowId}`
const SAVED_PREFIX = 'whatif.saved.'
const SAVED_INDEX = 'whatif.saved-index'

export class BasketStore {
  private readonly queues = new Map<number, Promise<unknown>>()

  constructor(
    /** Cleared when the browser closes (storage.session). */
    private readonly session: KeyValueArea,
    /** Kept (storage.local): baskets the user saved. */
    private readonly local: KeyValueArea,
    private readonly now: () => number = Date.now,
  ) {}

  private serial<T>(windowId: number, run: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(windowId) ?? Promise.resolve()
    const next = prev.then(run, run)
    this.queues.set(
      windowId,
      next.catch(() => undefined),
    )
    return next
  }

  async read(windowId: number): Promise<Basket> {
    return parseBasket(await this.session.get(basketKey(windowId))) ?? emptyBasket()
  }

  private async savedNames(): Promise<string[]> {
    const v = await this.local.get(SAVED_INDEX)
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []
  }

  /** Runs one call for a window; `changed` tells whether listeners should be told. */
  handle(windowId: number, call: WhatIfCall): Promise<{ reply: WhatIfReply; changed: boolean }> {
    return this.serial(windowId, async () => {
      try {
        const basket = await this.read(windowId)
        switch (call.call) {
          case 'get':
            return { reply: { ok: true, basket }, changed: false }
          case 'op': {
            const op = call.op.op === 'add' && call.op.now === undefined ? { ...call.op, now: this.now() } : call.op
            const next = basketReducer(basket, op)
            if (next === basket) return { reply: { ok: true, basket }, changed: false }
            await this.session.set(basketKey(windowId), next)
            return { reply: { ok: true, basket: next }, changed: true }
          }
          case 'save': {
            const next = basketReducer(basket, { op: 'mark-saved', name: call.name })
            await this.local.set(SAVED_PREFIX + call.name, next)
            const names = await this.savedNames()
            if (!names.includes(call.name)) await this.local.set(SAVED_INDEX, [...names, call.name])
            await this.session.set(basketKey(windowId), next)
            return { reply: { ok: true, basket: next, saved: names.includes(call.name) ? names : [...names, call.name] }, changed: true }
          }
          case 'saved-list':
            return { reply: { ok: true, basket, saved: await this.savedNames() }, changed: false }
          case 'load-saved': {
            const saved = parseBasket(await this.local.get(SAVED_PREFIX + call.name))
            if (!saved) return { reply: { ok: false, error: `No saved basket named "${call.name}".` }, changed: false }
            const next = basketReducer(basket, { op: 'replace', basket: saved })
            await this.session.set(basketKey(windowId), next)
            return { reply: { ok: true, basket: next, saved: await this.savedNames() }, changed: true }
          }
          case 'delete-saved': {
            await this.local.remove(SAVED_PREFIX + call.name)
            const names = (await this.savedNames()).filter((n) => n !== call.name)
            await this.local.set(SAVED_INDEX, names)
            return { reply: { ok: true, basket, saved: names }, changed: false }
          }
        }
      } catch (e) {
        return { reply: { ok: false, error: `The basket could not be stored: ${(e as Error).message}` }, changed: false }
      }
    })
  }

  /** A window closed: its basket goes (saved copies stay). */
  forget(windowId: number): Promise<void> {
    return this.serial(windowId, () => this.session.remove(basketKey(windowId)))
  }
}
