// Issue 14 on replica pages built from AWS's documentation of the IAM console: a user with two groups
// (Permissions "Attached via", Groups tab, group pages) in What-if; a role's Last Accessed tab and
// "tighten to what was used"; Account settings → Edit password policy checked against CIS / Security Hub.
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aceText, launchExtension, openConsolePage, screenshot, startReplica, waitForAce, type ExtensionBrowser, type Replica } from './support'

const ALICE = 'arn:aws:iam::111111111111:user/alice'
const DEVELOPERS = 'arn:aws:iam::111111111111:group/developers'
const AUDITORS = 'arn:aws:iam::111111111111:group/auditors'
const REPORTING = 'arn:aws:iam::111111111111:role/reporting-role'

let replica: Replica
let browser: ExtensionBrowser
let page: Page

beforeAll(async () => {
  replica = await startReplica()
  browser = await launchExtension({ replica })
})

afterAll(async () => {
  await browser?.close()
  await replica?.close()
})

async function card(p: Page): Promise<Locator> {
  const host = p.locator('[data-iam-sidekick="whatif"]')
  const toggle = host.locator('[data-testid="whatif-card-toggle"]')
  await toggle.waitFor({ timeout: 20_000 })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  await host.locator('[data-testid="whatif-tab"]').waitFor()
  return host
}

/** A fresh document for the URL (a hash-only change keeps the old page and its card for a moment). */
async function open(url: string): Promise<void> {
  await page.goto(url)
  await page.reload()
}

async function ask(scope: Locator, principal: string, action: string, resource: string): Promise<string> {
  await scope.locator('[data-testid="whatif-principal"]').fill(principal)
  await scope.locator('[data-testid="whatif-action"]').fill(action)
  await scope.locator('[data-testid="whatif-resource"]').fill(resource)
  const decision = scope.locator('[data-testid="whatif-decision"]')
  const before = (await decision.count()) ? await scope.locator('[data-testid="whatif-answer"]').innerText() : ''
  await scope.locator('[data-testid="whatif-ask-run"]').click()
  await decision.waitFor({ timeout: 20_000 })
  await expect.poll(async () => (await scope.locator('[data-testid="whatif-answer"]').innerText()) !== before || !before).toBe(true)
  return (await decision.getAttribute('data-decision')) ?? ''
}

async function items(scope: Locator): Promise<{ name: string; target: string; missing: string }[]> {
  return scope.locator('[data-testid="whatif-item"]').evaluateAll((els) =>
    els.map((e) => ({ name: e.getAttribute('data-name') ?? '', target: e.getAttribute('data-target') ?? '', missing: e.getAttribute('data-missing') ?? '' })),
  )
}

