/**
 * The content script's side of the MAIN-world bridge: the editors the page has, their text, writes and
 * marks. What it believes about an editor comes only from replies that carry the nonce of one of its own
 * requests (see ../bridge/protocol.ts); the MAIN world's unsolicited messages only make it read again.
 * Ordering is kept here: one read in flight per editor, replies applied in the order they were asked.
 */
import { readFromMain, wrap, type AceEdit, type AceRange, type EditorMark, type FromMain, type ToMain } from '../bridge/protocol'

export interface BridgeEditor {
  id: string
  text: string
  readOnly: boolean
  language: string
  /** How many times this side has seen the text change (a local counter; the page has no say in it). */
  seq: number
}

export interface BridgeEvents {
  added(editor: BridgeEditor): void
  changed(editor: BridgeEditor): void
  removed(id: string): void
}

export type BridgeResult = { ok: boolean; error?: string }
type Request =
  | { kind: 'set-text'; id: string; text: string }
  | { kind: 'apply-edits'; id: string; edits: AceEdit[] }
  | { kind: 'select'; id: string; range: AceRange }
  | { kind: 'marks'; id: string; marks: EditorMark[]; length: number }
  | { kind: 'undo'; id: string }
type Reply = Extract<FromMain, { kind: 'text' | 'result' }>
type Pending = { id: string; settle: (r: Reply | undefined) => void; timer: ReturnType<typeof setTimeout> }

interface ReadState {
  inFlight: boolean
  again: boolean
  /** The nonce of the read whose text `editors` holds (the base for a delta). */
  base: string | undefined
  language: string
}

/** 128 random bits, URL-safe. */
export function newNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  let s = ''
  for (const b of bytes) s += b.toString(16).padStart(2, '0')
  return s
}

export class BridgeClient {
  readonly editors = new Map<string, BridgeEditor>()
  private readonly reads = new Map<string, ReadState>()
  private readonly pending = new Map<string, Pending>()
  private readonly onMessage = (event: MessageEvent) => {
    try {
      if (event.source !== window || event.origin !== window.location.origin) return
      const msg = readFromMain(event.data)
      if (msg) this.receive(msg)
    } catch {
      /* never throw into the console page */
    }
  }

  constructor(
    private readonly events: BridgeEvents,
    private readonly timeoutMs = 2000,
  ) {}

  start(): void {
    window.addEventListener('message', this.onMessage)
    this.send({ kind: 'hello' })
  }

  stop(): void {
    window.removeEventListener('message', this.onMessage)
    for (const [nonce, p] of this.pending) {
      clearTimeout(p.timer)
      this.pending.delete(nonce)
      p.settle(undefined)
    }
  }

  private send(msg: ToMain): void {
    window.postMessage(wrap(msg, 'to-main'), window.location.origin)
  }

  private ask(msg: ToMain & { nonce: string; id: string }): Promise<Reply | undefined> {
    return new Promise((settle) => {
      const timer = setTimeout(() => {
        this.pending.delete(msg.nonce)
        settle(undefined)
      }, this.timeoutMs)
      this.pending.set(msg.nonce, { id: msg.id, settle, timer })
      this.send(msg)
    })
  }

  /** Sends a write, a selection or marks to the MAIN world; resolves with its result (or a timeout). */
  async request(req: Request): Promise<BridgeResult> {
    // Writes and marks are for the text this side holds: the MAIN world refuses them if the editor moved on.
    const base = req.kind === 'set-text' || req.kind === 'apply-edits' || req.kind === 'marks' ? this.reads.get(req.id)?.base : undefined
    const reply = await this.ask({ ...req, nonce: newNonce(), ...(base ? { base } : {}) } as ToMain & { nonce: string; id: string })
    if (!reply) return { ok: false, error: 'the console editor did not answer' }
    if (reply.kind !== 'result') return { ok: false, error: 'unexpected reply' }
    return { ok: reply.ok, ...(reply.error ? { error: reply.error } : {}) }
  }

  /** Shows marks in the page's editor (replacing the previous ones) if its text is still `text`. */
  setMarks(id: string, marks: EditorMark[], text: string): Promise<BridgeResult> {
    return this.request({ kind: 'marks', id, marks, length: text.length })
  }

  clearMarks(id: string): Promise<BridgeResult> {
    return this.request({ kind: 'marks', id, marks: [], length: 0 })
  }

  /** Reads the editor's text (one read in flight per editor; a change meanwhile reads once more after). */
  private read(id: string, language?: string): void {
    let st = this.reads.get(id)
    if (!st) {
      st = { inFlight: false, again: false, base: undefined, language: language ?? 'unknown' }
      this.reads.set(id, st)
    } else if (language) st.language = language
    if (st.inFlight) {
      st.again = true
      return
    }
    st.inFlight = true
    const state = st
    const base = this.editors.has(id) ? state.base : undefined
    const nonce = newNonce()
    void this.ask({ kind: 'read', id, nonce, ...(base ? { base } : {}) }).then((reply) => {
      state.inFlight = false
      try {
        this.applyRead(id, state, nonce, reply)
      } catch {
        /* never throw into the console page */
      }
      if (state.again && this.reads.get(id) === state) {
        state.again = false
        this.read(id)
      }
    })
  }

  private applyRead(id: string, st: ReadState, nonce: string, reply: Reply | undefined): void {
    if (!reply) return
    if (reply.kind === 'result') {
      // The MAIN world does not know this editor: forget it.
      if (!reply.ok) this.forget(id)
      return
    }
    if (reply.id !== id) return
    const known = this.editors.get(id)
    let text = reply.text
    if (reply.base !== undefined) {
      if (!known || reply.base !== st.base || reply.start === undefined || reply.oldEnd === undefined || reply.oldEnd > known.text.length) {
        // A delta against a text this side does not hold: read everything again.
        st.base = undefined
        st.again = true
        return
      }
      text = known.text.slice(0, reply.start) + reply.text + known.text.slice(reply.oldEnd)
    }
    st.base = nonce
    if (!known) {
      const ed: BridgeEditor = { id, text, readOnly: reply.readOnly, language: st.language, seq: 1 }
      this.editors.set(id, ed)
      this.events.added(ed)
      return
    }
    if (known.text === text && known.readOnly === reply.readOnly) return
    known.text = text
    known.readOnly = reply.readOnly
    known.seq++
    this.events.changed(known)
  }

  private forget(id: string): void {
    this.reads.delete(id)
    if (this.editors.delete(id)) this.events.removed(id)
  }

  private receive(msg: FromMain): void {
    switch (msg.kind) {
      case 'editor':
        return this.read(msg.id, msg.language)
      case 'changed':
        return this.read(msg.id)
      case 'editor-removed':
        // Possibly forged: a read tells (the MAIN world answers "not found" for an editor it dropped).
        if (this.editors.has(msg.id)) this.read(msg.id)
        return
      case 'text':
      case 'result': {
        const p = this.pending.get(msg.nonce)
        if (!p) return
        clearTimeout(p.timer)
        this.pending.delete(msg.nonce)
        p.settle(msg)
      }
    }
  }
}
