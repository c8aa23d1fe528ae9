// The extension in the console: Debian's Chromium with dist/ loaded, against the console replica.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Frame, Page } from 'playwright-core'
import {
  aceText,
  findingRows,
  launchExtension,
  navigate,
  openConsolePage,
  panel,
  replicaState,
  screenshot,
  setAceText,
  startReplica,
  waitForAce,
  waitForPanelReady,
  type ExtensionBrowser,
  type Replica,
} from './support'

const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2)
const INVALID = policy({ Sid: 'Bad', Effect: 'allow', Action: ['s3:GetObjects'], Resource: '*' })

let replica: Replica
let browser: ExtensionBrowser

beforeAll(async () => {
  replica = await startReplica()
  browser = await launchExtension({ replica })
})

// Close what a failed test left open, so tabs never leak into the next test.
afterEach(async () => {
  for (const p of browser.context.pages().slice(1)) await p.close().catch(() => undefined)
})

afterAll(async () => {
  await browser?.close()
  await replica?.close()
})

async function createPolicyPage(sample?: string): Promise<Page> {
  const page = await openConsolePage(browser, `/iam/home#/policies/create${sample ? `?sample=${sample}` : ''}`)
  await waitForPanelReady(page)
  return page
}

async function codes(page: Page): Promise<string[]> {
  return findingRows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''))
}