describe('a user with two groups', () => {
  it('the Groups tab tells What-if the user’s groups; asking before their policies are seen lists them as missing', async () => {
    page = await openConsolePage(browser, '/iam/home#/users/details/alice?section=groups', { waitForEditor: false })
    const c = await card(page)
    const reading = c.locator('[data-testid="whatif-reading"][data-reader="iam-user-groups"]')
    await reading.waitFor({ timeout: 20_000 })
    expect(await reading.locator('[data-testid="whatif-member-of"]').innerText()).toMatch(/groups developers, auditors/)
    await reading.locator('[data-testid="whatif-add"]').click()
    await reading.locator('[data-testid="whatif-added"]').waitFor()
    // Her groups' policies are not seen yet: What-if does not guess (issue 11), it says what is missing.
    expect(await ask(c, ALICE, 'ec2:RunInstances', '*')).toBe('undecided')
    const missing = c.locator('[data-testid="whatif-answer-missing-groups"]')
    await missing.waitFor()
    expect(await missing.innerText()).toMatch(/group developers: its policies have not been seen yet[\s\S]*group auditors/)
  })

  it('the Permissions tab’s "Attached via: Group …" rows go to the groups; asking names the group in the explanation', async () => {
    await open('https://us-east-1.console.aws.amazon.com/iam/home#/users/details/alice?section=permissions')
    for (const name of ['alice-pass', 'developers-deploy', 'auditors-deny']) await page.locator('table').getByText(name, { exact: true }).first().click()
    const c = await card(page)
    const reading = c.locator('[data-testid="whatif-reading"][data-reader="iam-principal-permissions"]')
    await reading.waitFor({ timeout: 20_000 })
    await expect.poll(() => reading.locator('[data-testid="whatif-found"][data-name="AmazonSQSReadOnlyAccess"]').getAttribute('data-has-document')).toBe('true')
    await expect.poll(() => reading.locator('[data-testid="whatif-found"][data-name="auditors-deny"]').getAttribute('data-has-document')).toBe('true')
    await reading.locator('[data-testid="whatif-add"]').click()
    await expect.poll(async () => (await items(c)).length).toBe(4)
    expect(await items(c)).toEqual([
      { name: 'alice-pass', target: ALICE, missing: 'false' },
      { name: 'developers-deploy', target: DEVELOPERS, missing: 'false' },
      { name: 'AmazonSQSReadOnlyAccess', target: DEVELOPERS, missing: 'false' },
      { name: 'auditors-deny', target: AUDITORS, missing: 'false' },
    ])
    expect(await ask(c, ALICE, 'ec2:RunInstances', '*')).toBe('Allowed')
    expect(await c.locator('[data-testid="whatif-decided-by"]').innerText()).toBe('Allowed by group developers → developers-deploy, statement Deploy')
    expect(await c.locator('[data-testid="whatif-answer-missing-groups"]').count()).toBe(0)
    expect(await ask(c, ALICE, 's3:GetObject', 'arn:aws:s3:::artifacts/secret/key')).toBe('ExplicitDeny')
    expect(await c.locator('[data-testid="whatif-decided-by"]').innerText()).toMatch(/^Denied by group auditors → auditors-deny, statement NoDataReads/)
    expect(await ask(c, ALICE, 'sqs:ListQueues', '*')).toBe('Allowed')
    expect(await c.locator('[data-testid="whatif-decided-by"]').innerText()).toMatch(/group developers → AmazonSQSReadOnlyAccess/)

    // Risks over the user's own and groups' policies together: iam:PassRole (own) + ec2:RunInstances (group).
    await c.locator('[data-testid="whatif-risks-run"]').click()
    const risk = c.locator('[data-testid="whatif-risk"][data-category="privilege-escalation"][data-combined="true"]').first()
    await risk.waitFor({ timeout: 30_000 })
    expect(await risk.innerText()).toMatch(/alice-pass \+ group developers → developers-deploy/)

    // MFA and root shortcuts where the question is asked.
    await c.locator('[data-testid="whatif-shortcut-mfa"]').click()
    expect(await c.locator('[data-testid="whatif-context"]').innerText()).toMatch(/aws:MultiFactorAuthPresent=true/)
    await c.locator('[data-testid="whatif-shortcut-root"]').click()
    expect(await c.locator('[data-testid="whatif-principal"]').inputValue()).toBe('arn:aws:iam::111111111111:root')
    await screenshot(page, 'whatif-user-groups')
  })

  it('a group’s page offers its policies for the group', async () => {
    await open('https://us-east-1.console.aws.amazon.com/iam/home#/groups/details/developers?section=permissions')
    const c = await card(page)
    const reading = c.locator('[data-testid="whatif-reading"][data-reader="iam-principal-permissions"]')
    await reading.waitFor({ timeout: 20_000 })
    await expect.poll(() => reading.locator('.group-title').first().innerText(), { timeout: 20_000 }).toBe('Permissions of group/developers')
    expect(await reading.locator('[data-testid="whatif-found"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).toEqual(['developers-deploy', 'AmazonSQSReadOnlyAccess'])
  })
})

describe('a role’s Last Accessed tab', () => {
  it('tightens the role’s collected policies to what was used in 30 days, proven narrower, and opens it in the editor', async () => {
    await open('https://us-east-1.console.aws.amazon.com/iam/home#/roles/details/reporting-role?section=permissions')
    await page.locator('table').getByText('reporting-access', { exact: true }).first().click()
    let c = await card(page)
    const reading = c.locator('[data-testid="whatif-reading"][data-reader="iam-principal-permissions"]')
    await expect.poll(() => reading.locator('[data-testid="whatif-found"][data-name="reporting-access"]').getAttribute('data-has-document')).toBe('true')
    await reading.locator('[data-testid="whatif-add"]').click()
    await reading.locator('[data-testid="whatif-added"]').waitFor()

    await open('https://us-east-1.console.aws.amazon.com/iam/home#/roles/details/reporting-role?section=access_advisor')
    c = await card(page)
    const la = c.locator('[data-testid="whatif-last-accessed"]')
    await la.waitFor({ timeout: 20_000 })
    expect(await la.getAttribute('data-principal')).toBe(REPORTING)
    const svc = (name: string) => la.locator(`[data-testid="whatif-la-service"][data-service="${name}"]`)
    expect(await svc('Amazon EC2').innerText()).toMatch(/Not accessed in the tracking period/)
    expect(await svc('Amazon DynamoDB').innerText()).toMatch(/45 days ago/)
    expect(await svc('Amazon S3').innerText()).toMatch(/2 of 4 tracked actions used/)

    // With the keyboard, as a person would: selectOption() fires synthetic events, which our closed roots ignore.
    const days = la.locator('[data-testid="whatif-tighten-days"]')
    await days.focus()
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => days.inputValue()).toBe('30')
    await la.locator('[data-testid="whatif-tighten-run"]').click()
    const result = la.locator('[data-testid="whatif-tighten-result"]')
    await result.waitFor({ timeout: 60_000 })
    expect(await result.getAttribute('data-proven')).toBe('true')
    const removed = Object.fromEntries(
      await result.locator('[data-testid="whatif-tighten-service"]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-service'), `${e.getAttribute('data-status')}:${e.getAttribute('data-removed')}`])),
    )
    expect(removed.s3).toBe('narrowed:2')
    expect(removed.ec2).toMatch(/^unused:\d+$/)
    expect(removed.dynamodb).toMatch(/^unused:\d+$/)
    expect(removed.sqs).toMatch(/^unused:\d+$/)
    const diff = await result.locator('[data-testid="whatif-tighten-diff"]').innerText()
    expect(diff).toMatch(/- {1,}"s3:PutObject"/)
    expect(diff).toMatch(/- {1,}"Action": "sqs:\*"/)
    await screenshot(page, 'whatif-last-accessed-tighten')

    await result.locator('[data-testid="whatif-tighten-open"]').click()
    await page.waitForURL(/#\/policies\/create/)
    await waitForAce(page)
    await expect.poll(() => aceText(page), { timeout: 20_000 }).toContain('"s3:GetObject"')
    const text = await aceText(page)
    expect(text).not.toContain('sqs:')
    expect(text).not.toContain('s3:PutObject')
    expect(text).not.toContain('dynamodb:')
  })
})

