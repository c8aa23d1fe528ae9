/**
 * MAIN-world bridge: the only code that touches the console's Ace editors. It finds every editor (the
 * Cloudscape code editor wrapping Ace, else any Ace editor), tags it with an id, says when one changed,
 * answers the content script's reads, applies its writes through Ace (so the console's own state
 * updates and Ctrl+Z undoes them) and shows its marks. Runs in the page's world, at document_start: no
 * extension API, nothing thrown into the page. See ./protocol.ts for why the page can neither read the
 * content script's requests nor forge replies to them.
 */
import { editorOf, type AceAnnotation, type AceDynamicMarker, type AceEditor, type AceLayerConfig, type AceMarkerLayer, type AceRangeConstructor, type AceRangeObject, type AceSession } from './ace-types'
import { EDITOR_ID_ATTRIBUTE, TEXT_MOVED_ON, isToMainEnvelope, readToMain, wrap, type AceEdit, type AceRange, type EditorMark, type FromMain, type ToMain } from './protocol'
import { changedSpan } from '../shared/text-diff'

// Taken before any page script runs: the page may replace these later.
const pristine = {
  postMessage: window.postMessage.bind(window),
  stopImmediate: Event.prototype.stopImmediatePropagation,
  data: Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')?.get,
  source: Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'source')?.get,
  origin: Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'origin')?.get,
  setTimeout: window.setTimeout.bind(window),
  clearTimeout: window.clearTimeout.bind(window),
}
const ORIGIN = window.location.origin

const CLOUDSCAPE_SELECTOR = '[class*="awsui_code-editor_"] .ace_editor'
const ANY_ACE = '.ace_editor'
/**
 * The content script hears of a change once typing pauses for this long, then reads the text and analyses
 * it at once: while the user types, nothing of ours runs between a keystroke and its echo on screen (even a
 * periodic update during a long burst measurably slowed fast typing). Writes check that the text is still
 * the one read (movedOn).
 */
const TEXT_DEBOUNCE_MS = 140
const MARK_CLASS = 'iam-sidekick-mark'
const MARK_CSS = `
.ace_marker-layer .${MARK_CLASS} { position: absolute; box-sizing: border-box; pointer-events: none; }
.ace_marker-layer .${MARK_CLASS}-error { border-bottom: 2px solid #d91515; }
.ace_marker-layer .${MARK_CLASS}-warning { border-bottom: 2px dashed #b55400; }
.ace_marker-layer .${MARK_CLASS}-info { border-bottom: 2px dotted #0972d3; }
`

interface Marks {
  list: EditorMark[]
  markerIds: number[]
  annotations: AceAnnotation[]
}

interface Tracked {
  id: string
  el: HTMLElement
  editor: AceEditor
  timer: number | undefined
  onChange: () => void
  readOnly: boolean
  /** The nonce of the last read answered, and the text it carried (the base of the next delta). */
  sentNonce: string | undefined
  sentText: string
  marks: Marks | undefined
  onAnnotations: () => void
  onHover: (e: MouseEvent) => void
  onLeave: () => void
  /** The title attribute the element had before a mark's message replaced it. */
  savedTitle: string | null | undefined
  /** Our wrapper of the session's setAnnotations while marks are shown (see keepAnnotationsOnSet). */
  annotationHook: AnnotationHook | undefined
}

interface AnnotationHook {
  session: AceSession
  wrapper: (list: AceAnnotation[]) => void
  /** The session's own property before ours, if it had one (else the prototype's method shows through again). */
  own: PropertyDescriptor | undefined
}

const tracked = new Map<string, Tracked>()
let nextId = 1

function post(msg: FromMain): void {
  pristine.postMessage(wrap(msg, 'to-content'), ORIGIN)
}

function guard(fn: () => void): void {
  try {
    fn()
  } catch {
    /* never throw into the console page */
  }
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
  post({ kind: 'editor', id: t.id, readOnly: !!t.editor.getReadOnly(), language: languageOf(t.editor) })
}

function reportChange(t: Tracked): void {
  t.timer = undefined
  t.readOnly = !!t.editor.getReadOnly()
  post({ kind: 'changed', id: t.id })
}

