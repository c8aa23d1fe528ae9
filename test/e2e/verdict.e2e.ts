// Issue 11: the first view tells the truth. Real Chromium with dist/, on the console replica.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { aceText, findingRows, launchExtension, openConsolePage, panel, screenshot, setAceText, startReplica, waitForPanelReady, type ExtensionBrowser, type Replica } from './support'

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)
const PUBLIC_WRITE = policy({ Sid: 'PublicReadWrite', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::reports/*' })
const TYPOS = JSON.stringify({ Statement: [{ Sid: 'Mine', Effect: 'allow', Action: ['s3:GetObjects'], Resource: '*' }] }, null, 2)
const TRUST = policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })

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

describe('one truthful verdict', () => {
  it('a public bucket policy shows a security finding in the first view, public write called out, and never "No findings"', async () => {
    const page = await openConsolePage(browser, '/s3/buckets/reports?region=us-east-1&tab=permissions')
    await waitForPanelReady(page)
    await setAceText(page, PUBLIC_WRITE)
    // (The replica's sample bucket policy is public read; wait for the new text's verdict.)
    const row = panel(page).locator('li[data-code="PUBLIC_ACCESS"][data-public="write"]')
    await row.waitFor({ timeout: 15_000 })
    expect(await row.getAttribute('data-severity')).toBe('SECURITY_WARNING')
    expect(await row.locator('.ftitle').textContent()).toBe('Public write access')
    // The first view is the Findings tab; its count and the header include the risk.
    expect(await panel(page).locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab')).toBe('findings')
    expect(Number(await panel(page).locator('[data-tab="findings"] .count').textContent())).toBeGreaterThanOrEqual(1)
    expect(await panel(page).locator('.head .status').textContent()).toMatch(/security risk/)
    expect(await panel(page).locator('[data-verdict="ok"]').count()).toBe(0)
    expect(await panel(page).locator('section.panel').textContent()).not.toContain('No findings')
    // The first card is the public grant (most severe first: no errors here).
    expect((await codes(page))[0]).toBe('PUBLIC_ACCESS')
    await screenshot(page, 'verdict-public-bucket', panel(page))
    await page.close()
  })

  it('a trust policy pasted into the managed-policy editor: one finding with the way forward, no destructive fix', async () => {
    const page = await openConsolePage(browser, '/iam/home#/policies/create')
    await waitForPanelReady(page)
    await setAceText(page, TRUST)
    const row = panel(page).locator('li[data-code="POLICY_TYPE_MISMATCH"]')
    await row.waitFor({ timeout: 15_000 })
    expect(await row.locator('.msg').textContent()).toMatch(/Trust relationships/)
    expect((await codes(page))[0]).toBe('POLICY_TYPE_MISMATCH')
    // No fix is offered on any card while the text is another kind of policy.
    expect(await panel(page).locator('li[data-code] button[data-fix]').count()).toBe(0)
    await page.close()
  })

  it('"Fixed · Undo" after a fix keeps focus in the panel and Undo restores the text; "Fix all safe" fixes the mechanical ones in one step', async () => {
    const page = await openConsolePage(browser, '/iam/home#/policies/create')
    await waitForPanelReady(page)
    await setAceText(page, TYPOS)
    const effect = panel(page).locator('li[data-code="INVALID_EFFECT"]')
    await effect.waitFor({ timeout: 15_000 })
    await effect.locator('button[data-fix="0"]').click()
    await expect.poll(() => aceText(page)).toContain('"Effect": "Allow"')
    const undo = panel(page).locator('.fixed button[data-action="undo"]')
    await undo.waitFor()
    expect(await panel(page).locator('.fixed').textContent()).toMatch(/Fixed/)
    // Focus stayed in the panel (on Undo), not thrown to the page or the editor.
    expect(await undo.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true)
    await screenshot(page, 'fixed-undo', panel(page))
    await undo.click()
    await expect.poll(() => aceText(page)).toBe(TYPOS)
    // The findings are for the current text again (fixes apply only to the text they were computed for).
    await waitForPanelReady(page)
    // Fix all safe: missing Version, Effect case, the action typo with one candidate; one undo step.
    const all = panel(page).locator('button[data-action="fix-all-safe"]')
    await all.waitFor({ timeout: 10_000 })
    // Until the findings of the restored text arrive, the panel refuses fixes computed for another text
    // ("The policy changed; wait for the findings to refresh"): ask again until they apply.
    await expect
      .poll(async () => {
        await all.click({ timeout: 2_000 }).catch(() => undefined)
        return aceText(page)
      }, { timeout: 15_000, interval: 500 })
      .toContain('"Version"')
    const fixed = await aceText(page)
    expect(fixed).toContain('"Effect": "Allow"')
    expect(fixed).toContain('s3:GetObject"')
    await panel(page).locator('.fixed button[data-action="undo"]').click()
    await expect.poll(() => aceText(page)).toBe(TYPOS)
    await page.close()
  })

  it('cards: one primary fix, the rest in the overflow menu; no Hide on a JSON syntax error; hiding a security code everywhere asks first', async () => {
    const page = await openConsolePage(browser, '/s3/buckets/reports?region=us-east-1&tab=permissions')
    await waitForPanelReady(page)
    await setAceText(page, PUBLIC_WRITE)
    const row = panel(page).locator('li[data-code="PUBLIC_ACCESS"]')
    await row.waitFor({ timeout: 15_000 })
    expect(await row.locator('.actions > button[data-fix]').count()).toBeLessThanOrEqual(1)
    expect(await row.locator('[data-suppress]').count()).toBe(0)
    // The card re-renders when the page's later analysis phases land; open its menu once they have settled.
    const hideEverywhere = row.locator('[data-suppress="global"]')
    await expect
      .poll(async () => {
        if (!(await hideEverywhere.isVisible())) await row.locator('button[data-action="more"]').click({ timeout: 2_000 }).catch(() => undefined)
        return hideEverywhere.isVisible()
      }, { timeout: 15_000, interval: 500 })
      .toBe(true)
    await hideEverywhere.click()
    // Not hidden yet: a confirmation first.
    await row.locator('[data-confirm="global"]').waitFor()
    expect(await codes(page)).toContain('PUBLIC_ACCESS')
    await row.locator('[data-action="cancel"]').click()
    expect(await codes(page)).toContain('PUBLIC_ACCESS')
    // A JSON syntax error offers no Hide.
    await setAceText(page, '{"Version": "2012-10-17", "Statement": [')
    const syntax = panel(page).locator('li[data-code="JSON_SYNTAX_ERROR"]').first()
    await syntax.waitFor({ timeout: 10_000 })
    if (await syntax.locator('button[data-action="more"]').count()) await syntax.locator('button[data-action="more"]').click()
    expect(await syntax.locator('[data-suppress]').count()).toBe(0)
    await page.close()
  })

  it('template insert asks: replace the policy, or add its statements (existing kept, Sids unique, one undo step)', async () => {
    const page = await openConsolePage(browser, '/iam/home#/policies/create')
    await waitForPanelReady(page)
    const mine = policy({ Sid: 'Mine', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' })
    await setAceText(page, mine)
    await panel(page).locator('[role="tab"][data-tab="templates"]').click()
    await panel(page).locator('[data-template-id]').first().waitFor()
    await panel(page).locator('#tpl-search').fill('deny leaving')
    await panel(page).locator('[data-template-id="builtin-scp-deny-leave-org"]').waitFor()
    await panel(page).locator('#tpl-search').press('Enter')
    await panel(page).locator('[data-view="choose"]').waitFor()
    expect(await panel(page).locator('[data-action="insert-replace"]').count()).toBe(1)
    await screenshot(page, 'templates-insert-choose', panel(page))
    await panel(page).locator('[data-action="insert-add"]').click()
    await expect.poll(() => aceText(page)).toContain('organizations:LeaveOrganization')
    const doc = JSON.parse(await aceText(page)) as { Statement: { Sid?: string }[] }
    expect(doc.Statement[0]!.Sid).toBe('Mine')
    expect(doc.Statement.length).toBeGreaterThanOrEqual(2)
    const sids = doc.Statement.map((x) => x.Sid).filter(Boolean)
    expect(new Set(sids).size).toBe(sids.length)
    // One undo step brings the user's policy back.
    await page.evaluate(() => (document.querySelector('[class*="awsui_code-editor_"] .ace_editor') as Element & { env: { editor: { undo(): void } } }).env.editor.undo())
    await expect.poll(() => aceText(page)).toBe(mine)
    await page.close()
  })

  it('What-if with nothing assigned says it cannot decide, and assigns the draft to the principal in one click', async () => {
    const page = await openConsolePage(browser, '/iam/home#/policies/create')
    await waitForPanelReady(page)
    await setAceText(page, policy({ Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }))
    await waitForPanelReady(page)
    await panel(page).locator('[role="tab"][data-tab="what-if"]').click()
    const p = panel(page)
    const add = p.locator('[data-testid="whatif-add"]').first()
    await add.waitFor({ timeout: 20_000 })
    await add.click()
    await p.locator('[data-testid="whatif-item"]').first().waitFor()
    await p.locator('[data-testid="whatif-principal"]').fill('arn:aws:iam::111111111111:role/app')
    await p.locator('[data-testid="whatif-action"]').fill('s3:GetObject')
    await p.locator('[data-testid="whatif-resource"]').fill('arn:aws:s3:::reports/q1.csv')
    await p.locator('[data-testid="whatif-ask-run"]').click()
    const decision = p.locator('[data-testid="whatif-decision"]')
    await expect.poll(() => decision.getAttribute('data-decision'), { timeout: 20_000 }).toBe('undecided')
    expect(await decision.textContent()).toBe('Cannot decide yet')
    expect(await p.locator('[data-testid="whatif-undecided-why"]').textContent()).toMatch(/No collected policy bears on this question/)
    await screenshot(page, 'whatif-cannot-decide', panel(page))
    await p.locator('[data-testid="whatif-assign-item"]').first().click()
    await expect.poll(() => decision.getAttribute('data-decision'), { timeout: 20_000 }).toBe('Allowed')
    await page.close()
  })
})
