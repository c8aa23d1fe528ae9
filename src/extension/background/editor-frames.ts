/**
 * The enhanced editor's handshake, background side. A content script registers a one-time nonce before
 * it frames the editor page (passing the nonce in the frame's URL fragment, which the console page cannot
 * read across origins); the framed page claims it here. A frame that a console page made on its own has
 * no registered nonce and stays inert. Only extension contexts can send runtime messages.
 */
import browser from 'webextension-polyfill'
import { EditorFrameNonces, isEditorFrameMessage } from '../shared/editor-frame-nonces'

export function registerEditorFrames(): void {
  const nonces = new EditorFrameNonces()
  const editorPage = browser.runtime.getURL('src/extension/editor/index.html')
  browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isEditorFrameMessage(msg) || sender.id !== browser.runtime.id) return undefined
    const tabId = sender.tab?.id
    if (msg.op === 'register') {
      // From a content script (it runs in a web page, not an extension page).
      const fromPage = typeof sender.url === 'string' && /^https:/.test(sender.url)
      return Promise.resolve({ ok: fromPage && nonces.register(msg.nonce, tabId, Date.now()) })
    }
    // From the editor page itself (its static or dynamic URL).
    const path = editorPage.replace(/^[a-z-]+:\/\/[^/]+/, '')
    const fromEditor = typeof sender.url === 'string' && new URL(sender.url).pathname === path
    return Promise.resolve({ ok: fromEditor && nonces.claim(msg.nonce, tabId, Date.now()) })
  })
}