describe('IAM Sidekick in the console', () => {
  it('docks its panel (shadow root opened for automation by devExposePanel, stable hooks) below the policy editor', async () => {
    const page = await createPolicyPage()
    const host = panel(page)
    expect(await host.getAttribute('data-iam-sidekick')).toBe('panel')
    expect(await host.evaluate((el) => el.shadowRoot?.mode)).toBe('open')
    // Docked right after the Cloudscape code editor, inside the "Policy editor" container.
    expect(await host.evaluate((el) => /awsui_code-editor_/.test(el.previousElementSibling?.className ?? ''))).toBe(true)
    expect(await host.locator('[role="tablist"] [role="tab"]').count()).toBe(5)
    expect(await host.locator('section.panel').getAttribute('data-policy-type')).toBe('identity')
    await screenshot(page, 'panel-create-policy')
    await page.close()
  })

  it('shows the findings of an invalid policy as it is typed, grouped by severity with counts', async () => {
    const page = await createPolicyPage()
    const started = Date.now()
    await setAceText(page, INVALID)
    await expect.poll(() => codes(page), { timeout: 10_000 }).toContain('INVALID_ACTION')
    const elapsed = Date.now() - started
    expect(await codes(page)).toContain('INVALID_EFFECT')
    const row = panel(page).locator('li[data-code="INVALID_ACTION"]').first()
    expect(await row.getAttribute('data-severity')).toBe('ERROR')
    const count = await panel(page).locator('[data-tab="findings"] .count').textContent()
    expect(Number(count)).toBe(await findingRows(page).count())
    expect(elapsed).toBeLessThan(5000)
    await screenshot(page, 'findings-invalid-policy', panel(page))
    await page.close()
  })

  it('hides a finding code on this policy or everywhere, remembered in storage, and shows it again', async () => {
    const page = await createPolicyPage()
    await setAceText(page, INVALID)
    await expect.poll(() => codes(page), { timeout: 10_000 }).toContain('INVALID_EFFECT')
    // Hiding lives in each card's overflow menu.
    await panel(page).locator('li[data-code="INVALID_EFFECT"] [data-action="more"]').click()
    await panel(page).locator('li[data-code="INVALID_EFFECT"] [data-suppress="global"]').click()
    await expect.poll(() => codes(page)).not.toContain('INVALID_EFFECT')
    expect(await codes(page)).toContain('INVALID_ACTION')
    expect(Number(await panel(page).locator('[data-tab="findings"] .count').textContent())).toBe(await findingRows(page).count())
    expect(await panel(page).locator('.hidden-codes').textContent()).toMatch(/INVALID_EFFECT \(everywhere\)/)
    // Another policy page: the global choice holds there too; a page-only choice does not follow.
    await panel(page).locator('li[data-code="INVALID_ACTION"] [data-action="more"]').click()
    await panel(page).locator('li[data-code="INVALID_ACTION"] [data-suppress="page"]').click()
    await expect.poll(() => codes(page)).not.toContain('INVALID_ACTION')
    const other = await openConsolePage(browser, '/iam/home#/roles/details/app?section=trust_relationships')
    await waitForPanelReady(other)
    await setAceText(other, INVALID)
    await expect.poll(() => codes(other), { timeout: 10_000 }).toContain('INVALID_ACTION')
    expect(await codes(other)).not.toContain('INVALID_EFFECT')
    await other.close()
    // Show again.
    await panel(page).locator('[data-unsuppress="INVALID_EFFECT"]').click()
    await panel(page).locator('[data-unsuppress="INVALID_ACTION"]').click()
    await expect.poll(() => codes(page)).toEqual(expect.arrayContaining(['INVALID_EFFECT', 'INVALID_ACTION']))
    await page.close()
  })

  it('selects a finding’s range in the native editor when the finding is clicked', async () => {
    const page = await createPolicyPage()
    await setAceText(page, INVALID)
    const row = panel(page).locator('li[data-code="INVALID_ACTION"]').first()
    await row.waitFor()
    await row.locator('button.where').click()
    const selected = () =>
      page.evaluate(() => {
        const ed = (document.querySelector('[class*="awsui_code-editor_"] .ace_editor') as Element & { env: { editor: { getSelectedText(): string } } }).env.editor
        return ed.getSelectedText()
      })
    await expect.poll(selected).toContain('s3:GetObjects')
    await page.close()
  })

  it('applies a fix through Ace: the native text and the page’s React state change, and Ctrl+Z undoes it', async () => {
    const page = await createPolicyPage()
    await setAceText(page, INVALID)
    const row = panel(page).locator('li[data-code="INVALID_EFFECT"]').first()
    await row.waitFor()
    await row.locator('button[data-fix]').first().click()
    await expect.poll(() => aceText(page)).toContain('"Effect": "Allow"')
    await expect.poll(async () => (await replicaState(page))?.value).toContain('"Effect": "Allow"')
    await expect.poll(async () => (await replicaState(page))?.delayedValue, { timeout: 5000 }).toContain('"Effect": "Allow"')
    await expect.poll(() => codes(page)).not.toContain('INVALID_EFFECT')
    await screenshot(page, 'fix-applied')
    // Undo in the console's editor: one Ctrl+Z restores the text before the fix.
    await page.locator('[class*="awsui_code-editor_"] .ace_editor .ace_content').click()
    await page.keyboard.press('Control+z')
    await expect.poll(() => aceText(page)).toBe(INVALID)
    await expect.poll(async () => (await replicaState(page))?.value).toBe(INVALID)
    await page.close()
  })

  it('refuses a fix computed before the user’s latest keystrokes, keeping them, and applies it once the findings catch up', async () => {
    const page = await createPolicyPage()
    await setAceText(page, INVALID)
    const fix = panel(page).locator('li[data-code="INVALID_EFFECT"] button[data-fix]').first()
    await fix.waitFor()
    await expect.poll(() => panel(page).locator('section.panel').getAttribute('data-state')).toBe('ready')
    await fix.focus()
    // The user types in the console's editor (the panel hears of it only after a pause in typing)...
    await page.evaluate(() => {
      const ed = (document.querySelector('[class*="awsui_code-editor_"] .ace_editor') as unknown as { env: { editor: { session: { insert(p: { row: number; column: number }, t: string): void } } } }).env.editor
      ed.session.insert({ row: 0, column: 1 }, '\n')
    })
    // ...and at once activates the fix, whose ranges were computed for the text before that keystroke.
    await page.keyboard.press('Enter')
    await expect.poll(() => panel(page).locator('p.status.bad[role="alert"]').textContent()).toContain('nothing was changed')
    const typed = `{\n${INVALID.slice(1)}`
    expect(await aceText(page)).toBe(typed)
    await expect.poll(() => panel(page).locator('li[data-code="INVALID_EFFECT"]').count()).toBeGreaterThan(0)
    // Once the findings describe the new text, the same fix applies, and the keystroke stays.
    await expect.poll(() => panel(page).locator('section.panel').getAttribute('data-state')).toBe('ready')
    await panel(page).locator('li[data-code="INVALID_EFFECT"] button[data-fix]').first().click()
    await expect.poll(() => aceText(page)).toBe(typed.replace('"Effect": "allow"', '"Effect": "Allow"'))
    await page.close()
  })

  it('follows SPA navigation: a new editor on another page gets its own panel with the page’s policy type', async () => {
    const page = await createPolicyPage()
    await navigate(page, '#/roles/details/app-role?section=trust_relationships')
    await waitForAce(page)
    await expect.poll(() => panel(page).locator('section.panel').getAttribute('data-policy-type'), { timeout: 10_000 }).toBe('trust')
    expect(await page.locator('[data-iam-sidekick="panel"]').count()).toBe(1)
    await screenshot(page, 'panel-trust-policy')
    await navigate(page, '/s3/buckets/reports?region=us-east-1&tab=permissions')
    await waitForAce(page)
    await expect.poll(() => panel(page).locator('section.panel').getAttribute('data-policy-type'), { timeout: 10_000 }).toBe('resource')
    expect(await panel(page).locator('.kind').textContent()).toContain('S3 bucket policy')
    await navigate(page, '/organizations/v2/home/policies/service-control-policy/create')
    await waitForAce(page)
    await expect.poll(() => panel(page).locator('section.panel').getAttribute('data-policy-type'), { timeout: 10_000 }).toBe('scp')
    await navigate(page, '/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3A111111111111%3Apolicy%2Fbroken-policy?section=permissions')
    await waitForAce(page)
    await expect.poll(() => panel(page).locator('.kind').textContent(), { timeout: 10_000 }).toContain('read-only')
    await expect.poll(() => codes(page)).toContain('INVALID_ACTION')
    // A page without an editor: no panel left behind.
    await navigate(page, '/')
    await expect.poll(() => page.locator('[data-iam-sidekick="panel"]').count()).toBe(0)
    await page.close()
  })

  it('opens Monaco in the panel, synced both ways with the native editor, with the engine’s markers', async () => {
    const page = await createPolicyPage('typos')
    await panel(page).locator('button[data-action="monaco"]').click()
    const frame = await monacoFrame(page)
    await expect.poll(() => frame.evaluate(() => window.__iamSidekickMonaco?.getValue() ?? ''), { timeout: 20_000 }).toBe(await aceText(page))
    await expect.poll(() => frame.evaluate(() => (window.__iamSidekickMonaco?.markers() ?? []).map((m) => m.code)), { timeout: 10_000 }).toContain('INVALID_ACTION')
    // Native → Monaco
    await setAceText(page, INVALID)
    await expect.poll(() => frame.evaluate(() => window.__iamSidekickMonaco?.getValue() ?? '')).toBe(INVALID)
    // Monaco → native (and the page's state)
    const edited = INVALID.replace('s3:GetObjects', 's3:GetObject')
    await frame.evaluate((t) => window.__iamSidekickMonaco?.setValue(t), edited)
    await expect.poll(() => aceText(page)).toBe(edited)
    await expect.poll(async () => (await replicaState(page))?.value).toBe(edited)
    await expect.poll(() => frame.evaluate(() => (window.__iamSidekickMonaco?.markers() ?? []).map((m) => m.code))).not.toContain('INVALID_ACTION')
    await page.waitForTimeout(300)
    await screenshot(page, 'monaco-enhanced-editor', panel(page))
    // Completions and hovers from the catalogue, in the browser.
    const draft = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObjectT", "Resource": "*" }]\n}'
    await frame.evaluate((t) => window.__iamSidekickMonaco?.setValue(t), draft)
    const col = draft.split('\n')[2]!.indexOf('s3:GetObjectT') + 's3:GetObjectT'.length + 1
    const ask = (column: number, action: string, widget: string) => async () => {
      await frame.evaluate(([c, a]) => window.__iamSidekickMonaco?.runAt(3, c as number, a as string), [column, action])
      return frame.locator(widget).first().textContent({ timeout: 1500 }).catch(() => '')
    }
    await expect.poll(ask(col, 'editor.action.triggerSuggest', '.suggest-widget'), { timeout: 20_000 }).toMatch(/s3:GetObjectTagging/)
    await frame.evaluate((t) => window.__iamSidekickMonaco?.setValue(t), draft.replace('s3:GetObjectT', 's3:GetObject'))
    await expect.poll(ask(col - 3, 'editor.action.showHover', '.monaco-hover'), { timeout: 20_000 }).toMatch(/Read/)
    // Our fixes are Monaco quick fixes: INVALID_EFFECT's fix is offered on its marker.
    await frame.evaluate((t) => window.__iamSidekickMonaco?.setValue(t), draft.replace('s3:GetObjectT', 's3:GetObject').replace('"Allow"', '"allow"'))
    await expect.poll(() => frame.evaluate(() => (window.__iamSidekickMonaco?.markers() ?? []).map((m) => m.code)), { timeout: 10_000 }).toContain('INVALID_EFFECT')
    // The code actions come with the findings; ask again until the widget lists the fix (as a person would).
    const at = draft.split('\n')[2]!.indexOf('Allow') + 2
    await expect.poll(ask(at, 'editor.action.quickFix', '.action-widget'), { timeout: 20_000 }).toMatch(/Allow/)
    await page.close()
  })

  it('simulates a request against the policy and shows the decision with its explanation', async () => {
    const page = await createPolicyPage('s3-read')
    await panel(page).locator('[role="tab"][data-tab="simulate"]').click()
    const action = panel(page).locator('input[id$="-action"]').first()
    await action.waitFor()
    await action.fill('s3:GetObject')
    await panel(page).locator('input[id$="-resource"]').first().fill('arn:aws:s3:::reports/q1.csv')
    await panel(page).locator('button[data-action="simulate"]').click()
    const decision = panel(page).locator('[data-decision]')
    await expect.poll(() => decision.getAttribute('data-decision'), { timeout: 10_000 }).toBe('Allowed')
    expect(await panel(page).locator('ol.explanation li').count()).toBeGreaterThan(0)
    await screenshot(page, 'simulate-allowed', panel(page))
    await action.fill('s3:PutObject')
    await panel(page).locator('button[data-action="simulate"]').click()
    await expect.poll(() => decision.getAttribute('data-decision')).toBe('ImplicitDeny')
    // "What can this policy do" over S3.
    await panel(page).locator('input[id$="-service"]').fill('s3')
    await panel(page).locator('button[data-action="capabilities"]').click()
    await expect.poll(() => panel(page).locator('[data-capabilities]').getAttribute('data-capabilities'), { timeout: 10_000 }).toBe('2')
    await screenshot(page, 'simulate-what-can-it-do', panel(page))
    await page.close()
  })

  it('remembers the collapsed state across page loads (browser.storage)', async () => {
    const page = await createPolicyPage()
    const toggle = panel(page).locator('button[data-action="collapse"]')
    await toggle.click()
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await page.reload()
    await waitForAce(page)
    await panel(page).locator('button[data-action="collapse"]').waitFor()
    await expect.poll(() => panel(page).locator('button[data-action="collapse"]').getAttribute('aria-expanded')).toBe('false')
    await screenshot(page, 'panel-collapsed')
    await panel(page).locator('button[data-action="collapse"]').click()
    await expect.poll(() => panel(page).locator('button[data-action="collapse"]').getAttribute('aria-expanded')).toBe('true')
    await page.close()
  })

  it('docks beside the page on request, and back below the editor', async () => {
    const page = await createPolicyPage('admin')
    await panel(page).locator('button[aria-label="Dock beside the page"]').click()
    await expect.poll(() => panel(page).evaluate((el) => el.parentElement === document.body)).toBe(true)
    expect(await panel(page).locator('section.panel').getAttribute('class')).toContain('side')
    await screenshot(page, 'panel-docked-beside')
    await panel(page).locator('button[aria-label="Dock below the editor"]').click()
    await expect.poll(() => panel(page).evaluate((el) => /awsui_code-editor_/.test(el.previousElementSibling?.className ?? ''))).toBe(true)
    await page.close()
  })

  it('is keyboard accessible: tabs move with the arrow keys', async () => {
    const page = await createPolicyPage()
    const first = panel(page).locator('[role="tab"][data-tab="findings"]')
    await first.focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => panel(page).locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab')).toBe('least-privilege')
    await page.keyboard.press('End')
    await expect.poll(() => panel(page).locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab')).toBe('what-if')
    await page.keyboard.press('Home')
    await expect.poll(() => panel(page).locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab')).toBe('findings')
    expect(await panel(page).locator('[role="tabpanel"]').getAttribute('aria-labelledby')).toContain('findings')
    await page.close()
  })

  it('answers the popup’s messages: editor status, its text, and an undoable insert', async () => {
    const page = await createPolicyPage('s3-read')
    const sw = browser.serviceWorker!
    await page.bringToFront()
    // As the popup does: the active tab.
    const ask = (msg: object) =>
      sw.evaluate(async (m) => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true })
        return tab?.id === undefined ? 'no tab' : chrome.tabs.sendMessage(tab.id, m).catch(() => undefined)
      }, msg)
    expect(await ask({ v: 1, type: 'get-editor-status' })).toMatchObject({ hasEditor: true, policyType: 'identity', pageKind: 'iam-policy-editor', accountId: '111111111111', region: 'us-east-1', partition: 'aws', readOnly: false })
    const before = await aceText(page)
    expect(await ask({ v: 1, type: 'get-editor-text' })).toEqual({ ok: true, text: before })
    const inserted = policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' })
    expect(await ask({ v: 1, type: 'insert-policy', text: inserted })).toEqual({ ok: true })
    await expect.poll(() => aceText(page)).toBe(inserted)
    await expect.poll(async () => (await replicaState(page))?.value).toBe(inserted)
    await page.locator('[class*="awsui_code-editor_"] .ace_editor .ace_content').click()
    await page.keyboard.press('Control+z')
    await expect.poll(() => aceText(page)).toBe(before)
    // Messages that are not the contract's are ignored.
    expect(await ask({ v: 2, type: 'insert-policy', text: '{}' })).toBeUndefined()
    await page.close()
  })

  it('works in dark mode and on the GovCloud console host', async () => {
    const page = await openConsolePage(browser, '/iam/home?mode=dark#/policies/create?sample=admin', { host: 'https://console.amazonaws-us-gov.com' })
    await waitForPanelReady(page)
    expect(await panel(page).locator('section.panel').getAttribute('class')).toContain('dark')
    await screenshot(page, 'panel-dark-mode')
    await panel(page).locator('[role="tab"][data-tab="least-privilege"]').click()
    await screenshot(page, 'least-privilege-dark', panel(page))
    await page.close()
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
