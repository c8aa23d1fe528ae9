// Dev probe (not a test): node --import tsx test/e2e/support/probe.mts
import { startReplica, launchExtension, openConsolePage, panel, screenshot, aceText } from './index.ts'
const replica = await startReplica()
const b = await launchExtension({ replica })
const page = await openConsolePage(b, process.argv[2] ?? '/iam/home#/policies/create?sample=typos')
page.on('console', (m) => console.log('console:', m.type(), m.text()))
page.on('pageerror', (e) => console.log('pageerror:', e.message))
await page.waitForTimeout(2500)
console.log('hosts', await page.locator('[data-iam-sidekick="panel"]').count())
console.log('rows', await panel(page).locator('li[data-code]').count())
console.log(await panel(page).locator('li[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code') + ' ' + e.getAttribute('data-severity'))))
await screenshot(page, 'probe')
await b.close(); await replica.close()
