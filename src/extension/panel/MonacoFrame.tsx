import { useEffect, useRef, useState } from 'preact/hooks'
import browser from 'webextension-polyfill'
import type { EditorSession } from '../content/session'
import { EDITOR_SOURCE, EDITOR_VERSION, readFromFrame, type ConnectMessage, type ToFrame } from '../shared/editor-protocol'
import { newNonce } from '../content/bridge-client'
import type { EditorFrameMessage } from '../shared/editor-frame-nonces'

const EDITOR_PAGE = 'src/extension/editor/index.html'

/** The enhanced editor: Monaco in an extension page framed here, synced both ways with the console's editor. */
export function MonacoFrame({ session, dark }: { session: EditorSession; dark: boolean }) {
  const [open, setOpen] = useState(false)
  const [ready, setReady] = useState(false)
  /** The one-time nonce of the frame shown now, once the background has it. */
  const [nonce, setNonce] = useState<string | undefined>()
  const [failed, setFailed] = useState(false)
  const frame = useRef<HTMLIFrameElement>(null)
  const port = useRef<MessagePort | undefined>()
  const sent = useRef('')

  const pushState = () => {
    const p = port.current
    const a = session.analysis
    if (!p) return
    const policyType = a?.policyType ?? (session.policyType === 'auto' ? 'identity' : session.policyType)
    const msg: ToFrame = { v: 1, kind: 'state', text: session.text, policyType, readOnly: session.readOnly, dark }
    const key = JSON.stringify([msg.text, msg.policyType, msg.readOnly, msg.dark])
    if (key === sent.current) return
    sent.current = key
    p.postMessage(msg)
  }

  useEffect(() => {
    const a = session.subscribe(pushState)
    const b = session.subscribeText(pushState)
    return () => {
      a()
      b()
    }
  }, [session, dark])
  useEffect(pushState, [dark, ready])
  useEffect(() => {
    if (!open) {
      port.current?.close()
      port.current = undefined
      sent.current = ''
      setReady(false)
      setNonce(undefined)
      setFailed(false)
      return
    }
    // A fresh nonce for each frame, registered before the frame exists (it claims it on load).
    let live = true
    const n = newNonce()
    const register: EditorFrameMessage = { v: 1, type: 'editor-frame', op: 'register', nonce: n }
    browser.runtime
      .sendMessage(register)
      .then((r: unknown) => {
        if (!live) return
        if ((r as { ok?: unknown } | undefined)?.ok === true) setNonce(n)
        else setFailed(true)
      })
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [open])

  const onLoad = () => {
    const win = frame.current?.contentWindow
    if (!win || !nonce) return
    const channel = new MessageChannel()
    port.current?.close()
    port.current = channel.port1
    channel.port1.onmessage = (e: MessageEvent) => {
      const msg = readFromFrame(e.data)
      if (!msg) return
      if (msg.kind === 'ready') {
        sent.current = ''
        setReady(true)
        pushState()
      } else if (msg.kind === 'edit') {
        if (msg.text !== session.text && !session.readOnly) void session.setText(msg.text)
      } else if (msg.kind === 'height' && frame.current) frame.current.style.height = `${Math.min(Math.max(msg.px, 240), 900)}px`
    }
    const hello: ConnectMessage = { source: EDITOR_SOURCE, v: EDITOR_VERSION, kind: 'connect', nonce }
    const extensionOrigin = new URL(browser.runtime.getURL('/')).origin
    win.postMessage(hello, extensionOrigin, [channel.port2])
  }

  return (
    <div style="padding: 12px 20px 0">
      <div class="row" style="margin-top: 0">
        <button type="button" class="btn small" aria-expanded={open} data-action="monaco" onClick={() => setOpen((o) => !o)}>
          {open ? 'Close enhanced editor' : 'Open enhanced editor'}
        </button>
        {open && !ready && !failed && <span class="status">Loading the editor…</span>}
        {open && failed && <span class="status">The enhanced editor could not start; reload the page and try again.</span>}
        {open && ready && <span class="status">Edits here go to the console's editor (Ctrl+Z works in both).</span>}
      </div>
      {open && nonce && <iframe ref={frame} class="monaco" title="IAM Sidekick enhanced policy editor" src={`${browser.runtime.getURL(EDITOR_PAGE)}#${nonce}`} onLoad={onLoad} data-ready={ready ? 'true' : 'false'} />}
    </div>
  )
}
