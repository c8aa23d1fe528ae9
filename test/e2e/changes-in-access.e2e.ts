// "Changes in access" on the replica's edit page: the first text the editor shows is the saved policy.
// Widening a statement shows "Newly allowed" with a witness request and selects the statement responsible;
// reverting shows "No new access". Guardrails from the options storage are checked on every edit.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aceText, launchExtension, openConsolePage, panel, screenshot, setAceText, startReplica, waitForPanelReady, type ExtensionBrowser, type Replica } from './support'

const EDIT = '/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3A111111111111%3Apolicy%2Freports-read/edit'

let replica: Replica
let browser: ExtensionBrowser
let page: Page

beforeAll(async () => {
  replica = await startReplica()
  browser = await launchExtension({ replica })
  page = await openConsolePage(browser, EDIT)
  await waitForPanelReady(page)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await replica?.close()
})

const changes = () => panel(page).locator('section[aria-label="Changes in access"]')

describe('Changes in access on an edit page', () => {
  it('widen a statement: "Newly allowed" with a witness, selecting the statement; revert: "No new access"', async () => {
    const saved = await aceText(page)
    expect(saved).toContain('s3:GetObject')
    // The saved version itself: no change yet.
    await changes().locator('li[data-kind="none"]').waitFor({ timeout: 20_000 })
    expect(await changes().locator('li[data-kind="none"]').innerText()).toContain('No new access')

    await setAceText(page, saved.replace('"s3:GetObject"', '"s3:*"'))
    const added = changes().locator('li[data-kind="added"]').first()
    await added.waitFor({ timeout: 20_000 })
    const text = await added.innerText()
    expect(text).toContain('Newly allowed:')
    expect(text).toMatch(/s3:\S+ on arn:aws:s3:::reports\//)
    expect(text).toContain('(e.g. ')
    expect(text).toContain('ReadReports')
    await screenshot(page, 'changes-in-access-newly-allowed', changes())

    // The item selects the statement responsible in the console's editor.
    await added.locator('button').click()
    await expect
      .poll(() => page.evaluate(() => (document.querySelector('[class*="awsui_code-editor_"] .ace_editor') as unknown as { env: { editor: { getSelectedText(): string } } }).env.editor.getSelectedText()))
      .toContain('ReadReports')

    await setAceText(page, saved)
    await changes().locator('li[data-kind="none"]').waitFor({ timeout: 20_000 })
    expect(await changes().locator('li[data-kind="added"]').count()).toBe(0)
  })

  it('narrowing shows "No longer allowed" and still "No new access"', async () => {
    const saved = await aceText(page)
    await setAceText(page, saved.replace('"arn:aws:s3:::reports/*"', '"arn:aws:s3:::reports/2026/*"'))
    await changes().locator('li[data-kind="removed"]').first().waitFor({ timeout: 20_000 })
    expect(await changes().locator('li[data-kind="removed"]').first().innerText()).toContain('No longer allowed:')
    expect(await changes().locator('li[data-kind="none"]').innerText()).toContain('No new access')
    await setAceText(page, saved)
    await expect.poll(() => changes().locator('li[data-kind="removed"]').count(), { timeout: 20_000 }).toBe(0)
  })

  it('guardrails kept in the extension settings are checked on every edit', async () => {
    const worker = browser.context.serviceWorkers()[0]!
    await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(x: object): Promise<void> } } } }).chrome.storage.local.set({ guardrails: { actions: ['s3:DeleteObject', 'iam:CreateUser'], resources: [] } }))
    await panel(page).locator('li[data-kind="guardrails-hold"]').waitFor({ timeout: 20_000 })
    const saved = await aceText(page)
    await setAceText(page, saved.replace('"s3:GetObject"', '"s3:*"'))
    const broken = panel(page).locator('li[data-kind="guardrail"]').first()
    await broken.waitFor({ timeout: 20_000 })
    expect(await broken.innerText()).toMatch(/Guardrail broken: s3:DeleteObject/i)
    await setAceText(page, saved)
    await panel(page).locator('li[data-kind="guardrails-hold"]').waitFor({ timeout: 20_000 })
  })
})

describe('Public access on a resource-policy page', () => {
  it('the bucket policy open to everyone is public; limited to the organization it is not', async () => {
    const bucket = await openConsolePage(browser, '/s3/buckets/reports?region=us-east-1&tab=permissions')
    await waitForPanelReady(bucket)
    const pub = panel(bucket).locator('li[data-kind="public"]').first()
    await pub.waitFor({ timeout: 20_000 })
    expect(await pub.innerText()).toMatch(/Public: s3:GetObject on arn:aws:s3:::reports\//)
    expect(await pub.innerText()).toContain('principal anonymous')
    const policy = JSON.parse(await aceText(bucket)) as { Statement: Record<string, unknown>[] }
    policy.Statement[0]!.Condition = { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } }
    await setAceText(bucket, JSON.stringify(policy, null, 2))
    await panel(bucket).locator('li[data-kind="not-public"]').waitFor({ timeout: 20_000 })
    expect(await panel(bucket).locator('li[data-kind="public"]').count()).toBe(0)
    await bucket.close()
  })
})
