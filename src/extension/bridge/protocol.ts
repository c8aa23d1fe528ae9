/**
 * The MAIN-world bridge ↔ content script protocol: `window.postMessage` envelopes with a source tag and a
 * version, validated on both sides. The page can read and forge these messages (it shares the window),
 * so each side checks every field and treats what it gets as untrusted input. Dependency-free: the
 * MAIN-world script bundles it on its own.
 */
export const BRIDGE_SOURCE = 'iam-sidekick-bridge' as const
export const BRIDGE_VERSION = 1 as const
/** Attribute the MAIN world sets on each Ace editor element it tracks; its value is the editor id. */
export const EDITOR_ID_ATTRIBUTE = 'data-iam-sidekick-editor'
/** Largest text either side accepts (resource policies are at most 20 KB; leave room). */
export const MAX_TEXT = 512 * 1024

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

/** MAIN world → content script. */
export type FromMain =
  /** An editor appeared (or is announced again after `hello`). */
  | { kind: 'editor'; id: string; text: string; readOnly: boolean; language: string }
  | { kind: 'editor-removed'; id: string }
  /** The editor's text changed (debounced ≤ 50 ms); `seq` grows with every report of one editor. */
  | { kind: 'text'; id: string; text: string; seq: number; readOnly: boolean }
  /** Reply to a request carrying `requestId`. */
  | { kind: 'result'; requestId: number; ok: boolean; error?: string }

/** Content script → MAIN world. */
export type ToMain =
  /** Announce every editor again (the content script started or restarted). */
  | { kind: 'hello' }
  /** Replace the whole text through Ace, as one undo step. */
  | { kind: 'set-text'; id: string; text: string; requestId: number }
  /** Apply text edits (ranges in the current text) through Ace, as one undo step. */
  | { kind: 'apply-edits'; id: string; edits: AceEdit[]; requestId: number }
  /** Select a range and scroll it into view; focus the editor. */
  | { kind: 'select'; id: string; range: AceRange; requestId: number }
  /** Undo the last change through the editor's own undo stack (the panel's "Fixed · Undo"). */
  | { kind: 'undo'; id: string; requestId: number }

export interface Envelope<T> {
  source: typeof BRIDGE_SOURCE
  v: typeof BRIDGE_VERSION
  dir: 'to-main' | 'to-content'
  msg: T
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const isId = (x: unknown): x is string => typeof x === 'string' && /^[a-z0-9-]{1,40}$/.test(x)
const isText = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_TEXT
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 2 ** 31

function isPoint(x: unknown): x is AcePoint {
  return isObj(x) && isCount(x.row) && isCount(x.column)
}
export function isAceRange(x: unknown): x is AceRange {
  return isObj(x) && isPoint(x.start) && isPoint(x.end)
}
function isEdit(x: unknown): x is AceEdit {
  return isObj(x) && isAceRange(x.range) && isText(x.text)
}

function envelope(data: unknown, dir: Envelope<unknown>['dir']): unknown {
  if (!isObj(data) || data.source !== BRIDGE_SOURCE || data.v !== BRIDGE_VERSION || data.dir !== dir) return undefined
  return data.msg
}

/** The message a content script may act on, or undefined. */
export function readFromMain(data: unknown): FromMain | undefined {
  const m = envelope(data, 'to-content')
  if (!isObj(m)) return undefined
  switch (m.kind) {
    case 'editor':
      return isId(m.id) && isText(m.text) && typeof m.readOnly === 'boolean' && typeof m.language === 'string' && m.language.length < 40
        ? { kind: 'editor', id: m.id, text: m.text, readOnly: m.readOnly, language: m.language }
        : undefined
    case 'editor-removed':
      return isId(m.id) ? { kind: 'editor-removed', id: m.id } : undefined
    case 'text':
      return isId(m.id) && isText(m.text) && isCount(m.seq) && typeof m.readOnly === 'boolean'
        ? { kind: 'text', id: m.id, text: m.text, seq: m.seq, readOnly: m.readOnly }
        : undefined
    case 'result':
      return isCount(m.requestId) && typeof m.ok === 'boolean' && (m.error === undefined || (typeof m.error === 'string' && m.error.length < 500))
        ? { kind: 'result', requestId: m.requestId, ok: m.ok, ...(typeof m.error === 'string' ? { error: m.error } : {}) }
        : undefined
    default:
      return undefined
  }
}

/** The message the MAIN world may act on, or undefined. */
export function readToMain(data: unknown): ToMain | undefined {
  const m = envelope(data, 'to-main')
  if (!isObj(m)) return undefined
  switch (m.kind) {
    case 'hello':
      return { kind: 'hello' }
    case 'set-text':
      return isId(m.id) && isText(m.text) && isCount(m.requestId) ? { kind: 'set-text', id: m.id, text: m.text, requestId: m.requestId } : undefined
    case 'apply-edits':
      return isId(m.id) && Array.isArray(m.edits) && m.edits.length <= 1000 && m.edits.every(isEdit) && isCount(m.requestId)
        ? { kind: 'apply-edits', id: m.id, edits: m.edits as AceEdit[], requestId: m.requestId }
        : undefined
    case 'select':
      return isId(m.id) && isAceRange(m.range) && isCount(m.requestId) ? { kind: 'select', id: m.id, range: m.range, requestId: m.requestId } : undefined
    case 'undo':
      return isId(m.id) && isCount(m.requestId) ? { kind: 'undo', id: m.id, requestId: m.requestId } : undefined
    default:
      return undefined
  }
}

export function wrap<T extends FromMain | ToMain>(msg: T, dir: Envelope<T>['dir']): Envelope<T> {
  return { source: BRIDGE_SOURCE, v: BRIDGE_VERSION, dir, msg }
}
