// Issue 11 layout: every tab at 900 and 1,400 px, light and dark, below the editor and beside the page:
// no horizontal scrollbar, tabs on one row, no inner fixed-height box, a slim bar when collapsed beside.
// Screenshots (test-results/screenshots/tab-*.png) feed docs/screenshots/ through `npm run screenshots`.
// SIDEKICK_DIST and SIDEKICK_SHOT_PREFIX run the same tour on another build (the "before" pictures).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchExtension, openConsolePage, panel, screenshot, setAceText, startReplica, waitForPanelReady, type ExtensionBrowser, type Replica } from './support'

const DIST = process.env.SIDEKICK_DIST
const PREFIX = process.env.SIDEKICK_SHOT_PREFIX ?? ''
const BEFORE = !!DIST
const TABS = ['findings', 'least-privilege', 'simulate', 'templates', 'what-if'] as const
const POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::reports/*' },
      { Sid: 'Typo', Effect: 'allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: ['s3:GetObjects', 's3:ListBucket'], Resource: 'arn:aws:s3:::reports' },
    ],
  },
  null,
  2,
)

let replica: Replica
let browser: ExtensionBrowser

beforeAll(async () => {
  replica = await startReplica()
  browser = await launchExtension({ replica, ...(DIST ? { dist: DIST } : {}) })
})
afterAll(async () => {
  await browser?.close()
  await replica?.close()
})

/** Measurements inside the panel's shadow root (opened for automation). */
function measure(page: Page) {
  return panel(page).evaluate((host) => {
    const root = host.shadowRoot!
    const q = (s: string) => root.querySelector(s) as HTMLElement | null
    const tabs = [...root.querySelectorAll('.tablist > [role="tab"]')].map((t) => (t as HTMLElement).getBoundingClientRect().top)
    const overflowing = [...root.querySelectorAll('.body, .tabpanel, .finding, .tpl-app, .whatif')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className)
    const tp = q('.tabpanel')
    return {
      tabRows: new Set(tabs.map((t) => Math.round(t))).size,
      overflowing,
      tabpanelInnerScroll: !!tp && getComputedStyle(tp).overflowY !== 'visible' && tp.scrollHeight > tp.clientHeight + 1,
      height: host.getBoundingClientRect().height,
    }
  })
}

async function setDock(page: Page, dock: 'below' | 'side') {
  const want = dock === 'side' ? 'Dock beside the page' : 'Dock below the editor'
  const btn = panel(page).locator(`button[aria-label="${want}"]`)
  if (await btn.count()) await btn.click()
}

describe('layout', () => {
  for (const width of [900, 1400])
    for (const theme of ['light', 'dark'] as const)
      it(`every tab at ${width} px, ${theme}: no horizontal scrollbar, tabs on one row, no inner scroll box`, async () => {
        const page = await browser.context.newPage()
        await page.setViewportSize({ width, height: 900 })
        await openConsolePage(browser, `/s3/buckets/reports?region=us-east-1&tab=permissions${theme === 'dark' ? '&mode=dark' : ''}`, { page })
        await waitForPanelReady(page)
        await setDock(page, 'below')
        await setAceText(page, POLICY)
        await waitForPanelReady(page)
        await page.waitForTimeout(1500)
        for (const tab of TABS) {
          await panel(page).locator(`[role="tab"][data-tab="${tab}"]`).click()
          await page.waitForTimeout(tab === 'templates' || tab === 'what-if' ? 1500 : 600)
          await screenshot(page, `${PREFIX}tab-${tab}-${theme}-${width}`, panel(page))
          const m = await measure(page)
          if (!BEFORE) {
            expect(m.overflowing, `${tab}: elements wider than their box`).toEqual([])
            expect(m.tabRows, `${tab}: tab rows`).toBe(1)
            expect(m.tabpanelInnerScroll, `${tab}: inner scroll box`).toBe(false)
          }
        }
        // Beside the page: tabs still on one row; collapsed, a slim bar.
        await panel(page).locator('[role="tab"][data-tab="findings"]').click()
        await setDock(page, 'side')
        await page.waitForTimeout(400)
        await screenshot(page, `${PREFIX}dock-side-${theme}-${width}`)
        const side = await measure(page)
        await panel(page).locator('button[data-action="collapse"]').click()
        await page.waitForTimeout(400)
        await screenshot(page, `${PREFIX}dock-side-collapsed-${theme}-${width}`)
        const collapsed = await measure(page)
        await panel(page).locator('button[data-action="collapse"]').click()
        await setDock(page, 'below')
        if (!BEFORE) {
          expect(side.tabRows).toBe(1)
          expect(side.overflowing).toEqual([])
          expect(collapsed.height).toBeLessThan(80)
        }
        await page.close()
      })
})
