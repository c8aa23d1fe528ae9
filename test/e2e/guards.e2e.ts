// The per-test guard itself (Chromium): it sees errors logged in the page, the service worker and an
// extension page, and requests outside the console hosts. This test drains what it provoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchExtension, openConsolePage, openPopup, startReplica, takeProblems, type ExtensionBrowser, type Replica } from './support'

let replica: Replica
let browser: ExtensionBrowser

beforeAll(async () => {
  replica = await startReplica()
  browser = await launchExtension({ replica })
})

afterAll(async () => {
  await browser?.close()
  await replica?.close()
})

describe('error and request guard (Chromium)', () => {
  it('records errors from the page, the service worker and extension pages, and off-host requests', async () => {
    expect(takeProblems()).toEqual({ errors: [], requests: [] })
    const page = await openConsolePage(browser, '/iam/home#/policies/create')
    await page.evaluate(() => console.error('guard probe: page'))
    await browser.serviceWorker!.evaluate(() => console.error('guard probe: service worker'))
    const popup = await openPopup(browser)
    await popup.evaluate(() => console.error('guard probe: popup'))
    // A navigation (the extension pages' and the console's CSP refuse an off-host fetch before it is made).
    const away = await browser.context.newPage()
    await away.goto('https://example.org/guard-probe').catch(() => undefined)
    await away.close()
    await expect
      .poll(() => JSON.stringify(takeProblemsKeep()), { timeout: 5000 })
      .toMatch(/guard probe: page[\s\S]*guard probe: service worker[\s\S]*guard probe: popup[\s\S]*example\.org\/guard-probe/)
    // Each message once, even where the browser reports it on two channels.
    expect(kept.errors.filter((e) => e.includes('guard probe: service worker'))).toHaveLength(1)
    expect(takeProblems()).toEqual({ errors: [], requests: [] })
    await popup.close()
    await page.close()
  })
})

// Accumulates across polls (takeProblems forgets what it returns).
const kept = { errors: [] as string[], requests: [] as string[] }
function takeProblemsKeep() {
  const p = takeProblems()
  kept.errors.push(...p.errors)
  kept.requests.push(...p.requests)
  return kept
}
