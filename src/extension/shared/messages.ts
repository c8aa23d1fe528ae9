/**
 * Messages between the extension's parts (popup, background, content script). Every message carries the
 * protocol version `v`; receivers validate with `isExtensionMessage` and ignore what they do not understand.
 * (The MAIN-world bridge ↔ content script protocol lives in src/extension/bridge/protocol.ts.)
 */
import type { WhatIfReply, WhatIfRequest } from '../whatif/protocol'

export const PROTOCOL_VERSION = 1 as const

/** What the content script knows about the console page and its policy editor. */
export interface EditorStatus {
  hasEditor: boolean
  /** Policy type inferred from the page (or chosen in the panel). */
  policyType?: string
  /** The console page kind that recognised the editor (e.g. 'iam-policy-editor', 's3-bucket-policy'). */
  pageKind?: string
  readOnly?: boolean
  /** Account id and region shown by the console, where known (for template placeholders). */
  accountId?: string
  region?: string
  partition?: string
}

export type ExtensionRequest =
  /** popup → content script: is there a policy editor on this tab? Reply: EditorStatus. */
  | { v: 1; type: 'get-editor-status' }
  /** popup → content script: the current editor text. Reply: { ok: true, text } | { ok: false, error }. */
  | { v: 1; type: 'get-editor-text' }
  /** popup → content script: replace the editor's text through Ace (undoable). Reply: { ok: true } | { ok: false, error }. */
  | { v: 1; type: 'insert-policy'; text: string }
  /** any → background: a window's what-if basket changed (payload owned by src/extension/whatif). */
  | { v: 1; type: 'basket-changed'; windowId?: number }
  /** panel / popup → background: a what-if basket call (validated by src/extension/whatif/protocol.ts). Reply: WhatIfReply. */
  | WhatIfRequest

export type ExtensionReply = { ok: true; text?: string } | { ok: false; error: string } | EditorStatus | WhatIfReply

const TYPES = new Set(['get-editor-status', 'get-editor-text', 'insert-policy', 'basket-changed', 'whatif'])

export function isExtensionMessage(x: unknown): x is ExtensionRequest {
  if (typeof x !== 'object' || x === null) return false
  const m = x as { v?: unknown; type?: unknown; text?: unknown }
  if (m.v !== PROTOCOL_VERSION || typeof m.type !== 'string' || !TYPES.has(m.type)) return false
  if (m.type === 'insert-policy' && typeof m.text !== 'string') return false
  return true
}
