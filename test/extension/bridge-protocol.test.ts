import { describe, expect, it } from 'vitest'
import { BRIDGE_SOURCE, BRIDGE_VERSION, isToMainEnvelope, readFromMain, readToMain, wrap } from '../../src/extension/bridge/protocol'
import { isConsoleOrigin, readFromFrame, readToFrame } from '../../src/extension/shared/editor-protocol'

const range = { start: { row: 1, column: 2 }, end: { row: 1, column: 5 } }

const N = 'n0123456789abcdef0123'
const N2 = 'n2123456789abcdef0123'

describe('bridge protocol (MAIN world ↔ content script)', () => {
  it('round-trips every message kind through wrap and read', () => {
    expect(readFromMain(wrap({ kind: 'editor', id: 'e1-abc', readOnly: false, language: 'json' }, 'to-content'))).toEqual({ kind: 'editor', id: 'e1-abc', readOnly: false, language: 'json' })
    expect(readFromMain(wrap({ kind: 'changed', id: 'e1' }, 'to-content'))).toEqual({ kind: 'changed', id: 'e1' })
    expect(readFromMain(wrap({ kind: 'text', nonce: N, id: 'e1', text: 'x', readOnly: true }, 'to-content'))?.kind).toBe('text')
    expect(readFromMain(wrap({ kind: 'text', nonce: N, id: 'e1', text: 'x', readOnly: true, base: N2, start: 1, oldEnd: 2 }, 'to-content'))).toMatchObject({ base: N2, start: 1, oldEnd: 2 })
    expect(readFromMain(wrap({ kind: 'result', nonce: N, ok: false, error: 'no' }, 'to-content'))).toEqual({ kind: 'result', nonce: N, ok: false, error: 'no' })
    expect(readToMain(wrap({ kind: 'hello' }, 'to-main'))).toEqual({ kind: 'hello' })
    expect(readToMain(wrap({ kind: 'read', id: 'e1', nonce: N, base: N2 }, 'to-main'))).toEqual({ kind: 'read', id: 'e1', nonce: N, base: N2 })
    expect(readToMain(wrap({ kind: 'apply-edits', id: 'e1', edits: [{ range, text: 'a' }], nonce: N }, 'to-main'))?.kind).toBe('apply-edits')
    expect(readToMain(wrap({ kind: 'select', id: 'e1', range, nonce: N }, 'to-main'))?.kind).toBe('select')
    expect(readToMain(wrap({ kind: 'marks', id: 'e1', marks: [{ range, severity: 'error', message: 'm' }], length: 10, nonce: N }, 'to-main'))).toEqual({
      kind: 'marks',
      id: 'e1',
      marks: [{ range, severity: 'error', message: 'm' }],
      length: 10,
      nonce: N,
    })
  })

  it('writes and marks carry the read they were computed from (base), and a malformed base is refused', () => {
    expect(readToMain(wrap({ kind: 'apply-edits', id: 'e1', edits: [{ range, text: 'a' }], nonce: N, base: N2 }, 'to-main'))).toMatchObject({ kind: 'apply-edits', base: N2 })
    expect(readToMain(wrap({ kind: 'set-text', id: 'e1', text: '{}', nonce: N, base: N2 }, 'to-main'))).toEqual({ kind: 'set-text', id: 'e1', text: '{}', nonce: N, base: N2 })
    expect(readToMain(wrap({ kind: 'marks', id: 'e1', marks: [], length: 0, nonce: N, base: N2 }, 'to-main'))).toMatchObject({ kind: 'marks', base: N2 })
    for (const base of [1, '', 'x', { toString: () => N2 }]) {
      expect(readToMain(wrap({ kind: 'apply-edits', id: 'e1', edits: [{ range, text: 'a' }], nonce: N, base } as never, 'to-main'))).toBeUndefined()
      expect(readToMain(wrap({ kind: 'set-text', id: 'e1', text: '{}', nonce: N, base } as never, 'to-main'))).toBeUndefined()
    }
  })

  it('ignores messages with another source, version or direction', () => {
    const msg = { kind: 'hello' }
    expect(readToMain({ source: 'other', v: BRIDGE_VERSION, dir: 'to-main', msg })).toBeUndefined()
    expect(readToMain({ source: BRIDGE_SOURCE, v: 1, dir: 'to-main', msg })).toBeUndefined()
    expect(readToMain({ source: BRIDGE_SOURCE, v: BRIDGE_VERSION, dir: 'to-content', msg })).toBeUndefined()
    expect(readFromMain(wrap({ kind: 'hello' }, 'to-main'))).toBeUndefined()
    expect(readFromMain(null)).toBeUndefined()
    expect(readFromMain('string')).toBeUndefined()
  })

  it('rejects forged or malformed fields (the page can post anything)', () => {
    const bad = [
      { kind: 'editor', id: '<img onerror=x>', readOnly: false, language: 'json' },
      // The version-1 shapes: text pushed with a page-chosen seq, results by a guessable counter.
      { kind: 'text', id: 'e1', text: 'x', seq: 2 ** 31 - 1, readOnly: false },
      { kind: 'result', requestId: 1, ok: true },
      { kind: 'text', nonce: 'short', id: 'e1', text: 'x', readOnly: false },
      { kind: 'text', nonce: N, id: 'e1', text: 'x'.repeat(600 * 1024), readOnly: false },
      { kind: 'text', nonce: N, id: 'e1', text: 'x', readOnly: false, base: N2, start: 5, oldEnd: 2 },
      { kind: 'result', nonce: 1.5, ok: true },
      { kind: 'unknown' },
    ]
    for (const m of bad) expect(readFromMain(wrap(m as never, 'to-content')), JSON.stringify(m).slice(0, 80)).toBeUndefined()
    expect(readToMain(wrap({ kind: 'apply-edits', id: 'e1', edits: [{ range: { start: { row: -1, column: 0 }, end: range.end }, text: '' }], nonce: N } as never, 'to-main'))).toBeUndefined()
    expect(readToMain(wrap({ kind: 'set-text', id: 'e1', text: null, nonce: N } as never, 'to-main'))).toBeUndefined()
    expect(readToMain(wrap({ kind: 'select', id: 'e1', range: 'all', nonce: N } as never, 'to-main'))).toBeUndefined()
    expect(readToMain(wrap({ kind: 'set-text', id: 'e1', text: '', requestId: 1 } as never, 'to-main'))).toBeUndefined()
    expect(readToMain(wrap({ kind: 'marks', id: 'e1', marks: [{ range, severity: 'fatal', message: 'm' }], length: 1, nonce: N } as never, 'to-main'))).toBeUndefined()
    expect(readToMain(wrap({ kind: 'marks', id: 'e1', marks: Array(501).fill({ range, severity: 'info', message: '' }), length: 1, nonce: N } as never, 'to-main'))).toBeUndefined()
  })

  it('never throws, whatever a page-made MessageEvent carries (getters that throw, proxies)', () => {
    const throwing = new Proxy({}, { get: () => { throw new Error('boom') }, has: () => { throw new Error('boom') } })
    const hostile = [throwing, { source: BRIDGE_SOURCE, v: BRIDGE_VERSION, dir: 'to-main', get msg() { throw new Error('boom') } }, { source: BRIDGE_SOURCE, v: BRIDGE_VERSION, dir: 'to-main', msg: { kind: 'apply-edits', id: 'e1', nonce: N, edits: throwing } }]
    for (const h of hostile) {
      expect(() => readToMain(h)).not.toThrow()
      expect(() => readFromMain(h)).not.toThrow()
      expect(() => isToMainEnvelope(h)).not.toThrow()
    }
  })

  it('copies what it keeps: a getter cannot change a value after validation', () => {
    let n = 0
    const edit = { get text() { return n++ === 0 ? 'ok' : 42 }, range }
    const msg = readToMain(wrap({ kind: 'apply-edits', id: 'e1', edits: [edit], nonce: N } as never, 'to-main'))
    expect(msg?.kind === 'apply-edits' && typeof msg.edits[0]!.text).toBe('string')
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
