/**
 * The enhanced editor (a web-accessible extension page framed by the panel): Monaco, JSON only, with the
 * engine's findings as markers, catalogue hovers and completions, and fixes as quick fixes. It talks only
 * to the content script that framed it, over the MessagePort that came with the `connect` message.
 */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker'
import './page.css'
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

window.addEventListener('message', (event: MessageEvent) => {
  // Only the console page that framed us (the content script posts from it), once, with a port.
  if (event.source !== window.parent || !isConsoleOrigin(event.origin) || !isConnect(event.data) || !event.ports[0]) return
  port?.close()
  port = event.ports[0]
  port.onmessage = (e: MessageEvent) => {
    const msg = readToFrame(e.data)
    if (!msg) return
    if (onState) onState(msg)
    else pendingState = msg
  }
  if (onState) send({ v: 1, kind: 'ready' })
})

async function start(): Promise<void> {
  const { createEditor } = await import('./editor')
  const editor = await createEditor(app, { onEdit: (text) => send({ v: 1, kind: 'edit', text }) })
  onState = (s) => editor.setState(s)
  if (pendingState) onState(pendingState)
  send({ v: 1, kind: 'ready' })
}

void start().catch((e: unknown) => {
  app.textContent = `The editor could not start: ${e instanceof Error ? e.message : String(e)}`
})
