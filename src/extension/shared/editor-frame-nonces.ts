/**
 * The enhanced editor's one-time handshake nonces (see ./editor-protocol.ts): the message shape and the
 * bookkeeping, free of browser APIs so they are tested on their own.
 */
import { isNonce } from '../bridge/protocol'

const TTL_MS = 60_000
const MAX_OPEN = 50

export type EditorFrameMessage = { v: 1; type: 'editor-frame'; op: 'register' | 'claim'; nonce: string }

export function isEditorFrameMessage(x: unknown): x is EditorFrameMessage {
  if (typeof x !== 'object' || x === null) return false
  const m = x as Record<string, unknown>
  return m.v === 1 && m.type === 'editor-frame' && (m.op === 'register' || m.op === 'claim') && isNonce(m.nonce)
}

interface Registered {
  tabId: number | undefined
  at: number
}

/** Pure bookkeeping (tested without a browser): register, then one claim from the same tab. */
export class EditorFrameNonces {
  private readonly open = new Map<string, Registered>()

  register(nonce: string, tabId: number | undefined, now: number): boolean {
    this.expire(now)
    if (this.open.size >= MAX_OPEN || this.open.has(nonce)) return false
    this.open.set(nonce, { tabId, at: now })
    return true
  }

  claim(nonce: string, tabId: number | undefined, now: number): boolean {
    this.expire(now)
    const r = this.open.get(nonce)
    if (!r) return false
    this.open.delete(nonce)
    return r.tabId === undefined || tabId === undefined || r.tabId === tabId
  }

  private expire(now: number): void {
    for (const [n, r] of this.open) if (now - r.at > TTL_MS) this.open.delete(n)
  }
}