function track(el: HTMLElement, editor: AceEditor): void {
  const id = `e${nextId++}-${Math.random().toString(36).slice(2, 8)}`
  const t: Tracked = {
    id,
    el,
    editor,
    timer: undefined,
    readOnly: !!editor.getReadOnly(),
    sentNonce: undefined,
    sentText: '',
    marks: undefined,
    savedTitle: undefined,
    annotationHook: undefined,
    onChange: () => {
      if (t.timer !== undefined) pristine.clearTimeout(t.timer)
      t.timer = pristine.setTimeout(() => guard(() => reportChange(t)), TEXT_DEBOUNCE_MS)
    },
    onAnnotations: () => guard(() => keepAnnotations(t)),
    onHover: (e) => guard(() => hover(t, e)),
    onLeave: () => guard(() => setTitle(t, undefined)),
  }
  editor.on('change', t.onChange)
  editor.on('changeSession', t.onChange)
  el.setAttribute(EDITOR_ID_ATTRIBUTE, id)
  tracked.set(id, t)
  announce(t)
}

function untrack(t: Tracked): void {
  guard(() => clearMarks(t))
  try {
    t.editor.off('change', t.onChange)
    t.editor.off('changeSession', t.onChange)
  } catch {
    /* the editor is gone */
  }
  if (t.timer !== undefined) pristine.clearTimeout(t.timer)
  tracked.delete(t.id)
  guard(() => {
    if (t.el.getAttribute(EDITOR_ID_ATTRIBUTE) === t.id) t.el.removeAttribute(EDITOR_ID_ATTRIBUTE)
  })
  post({ kind: 'editor-removed', id: t.id })
}

/** Finds new editors, forgets removed ones, notices read-only changes. One odd element never stops the rest. */
function scan(): void {
  for (const t of [...tracked.values()]) {
    try {
      if (!t.el.isConnected || editorOf(t.el) !== t.editor) untrack(t)
      else if (!!t.editor.getReadOnly() !== t.readOnly) reportChange(t)
    } catch {
      untrack(t)
    }
  }
  const known = new Set([...tracked.values()].map((t) => t.el))
  const preferred = document.querySelectorAll<HTMLElement>(CLOUDSCAPE_SELECTOR)
  const candidates = preferred.length ? preferred : document.querySelectorAll<HTMLElement>(ANY_ACE)
  for (const el of candidates) {
    if (known.has(el)) continue
    try {
      const editor = editorOf(el)
      if (editor) track(el, editor)
    } catch {
      /* an Ace-like element whose env throws: not an editor we can use */
    }
  }
}

let scanTimer: number | undefined
function scheduleScan(): void {
  if (scanTimer === undefined)
    scanTimer = pristine.setTimeout(() => {
      scanTimer = undefined
      guard(scan)
    }, 16)
}

/**
 * Could this DOM change add or remove an editor? Runs on every mutation batch, right after Ace renders a
 * keystroke, so it must not send every keystroke to a scan of the whole document: Ace re-rendering a
 * tracked editor, or the console updating text beside it (the status bar's "Ln 5, Col 12"), changes nothing.
 */
function mayChangeEditors(r: MutationRecord): boolean {
  const target = r.target instanceof Element ? r.target : r.target.parentElement
  if (!target) return false
  const editor = target.closest(ANY_ACE)
  // Inside an editor: one we track re-rendering, or a new one being built (scan it).
  if (editor) return !editor.hasAttribute(EDITOR_ID_ATTRIBUTE)
  for (const n of r.addedNodes) if (n instanceof Element && (n.matches(ANY_ACE) || n.querySelector(ANY_ACE))) return true
  for (const n of r.removedNodes) if (n instanceof Element) for (const t of tracked.values()) if (!t.el.isConnected) return true
  return false
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

/** Has the editor's text moved on from the read `base` (the content script's view of it)? No base: no check. */
function movedOn(t: Tracked, base: string | undefined): boolean {
  return base !== undefined && (base !== t.sentNonce || t.editor.getValue() !== t.sentText)
}

/** Answers a read: the changed span when the content script holds the text of `base`, else everything. */
function read(t: Tracked, nonce: string, base: string | undefined): void {
  const text = t.editor.getValue()
  t.readOnly = !!t.editor.getReadOnly()
  if (base !== undefined && base === t.sentNonce) {
    const span = changedSpan(t.sentText, text)
    post({ kind: 'text', nonce, id: t.id, readOnly: t.readOnly, text: span.text, base, start: span.start, oldEnd: span.oldEnd })
  } else post({ kind: 'text', nonce, id: t.id, readOnly: t.readOnly, text })
  t.sentNonce = nonce
  t.sentText = text
}

// ---- Marks: underlines, gutter annotations and hover messages in the page's own editor ----

let styled = false
function addStyles(): void {
  if (styled) return
  styled = true
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(MARK_CSS)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  } catch {
    const style = document.createElement('style')
    style.textContent = MARK_CSS
    ;(document.head ?? document.documentElement).appendChild(style)
  }
}

