/**
 * The toolbar popup's template library in Debian's Chromium with the built extension (dist/): the popup
 * page opened as a tab (it then targets the most recently used console tab), real browser.storage, a
 * browser restart on the same profile, file export/import, and inserts into the console replica's Ace.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACE, CHROMIUM, CONSOLE, DIST, aceText, chromiumArgs, exposePanel, watchChromium, openConsolePage, replicaState, screenshot, waitForPanelReady, startReplica, type ExtensionBrowser, type Replica } from './support'

const POPUP_SIZE = { width: 400, height: 600 }
const LOCAL_KEY = 'iamSidekick.templates'

let replica: Replica
let profile: string
let dist: string
let browser: ExtensionBrowser

/** The harness's browser, but on a profile directory this file keeps (to restart the browser on it). */
async function launch(): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    args: chromiumArgs({ replica, dist }),
    viewport: { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
  })
  const unwatch = watchChromium(context)
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  await exposePanel(serviceWorker, true)
  return { context, extensionId: new URL(serviceWorker.url()).host, serviceWorker, close: () => context.close().finally(unwatch) }
}

async function openPopupPage(hash = ''): Promise<Page> {
  const page = await browser.context.newPage()
  await page.setViewportSize(POPUP_SIZE)
  await page.goto(`chrome-extension://${browser.extensionId}/src/extension/popup/index.html${hash}`)
  await page.locator('[data-template-id]').first().waitFor()
  await page.locator('.popup-target:not([data-target="pending"])').waitFor()
  return page
}

const rows = (page: Page, source?: string): Locator => page.locator(source ? `[data-template-id][data-source="${source}"]` : '[data-template-id]')
const row = (page: Page, name: string): Locator => page.locator('[data-template-id]', { has: page.locator('.tpl-name', { hasText: name }) })
const section = (page: Page, s: 'builtin' | 'saved' | 'managed') => page.locator(`[role="tab"][data-section="${s}"]`).click()
const stored = (page: Page) => page.evaluate((key) => chrome.storage.local.get(key).then((r) => r[key]), LOCAL_KEY)

async function search(page: Page, query: string): Promise<void> {
  await page.locator('#tpl-search').fill(query)
}

/** Opens a row's detail view (a click selects a row; a click on the selected row opens it). */
async function openDetail(page: Page, name: string): Promise<void> {
  await row(page, name).click()
  if ((await page.locator('[data-view="detail"]').count()) === 0) await row(page, name).click()
  await page.locator('[data-view="detail"]').waitFor()
}

async function closeOtherPages(keep?: Page): Promise<void> {
  for (const p of browser.context.pages()) if (p !== keep) await p.close()
}

