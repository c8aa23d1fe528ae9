import { startReplica, launchExtension, openConsolePage, panel, screenshot, navigate, waitForAce } from './index.ts'
const replica = await startReplica()
const b = await launchExtension({ replica })
const page = await openConsolePage(b, '/iam/home#/policies/create')
page.on('console', (m) => console.log('console:', m.type(), m.text()))
await (await import('./index.ts')).waitForPanelReady(page)
await navigate(page, '#/roles/details/app-role?section=trust_relationships')
await waitForAce(page)
for (let i = 0; i < 5; i++) {
  await page.waitForTimeout(1000)
  console.log(await page.locator('[data-iam-sidekick="panel"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-editor') + ' ' + e.shadowRoot?.querySelector('section')?.getAttribute('data-state') + ' ' + e.shadowRoot?.querySelector('section')?.getAttribute('data-policy-type') + ' ' + e.isConnected)))
  console.log(await page.evaluate(() => [...document.querySelectorAll('[data-iam-sidekick-editor]')].map((e) => e.getAttribute('data-iam-sidekick-editor'))))
}
await screenshot(page, 'probe')
await b.close(); await replica.close()
