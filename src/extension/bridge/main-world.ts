/**
 * MAIN-world bridge: the only code that touches the console's Ace editors. It finds every editor (the
 * Cloudscape code editor wrapping Ace, else any Ace editor), tags it with an id, reports its text on
 * every change and applies the content script's writes through Ace so the console's own state updates
 * and Ctrl+Z undoes them. Runs in the page's world: no extension API, nothing thrown into the page.
 */
import { editorOf, type AceEditor, type AceRangeConstructor, type AceRangeObject } from './ace-types'
import { EDITOR_ID_ATTRIBUTE, readToMain, wrap, type AceEdit, type AceRange, type FromMain, type ToMain } from './protocol'
import { changedSpan } from '../shared/text-diff'

const CLOUDSCAPE_SELECTOR = '[class*="awsui_code-editor_"] .ace_editor'
const ANY_ACE = '.ace_editor'
const TEXT_DEBOUNCE_MS = 25

interface Tracked {
  id: string
  el: HTMLElement
  editor: AceEditor
  seq: number
  timer: ReturnType<typeof setTimeout> | undefined
  onChange: () => void
  readOnly: boolean
}

const tracked = new Map<string, Tracked>()
let nextId = 1

function post(msg: FromMain): void {
  window.postMessage(wrap(msg, 'to-content'), window.location.origin)
}

