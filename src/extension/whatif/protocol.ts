/**
 * What-if messages between the panel/popup and the background (which owns the per-window baskets in
 * storage.session). Carried inside the extension protocol as `{ v: 1, type: 'whatif', call, windowId? }`.
 * Receivers validate everything: a content script runs on hostile ground.
 */
import { parseBasket, parseBasketOp, type BasketOp } from './model/reducer'
import type { Basket } from './model/types'

export type WhatIfCall =
  | { call: 'get' }
  | { call: 'op'; op: BasketOp }
  /** Copy the window's basket to storage.local under a name (it then outlives the browser session). */
  | { call: 'save'; name: string }
  | { call: 'saved-list' }
  /** Replace the window's basket with a saved one. */
  | { call: 'load-saved'; name: string }
  | { call: 'delete-saved'; name: string }

export interface WhatIfRequest {
  v: 1
  type: 'whatif'
  /** The popup names its window; a content script's is its tab's. */
  windowId?: number
  call: WhatIfCall
}

export type WhatIfReply = { ok: true; basket: Basket; saved?: string[] } | { ok: false; error: string }

const SAVED_NAME = /^[^\u0000-\u001f]{1,80}$/

export function parseWhatIfCall(x: unknown): WhatIfCall | undefined {
  if (typeof x !== 'object' || x === null) return undefined
  const c = x as Record<string, unknown>
  switch (c.call) {
    case 'get':
    case 'saved-list':
      return { call: c.call }
    case 'op': {
      const op = parseBasketOp(c.op)
      return op ? { call: 'op', op } : undefined
    }
    case 'save':
    case 'load-saved':
    case 'delete-saved':
      return typeof c.name === 'string' && SAVED_NAME.test(c.name.trim()) ? { call: c.call, name: c.name.trim() } : undefined
    default:
      return undefined
  }
}

export function parseWhatIfRequest(x: unknown): WhatIfRequest | undefined {
  if (typeof x !== 'object' || x === null) return undefined
  const m = x as Record<string, unknown>
  if (m.v !== 1 || m.type !== 'whatif') return undefined
  const call = parseWhatIfCall(m.call)
  if (!call) return undefined
  const windowId = typeof m.windowId === 'number' && Number.isInteger(m.windowId) ? m.windowId : undefined
  return windowId === undefined ? { v: 1, type: 'whatif', call } : { v: 1, type: 'whatif', windowId, call }
}

export function parseWhatIfReply(x: unknown): WhatIfReply | undefined {
  if (typeof x !== 'object' || x === null) return undefined
  const r = x as Record<string, unknown>
  if (r.ok === false) return { ok: false, error: typeof r.error === 'string' ? r.error : 'unknown error' }
  if (r.ok !== true) return undefined
  const basket = parseBasket(r.basket)
  if (!basket) return undefined
  const saved = Array.isArray(r.saved) ? r.saved.filter((s): s is string => typeof s === 'string') : undefined
  return saved ? { ok: true, basket, saved } : { ok: true, basket }
}
