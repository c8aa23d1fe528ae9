import { startReplica, launchExtension, openConsolePage, panel, screenshot, waitForPanelReady, setAceText } from './index.ts'
const replica = await startReplica()
const b = await launchExtension({ replica })
for (let i = 0; i < 3; i++) {
  const page = await openConsolePage(b, '/iam/home#/policies/create')
  page.on('console', (m) => console.log(i, 'console:', m.type(), m.text()))
  page.on('pageerror', (e) => console.log(i, 'pageerror:', e.message))
  try { await waitForPanelReady(page) } catch (e) { console.log('not ready', i) }
  console.log(i, await page.locator('[data-iam-sidekick="panel"]').evaluateAll((els) => els.map((e) => e.shadowRoot?.querySelector('section')?.getAttribute('data-state'))))
  await setAceText(page, '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObjects","Resource":"*"}]}')
  await page.waitForTimeout(500)
  await screenshot(page, 'probe' + i)
  await page.close()
}
await b.close(); await replica.close()
