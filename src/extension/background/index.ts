// Background (MV3 service worker in Chrome, event page in Firefox). IAM Sidekick does its work in the
// page's content script and the extension pages; the background only keeps the stored settings in
// shape and relays the what-if basket's change notices to the window's tabs. No network, ever.
import browser from 'webextension-polyfill'
import { isExtensionMessage } from '../shared/messages'
import { registerWhatIfBackground } from '../whatif/background'
import { registerEditorFrames } from './editor-frames'

// The what-if baskets: one per window in storage.session, answered here (src/extension/whatif/background.ts).
registerWhatIfBackground()
// The enhanced editor's one-time handshake nonces (src/extension/background/editor-frames.ts).
registerEditorFrames()

browser.runtime.onInstalled.addListener(() => {
  void browser.storage.local
    .get('panelSettings')
    .then((got) => {
      if (got.panelSettings === undefined) return browser.storage.local.set({ panelSettings: { collapsed: false, dock: 'below', tab: 'findings', enabled: true } })
      return undefined
    })
    .catch(() => undefined)
})

browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isExtensionMessage(msg) || sender.id !== browser.runtime.id) return undefined
  if (msg.type === 'basket-changed') {
    // Tell the content scripts of the window (their what-if tabs re-read the basket from storage).
    return browser.tabs
      .query(msg.windowId !== undefined ? { windowId: msg.windowId } : {})
      .then((tabs) => Promise.allSettled(tabs.map((t) => (t.id !== undefined ? browser.tabs.sendMessage(t.id, msg) : undefined))))
      .then(() => ({ ok: true as const }))
      .catch(() => ({ ok: false as const, error: 'relay failed' }))
  }
  return undefined
})