describe('Account settings → Edit password policy', () => {
  it('checks the form as it is edited against CIS v3.0.0 and Security Hub, and fills in a compliant setting', async () => {
    page = await openConsolePage(browser, '/iam/home#/account_settings/password_policy/edit', { waitForEditor: false, page })
    const host = page.locator('[data-iam-sidekick="password-policy"]')
    const cardEl = host.locator('[data-testid="password-policy-card"]')
    await cardEl.waitFor({ timeout: 20_000 })
    const status = (id: string) => host.locator(`[data-testid="password-control"][data-id="${id}"]`).getAttribute('data-status')
    expect(await status('CIS 1.8')).toBe('fail')
    expect(await status('IAM.11')).toBe('pass')
    expect(await status('IAM.14')).toBe('fail')

    // Typing a length of 14 passes CIS 1.8 and IAM.15 at once.
    const length = page.getByLabel('Password minimum length')
    await length.fill('14')
    await expect.poll(() => status('CIS 1.8')).toBe('pass')
    expect(await status('IAM.15')).toBe('pass')
    expect(await status('CIS 1.9')).toBe('fail')

    await host.locator('[data-testid="password-policy-fill"]').click()
    await expect.poll(() => cardEl.getAttribute('data-fail'), { timeout: 10_000 }).toBe('0')
    await expect.poll(() => host.locator('[data-testid="password-policy-note"]').innerText(), { timeout: 10_000 }).toMatch(/Filled in a compliant setting/)
    const form = await page.evaluate(() => (window as unknown as { __replicaPasswordPolicy?: Record<string, unknown> }).__replicaPasswordPolicy)
    expect(form).toMatchObject({ mode: 'custom', minimumLength: '14', upper: true, lower: true, numbers: true, symbols: true, expire: true, maxAge: '90', reuse: true, remember: '24' })
    // Everything the extension adds to the page carries data-iam-sidekick.
    const added = await page.evaluate(() => [...document.body.children].filter((e) => !e.id && e.tagName === 'DIV' && !e.className).map((e) => e.getAttribute('data-iam-sidekick')))
    expect(added.every((a) => a !== null)).toBe(true)
    await screenshot(page, 'password-policy-card')
  })
})