const ANNOTATION_TYPE: Record<EditorMark['severity'], string | undefined> = {
  error: 'error',
  warning: 'warning',
  // The Cloudscape code editor drops info annotations: an underline only.
  info: undefined,
}

function otherAnnotations(t: Tracked): AceAnnotation[] {
  const ours = new Set<AceAnnotation>(t.marks?.annotations ?? [])
  return (t.editor.session.getAnnotations?.() ?? []).filter((a) => !ours.has(a))
}

let settingAnnotations = false
function setAnnotations(t: Tracked, list: AceAnnotation[]): void {
  settingAnnotations = true
  try {
    t.editor.session.setAnnotations?.(list)
  } finally {
    settingAnnotations = false
  }
}

/**
 * The console's own annotations (its syntax worker) replace the whole list: ours are added to the list it
 * sets, in the same call, so the console's status bar ("Errors: 1") renders once rather than twice.
 */
function keepAnnotationsOnSet(t: Tracked): void {
  const s = t.editor.session
  if (t.annotationHook?.session === s || typeof s.setAnnotations !== 'function') return
  releaseAnnotations(t)
  const original = s.setAnnotations
  const hook: AnnotationHook = {
    session: s,
    own: Object.getOwnPropertyDescriptor(s, 'setAnnotations'),
    wrapper(this: AceSession, list: AceAnnotation[]) {
      let merged = list
      try {
        const ours = !settingAnnotations && this === t.editor.session ? (t.marks?.annotations ?? []) : []
        if (ours.length && Array.isArray(list)) merged = [...list.filter((a) => !ours.includes(a)), ...ours]
      } catch {
        merged = list
      }
      original.call(this, merged)
    },
  }
  try {
    Object.defineProperty(s, 'setAnnotations', { value: hook.wrapper, writable: true, configurable: true, enumerable: false })
    t.annotationHook = hook
  } catch {
    /* a frozen session: the changeAnnotation listener puts ours back instead */
  }
}

function releaseAnnotations(t: Tracked): void {
  const hook = t.annotationHook
  if (!hook) return
  t.annotationHook = undefined
  try {
    // Only if the page has not replaced our wrapper since.
    if (Object.getOwnPropertyDescriptor(hook.session, 'setAnnotations')?.value !== hook.wrapper) return
    if (hook.own) Object.defineProperty(hook.session, 'setAnnotations', hook.own)
    else delete (hook.session as unknown as Record<string, unknown>).setAnnotations
  } catch {
    /* leave it: the wrapper passes lists through unchanged once our marks are gone */
  }
}

/** A fallback for a list set without setAnnotations: put ours back beside the console's. */
function keepAnnotations(t: Tracked): void {
  if (settingAnnotations || !t.marks?.annotations.length) return
  const current = t.editor.session.getAnnotations?.() ?? []
  const present = new Set(current)
  if (t.marks.annotations.every((a) => present.has(a))) return
  setAnnotations(t, [...current.filter((a) => !t.marks!.annotations.includes(a)), ...t.marks.annotations])
}

/**
 * Draws the underlines of `list` into the marker layer. Positions come from the character width Ace already
 * knows (a monospace grid, as the console's editor uses), never from measuring the DOM: Ace's own text
 * markers measure each end with a DOM range, which forces a layout per mark on every keystroke's render.
 */