/** Saves a picture of the console page with the popup drawn where the toolbar opens it. */
async function composite(name: string, pageShot: Buffer, popupShot: Buffer): Promise<void> {
  const canvas = await browser.context.newPage()
  await canvas.setViewportSize({ width: 1280, height: 900 })
  const img = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`
  await canvas.setContent(
    `<body style="margin:0"><img src="${img(pageShot)}" style="position:absolute;left:0;top:0">` +
      `<img src="${img(popupShot)}" style="position:absolute;right:24px;top:44px;border:1px solid #8d99a8;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.35)"></body>`,
  )
  await canvas.waitForFunction(() => [...document.images].every((i) => i.complete))
  await screenshot(canvas, name)
  await canvas.close()
}

const BUCKET_READER = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Sid: 'ReadTeamBucket', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::{{BucketName}}/team/*' }],
  },
  null,
  2,
)

describe('toolbar popup: templates', () => {
  beforeAll(async () => {
    replica = await startReplica()
    profile = mkdtempSync(join(tmpdir(), 'iam-sidekick-popup-'))
    // A copy of the built extension, so a rebuild of dist/ during the run cannot pull files from under it.
    dist = join(profile, 'dist')
    cpSync(DIST, dist, { recursive: true })
    browser = await launch()
  })

  afterAll(async () => {
    await browser?.close().catch(() => undefined)
    await replica?.close()
    rmSync(profile, { recursive: true, force: true })
  })

  it('opens with the search focused and the built-in library, each row validated with no findings', async () => {
    const page = await openPopupPage()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tpl-search')
    expect(await rows(page, 'builtin').count()).toBeGreaterThanOrEqual(25)
    await page.waitForFunction(() => document.querySelectorAll('[data-source="builtin"] [data-validation="pending"]').length === 0, undefined, { timeout: 30_000 })
    const statuses = await rows(page, 'builtin').locator('[data-validation]').evaluateAll((els) => els.map((e) => e.getAttribute('data-validation')))
    expect(statuses.length).toBeGreaterThanOrEqual(25)
    expect(new Set(statuses)).toEqual(new Set(['ok']))
    expect(await page.locator('.popup-target').getAttribute('data-target')).toBe('clipboard')
    // Fits the popup: nothing wider than 400 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400)
    await screenshot(page, 'popup-builtin')
    await page.close()
  })

  it('creates, edits and searches a saved template', async () => {
    const page = await openPopupPage()
    // Esc closes a form without saving and gives the keyboard back to the search box.
    await page.locator('[data-action="new"]').click()
    await page.locator('#tpl-edit-name').fill('Abandoned')
    await page.keyboard.press('Escape')
    await page.locator('[data-view="edit"]').waitFor({ state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tpl-search')
    expect(await stored(page)).toBeUndefined()
    await page.locator('[data-action="new"]').click()
    await page.locator('[data-view="edit"]').waitFor()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tpl-edit-name')
    await page.locator('#tpl-edit-name').fill('Team bucket reader')
    await page.locator('#tpl-edit-description').fill('Reads the team folder of one bucket.')
    await page.locator('#tpl-edit-tags').fill('team, s3')
    await page.locator('#tpl-edit-document').fill(BUCKET_READER)
    await page.locator('#tpl-edit-document').press('Control+Enter')
    await row(page, 'Team bucket reader').waitFor()
    const id = await row(page, 'Team bucket reader').getAttribute('data-template-id')
    expect(id).toMatch(/^t-/)
    expect(await row(page, 'Team bucket reader').getAttribute('data-source')).toBe('saved')
    await expect.poll(() => row(page, 'Team bucket reader').locator('[data-validation]').getAttribute('data-validation')).toBe('ok')

    // Edit: rename and change the type of action.
    await openDetail(page, 'Team bucket reader')
    await page.locator('[data-action="edit"]').click()
    await page.locator('#tpl-edit-name').fill('Team bucket reader v2')
    await page.locator('#tpl-edit-document').fill(BUCKET_READER.replace('"s3:GetObject"', '["s3:GetObject", "s3:GetObjectVersion"]'))
    await page.locator('[data-action="save"]').click()
    await row(page, 'Team bucket reader v2').waitFor()
    expect(await page.locator(`[data-template-id="${id}"] .tpl-name`).textContent()).toBe('Team bucket reader v2')
    const doc = (await stored(page)) as { schemaVersion: number; templates: { id: string; name: string; tags: string[]; document: string }[] }
    expect(doc.schemaVersion).toBe(2)
    expect(doc.templates).toEqual([expect.objectContaining({ id, name: 'Team bucket reader v2', tags: ['team', 's3'], document: expect.stringContaining('s3:GetObjectVersion') })])

    // A second one, to search between.
    await page.locator('[data-action="new"]').click()
    await page.locator('#tpl-edit-name').fill('Queue consumer')
    await page.locator('#tpl-edit-tags').fill('sqs')
    await page.locator('#tpl-edit-document').fill('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:ReceiveMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q"}]}')
    await page.locator('[data-action="save"]').click()
    await row(page, 'Queue consumer').waitFor()
    expect(await rows(page, 'saved').count()).toBe(2)

    // Search: by name, tag, action (through wildcards) and service.
    await search(page, 'bucket')
    expect(await rows(page, 'saved').count()).toBe(1)
    await search(page, 'tag:sqs')
    expect(await rows(page).locator('.tpl-name').allTextContents()).toEqual(['Queue consumer'])
    await search(page, 's3:GetObjectVersion')
    expect(await rows(page).locator('.tpl-name').allTextContents()).toEqual(['Team bucket reader v2'])
    await search(page, 'service:sqs')
    expect(await rows(page).locator('.tpl-name').allTextContents()).toEqual(['Queue consumer'])
    await section(page, 'builtin')
    await search(page, 's3:GetObject')
    expect(await rows(page, 'builtin').count()).toBeGreaterThan(2)
    await page.locator('#tpl-search').press('Escape')
    expect(await page.locator('#tpl-search').inputValue()).toBe('')
    await section(page, 'saved')
    await screenshot(page, 'popup-saved')
    await page.close()
  })

  it('deletes with undo, from the toast and with Ctrl+Z', async () => {
    const page = await openPopupPage()
    await section(page, 'saved')
    await openDetail(page, 'Queue consumer')
    await page.locator('[data-action="delete"]').click()
    await expect.poll(() => row(page, 'Queue consumer').count()).toBe(0)
    await page.locator('[data-toast] [data-action="undo"]').click()
    await row(page, 'Queue consumer').waitFor()
    expect(await rows(page, 'saved').locator('.tpl-name').allTextContents()).toEqual(['Team bucket reader v2', 'Queue consumer'])

    await openDetail(page, 'Queue consumer')
    await page.locator('[data-action="delete"]').click()
    await expect.poll(() => row(page, 'Queue consumer').count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tpl-search')
    await page.keyboard.press('Control+z')
    await row(page, 'Queue consumer').waitFor()
    expect(((await stored(page)) as { templates: unknown[] }).templates).toHaveLength(2)
    await page.close()
  })

  it('keeps saved templates across a browser restart (same profile)', async () => {
    await browser.close()
    browser = await launch()
    const page = await openPopupPage()
    // With saved templates, the popup opens on them.
    expect(await page.locator('[role="tab"][data-section="saved"]').getAttribute('aria-selected')).toBe('true')
    expect(await rows(page, 'saved').locator('.tpl-name').allTextContents()).toEqual(['Team bucket reader v2', 'Queue consumer'])
    await page.close()
  })

  it('exports to a file and imports it back', async () => {
    const page = await openPopupPage()
    await page.locator('[data-action="menu"]').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-all"]').click()])
    expect(download.suggestedFilename()).toMatch(/^iam-sidekick-templates-\d{4}-\d\d-\d\d\.json$/)
    const file = join(profile, 'export.json')
    await download.saveAs(file)
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; schemaVersion: number; templates: { name: string }[] }
    expect(exported).toMatchObject({ format: 'iam-sidekick-templates', schemaVersion: 2 })
    expect(exported.templates.map((t) => t.name)).toEqual(['Team bucket reader v2', 'Queue consumer'])

    // Delete both, then import the file: both come back.
    await page.locator('#tpl-search').press('Escape')
    for (const name of ['Team bucket reader v2', 'Queue consumer']) {
      await openDetail(page, name)
      await page.locator('[data-action="delete"]').click()
      await expect.poll(() => row(page, name).count()).toBe(0)
    }
    await page.setInputFiles('input[data-action="import-file"]', file)
    await expect.poll(() => rows(page, 'saved').count()).toBe(2)
    expect(await page.locator('[data-toast]').textContent()).toMatch(/Imported 2 templates/)
    // Importing the same file again adds nothing.
    await page.setInputFiles('input[data-action="import-file"]', file)
    await expect.poll(() => page.locator('[data-toast]').textContent()).toMatch(/Imported 0 templates \(2 already here\)/)
    expect(await rows(page, 'saved').count()).toBe(2)
    await page.close()
  })

  it('rejects a corrupt or hostile import file, says why, and changes nothing', async () => {
    const page = await openPopupPage()
    const before = await stored(page)
    const cases: [string, string, RegExp][] = [
      ['cut-off.json', '{"format":"iam-sidekick-templates","schemaVersion":2,"templates":[{"id":"a"', /not valid JSON \(it ends too early/],
      ['wrong-type.json', JSON.stringify({ format: 'iam-sidekick-templates', schemaVersion: 2, templates: [{ id: 'x', name: 5 }] }), /\$\.templates\[0\]\.name: must be a string, not a number/],
      ['hostile.json', '{"format":"iam-sidekick-templates","schemaVersion":2,"templates":[],"__proto__":{"polluted":1}}', /\$\.__proto__: the key "__proto__" is not allowed/],
      ['policy.json', '{"Version":"2012-10-17","Statement":[]}', /an IAM policy, not an IAM Sidekick templates export/],
      ['future.json', JSON.stringify({ format: 'iam-sidekick-templates', schemaVersion: 99, templates: [] }), /newer version of IAM Sidekick/],
    ]
    for (const [name, content, problem] of cases) {
      await page.setInputFiles('input[data-action="import-file"]', { name, mimeType: 'application/json', buffer: Buffer.from(content) })
      const alert = page.locator('[data-import-error]')
      await expect.poll(() => alert.textContent()).toMatch(problem)
      expect(await alert.textContent()).toContain(name)
      expect(await alert.textContent()).toMatch(/Nothing was imported/)
      if (name === 'wrong-type.json') await screenshot(page, 'popup-import-error')
    }
    expect(await stored(page)).toEqual(before)
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined()
    await page.locator('[data-view="menu"] .tpl-back').click()
    expect(await rows(page, 'saved').count()).toBe(2)
    await page.close()
  })

  it('inserts into the console replica’s editor: placeholders filled on insert, account and Region pre-filled, undoable in Ace', async () => {
    await closeOtherPages()
    const consolePage = await openConsolePage(browser, '/iam/home#/policies/create')
    // The content script must have found the editor before the popup looks for a target tab.
    await waitForPanelReady(consolePage)
    const original = await aceText(consolePage)
    const page = await openPopupPage()
    expect(await page.locator('.popup-target').getAttribute('data-target')).toBe('editor')
    await section(page, 'builtin')

    // Keyboard only: search, arrows, Enter opens the placeholder form.
    await search(page, 'lambda')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    expect(await page.locator('[aria-selected="true"][data-template-id]').getAttribute('data-template-id')).toBe('builtin-lambda-execution-role')
    await page.keyboard.press('Enter')
    await page.locator('[data-view="fill"]').waitFor()
    expect(await page.locator('[data-placeholder="AccountId"]').inputValue()).toBe('111111111111')
    expect(await page.locator('[data-placeholder="Region"]').inputValue()).toBe('us-east-1')
    expect(await page.locator('[data-placeholder="Partition"]').inputValue()).toBe('aws')
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.placeholder)).toBe('FunctionName')
    // A bad value is refused with the reason; nothing is inserted.
    await page.keyboard.type('bad name!')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('#tpl-ph-FunctionName-help').textContent()).toMatch(/does not look right/)
    expect(await aceText(consolePage)).toBe(original)
    await page.locator('[data-placeholder="FunctionName"]').fill('orders-handler')
    await screenshot(page, 'popup-fill')
    await page.keyboard.press('Enter')
    // The editor already holds a policy: replace it, or add the template's statements? (Replace here.)
    await page.locator('[data-view="choose"]').waitFor()
    await screenshot(page, 'popup-insert-choose')
    await page.locator('[data-action="insert-replace"]').click()
    await expect.poll(() => aceText(consolePage)).toContain('log-group:/aws/lambda/orders-handler')
    const inserted = JSON.parse(await aceText(consolePage)) as { Statement: { Resource: string }[] }
    expect(inserted.Statement[0]!.Resource).toBe('arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/orders-handler')
    expect(await page.locator('[data-toast]').textContent()).toMatch(/Inserted “Lambda execution role: write its own logs” into the policy editor/)

    // A template without placeholders goes in directly; Ace's undo brings the previous text back.
    await search(page, 'lambda trust')
    await page.keyboard.press('Enter')
    await page.locator('[data-action="insert-replace"]').click()
    await expect.poll(() => aceText(consolePage)).toContain('lambda.amazonaws.com')
    // Let the console's debounced change handler settle first, as a person pressing Ctrl+Z would: the
    // console itself re-applies its debounced value if undo lands inside that window.
    await expect.poll(async () => (await replicaState(consolePage))?.delayedValue, { timeout: 5000 }).toContain('lambda.amazonaws.com')
    await consolePage.evaluate((sel) => (document.querySelector(sel) as Element & { env: { editor: { undo(): void } } }).env.editor.undo(), ACE)
    await expect.poll(() => aceText(consolePage)).toContain('orders-handler')

    // A saved template, from "My templates".
    await section(page, 'saved')
    await search(page, 'team bucket')
    await page.keyboard.press('Enter')
    await page.locator('[data-placeholder="BucketName"]').fill('amzn-s3-demo-team')
    await page.keyboard.press('Enter')
    await page.locator('[data-action="insert-replace"]').click()
    await expect.poll(() => aceText(consolePage)).toContain('arn:aws:s3:::amzn-s3-demo-team/team/*')
    // The README's picture: the console page with the popup over it, as the toolbar shows it.
    const popupShot = await page.screenshot()
    await consolePage.bringToFront()
    await consolePage.locator(ACE).scrollIntoViewIfNeeded()
    await composite('popup-insert', await consolePage.screenshot(), popupShot)
    await page.close()
  })

  it('saves the console editor’s policy as a template', async () => {
    const consolePage = browser.context.pages().find((p) => p.url().includes('console.aws.amazon.com'))!
    const page = await openPopupPage()
    await page.locator('[data-action="save-editor"]').click()
    await page.locator('[data-view="edit"]').waitFor()
    expect(await page.locator('#tpl-edit-document').inputValue()).toBe(await aceText(consolePage))
    await page.locator('#tpl-edit-name').fill('From the console')
    await page.locator('[data-action="save"]').click()
    await row(page, 'From the console').waitFor()
    expect(await rows(page, 'saved').count()).toBe(3)
    await page.close()
  })

  it('copies to the clipboard when no console editor is open', async () => {
    await closeOtherPages()
    const page = await openPopupPage()
    expect(await page.locator('.popup-target').getAttribute('data-target')).toBe('clipboard')
    await section(page, 'builtin')
    await search(page, 'deny leaving')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('[data-toast]').textContent()).toMatch(/copied to the clipboard/)
    // Read the clipboard back from a web page (permissions cannot be granted to extension origins).
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: CONSOLE })
    const reader = await openConsolePage(browser, '/iam/home', { waitForEditor: false })
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toContain('organizations:LeaveOrganization')
    await reader.close()
    await page.close()
  })

  it('browses and searches the AWS managed policies and copies one to my templates', async () => {
    const page = await openPopupPage()
    await section(page, 'managed')
    await page.locator('[data-template-id^="aws-managed:"]').first().waitFor({ timeout: 30_000 })
    expect(await page.locator('[role="tab"][data-section="managed"] .tpl-n').textContent()).toMatch(/^1\d{3}$/)
    await search(page, 'AmazonS3ReadOnlyAccess')
    await row(page, 'AmazonS3ReadOnlyAccess').waitFor()
    await screenshot(page, 'popup-managed')
    await openDetail(page, 'AmazonS3ReadOnlyAccess')
    expect(await page.locator('[data-view="detail"] .tpl-doc').textContent()).toContain('"s3:Get*"')
    expect(await page.locator('[data-view="detail"] [data-action="edit"]').count()).toBe(0)
    await page.locator('[data-action="copy-to-mine"]').click()
    await row(page, 'AmazonS3ReadOnlyAccess').waitFor()
    expect(await page.locator('[role="tab"][data-section="saved"]').getAttribute('aria-selected')).toBe('true')
    expect(await rows(page, 'saved').count()).toBe(4)
    await page.close()
  })

  it('syncs what fits through storage.sync; a template over the per-item quota stays local and is named', async () => {
    const page = await openPopupPage()
    await page.locator('[data-action="menu"]').click()
    await page.locator('[data-action="sync"]').check()
    await expect.poll(() => page.evaluate(() => chrome.storage.sync.get(null).then((r) => Object.keys(r).length))).toBe(4)
    await page.locator('[data-view="menu"] .tpl-back').click()
    await page.locator('[data-action="new"]').click()
    await page.locator('#tpl-edit-name').fill('Huge policy')
    const statements = Array.from({ length: 120 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-number-${i}/*` }))
    await page.locator('#tpl-edit-document').fill(JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2))
    await page.locator('[data-action="save"]').click()
    await row(page, 'Huge policy').waitFor()
    await page.locator('[data-action="menu"]').click()
    await expect.poll(() => page.locator('[data-local-only]').textContent()).toMatch(/Huge policy — larger than the 8 KB/)
    const synced = await page.evaluate(() => chrome.storage.sync.get(null))
    expect(Object.keys(synced)).toHaveLength(4)
    expect(((await stored(page)) as { templates: unknown[] }).templates).toHaveLength(5)
    await page.close()
  })

  it('the console panel’s Templates tab lists the same library and inserts into its own editor', async () => {
    await closeOtherPages()
    const consolePage = await openConsolePage(browser, '/iam/home#/policies/create')
    // The content script must have found the editor before the popup looks for a target tab.
    await waitForPanelReady(consolePage)
    const panel = consolePage.locator('[data-iam-sidekick="panel"]')
    await panel.locator('[role="tab"][data-tab="templates"]').click()
    await panel.locator('[data-template-id]').first().waitFor()
    // Opening the tab does not move the focus into the search box (the console keeps its keyboard).
    expect(await panel.evaluate((host) => host.shadowRoot?.activeElement?.id ?? '')).not.toBe('tpl-search')
    // The saved templates are the popup's.
    await panel.locator('[role="tab"][data-section="saved"]').click()
    expect(await panel.locator('[data-template-id][data-source="saved"]').count()).toBe(5)
    await panel.locator('[role="tab"][data-section="builtin"]').click()
    await panel.locator('#tpl-search').fill('deny leaving')
    await panel.locator('[data-template-id="builtin-scp-deny-leave-org"]').waitFor()
    await panel.locator('#tpl-search').press('Enter')
    await panel.locator('[data-action="insert-replace"]').click()
    await expect.poll(() => aceText(consolePage)).toContain('organizations:LeaveOrganization')
    // Import, export and sync are not in the page: they live in the toolbar popup.
    expect(await panel.locator('[data-action="menu"], [data-action="import-file"]').count()).toBe(0)
    await panel.locator('[role="tab"][data-tab="templates"]').scrollIntoViewIfNeeded()
    await screenshot(consolePage, 'popup-panel-templates')
    await consolePage.close()
  })

  it('follows the system’s dark mode', async () => {
    const page = await browser.context.newPage()
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.setViewportSize(POPUP_SIZE)
    await page.goto(`chrome-extension://${browser.extensionId}/src/extension/popup/index.html`)
    await page.locator('[data-template-id]').first().waitFor()
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(bg).toBe('rgb(22, 29, 38)')
    await section(page, 'builtin')
    await screenshot(page, 'popup-dark')
    await page.close()
  })
})
