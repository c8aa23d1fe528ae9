// The addons.mozilla.org package made by `npm run package` installs in Firefox ESR (as a temporary
// add-on, from the archive itself) and its panel works on the console replica.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReplica, type Replica } from '../support'
import { readZip } from '../support/archive'
import { launchFirefox, until, type FirefoxBrowser } from '../support/firefox'
import { ensureArchives, VERSION } from '../support/release'

let replica: Replica
let ff: FirefoxBrowser

beforeAll(async () => {
  const archives = ensureArchives()
  expect((JSON.parse(readZip(archives.firefox).get('manifest.json')!.toString()) as { version: string }).version).toBe(VERSION)
  replica = await startReplica()
  ff = await launchFirefox({ replica, extension: archives.firefox })
})

afterAll(async () => {
  await ff?.close()
  await replica?.close()
})

describe('the AMO package in Firefox', () => {
  it('installs from the archive and shows its findings on the console', async () => {
    expect(await ff.extEval<string>('return browser.runtime.getManifest().version')).toBe(VERSION)
    const page = await ff.openConsolePage('/iam/home#/policies/create?sample=typos')
    const count = () => page.evaluate(() => document.querySelector('[data-iam-sidekick="panel"]')?.shadowRoot?.querySelectorAll('li[data-code]').length ?? 0)
    await until(async () => (await count()) > 0, 'findings in the panel')
    await page.close()
  })
})