function languageOf(editor: AceEditor): string {
  try {
    const id = editor.session.getMode?.()?.$id
    return typeof id === 'string' ? id.replace(/^ace\/mode\//, '').slice(0, 30) : 'unknown'
  } catch {
    return 'unknown'
  }
}

function announce(t: Tracked): void {
  post({ kind: 'editor', id: t.id, text: t.editor.getValue(), readOnly: t.editor.getReadOnly(), language: languageOf(t.editor) })
}

function reportText(t: Tracked): void {
  t.timer = undefined
  t.readOnly = t.editor.getReadOnly()
  post({ kind: 'text', id: t.id, text: t.editor.getValue(), seq: ++t.seq, readOnly: t.readOnly })
}

function track(el: HTMLElement, editor: AceEditor): void {
  const id = `e${nextId++}-${Math.random().toString(36).slice(2, 8)}`
  const t: Tracked = {
    id,
    el,
    editor,
    seq: 0,
    timer: undefined,
    readOnly: editor.getReadOnly(),
    onChange: () => {
      if (t.timer === undefined) t.timer = setTimeout(() => guard(() => reportText(t)), TEXT_DEBOUNCE_MS)
    },
  }
  editor.on('change', t.onChange)
  editor.on('changeSession', t.onChange)
  el.setAttribute(EDITOR_ID_ATTRIBUTE, id)
  tracked.set(id, t)
  announce(t)
}

function untrack(t: Tracked): void {
  try {
    t.editor.off('change', t.onChange)
    t.editor.off('changeSession', t.onChange)
  } catch {
    /* the editor is gone */
  }
  if (t.timer !== undefined) clearTimeout(t.timer)
  tracked.delete(t.id)
  if (t.el.getAttribute(EDITOR_ID_ATTRIBUTE) === t.id) t.el.removeAttribute(EDITOR_ID_ATTRIBUTE)
  post({ kind: 'editor-removed', id: t.id })
}

/** Finds new editors, forgets removed ones, notices read-only changes. */
function scan(): void {
  for (const t of [...tracked.values()]) {
    if (!t.el.isConnected || editorOf(t.el) !== t.editor) untrack(t)
    else if (t.editor.getReadOnly() !== t.readOnly) reportText(t)
  }
  const known = new Set([...tracked.values()].map((t) => t.el))
  const preferred = document.querySelectorAll<HTMLElement>(CLOUDSCAPE_SELECTOR)
  const candidates = preferred.length ? preferred : document.querySelectorAll<HTMLElement>(ANY_ACE)
  for (const el of candidates) {
    if (known.has(el)) continue
    const editor = editorOf(el)
    if (editor) track(el, editor)
  }
}

let scanTimer: ReturnType<typeof setTimeout> | undefined
function scheduleScan(): void {
  if (scanTimer === undefined)
    scanTimer = setTimeout(() => {
      scanTimer = undefined
      guard(scan)
    }, 16)
}

function rangeClass(editor: AceEditor): AceRangeConstructor {
  return editor.getSelectionRange().constructor as AceRangeConstructor
}

function toAceRange(editor: AceEditor, r: AceRange): AceRangeObject {
  const R = rangeClass(editor)
  const clampRow = (row: number) => Math.min(row, Math.max(0, editor.session.getLength() - 1))
  const sr = clampRow(r.start.row)
  const er = clampRow(r.end.row)
  return new R(sr, Math.min(r.start.column, editor.session.getLine(sr).length), er, Math.min(r.end.column, editor.session.getLine(er).length))
}

/** One undo step: close the current group, write, close again so the next keystroke starts a new one. */
function asOneUndoStep(editor: AceEditor, write: () => void): void {
  editor.session.markUndoGroup?.()
  write()
  editor.session.markUndoGroup?.()
}

function applyEdits(editor: AceEditor, edits: AceEdit[]): void {
  // Later edits first, so earlier ranges stay valid.
  const sorted = [...edits].sort((a, b) => b.range.start.row - a.range.start.row || b.range.start.column - a.range.start.column)
  asOneUndoStep(editor, () => {
    for (const e of sorted) editor.session.replace(toAceRange(editor, e.range), e.text)
  })
}

function setText(editor: AceEditor, text: string): void {
  const old = editor.getValue()
  if (old === text) return
  // Replace only what differs (common prefix and suffix kept): a small undo delta, and the cursor and
  // scroll position of untouched text stay put.
  const span = changedSpan(old, text)
  const toPoint = (offset: number) => {
    const before = old.slice(0, offset).split(/\r\n|\r|\n/)
    return { row: before.length - 1, column: before[before.length - 1]!.length }
  }
  applyEdits(editor, [{ range: { start: toPoint(span.start), end: toPoint(span.oldEnd) }, text: span.text }])
}

function handle(msg: ToMain): void {
  if (msg.kind === 'hello') {
    scan()
    for (const t of tracked.values()) announce(t)
    return
  }
  const t = tracked.get(msg.id)
  const reply = (ok: boolean, error?: string) => post({ kind: 'result', requestId: msg.requestId, ok, ...(error ? { error } : {}) })
  if (!t) return reply(false, 'editor not found')
  try {
    if (msg.kind !== 'select' && t.editor.getReadOnly()) return reply(false, 'the editor is read-only')
    if (msg.kind === 'set-text') setText(t.editor, msg.text)
    else if (msg.kind === 'apply-edits') applyEdits(t.editor, msg.edits)
    else if (msg.kind === 'undo') {
      if (typeof t.editor.undo !== 'function') return reply(false, 'the editor cannot undo')
      t.editor.undo()
    }
    else {
      const range = toAceRange(t.editor, msg.range)
      t.editor.selection.setRange(range)
      t.editor.scrollToLine(range.start.row, true, false)
      t.editor.focus()
    }
    // Report at once, so the panel sees the result of its own write without waiting for the debounce.
    if (msg.kind !== 'select') {
      if (t.timer !== undefined) clearTimeout(t.timer)
      reportText(t)
    }
    reply(true)
  } catch (e) {
    reply(false, e instanceof Error ? e.message.slice(0, 200) : 'write failed')
  }
}

function guard(fn: () => void): void {
  try {
    fn()
  } catch {
    /* never throw into the console page */
  }
}

function start(): void {
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== window || event.origin !== window.location.origin) return
    const msg = readToMain(event.data)
    if (msg) guard(() => handle(msg))
  })
  const observer = new MutationObserver((records) => {
    // Ace re-renders its lines on every keystroke: mutations inside an editor already tracked change nothing.
    for (const r of records) {
      const target = r.target instanceof Element ? r.target : r.target.parentElement
      if (!target?.closest(`[${EDITOR_ID_ATTRIBUTE}]`)) return scheduleScan()
    }
  })
  observer.observe(document, { childList: true, subtree: true })
  // Read-only state and editors replaced without DOM mutations.
  setInterval(() => guard(scan), 1000)
  scheduleScan()
}

guard(start)
