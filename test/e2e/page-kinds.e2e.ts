// The panel attaches on every kind of console page (the table in ./support/page-kinds.ts, shared with
// the Firefox suite), with the policy type of that page, and a page without an editor gets none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchExtension, openConsolePage, panel, startReplica, waitForPanelReady, type ExtensionBrowser, type Replica } from './support'
import { PAGE_KINDS } from './support/page-kinds'

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

describe('the panel on each kind of console page (Chromium)', () => {
  it.each(PAGE_KINDS)('$name: $policyType', async (kind) => {
    const page = await openConsolePage(browser, kind.path, { host: kind.host })
    await waitForPanelReady(page)
    expect(await panel(page).locator('section.panel').getAttribute('data-policy-type')).toBe(kind.policyType)
    expect(await page.locator('[data-iam-sidekick="panel"]').count()).toBe(1)
    await page.close()
  })
})
