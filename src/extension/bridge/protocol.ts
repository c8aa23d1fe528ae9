/**
 * The MAIN-world bridge ↔ content script protocol: `window.postMessage` envelopes with a source tag and a
 * version, validated on both sides. Dependency-free: the MAIN-world script bundles it on its own.
 *
 * The page shares the window, so it can post anything in either direction. Trust rests on two facts:
 * - Content script → MAIN world messages never reach the page's listeners: the MAIN-world script runs at
 *   document_start, before any page script, and its capture listener (the first one registered on the
 *   window) stops every `to-main` envelope from propagating further.
 * - Every reply from the MAIN world carries the one-time `nonce` of the request it answers, which only the
 *   content script and the MAIN world ever saw. The MAIN world's unsolicited messages (`editor`,
 *   `changed`, `editor-removed`) carry no text and no authority: they only make the content script ask
 *   again, with a fresh nonce. A forged message can therefore cost a read, never change what the panel
 *   believes the editor holds.
 */
export const BRIDGE_SOURCE = 'iam-sidekick-bridge' as const
export const BRIDGE_VERSION = 2 as const
/** Attribute the MAIN world sets on each Ace editor element it tracks; its value is the editor id. */
export const EDITOR_ID_ATTRIBUTE = 'data-iam-sidekick-editor'
/** Largest text either side accepts (resource policies are at most 20 KB; leave room). */
export const MAX_TEXT = 512 * 1024
/** Most marks one editor shows. */
export const MAX_MARKS = 500
/** The error of a write or marks request refused because the editor's text moved on from the request's `base`. */
export const TEXT_MOVED_ON = 'the text changed'
const MAX_MESSAGE = 1000

/** 0-based Ace position. */
export interface AcePoint {
  row: number
  column: number
}
export interface AceRange {
  start: AcePoint
  end: AcePoint
}
export interface AceEdit {
  range: AceRange
  text: string
}

export type MarkSeverity = 'error' | 'warning' | 'info'
/** A finding shown in the page's own editor: an underline by severity, a gutter icon, its message on hover. */
export interface EditorMark {
  range: AceRange
  severity: MarkSeverity
  message: string
}

/** MAIN world → content script. */
export type FromMain =
  /** An editor appeared (or is announced again after `hello`). No text: the content script reads it. */
  | { kind: 'editor'; id: string; readOnly: boolean; language: string }
  /** The editor may be gone: the content script checks with a read. */
  | { kind: 'editor-removed'; id: string }
  /** The editor's text or read-only state changed (debounced): the content script reads it. */
  | { kind: 'changed'; id: string }
  /** Reply to `read`: the whole text, or (with `base`) the span that changed since the read `base` answered. */
  | { kind: 'text'; nonce: string; id: string; readOnly: boolean; text: string; base?: string; start?: number; oldEnd?: number }
  /** Reply to any other request. */
  | { kind: 'result'; nonce: string; ok: boolean; error?: string }

/** Content script → MAIN world. Every request but `hello` carries a fresh nonce that its reply repeats. */
export type ToMain =
  /** Announce every editor again (the content script started or restarted). */
  | { kind: 'hello' }
  /** Read an editor's text; with `base` (the nonce of the last read the content script applied), a delta may come back. */
  | { kind: 'read'; id: string; nonce: string; base?: string }
  /**
   * Replace the whole text through Ace, as one undo step. With `base` (the nonce of the last read the content
   * script applied), only if the editor still holds exactly that read's text: a write computed from text the
   * user has typed past since is refused, not applied over their keystrokes.
   */
  | { kind: 'set-text'; id: string; text: string; nonce: string; base?: string }
  /** Apply text edits (ranges in the current text) through Ace, as one undo step; `base` as for set-text. */
  | { kind: 'apply-edits'; id: string; edits: AceEdit[]; nonce: string; base?: string }
  /** Select a range and scroll it into view; focus the editor. */
  | { kind: 'select'; id: string; range: AceRange; nonce: string }
  /** Show these marks (replacing the previous ones; none clears them) if the editor's text still has `length` characters (and, with `base`, is that read's text). */
  | { kind: 'marks'; id: string; marks: EditorMark[]; length: number; nonce: string; base?: string }
  /** Undo the last change through the editor's own undo stack (the panel's "Fixed · Undo"). */
  | { kind: 'undo'; id: string; nonce: string }

