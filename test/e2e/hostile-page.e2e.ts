// A hostile console page: a script in the page's own world forges bridge messages, listens for the
// extension's requests, plants Ace-like elements that throw, and reads what it can. The panel must stay
// true to the editor, nothing of ours may surface as a page error, and the findings marked in the
// console's own Ace editor must follow the text.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Frame, Page } from 'playwright-core'
import { ACE, aceText, findingRows, launchExtension, openConsolePage, panel, setAceText, startReplica, waitForPanelReady, type ExtensionBrowser, type Replica } from './support'
import { takeProblems } from './support/guards'

const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2)
const TYPO = policy({ Effect: 'Allow', Action: ['s3:GetObjectt'], Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/reports/*' })
const FIXED = policy({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/reports/*' })
const CLEAN = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' })

let replica: Replica
let browser: ExtensionBrowser

beforeAll(async () => {
  replica = await startReplica()
  browser = await launchExtension({ replica })
})

afterEach(async () => {
  for (const p of browser.context.pages().slice(1)) await p.close().catch(() => undefined)
})

afterAll(async () => {
  await browser?.close()
  await replica?.close()
})

const codes = (page: Page) => findingRows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''))

/** Collects the page errors (uncaught exceptions in the page's world) from now on. */
function pageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

/** Posts bridge-shaped messages from the page's world, both as real posts and as page-made MessageEvents. */
async function forge(page: Page, msgs: object[]): Promise<void> {
  await page.evaluate((msgs) => {
    for (const v of [1, 2])
      for (const msg of msgs) {
        const data = { source: 'iam-sidekick-bridge', v, dir: 'to-content', msg }
        window.postMessage(data, location.origin)
        window.dispatchEvent(new MessageEvent('message', { data, source: window, origin: location.origin }))
      }
  }, msgs)
}

describe('a hostile console page', () => {
  it('never sees the content script’s requests (their nonces stay secret)', async () => {
    const page = await openConsolePage(browser, '/iam/home#/policies/create')
    await page.evaluate(() => {
      const seen: unknown[] = ((window as unknown as { __seen: unknown[] }).__seen = [])
      window.addEventListener('message', (e) => seen.push(e.data), true)
      window.addEventListener('message', (e) => seen.push(e.data))
    })
    await waitForPanelReady(page)
    await setAceText(page, TYPO)
    await expect.poll(() => codes(page), { timeout: 10_000 }).toContain('INVALID_ACTION')
    const seen = await page.evaluate(() => (window as unknown as { __seen: { dir?: string; msg?: { kind?: string } }[] }).__seen)
    // The page sees the MAIN world's notices and replies, never a request (read, marks...) of the content script.
    expect(seen.some((d) => d?.dir === 'to-content')).toBe(true)
    expect(seen.filter((d) => d?.dir === 'to-main')).toEqual([])
    // Nothing of ours in the page's DOM but the panel host and the editor's id attribute: no preload
    // links, no extension URLs, no blob links.
    expect(await page.evaluate(() => document.querySelectorAll('link[href^="chrome-extension:"], script[src^="chrome-extension:"], a[href^="blob:"], [href*="chrome-extension://"]').length)).toBe(0)
    // No notice carries the editor's text; only replies to the content script's reads do.
    expect(seen.filter((d) => d?.dir === 'to-content' && d.msg?.kind !== 'text').some((d) => JSON.stringify(d).includes('GetObjectt'))).toBe(false)
  })

  it('forged text, result, change and removal messages (seq 2^31−1 included) leave the panel true to the editor', async () => {
    const page = await openConsolePage(browser, '/iam/home#/policies/create')
    const errors = pageErrors(page)
    await waitForPanelReady(page)
    await setAceText(page, TYPO)
    await expect.poll(() => codes(page), { timeout: 10_000 }).toContain('INVALID_ACTION')
    const id = await page.locator(ACE).first().getAttribute('data-iam-sidekick-editor')
    expect(id).toBeTruthy()
    const clean = CLEAN
    for (let round = 0; round < 3; round++) {
      await forge(page, [
        { kind: 'text', id, text: clean, seq: 2 ** 31 - 1, readOnly: false },
        { kind: 'text', id, nonce: 'a'.repeat(32), text: clean, readOnly: false },
        { kind: 'result', requestId: 1, ok: true },
        { kind: 'result', nonce: 'b'.repeat(32), ok: true },
        { kind: 'editor', id, text: clean, readOnly: true, language: 'json' },
        { kind: 'editor-removed', id },
        { kind: 'changed', id },
      ])
      await page.waitForTimeout(300)
    }
    // The panel still describes what the editor holds, and is still attached.
    expect(await aceText(page)).toBe(TYPO)
    expect(await panel(page).count()).toBe(1)
    expect(await codes(page)).toContain('INVALID_ACTION')
    // And it keeps following the editor after the forgery.
    await setAceText(page, FIXED)
    await expect.poll(() => codes(page), { timeout: 10_000 }).not.toContain('INVALID_ACTION')
    await setAceText(page, TYPO)
    await expect.poll(() => codes(page), { timeout: 10_000 }).toContain('INVALID_ACTION')
    expect(errors).toEqual([])
  })

  it('page-made messages with throwing getters and Ace-like elements whose env throws raise no page error', async () => {
    const page = await browser.context.newPage()
    const errors = pageErrors(page)
    // Before the console renders: an Ace-like element whose env throws, placed before the real editor.
    await page.addInitScript(() => {
      const plant = () => {
        const wrapper = document.createElement('div')
        wrapper.className = 'awsui_code-editor_hostile'
        const fake = document.createElement('div')
        fake.className = 'ace_editor'
        Object.defineProperty(fake, 'env', {
          get() {
            throw new Error('hostile env')
          },
        })
        const half = document.createElement('div')
        half.className = 'ace_editor'
        Object.defineProperty(half, 'env', { value: { editor: { getValue: () => '{}', on() {}, session: {}, getReadOnly() { throw new Error('hostile readOnly') } } } })
        wrapper.append(fake, half)
        document.body.prepend(wrapper)
      }
      if (document.body) plant()
      else document.addEventListener('DOMContentLoaded', plant)
    })
    await openConsolePage(browser, '/iam/home#/policies/create', { page, waitForEditor: false })
    // The real editor is found despite the hostile elements before it.
    await waitForPanelReady(page)
    await page.evaluate(() => {
      const throwing = new Proxy(
        {},
        {
          get() {
            throw new Error('hostile getter')
          },
          ownKeys() {
            throw new Error('hostile keys')
          },
        },
      )
      const envelope = (dir: string, msg: unknown) => ({ source: 'iam-sidekick-bridge', v: 2, dir, msg })
      const datas = [
        throwing,
        envelope('to-main', throwing),
        envelope('to-content', throwing),
        {
          source: 'iam-sidekick-bridge',
          v: 2,
          dir: 'to-main',
          get msg() {
            throw new Error('hostile msg')
          },
        },
        envelope('to-main', { kind: 'apply-edits', id: 'e1-x', nonce: 'c'.repeat(32), edits: throwing }),
      ]
      for (const data of datas) window.dispatchEvent(new MessageEvent('message', { data, source: window, origin: location.origin }))
    })
    await setAceText(page, TYPO, 2) // the real editor comes after the two planted ones
    await expect.poll(() => codes(page), { timeout: 10_000 }).toContain('INVALID_ACTION')
    await page.waitForTimeout(1500) // a periodic scan over the hostile elements
    expect(errors).toEqual([])
  })
})

interface AnnotationLike {
  row: number
  type: string
  text: string
}
const annotations = (page: Page) =>
  page.evaluate(
    (sel) => (document.querySelector(sel) as unknown as { env: { editor: { session: { getAnnotations(): AnnotationLike[] } } } }).env.editor.session.getAnnotations(),
    ACE,
  )
/** Our underlines in the editor's marker layer, each with the document row it sits on (read back through Ace). */
const markRows = (page: Page) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel) as unknown as HTMLElement & { env: { editor: { renderer: { screenToTextCoordinates(x: number, y: number): { row: number } } } } }
    return [...el.querySelectorAll<HTMLElement>('.ace_marker-layer .iam-sidekick-mark')].map((u) => {
      const box = u.getBoundingClientRect()
      return { row: el.env.editor.renderer.screenToTextCoordinates(box.left + 1, box.top + box.height / 2).row, clazz: u.className }
    })
  }, ACE)

