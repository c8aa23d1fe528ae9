// @vitest-environment happy-dom
// Exports and clipboard fallbacks never create DOM the console page can read (issue 17, item 9): in the
// console, transient elements go into our own shadow root; with no shadow root at hand, nothing is made.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { copyText, downloadText, privateContainer } from '../../src/extension/shared/private-dom'

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

function watchDocument(): Node[] {
  const added: Node[] = []
  new MutationObserver((records) => records.forEach((r) => added.push(...r.addedNodes))).observe(document, { childList: true, subtree: true })
  return added
}

describe('private DOM for downloads and the clipboard fallback', () => {
  it('puts the download link in our shadow root, never in the page’s document', async () => {
    const host = document.createElement('div')
    document.body.appendChild(host)
    const root = host.attachShadow({ mode: 'closed' })
    const button = document.createElement('button')
    root.appendChild(button)
    const added = watchDocument()
    const inRoot: Node[] = []
    new MutationObserver((records) => records.forEach((r) => inRoot.push(...r.addedNodes))).observe(root, { childList: true })
    const clicks: Event[] = []
    document.addEventListener('click', (e) => clicks.push(e), true)
    expect(privateContainer(button)).toBe(root)
    expect(downloadText('case.json', '{"secret":1}', button)).toBe(true)
    await new Promise((r) => setTimeout(r, 0))
    expect(added).toEqual([])
    expect(inRoot.some((n) => n.nodeName === 'A')).toBe(true)
    expect(document.querySelectorAll('a[download], a[href^="blob:"]').length).toBe(0)
    expect(root.querySelectorAll('a').length).toBe(0) // removed right after the click
  })

  it('makes nothing when called from the page’s document (no private place)', async () => {
    const el = document.createElement('button')
    document.body.appendChild(el)
    const added = watchDocument()
    expect(downloadText('x.json', 'secret', el)).toBe(false)
    expect(downloadText('x.json', 'secret')).toBe(false)
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'))
    expect(await copyText('secret', el)).toBe(false)
    await new Promise((r) => setTimeout(r, 0))
    expect(added).toEqual([])
  })

  it('the clipboard fallback’s textarea lives and dies in the shadow root', async () => {
    const host = document.createElement('div')
    document.body.appendChild(host)
    const root = host.attachShadow({ mode: 'closed' })
    const near = document.createElement('span')
    root.appendChild(near)
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'))
    const added = watchDocument()
    await copyText('secret', near)
    await new Promise((r) => setTimeout(r, 0))
    expect(added).toEqual([])
    expect(root.querySelectorAll('textarea').length).toBe(0)
  })
})
