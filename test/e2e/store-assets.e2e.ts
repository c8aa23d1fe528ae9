// The store listings' pictures, taken from the replica by this run (never drawn by hand): screenshots at
// 1280×800 (Chrome Web Store and AMO) and the 440×280 promo tile, into test-results/store/.
// docs/releasing.md says where each goes.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchExtension, openConsolePage, openPopup, panel, ROOT, setAceText, startReplica, waitForPanelReady, type ExtensionBrowser, type Replica } from './support'
import { pngSize } from './support/archive'

const STORE = join(ROOT, 'test-results', 'store')
const SIZE = { width: 1280, height: 800 }
const INVALID = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'ReadReports', Effect: 'allow', Action: ['s3:GetObjects', 's3:ListBucket'], Resource: '*' }] }, null, 2)

let replica: Replica
let browser: ExtensionBrowser

beforeAll(async () => {
  mkdirSync(STORE, { recursive: true })
  replica = await startReplica()
  browser = await launchExtension({ replica, viewport: SIZE })
})

afterAll(async () => {
  await browser?.close()
  await replica?.close()
})

async function save(page: Page, name: string, size = SIZE): Promise<void> {
  const path = join(STORE, `${name}.png`)
  await page.screenshot({ path, clip: { x: 0, y: 0, ...size } })
  const png = pngSize(readFileSync(path))
  expect([png.width, png.height]).toEqual([size.width, size.height])
}

describe('store pictures', () => {
  let findingsPanel: Buffer

  it('screenshot 1: findings with one-click fixes, docked beside the console’s editor', async () => {
    const page = await openConsolePage(browser, '/iam/home#/policies/create')
    await waitForPanelReady(page)
    await panel(page).locator('button[aria-label="Dock beside the page"]').click()
    await setAceText(page, INVALID)
    await panel(page).locator('li[data-code="INVALID_ACTION"]').first().waitFor()
    await page.waitForTimeout(300)
    await save(page, 'screenshot-1-findings')
    findingsPanel = await panel(page).locator('section.panel').screenshot()
    await panel(page).locator('button[aria-label="Dock below the editor"]').click()
    await page.close()
  })

  it('screenshot 2: least privilege in dark mode', async () => {
    const page = await openConsolePage(browser, '/iam/home?mode=dark#/policies/create?sample=admin')
    await waitForPanelReady(page)
    await panel(page).locator('[role="tab"][data-tab="least-privilege"]').click()
    await panel(page).scrollIntoViewIfNeeded()
    await page.waitForTimeout(500)
    await save(page, 'screenshot-2-least-privilege-dark')
    await page.close()
  })

  it('screenshot 3: the simulator’s decision with its explanation', async () => {
    const page = await openConsolePage(browser, '/iam/home#/policies/create?sample=s3-read')
    await waitForPanelReady(page)
    await panel(page).locator('[role="tab"][data-tab="simulate"]').click()
    await panel(page).locator('input[id$="-action"]').first().fill('s3:GetObject')
    await panel(page).locator('input[id$="-resource"]').first().fill('arn:aws:s3:::reports/q1.csv')
    await panel(page).locator('button[data-action="simulate"]').click()
    await panel(page).locator('[data-decision="Allowed"]').waitFor()
    await panel(page).scrollIntoViewIfNeeded()
    await save(page, 'screenshot-3-simulate')
    await page.close()
  })

  it('screenshot 4: the template library over the console', async () => {
    const consolePage = await openConsolePage(browser, '/iam/home#/policies/create')
    await waitForPanelReady(consolePage)
    const popup = await openPopup(browser)
    await popup.setViewportSize({ width: 400, height: 600 })
    await popup.locator('[data-template-id]').first().waitFor()
    await popup.locator('.popup-target:not([data-target="pending"])').waitFor()
    const popupShot = await popup.screenshot()
    await popup.close()
    await consolePage.bringToFront()
    const canvas = await browser.context.newPage()
    await canvas.setViewportSize(SIZE)
    const img = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`
    await canvas.setContent(
      `<body style="margin:0"><img src="${img(await consolePage.screenshot())}" style="position:absolute;left:0;top:0">` +
        `<img src="${img(popupShot)}" style="position:absolute;right:24px;top:24px;border:1px solid #8d99a8;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.35)"></body>`,
    )
    await canvas.waitForFunction(() => [...document.images].every((i) => i.complete))
    await save(canvas, 'screenshot-4-templates')
    await canvas.close()
    await consolePage.close()
  })

  it('the 440×280 promo tile: icon, name, promise and the panel', async () => {
    const icon = readFileSync(join(ROOT, 'public', 'icons', 'icon-128.png')).toString('base64')
    const tile = await browser.context.newPage()
    await tile.setViewportSize({ width: 440, height: 280 })
    await tile.setContent(`<body style="margin:0;width:440px;height:280px;overflow:hidden;background:#232f3e;font-family:'DejaVu Sans',Arial,sans-serif;color:#fff">
      <img src="data:image/png;base64,${icon}" style="position:absolute;left:4px;top:4px;width:112px;height:112px">
      <div style="position:absolute;left:112px;top:26px;font-size:30px;font-weight:bold">IAM Sidekick</div>
      <div style="position:absolute;left:114px;top:68px;width:300px;font-size:14px;line-height:1.35;color:#ffcc80">Validate, tighten and simulate IAM policies beside the AWS console’s editor. Offline.</div>
      <div style="position:absolute;left:24px;top:128px;width:392px;height:140px;overflow:hidden;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.5)">
        <img src="data:image/png;base64,${findingsPanel.toString('base64')}" style="width:392px;display:block"></div></body>`)
    await tile.waitForFunction(() => [...document.images].every((i) => i.complete))
    await save(tile, 'promo-tile-440x280', { width: 440, height: 280 })
    await tile.close()
  })
})
