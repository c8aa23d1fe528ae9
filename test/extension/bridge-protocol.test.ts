import { describe, expect, it } from 'vitest'
import { BRIDGE_SOURCE, BRIDGE_VERSION, readFromMain, readToMain, wrap } from '../../src/extension/bridge/protocol'
import { isConsoleOrigin, readFromFrame, readToFrame } from '../../src/extension/shared/editor-protocol'

const range = { start: { row: 1, column: 2 }, end: { row: 1, column: 5 } }

describe('bridge protocol (MAIN world ↔ content script)', () => {
  it('round-trips every message kind through wrap and read', () => {
    expect(readFromMain(wrap({ kind: 'editor', id: 'e1-abc', text: '{}', readOnly: false, language: 'json' }, 'to-content'))).toEqual({
      kind: 'editor',
      id: 'e1-abc',
      text: '{}',
      readOnly: false,
      language: 'json',
    })
    expect(readFromMain(wrap({ kind: 'text', id: 'e1', text: 'x', seq: 3, readOnly: true }, 'to-content'))?.kind).toBe('text')
    expect(readFromMain(wrap({ kind: 'result', requestId: 7, ok: false, error: 'no' }, 'to-content'))).toEqual({ kind: 'result', requestId: 7, ok: false, error: 'no' })
    expect(readToMain(wrap({ kind: 'hello' }, 'to-main'))).toEqual({ kind: 'hello' })
    expect(readToMain(wrap({ kind: 'apply-edits', id: 'e1', edits: [{ range, text: 'a' }], requestId: 1 }, 'to-main'))?.kind).toBe('apply-edits')
    expect(readToMain(wrap({ kind: 'select', id: 'e1', range, requestId: 2 }, 'to-main'))?.kind).toBe('select')
  })

  it('ignores messages with another source, version or direction', () => {
    const msg = { kind: 'hello' }
    expect(readToMain({ source: 'other', v: BRIDGE_VERSION, dir: 'to-main', msg })).toBeUndefined()
    expect(readToMain({ source: BRIDGE_SOURCE, v: 2, dir: 'to-main', msg })).toBeUndefined()
    expect(readToMain({ source: BRIDGE_SOURCE, v: BRIDGE_VERSION, dir: 'to-content', msg })).toBeUndefined()
    expect(readFromMain(wrap({ kind: 'hello' }, 'to-main'))).toBeUndefined()
    expect(readFromMain(null)).toBeUndefined()
    expect(readFromMain('string')).toBeUndefined()
  })

  it('rejects forged or malformed fields (the page can post anything)', () => {
    const bad = [
      { kind: 'editor', id: '<img onerror=x>', text: '', readOnly: false, language: 'json' },
      { kind: 'editor', id: 'e1', text: 42, readOnly: false, language: 'json' },
      { kind: 'text', id: 'e1', text: 'x', seq: -1, readOnly: false },
      { kind: 'text', id: 'e1', text: 'x'.repeat(600 * 1024), seq: 1, readOnly: false },
      { kind: 'result', requestId: 1.5, ok: true },
      { kind: 'unknown' },
    ]
    for (const m of bad) expect(readFromMain(wrap(m as never, 'to-content'))).toBeUndefined()
    expect(readToMain(wrap({ kind: 'apply-edits', id: 'e1', edits: [{ range: { start: { row: -1, column: 0 }, end: range.end }, text: '' }], requestId: 1 } as never, 'to-main'))).toBeUndefined()
    expect(readToMain(wrap({ kind: 'set-text', id: 'e1', text: null, requestId: 1 } as never, 'to-main'))).toBeUndefined()
    expect(readToMain(wrap({ kind: 'select', id: 'e1', range: 'all', requestId: 1 } as never, 'to-main'))).toBeUndefined()
  })
})

describe('framed editor protocol (content script ↔ Monaco page)', () => {
  it('accepts only the console origins the content script runs on', () => {
    for (const o of ['https://console.aws.amazon.com', 'https://us-east-1.console.aws.amazon.com', 'https://console.amazonaws-us-gov.com', 'https://cn-north-1.console.amazonaws.cn'])
      expect(isConsoleOrigin(o), o).toBe(true)
    for (const o of ['http://console.aws.amazon.com', 'https://console.aws.amazon.com.evil.com', 'https://evil.com', 'https://aws.amazon.com', 'null'])
      expect(isConsoleOrigin(o), o).toBe(false)
  })

  it('validates state and edit messages', () => {
    expect(readToFrame({ v: 1, kind: 'state', text: '{}', policyType: 'trust', readOnly: false, dark: true })?.policyType).toBe('trust')
    expect(readToFrame({ v: 1, kind: 'state', text: '{}', policyType: 'nonsense', readOnly: false, dark: true })).toBeUndefined()
    expect(readFromFrame({ v: 1, kind: 'edit', text: '{}' })).toEqual({ v: 1, kind: 'edit', text: '{}' })
    expect(readFromFrame({ v: 1, kind: 'height', px: 1e9 })).toBeUndefined()
    expect(readFromFrame({ kind: 'ready' })).toBeUndefined()
  })
})
