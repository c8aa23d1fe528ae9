/**
 * The enhanced editor (a web-accessible extension page framed by the panel): Monaco, JSON only, with the
 * engine's findings as markers, catalogue hovers and completions, and fixes as quick fixes. It talks only
 * to the content script that framed it, over the MessagePort that came with the `connect` message.
 */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker'
import browser from 'webextension-polyfill'
import './page.css'
import type { EditorFrameMessage } from '../shared/editor-frame-nonces'
import { isConnect, isConsoleOrigin, readToFrame, type FromFrame, type ToFrame } from '../shared/editor-protocol'

interface WorkerEnvironment {
  getWorker(workerId: string, label: string): Worker
}
;(self as unknown as { MonacoEnvironment: WorkerEnvironment }).MonacoEnvironment = {
  getWorker: (_id, label) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
}

const app = document.getElementById('app')!
let port: MessagePort | undefined
let pendingState: ToFrame | undefined
let onState: ((s: ToFrame) => void) | undefined

function send(msg: FromFrame): void {
  port?.postMessage(msg)
}

// The nonce our panel put in the URL fragment: taken, then wiped from the address.
const expected = location.hash.slice(1)
try {
  history.replaceState(null, '', location.pathname)
} catch {
  /* keep going */
}
// Was it registered by our content script (and not claimed before)? A frame a page made on its own was not.
const claim: EditorFrameMessage = { v: 1, type: 'editor-frame', op: 'claim', nonce: expected }
const claimed: Promise<boolean> = /^[A-Za-z0-9_-]{16,64}$/.test(expected)
  ? browser.runtime.sendMessage(claim).then(
      (r: unknown) => (r as { ok?: unknown } | undefined)?.ok === true,
      () => false,
    )
  : Promise.resolve(false)
let connecting = false

window.addEventListener('message', (event: MessageEvent) => {
  // One connection, ever: from the console page that framed us, carrying our nonce, with a port.
  if (port || connecting) return
  if (event.source !== window.parent || !isConsoleOrigin(event.origin) || !isConnect(event.data) || event.data.nonce !== expected || !event.ports[0]) return
  connecting = true
  const candidate = event.ports[0]
  void claimed.then((ok) => {
    if (!ok) return candidate.close()
    port = candidate
    port.onmessage = (e: MessageEvent) => {
      const msg = readToFrame(e.data)
      if (!msg) return
      if (onState) onState(msg)
      else pendingState = msg
    }
    if (onState) send({ v: 1, kind: 'ready' })
  })
})

async function start(): Promise<void> {
  if (!(await claimed)) {
    app.textContent = 'This editor opens only from the IAM Sidekick panel.'
    return
  }
  const { createEditor } = await import('./editor')
  const editor = await createEditor(app, { onEdit: (text) => send({ v: 1, kind: 'edit', text }) })
  onState = (s) => editor.setState(s)
  if (pendingState) onState(pendingState)
  send({ v: 1, kind: 'ready' })
}

void start().catch((e: unknown) => {
  app.textContent = `The editor could not start: ${e instanceof Error ? e.message : String(e)}`
})