function drawMarks(list: readonly EditorMark[], html: unknown, layer: AceMarkerLayer, session: AceSession, config: AceLayerConfig): void {
  const toScreen = session.documentToScreenPosition
  if (!toScreen) return
  const emit = (className: string, css: string) => {
    if (typeof layer.elt === 'function') layer.elt(className, css)
    else if (Array.isArray(html)) html.push(`<div class="${className}" style="${css}"></div>`)
  }
  const lines = session.getLength()
  const padding = typeof layer.$padding === 'number' ? layer.$padding : 0
  const lh = config.lineHeight
  const cw = config.characterWidth
  const lastScreen = config.firstRowScreen + Math.ceil((config.height ?? (config.lastRow - config.firstRow + 1) * lh) / lh) + 1
  for (const mark of list) {
    if (mark.range.end.row < config.firstRow || mark.range.start.row > config.lastRow || mark.range.start.row >= lines) continue
    const endRow = Math.min(mark.range.end.row, lines - 1)
    const start = toScreen.call(session, mark.range.start.row, Math.min(mark.range.start.column, session.getLine(mark.range.start.row).length))
    const end = toScreen.call(session, endRow, Math.min(mark.range.end.column, session.getLine(endRow).length))
    const className = `${MARK_CLASS} ${MARK_CLASS}-${mark.severity}`
    for (let row = Math.max(start.row, config.firstRowScreen); row <= end.row && row <= lastScreen; row++) {
      const from = row === start.row ? start.column : (session.getRowWrapIndent?.(row) ?? 0)
      const to = row === end.row ? end.column : (session.getScreenLastRowColumn?.(row) ?? from)
      // An empty range still gets a visible underline: one character.
      const width = Math.max(1, to - from) * cw
      emit(className, `height:${lh}px;width:${width}px;top:${(row - config.firstRowScreen) * lh}px;left:${padding + from * cw}px;`)
    }
  }
}

/** Takes our underlines out of the editor (annotations and hover stay to the caller). */
function removeUnderlines(t: Tracked): void {
  const m = t.marks
  if (!m) return
  for (const id of m.markerIds) t.editor.session.removeMarker?.(id)
  m.markerIds = []
}

function clearMarks(t: Tracked): void {
  const m = t.marks
  if (!m) return
  removeUnderlines(t)
  if (m.annotations.length) setAnnotations(t, otherAnnotations(t))
  t.marks = undefined
  releaseAnnotations(t)
  t.editor.session.off?.('changeAnnotation', t.onAnnotations)
  t.el.removeEventListener('mousemove', t.onHover)
  t.el.removeEventListener('mouseleave', t.onLeave)
  setTitle(t, undefined)
}

function showMarks(t: Tracked, list: EditorMark[]): void {
  if (list.length === 0) return clearMarks(t)
  addStyles()
  const s = t.editor.session
  // The console's own annotations, without ours of the previous analysis: one update of the gutter, not two.
  const others = otherAnnotations(t)
  removeUnderlines(t)
  const markerIds: number[] = []
  if (typeof s.addDynamicMarker === 'function' && typeof s.documentToScreenPosition === 'function') {
    const marker: AceDynamicMarker = {
      clazz: MARK_CLASS,
      update: (html, layer, session, config) => guard(() => drawMarks(list, html, layer, session, config)),
    }
    const added = s.addDynamicMarker(marker, false)
    const id = added?.id ?? marker.id
    if (typeof id === 'number') markerIds.push(id)
  } else {
    // An Ace without dynamic markers: one text marker per mark.
    for (const mark of list) {
      let r = toAceRange(t.editor, mark.range)
      if (r.start.row === r.end.row && r.start.column === r.end.column) r = toAceRange(t.editor, { start: mark.range.start, end: { row: mark.range.start.row, column: mark.range.start.column + 1 } })
      const id = s.addMarker?.(r, `${MARK_CLASS} ${MARK_CLASS}-${mark.severity}`, 'text', false)
      if (typeof id === 'number') markerIds.push(id)
    }
  }
  const annotations: AceAnnotation[] = []
  for (const mark of list) {
    const type = ANNOTATION_TYPE[mark.severity]
    const r = toAceRange(t.editor, mark.range)
    if (type) annotations.push({ row: r.start.row, column: r.start.column, text: `IAM Sidekick: ${mark.message}`, type })
  }
  const first = !t.marks
  const hadAnnotations = !!t.marks?.annotations.length
  t.marks = { list, markerIds, annotations }
  if (annotations.length || hadAnnotations) setAnnotations(t, [...others, ...annotations])
  keepAnnotationsOnSet(t)
  if (first) {
    s.on?.('changeAnnotation', t.onAnnotations)
    t.el.addEventListener('mousemove', t.onHover)
    t.el.addEventListener('mouseleave', t.onLeave)
  }
}

