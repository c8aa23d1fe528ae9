/**
 * The content script ↔ framed Monaco editor protocol. The content script registers a one-time nonce with
 * the background, frames the editor page with the nonce in its URL fragment (unreadable to the console
 * page, cross-origin), and posts one `connect` message carrying the nonce and a MessagePort. The frame
 * claims the nonce from the background and accepts exactly one connection with it; everything after
 * goes over that private port. A frame the page made itself, or a `connect` the page forged, gets
 * nowhere. Both sides validate every message.
 */
import type { PolicyType } from '../../engine/findings/types'

export const EDITOR_SOURCE = 'iam-sidekick-editor' as const
export const EDITOR_VERSION = 1 as const
const MAX_TEXT = 512 * 1024

export interface ConnectMessage {
  source: typeof EDITOR_SOURCE
  v: typeof EDITOR_VERSION
  kind: 'connect'
  nonce: string
}

/** Content script → frame. */
export type ToFrame = { v: 1; kind: 'state'; text: string; policyType: PolicyType; readOnly: boolean; dark: boolean }
/** Frame → content script. */
export type FromFrame = { v: 1; kind: 'ready' } | { v: 1; kind: 'edit'; text: string } | { v: 1; kind: 'height'; px: number }

const POLICY_TYPES = new Set(['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session'])
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null

export function isConnect(x: unknown): x is ConnectMessage {
  try {
    return isObj(x) && x.source === EDITOR_SOURCE && x.v === EDITOR_VERSION && x.kind === 'connect' && typeof x.nonce === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(x.nonce)
  } catch {
    return false
  }
}

export function readToFrame(x: unknown): ToFrame | undefined {
  if (!isObj(x) || x.v !== 1 || x.kind !== 'state') return undefined
  if (typeof x.text !== 'string' || x.text.length > MAX_TEXT || typeof x.policyType !== 'string' || !POLICY_TYPES.has(x.policyType)) return undefined
  if (typeof x.readOnly !== 'boolean' || typeof x.dark !== 'boolean') return undefined
  return { v: 1, kind: 'state', text: x.text, policyType: x.policyType as PolicyType, readOnly: x.readOnly, dark: x.dark }
}

export function readFromFrame(x: unknown): FromFrame | undefined {
  if (!isObj(x) || x.v !== 1) return undefined
  if (x.kind === 'ready') return { v: 1, kind: 'ready' }
  if (x.kind === 'edit' && typeof x.text === 'string' && x.text.length <= MAX_TEXT) return { v: 1, kind: 'edit', text: x.text }
  if (x.kind === 'height' && typeof x.px === 'number' && x.px > 0 && x.px < 5000) return { v: 1, kind: 'height', px: x.px }
  return undefined
}

/** Origins the framed editor accepts a connection from: the consoles the content script runs on. */
export function isConsoleOrigin(origin: string): boolean {
  return /^https:\/\/([a-z0-9-]+\.)*console\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/.test(origin)
}
