// The enhanced editor's handshake: one-time nonces, registered by the content script, claimed once by
// the frame it made (same tab). A console page cannot make the editor page connect to it.
import { describe, expect, it } from 'vitest'
import { EditorFrameNonces, isEditorFrameMessage } from '../../src/extension/shared/editor-frame-nonces'
import { isConnect } from '../../src/extension/shared/editor-protocol'

const N = 'abcdefABCDEF0123456789'

describe('enhanced editor handshake', () => {
  it('a registered nonce is claimed once, from the same tab, within a minute', () => {
    const n = new EditorFrameNonces()
    expect(n.register(N, 7, 0)).toBe(true)
    expect(n.register(N, 7, 0)).toBe(false)
    expect(n.claim(N, 7, 10)).toBe(true)
    expect(n.claim(N, 7, 20)).toBe(false)
    expect(n.register(N + 'x', 7, 0)).toBe(true)
    expect(n.claim(N + 'x', 8, 10)).toBe(false)
    expect(n.register(N + 'y', 7, 0)).toBe(true)
    expect(n.claim(N + 'y', 7, 61_000)).toBe(false)
    expect(n.claim('never-registered-nonce', 7, 0)).toBe(false)
  })

  it('caps how many nonces wait to be claimed', () => {
    const n = new EditorFrameNonces()
    let accepted = 0
    for (let i = 0; i < 100; i++) if (n.register(`${N}${i}`, 1, 0)) accepted++
    expect(accepted).toBe(50)
  })

  it('a connect message must carry a well-formed nonce (the version-1 connect had none)', () => {
    expect(isConnect({ source: 'iam-sidekick-editor', v: 1, kind: 'connect' })).toBe(false)
    expect(isConnect({ source: 'iam-sidekick-editor', v: 1, kind: 'connect', nonce: 'short' })).toBe(false)
    expect(isConnect({ source: 'iam-sidekick-editor', v: 1, kind: 'connect', nonce: N })).toBe(true)
    expect(isConnect(new Proxy({}, { get: () => { throw new Error('x') } }))).toBe(false)
    expect(isEditorFrameMessage({ v: 1, type: 'editor-frame', op: 'claim', nonce: N })).toBe(true)
    expect(isEditorFrameMessage({ v: 1, type: 'editor-frame', op: 'steal', nonce: N })).toBe(false)
  })
})
