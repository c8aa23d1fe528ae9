// Issue 17 item 1: a script on the console page must find nothing to steer or read in our panel or
// What-if card. The shipped default: closed shadow roots (no devExposePanel), untrusted events dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchExtension, openConsolePage, setAceText, startReplica, type ExtensionBrowser, type Replica } from './support'

let replica: Replica
let browser: ExtensionBrowser

beforeAll(async () => {
  replica = await startReplica()
  browser = await launchExtension({ replica, exposePanel: false })
})
afterAll(async () => {
  await browser?.close()
  await replica?.close()
})

/** Everything the extension keeps in storage, read from its service worker (an extension context). */
async function extensionStorage(): Promise<string> {
  return browser.serviceWorker!.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]))
}

/** What the page's own JavaScript can learn about, and do to, one of our hosts. */
async function attack(page: Page, selector: string) {
  return page.evaluate(async (selector) => {
    const host = document.querySelector(selector) as HTMLElement | null
    if (!host) return { found: false }
    const read = {
      shadowRoot: host.shadowRoot === null ? 'null' : 'exposed',
      text: host.textContent ?? '',
      inner: host.innerHTML,
      children: host.children.length,
      deep: document.body.innerText.includes('IAM Sidekick'),
    }
    // Synthetic input of every kind, on the host and at the points where its buttons are drawn.
    const box = host.getBoundingClientRect()
    const points = Array.from({ length: 40 }, (_, i) => [box.left + ((i % 8) + 0.5) * (box.width / 8), box.top + (Math.floor(i / 8) + 0.5) * Math.min(40, box.height / 5)])
    for (const [x, y] of points) {
      const target = document.elementFromPoint(x!, y!) ?? host
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }))
    }
    host.click()
    for (const key of ['Enter', ' ', 'ArrowRight', 'Escape']) host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }))
    // A fake file drop (a planted template).
    const dt = new DataTransfer()
    dt.items.add(new File(['{"version":1,"templates":[{"name":"planted","document":"{}"}]}'], 'planted.json', { type: 'application/json' }))
    for (const type of ['dragenter', 'dragover', 'drop']) host.dispatchEvent(new DragEvent(type, { bubbles: true, composed: true, dataTransfer: dt }))
    await new Promise((r) => setTimeout(r, 500))
    return { found: true, ...read }
  }, selector)
}

describe('a hostile page script', () => {
  it('cannot read the panel, hook its shadow root, or steer it with synthetic events', async () => {
    const page = await browser.context.newPage()
    // The page patches attachShadow before anything of ours runs, hoping to catch the panel's root.
    await page.addInitScript(() => {
      const caught: unknown[] = []
      ;(window as unknown as { __caught: unknown[] }).__caught = caught
      const original = Element.prototype.attachShadow
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = original.call(this, init)
        if ((this as Element).getAttribute?.('data-iam-sidekick')) caught.push(root)
        return root
      }
    })
    await openConsolePage(browser, '/iam/home#/policies/create', { page })
    await setAceText(page, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'allow', Action: 's3:GetObjects', Resource: '*' }] }, null, 2))
    await page.locator('[data-iam-sidekick="panel"]').waitFor({ state: 'attached', timeout: 20_000 })
    await page.waitForTimeout(1500)
    const before = await extensionStorage()
    const textBefore = await page.evaluate(() => (document.querySelector('[class*="awsui_code-editor_"] .ace_editor') as Element & { env: { editor: { getValue(): string } } }).env.editor.getValue())
    const heightBefore = await page.locator('[data-iam-sidekick="panel"]').evaluate((el) => el.getBoundingClientRect().height)

    const r = await attack(page, '[data-iam-sidekick="panel"]')
    expect(r).toMatchObject({ found: true, shadowRoot: 'null', text: '', inner: '', children: 0, deep: false })
    expect(await page.evaluate(() => (window as unknown as { __caught: unknown[] }).__caught.length)).toBe(0)
    // Nothing changed: no setting, no hidden code, no template, no fix written into the editor, not collapsed.
    expect(await extensionStorage()).toBe(before)
    expect(await page.evaluate(() => (document.querySelector('[class*="awsui_code-editor_"] .ace_editor') as Element & { env: { editor: { getValue(): string } } }).env.editor.getValue())).toBe(textBefore)
    expect(await page.locator('[data-iam-sidekick="panel"]').evaluate((el) => el.getBoundingClientRect().height)).toBe(heightBefore)

    // A person's click (trusted input from the browser) still works: the collapse button at the header's right end.
    const box = (await page.locator('[data-iam-sidekick="panel"]').boundingBox())!
    await page.mouse.click(box.x + box.width - 32, box.y + 28)
    await expect.poll(async () => (JSON.parse(await extensionStorage()) as [{ panelSettings?: { collapsed?: boolean } }])[0].panelSettings?.collapsed, { timeout: 5000 }).toBe(true)
    const box2 = (await page.locator('[data-iam-sidekick="panel"]').boundingBox())!
    await page.mouse.click(box2.x + box2.width - 32, box2.y + box2.height / 2)
    await expect.poll(async () => (JSON.parse(await extensionStorage()) as [{ panelSettings?: { collapsed?: boolean } }])[0].panelSettings?.collapsed, { timeout: 5000 }).toBe(false)
    await page.close()
  })

  it('cannot read or steer the What-if card either', async () => {
    const page = await openConsolePage(browser, '/iam/home#/roles/details/whatif-app?section=permissions', { waitForEditor: false })
    await page.locator('[data-iam-sidekick="whatif"]').waitFor({ state: 'attached', timeout: 20_000 })
    const before = await extensionStorage()
    const height = await page.locator('[data-iam-sidekick="whatif"]').evaluate((el) => el.getBoundingClientRect().height)
    const r = await attack(page, '[data-iam-sidekick="whatif"]')
    expect(r).toMatchObject({ found: true, shadowRoot: 'null', text: '', inner: '', children: 0 })
    // The card did not open, and nothing was collected into the basket (storage.session) or stored.
    expect(await page.locator('[data-iam-sidekick="whatif"]').evaluate((el) => el.getBoundingClientRect().height)).toBe(height)
    expect(await extensionStorage()).toBe(before)
    const basket = await browser.serviceWorker!.evaluate(async () => Object.values(await chrome.storage.session.get(null)).flatMap((b) => (b as { items?: unknown[] }).items ?? []).length)
    expect(basket).toBe(0)
    await page.close()
  })
})