export interface Envelope<T> {
  source: typeof BRIDGE_SOURCE
  v: typeof BRIDGE_VERSION
  dir: 'to-main' | 'to-content'
  msg: T
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const isId = (x: unknown): x is string => typeof x === 'string' && /^[a-z0-9-]{1,40}$/.test(x)
export const isNonce = (x: unknown): x is string => typeof x === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(x)
const isText = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_TEXT
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 2 ** 31
const isShort = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_MESSAGE
const SEVERITIES = new Set(['error', 'warning', 'info'])

// Each field is read once and copied: a page-made MessageEvent can carry live objects whose getters
// answer differently on the second read.
function pointOf(x: unknown): AcePoint | undefined {
  if (!isObj(x)) return undefined
  const row = x.row
  const column = x.column
  return isCount(row) && isCount(column) ? { row, column } : undefined
}
function rangeOf(x: unknown): AceRange | undefined {
  if (!isObj(x)) return undefined
  const start = pointOf(x.start)
  const end = pointOf(x.end)
  return start && end ? { start, end } : undefined
}
export function isAceRange(x: unknown): x is AceRange {
  return rangeOf(x) !== undefined
}
function editOf(x: unknown): AceEdit | undefined {
  if (!isObj(x)) return undefined
  const r = rangeOf(x.range)
  const text = x.text
  return r && isText(text) ? { range: r, text } : undefined
}
function markOf(x: unknown): EditorMark | undefined {
  if (!isObj(x)) return undefined
  const r = rangeOf(x.range)
  const severity = x.severity
  const message = x.message
  return r && typeof severity === 'string' && SEVERITIES.has(severity) && isShort(message) ? { range: r, severity: severity as MarkSeverity, message } : undefined
}

/** The envelope's message as a plain snapshot (each field read once), or undefined. */
function envelope(data: unknown, dir: Envelope<unknown>['dir']): Record<string, unknown> | undefined {
  if (!isObj(data)) return undefined
  const d: Record<string, unknown> = { ...data }
  if (d.source !== BRIDGE_SOURCE || d.v !== BRIDGE_VERSION || d.dir !== dir || !isObj(d.msg)) return undefined
  return { ...d.msg }
}

/** True for anything that claims to be a content script → MAIN world envelope (valid or not). */
export function isToMainEnvelope(data: unknown): boolean {
  try {
    return isObj(data) && data.source === BRIDGE_SOURCE && data.dir === 'to-main'
  } catch {
    return true
  }
}

/**
 * The message a content script may act on, or undefined. Copies what it keeps (a page-made MessageEvent
 * can carry live objects with getters); never throws.
 */
export function readFromMain(data: unknown): FromMain | undefined {
  try {
    const m = envelope(data, 'to-content')
    if (!isObj(m)) return undefined
    switch (m.kind) {
      case 'editor':
        return isId(m.id) && typeof m.readOnly === 'boolean' && typeof m.language === 'string' && m.language.length < 40
          ? { kind: 'editor', id: m.id, readOnly: m.readOnly, language: m.language }
          : undefined
      case 'editor-removed':
        return isId(m.id) ? { kind: 'editor-removed', id: m.id } : undefined
      case 'changed':
        return isId(m.id) ? { kind: 'changed', id: m.id } : undefined
      case 'text': {
        if (!isNonce(m.nonce) || !isId(m.id) || typeof m.readOnly !== 'boolean' || !isText(m.text)) return undefined
        const out: FromMain = { kind: 'text', nonce: m.nonce, id: m.id, readOnly: m.readOnly, text: m.text }
        if (m.base === undefined) return out
        return isNonce(m.base) && isCount(m.start) && isCount(m.oldEnd) && m.start <= m.oldEnd ? { ...out, base: m.base, start: m.start, oldEnd: m.oldEnd } : undefined
      }
      case 'result':
        return isNonce(m.nonce) && typeof m.ok === 'boolean' && (m.error === undefined || (typeof m.error === 'string' && m.error.length < 500))
          ? { kind: 'result', nonce: m.nonce, ok: m.ok, ...(typeof m.error === 'string' ? { error: m.error } : {}) }
          : undefined
      default:
        return undefined
    }
  } catch {
    return undefined
  }
}

/** The message the MAIN world may act on, or undefined. Copies what it keeps; never throws. */
export function readToMain(data: unknown): ToMain | undefined {
  try {
    const m = envelope(data, 'to-main')
    if (!isObj(m)) return undefined
    switch (m.kind) {
      case 'hello':
        return { kind: 'hello' }
      case 'read':
        if (!isId(m.id) || !isNonce(m.nonce)) return undefined
        if (m.base === undefined) return { kind: 'read', id: m.id, nonce: m.nonce }
        return isNonce(m.base) ? { kind: 'read', id: m.id, nonce: m.nonce, base: m.base } : undefined
      case 'set-text':
        if (!isId(m.id) || !isText(m.text) || !isNonce(m.nonce) || (m.base !== undefined && !isNonce(m.base))) return undefined
        return { kind: 'set-text', id: m.id, text: m.text, nonce: m.nonce, ...(m.base !== undefined ? { base: m.base } : {}) }
      case 'apply-edits': {
        const edits = m.edits
        if (!isId(m.id) || !isNonce(m.nonce) || !Array.isArray(edits) || edits.length > 1000) return undefined
        const copy: AceEdit[] = []
        for (const e of edits) {
          const c = editOf(e)
          if (!c) return undefined
          copy.push(c)
        }
        if (m.base !== undefined && !isNonce(m.base)) return undefined
        return { kind: 'apply-edits', id: m.id, edits: copy, nonce: m.nonce, ...(m.base !== undefined ? { base: m.base } : {}) }
      }
      case 'select': {
        const r = rangeOf(m.range)
        return isId(m.id) && r && isNonce(m.nonce) ? { kind: 'select', id: m.id, range: r, nonce: m.nonce } : undefined
      }
      case 'undo':
        return isId(m.id) && isNonce(m.nonce) ? { kind: 'undo', id: m.id, nonce: m.nonce } : undefined
      case 'marks': {
        const marks = m.marks
        if (!isId(m.id) || !isNonce(m.nonce) || !isCount(m.length) || !Array.isArray(marks) || marks.length > MAX_MARKS) return undefined
        const copy: EditorMark[] = []
        for (const k of marks) {
          const c = markOf(k)
          if (!c) return undefined
          copy.push(c)
        }
        if (m.base !== undefined && !isNonce(m.base)) return undefined
        return { kind: 'marks', id: m.id, marks: copy, length: m.length, nonce: m.nonce, ...(m.base !== undefined ? { base: m.base } : {}) }
      }
      default:
        return undefined
    }
  } catch {
    return undefined
  }
}

export function wrap<T extends FromMain | ToMain>(msg: T, dir: Envelope<T>['dir']): Envelope<T> {
  return { source: BRIDGE_SOURCE, v: BRIDGE_VERSION, dir, msg }
}
