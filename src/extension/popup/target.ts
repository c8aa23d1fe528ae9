/**
 * Which console tab the popup inserts into. As the toolbar popup: the active tab of the window (what the
 * user is looking at). When the popup page runs in a tab of its own (pinned, or opened for import): the
 * most recently used other tab whose content script reports a policy editor.
 */
import browser from 'webextension-polyfill'
import { PROTOCOL_VERSION, type EditorStatus, type ExtensionRequest } from '../shared/messages'

export interface Target {
  tabId?: number
  status: EditorStatus
  /** The popup page runs in a tab (not as the toolbar popup). */
  inTab: boolean
}

export function isEditorStatus(x: unknown): x is EditorStatus {
  return typeof x === 'object' && x !== null && typeof (x as { hasEditor?: unknown }).hasEditor === 'boolean'
}

/** Sends a message to a tab's content script; rejects when none answers in time. */
export function ask(tabId: number, message: ExtensionRequest, timeoutMs = 2000): Promise<unknown> {
  return Promise.race([
    browser.tabs.sendMessage(tabId, message) as Promise<unknown>,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('The console page did not answer.')), timeoutMs)),
  ])
}

async function statusOf(tabId: number): Promise<EditorStatus | undefined> {
  try {
    const reply = await ask(tabId, { v: PROTOCOL_VERSION, type: 'get-editor-status' }, 1500)
    return isEditorStatus(reply) ? reply : undefined
  } catch {
    return undefined // no content script there (not a console page)
  }
}

export async function findTarget(): Promise<Target> {
  const self = await browser.tabs.getCurrent().catch(() => undefined)
  const inTab = !!self
  const tabs = inTab
    ? (await browser.tabs.query({}))
        .filter((t) => t.id !== undefined && t.id !== self?.id)
        .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
        .slice(0, 30)
    : await browser.tabs.query({ active: true, currentWindow: true })
  const statuses = await Promise.all(tabs.map((t) => statusOf(t.id!)))
  // Prefer a tab with an editor; else the first console page that answered (for account and Region).
  let pick = statuses.findIndex((s) => s?.hasEditor)
  if (pick < 0) pick = statuses.findIndex((s) => s !== undefined)
  if (pick < 0) return { status: { hasEditor: false }, inTab }
  return { tabId: tabs[pick]!.id!, status: statuses[pick]!, inTab }
}