function contains(r: AceRange, row: number, column: number): boolean {
  const afterStart = row > r.start.row || (row === r.start.row && column >= r.start.column)
  const beforeEnd = row < r.end.row || (row === r.end.row && column <= Math.max(r.end.column, r.start.row === r.end.row ? r.start.column + 1 : 0))
  return afterStart && beforeEnd
}

/** The message of the mark under the pointer, as the editor element's tooltip. */
function hover(t: Tracked, e: MouseEvent): void {
  const pos = t.editor.renderer?.screenToTextCoordinates?.(e.clientX, e.clientY)
  const hit = pos && t.marks?.list.filter((m) => contains(m.range, pos.row, pos.column))
  setTitle(t, hit?.length ? hit.map((m) => m.message).join('\n') : undefined)
}

function setTitle(t: Tracked, message: string | undefined): void {
  if (message !== undefined) {
    if (t.savedTitle === undefined) t.savedTitle = t.el.getAttribute('title')
    if (t.el.getAttribute('title') !== message) t.el.setAttribute('title', message)
  } else if (t.savedTitle !== undefined) {
    if (t.savedTitle === null) t.el.removeAttribute('title')
    else t.el.setAttribute('title', t.savedTitle)
    t.savedTitle = undefined
  }
}

function handle(msg: ToMain): void {
  if (msg.kind === 'hello') {
    scan()
    for (const t of tracked.values()) guard(() => announce(t))
    return
  }
  const t = tracked.get(msg.id)
  const reply = (ok: boolean, error?: string) => post({ kind: 'result', nonce: msg.nonce, ok, ...(error ? { error } : {}) })
  if (!t) return reply(false, 'editor not found')
  try {
    switch (msg.kind) {
      case 'read':
        return read(t, msg.nonce, msg.base)
      case 'marks':
        if (msg.marks.length && (t.editor.getValue().length !== msg.length || movedOn(t, msg.base))) return reply(false, TEXT_MOVED_ON)
        showMarks(t, msg.marks)
        return reply(true)
      case 'select': {
        const range = toAceRange(t.editor, msg.range)
        t.editor.selection.setRange(range)
        t.editor.scrollToLine(range.start.row, true, false)
        t.editor.focus()
        return reply(true)
      }
      default:
        if (t.editor.getReadOnly()) return reply(false, 'the editor is read-only')
        if (msg.kind !== 'undo' && movedOn(t, msg.base)) {
          // The user typed since the content script last read: tell it now, so it reads again.
          if (t.timer !== undefined) pristine.clearTimeout(t.timer)
          reportChange(t)
          return reply(false, TEXT_MOVED_ON)
        }
        if (msg.kind === 'set-text') setText(t.editor, msg.text)
        else if (msg.kind === 'undo') {
          if (typeof t.editor.undo !== 'function') return reply(false, 'the editor cannot undo')
          t.editor.undo()
        } else applyEdits(t.editor, msg.edits)
        // Say so at once, so the panel reads the result of its own write without waiting for the debounce.
        if (t.timer !== undefined) pristine.clearTimeout(t.timer)
        reportChange(t)
        return reply(true)
    }
  } catch (e) {
    reply(false, e instanceof Error ? String(e.message).slice(0, 200) : 'failed')
  }
}

function onMessage(event: MessageEvent): void {
  const data: unknown = pristine.data ? pristine.data.call(event) : event.data
  if (!isToMainEnvelope(data)) return
  // The content script's requests are for us alone: no listener registered after this one (every page
  // script's) sees them, so their nonces stay secret.
  pristine.stopImmediate.call(event)
  const source: unknown = pristine.source ? pristine.source.call(event) : event.source
  const origin: unknown = pristine.origin ? pristine.origin.call(event) : event.origin
  if (source !== window || origin !== ORIGIN) return
  const msg = readToMain(data)
  if (msg) handle(msg)
}

function start(): void {
  // First listener on the window, in the capture phase: it runs before anything the page adds.
  window.addEventListener('message', (event: MessageEvent) => guard(() => onMessage(event)), true)
  const observer = new MutationObserver((records) =>
    guard(() => {
      for (const r of records) if (mayChangeEditors(r)) return scheduleScan()
    }),
  )
  observer.observe(document, { childList: true, subtree: true })
  // Read-only state and editors replaced without DOM mutations.
  setInterval(() => guard(scan), 1000)
  scheduleScan()
}

guard(start)
