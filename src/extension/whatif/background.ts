/**
 * The what-if part of the background: owns each window's basket in storage.session (content scripts
 * cannot read storage.session in Chrome by default, and Firefox has no setAccessLevel), answers the
 * panel's and the popup's calls, and tells the window's tabs and the popup when a basket changed.
 * Call registerWhatIfBackground() once from the background entry.
 */
import browser, { type Runtime, type Storage } from 'webextension-polyfill'
import { parseWhatIfRequest, type WhatIfReply } from './protocol'
import { BasketStore, type KeyValueArea } from './store'

function area(a: Storage.StorageArea | undefined): KeyValueArea {
  if (!a) {
    // No storage.session (an old browser): keep baskets in memory for as long as the background lives.
    const mem = new Map<string, unknown>()
    return {
      get: async (k) => mem.get(k),
      set: async (k, v) => void mem.set(k, v),
      remove: async (k) => void mem.delete(k),
    }
  }
  return {
    get: async (k) => (await a.get(k))[k],
    set: (k, v) => a.set({ [k]: v }),
    remove: (k) => a.remove(k),
  }
}

let registered = false

export function registerWhatIfBackground(): void {
  if (registered) return
  registered = true
  const session = (browser.storage as { session?: Storage.StorageArea }).session
  const store = new BasketStore(area(session), area(browser.storage.local))

  const notify = async (windowId: number) => {
    const msg = { v: 1, type: 'basket-changed', windowId }
    try {
      const tabs = await browser.tabs.query({ windowId })
      for (const t of tabs) if (t.id !== undefined) browser.tabs.sendMessage(t.id, msg).catch(() => undefined)
    } catch {
      /* no tabs to tell */
    }
    browser.runtime.sendMessage(msg).catch(() => undefined)
  }

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<WhatIfReply> | undefined => {
    const req = parseWhatIfRequest(message)
    if (!req) return undefined
    // A content script may only touch its own window's basket.
    const windowId = sender.tab ? sender.tab.windowId : req.windowId
    if (windowId === undefined) return Promise.resolve({ ok: false, error: 'no window' })
    return store.handle(windowId, req.call).then(({ reply, changed }) => {
      if (changed) void notify(windowId)
      return reply
    })
  })
  browser.windows?.onRemoved.addListener((windowId) => void store.forget(windowId))
}
