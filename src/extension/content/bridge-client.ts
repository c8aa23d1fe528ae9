/** The content script's side of the MAIN-world bridge: editors the page has, their text, and writes. */
import { readFromMain, wrap, type AceEdit, type AceRange, type FromMain, type ToMain } from '../bridge/protocol'

export interface BridgeEditor {
  id: string
  text: string
  readOnly: boolean
  language: string
  seq: number
}

export interface BridgeEvents {
  added(editor: BridgeEditor): void
  changed(editor: BridgeEditor): void
  removed(id: string): void
}

type Pending = { resolve: (r: { ok: boolean; error?: string }) => void; timer: ReturnType<typeof setTimeout> }
type Request = { kind: 'set-text'; id: string; text: string } | { kind: 'apply-edits'; id: string; edits: AceEdit[] } | { kind: 'select'; id: string; range: AceRange } | { kind: 'undo'; id: string }

export class BridgeClient {
  readonly editors = new Map<string, BridgeEditor>()
  private readonly pending = new Map<number, Pending>()
  private nextRequest = 1
  private readonly onMessage = (event: MessageEvent) => {
    if (event.source !== window || event.origin !== window.location.origin) return
    const msg = readFromMain(event.data)
    if (msg) this.receive(msg)
  }

  constructor(private readonly events: BridgeEvents) {}

  start(): void {
    window.addEventListener('message', this.onMessage)
    this.send({ kind: 'hello' })
  }

  stop(): void {
    window.removeEventListener('message', this.onMessage)
  }

  private send(msg: ToMain): void {
    window.postMessage(wrap(msg, 'to-main'), window.location.origin)
  }

  /** Sends a write or a selection to the MAIN world; resolves with its result (or a timeout). */
  request(req: Request, timeoutMs = 2000): Promise<{ ok: boolean; error?: string }> {
    const requestId = this.nextRequest++
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId)
        resolve({ ok: false, error: 'the console editor did not answer' })
      }, timeoutMs)
      this.pending.set(requestId, { resolve, timer })
      this.send({ ...req, requestId } as ToMain)
    })
  }

  private receive(msg: FromMain): void {
    switch (msg.kind) {
      case 'editor': {
        const known = this.editors.get(msg.id)
        const ed: BridgeEditor = { id: msg.id, text: msg.text, readOnly: msg.readOnly, language: msg.language, seq: known?.seq ?? 0 }
        this.editors.set(msg.id, ed)
        if (known) this.events.changed(ed)
        else this.events.added(ed)
        return
      }
      case 'text': {
        const ed = this.editors.get(msg.id)
        if (!ed) {
          const fresh: BridgeEditor = { id: msg.id, text: msg.text, readOnly: msg.readOnly, language: 'unknown', seq: msg.seq }
          this.editors.set(msg.id, fresh)
          this.events.added(fresh)
          return
        }
        if (msg.seq <= ed.seq) return
        ed.seq = msg.seq
        ed.text = msg.text
        ed.readOnly = msg.readOnly
        this.events.changed(ed)
        return
      }
      case 'editor-removed':
        if (this.editors.delete(msg.id)) this.events.removed(msg.id)
        return
      case 'result': {
        const p = this.pending.get(msg.requestId)
        if (!p) return
        clearTimeout(p.timer)
        this.pending.delete(msg.requestId)
        p.resolve({ ok: msg.ok, ...(msg.error ? { error: msg.error } : {}) })
      }
    }
  }
}