describe('findings in the console’s own editor', () => {
  it('marks a typo’d action at its row (underline, gutter, message on hover) and drops the mark once fixed', async () => {
    const page = await openConsolePage(browser, '/iam/home#/policies/create')
    const errors = pageErrors(page)
    await waitForPanelReady(page)
    await setAceText(page, TYPO)
    await expect.poll(() => codes(page), { timeout: 10_000 }).toContain('INVALID_ACTION')
    const row = TYPO.split('\n').findIndex((l) => l.includes('s3:GetObjectt'))
    await expect.poll(() => markRows(page), { timeout: 10_000 }).toContainEqual({ row, clazz: 'iam-sidekick-mark iam-sidekick-mark-error' })
    const ours = (await annotations(page)).filter((a) => a.text.startsWith('IAM Sidekick:'))
    expect(ours).toContainEqual(expect.objectContaining({ row, type: 'error' }))
    // Drawn in the page's marker layer, under the typo.
    const underline = page.locator(`${ACE} .ace_marker-layer .iam-sidekick-mark-error`).first()
    await underline.waitFor()
    // The message on hover.
    const box = (await underline.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4)
    await expect.poll(() => page.locator(ACE).first().getAttribute('title')).toContain('INVALID_ACTION')
    // Nothing written into the page's text; the console's state holds exactly what was set.
    expect(await aceText(page)).toBe(TYPO)
    // The console's own undo still undoes the user's edit, not ours.
    await page.locator(`${ACE} .ace_content`).first().click()
    await page.keyboard.press('End')
    await page.keyboard.type(' ')
    await page.keyboard.press('Control+z')
    await expect.poll(() => aceText(page)).toBe(TYPO)

    await setAceText(page, FIXED)
    await expect.poll(() => markRows(page), { timeout: 10_000 }).toEqual([])
    expect((await annotations(page)).filter((a) => a.text.startsWith('IAM Sidekick:'))).toEqual([])
    expect(errors).toEqual([])
  })

  it('keeps its marks beside the console’s own annotations, and clears them when the panel is turned off', async () => {
    const page = await openConsolePage(browser, '/iam/home#/policies/create')
    await waitForPanelReady(page)
    await setAceText(page, TYPO)
    const row = TYPO.split('\n').findIndex((l) => l.includes('s3:GetObjectt'))
    await expect.poll(async () => (await annotations(page)).filter((a) => a.text.startsWith('IAM Sidekick:')).length, { timeout: 10_000 }).toBeGreaterThan(0)
    await page.waitForTimeout(1000) // the console's syntax worker has had its say
    // The console sets its own annotations (as its syntax worker does): ours stay beside them.
    // ...in the same call, so the console's status bar renders once for it (one changeAnnotation, not two).
    const signals = await page.evaluate((sel) => {
      const s = (document.querySelector(sel) as unknown as { env: { editor: { session: { setAnnotations(a: AnnotationLike[] & object[]): void; on(e: string, f: () => void): void; off(e: string, f: () => void): void } } } }).env.editor.session
      let n = 0
      const count = () => n++
      s.on('changeAnnotation', count)
      s.setAnnotations([{ row: 0, column: 0, text: 'console: unexpected token', type: 'error' } as AnnotationLike & { column: number }])
      s.off('changeAnnotation', count)
      return n
    }, ACE)
    expect(signals).toBe(1)
    const all = await annotations(page)
    expect(all).toContainEqual(expect.objectContaining({ text: 'console: unexpected token' }))
    expect(all).toContainEqual(expect.objectContaining({ row, type: 'error' }))
    const consoles = all.filter((a) => !a.text.startsWith('IAM Sidekick:'))
    // Turning the panel off (the options page's setting) removes every mark; turning it on brings them back.
    const setEnabled = (enabled: boolean) =>
      browser.serviceWorker!.evaluate(async (enabled) => {
        const storage = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } } } }).chrome.storage.local
        const got = await storage.get('panelSettings')
        await storage.set({ panelSettings: { ...(got.panelSettings ?? {}), enabled } })
      }, enabled)
    await setEnabled(false)
    try {
      await expect.poll(() => panel(page).count(), { timeout: 10_000 }).toBe(0)
      await expect.poll(() => markRows(page), { timeout: 10_000 }).toEqual([])
      expect((await annotations(page)).filter((a) => a.text.startsWith('IAM Sidekick:'))).toEqual([])
      expect(await annotations(page)).toEqual(consoles)
      // The session's own setAnnotations is back as it was (our wrapper gone).
      expect(await page.evaluate((sel) => Object.prototype.hasOwnProperty.call((document.querySelector(sel) as unknown as { env: { editor: { session: object } } }).env.editor.session, 'setAnnotations'), ACE)).toBe(false)
    } finally {
      await setEnabled(true)
    }
    await expect.poll(() => markRows(page), { timeout: 10_000 }).toContainEqual({ row, clazz: 'iam-sidekick-mark iam-sidekick-mark-error' })
  })
})

