/**
 * The panel's and the popup's side of the basket: calls the background and listens for changes.
 * Nothing here throws into the page: failures come back as `{ ok: false, error }`.
 */
import browser from 'webextension-polyfill'
import type { BasketOp } from './model/reducer'
import { parseWhatIfReply, type WhatIfCall, type WhatIfReply } from './protocol'

export async function callWhatIf(call: WhatIfCall, windowId?: number): Promise<WhatIfReply> {
  try {
    const raw: unknown = await browser.runtime.sendMessage({ v: 1, type: 'whatif', call, ...(windowId !== undefined ? { windowId } : {}) })
    return parseWhatIfReply(raw) ?? { ok: false, error: 'The extension’s background did not answer (reload the page after updating the extension).' }
  } catch (e) {
    return { ok: false, error: `The extension’s background is not reachable: ${(e as Error).message}` }
  }
}

export function applyOp(op: BasketOp, windowId?: number): Promise<WhatIfReply> {
  return callWhatIf({ call: 'op', op }, windowId)
}

/** Calls `fn` whenever the background says a basket changed (for `windowId`, or any when undefined). */
export function onBasketChanged(fn: () => void, windowId?: number): () => void {
  const listener = (m: unknown): undefined => {
    if (typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'basket-changed') {
      const w = (m as { windowId?: unknown }).windowId
      if (windowId === undefined || w === undefined || w === windowId) fn()
    }
    return undefined
  }
  try {
    browser.runtime.onMessage.addListener(listener)
  } catch {
    return () => undefined
  }
  return () => {
    try {
      browser.runtime.onMessage.removeListener(listener)
    } catch {
      /* gone */
    }
  }
}