async function monacoFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    const f = page.frames().find((fr) => fr.url().startsWith('chrome-extension://') && fr.url().includes('/src/extension/editor/'))
    if (f) return f
    await page.waitForTimeout(100)
  }
  throw new Error('the Monaco frame did not appear')
}

const monacoValue = (frame: Frame) => frame.evaluate(() => window.__iamSidekickMonaco?.getValue() ?? '')

describe('the enhanced editor (Monaco frame)', () => {
  it('hovering a crafted ARN sends no request anywhere (escaped Markdown, and the extension pages’ CSP)', async () => {
    const page = await openConsolePage(browser, '/iam/home#/policies/create')
    const requests: string[] = []
    browser.context.on('request', (r) => requests.push(r.url()))
    await waitForPanelReady(page)
    await panel(page).locator('button[data-action="monaco"]').click()
    const frame = await monacoFrame(page)
    await expect.poll(() => monacoValue(frame), { timeout: 20_000 }).toBe(await aceText(page))
    const pixel = 'https://us-east-1.console.aws.amazon.com/hover-pixel.png'
    const arn = `arn:aws:nosuchservice:::![x](${pixel}) [link](${pixel}?link) <img src="${pixel}?html">`
    const text = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": ${JSON.stringify(arn)} }\n  ]\n}`
    await frame.evaluate((t) => window.__iamSidekickMonaco?.setValue(t), text)
    const column = text.split('\n')[3]!.indexOf('arn:aws') + 5
    await expect
      .poll(
        async () => {
          await frame.evaluate((c) => window.__iamSidekickMonaco?.runAt(4, c, 'editor.action.showHover'), column)
          return frame.locator('.monaco-hover').first().textContent({ timeout: 1500 }).catch(() => '')
        },
        { timeout: 20_000 },
      )
      .toContain('nosuchservice')
    // The crafted Markdown shows as text: no image, no link from the policy.
    const hover = frame.locator('.monaco-hover').first()
    expect(await hover.locator('img').count()).toBe(0)
    expect(await hover.locator('a[href*="hover-pixel"]').count()).toBe(0)
    expect(await hover.textContent()).toContain('![x](')
    await page.waitForTimeout(1000)
    expect(requests.filter((u) => u.includes('hover-pixel'))).toEqual([])
  })

  it('refuses a connect forged by the page, and a frame the page made itself', async () => {
    const page = await openConsolePage(browser, '/iam/home#/policies/create')
    await waitForPanelReady(page)
    await setAceText(page, TYPO)
    await panel(page).locator('button[data-action="monaco"]').click()
    const frame = await monacoFrame(page)
    await expect.poll(() => monacoValue(frame), { timeout: 20_000 }).toBe(TYPO)
    // The page posts a connect with its own port (and a guessed nonce) to every frame, then pushes a state.
    const extensionId = browser.extensionId!
    await page.evaluate((extensionId) => {
      const got: unknown[] = ((window as unknown as { __hijack: unknown[] }).__hijack = [])
      const hijack = (win: Window, nonce: string) => {
        const ch = new MessageChannel()
        ch.port1.onmessage = (e) => got.push(e.data)
        win.postMessage({ source: 'iam-sidekick-editor', v: 1, kind: 'connect', nonce }, '*', [ch.port2])
        ch.port1.postMessage({ v: 1, kind: 'state', text: 'HIJACKED', policyType: 'identity', readOnly: false, dark: false })
      }
      for (let i = 0; i < window.frames.length; i++) hijack(window.frames[i]!, 'a'.repeat(32))
      // A frame of its own, at the editor page's fixed URL, with a nonce it chose.
      const mine = document.createElement('iframe')
      mine.src = `chrome-extension://${extensionId}/src/extension/editor/index.html#${'b'.repeat(32)}`
      mine.onload = () => hijack(mine.contentWindow!, 'b'.repeat(32))
      document.body.appendChild(mine)
    }, extensionId)
    await page.waitForTimeout(3000)
    // Chromium itself refuses the page's frame (the editor page is reachable only through its dynamic URL) and logs
    // that refusal; it is the expected outcome, not the extension's error. Anything else still fails the guard.
    const seen = takeProblems()
    const refused = seen.errors.filter((e) => /Denying load of chrome-extension:\/\/[^ ]*\/editor\/index\.html/.test(e))
    expect(seen.errors.filter((e) => !refused.includes(e))).toEqual([])
    expect(seen.requests).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __hijack: unknown[] }).__hijack)).toEqual([])
    expect(await monacoValue(frame)).toBe(TYPO)
    // Our own connection still works both ways.
    await setAceText(page, FIXED)
    await expect.poll(() => monacoValue(frame), { timeout: 10_000 }).toBe(FIXED)
    await frame.evaluate((t) => window.__iamSidekickMonaco?.setValue(t), TYPO)
    await expect.poll(() => aceText(page), { timeout: 10_000 }).toBe(TYPO)
  })
})
