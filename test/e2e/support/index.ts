/**
 * End-to-end harness: Debian's Chromium (through playwright-core, no browser download) with the built
 * extension (dist/) loaded, against the local console replica served over HTTPS for the console host
 * names. The shipped manifest and match patterns are exactly what runs: Chromium maps the console hosts
 * to the replica with --host-resolver-rules and accepts its self-signed certificate.
 *
 *   const replica = await startReplica()
 *   const browser = await launchExtension({ replica })
 *   const page = await openConsolePage(browser, '/iam/home#/policies/create')
 *   await panel(page).locator('[data-code]').first().waitFor()
 *   await screenshot(page, 'findings')
 *   await browser.close(); await replica.close()
 *
 * See ./README.md for the whole API.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Locator, type Page, type Worker } from 'playwright-core'
import { startReplicaServer } from '../../replica/server.mjs'
import { isAllowedUrl, registerProblemSource, type Problems } from './guards'

export { takeProblems, type Problems } from './guards'

// Report the service worker's own requests too (context.on('request') then covers them).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= '1'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
export const DIST = join(ROOT, 'dist')
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** The console host the tests open by default (a regional one, as the console redirects to). */
export const CONSOLE = 'https://us-east-1.console.aws.amazon.com'

export interface Replica {
  port: number
  /** The --host-resolver-rules value mapping every console host to the replica. */
  hostResolverRules: string
  close(): Promise<void>
}

/** Builds the replica if its sources changed (cached in test/replica/dist) and serves it on a free port. */
export async function startReplica(): Promise<Replica> {
  return startReplicaServer({ port: 0 })
}

export interface ExtensionBrowser {
  context: BrowserContext
  /** The extension's id; undefined when launched without the extension. */
  extensionId: string | undefined
  serviceWorker: Worker | undefined
  close(): Promise<void>
}

export interface LaunchOptions {
  replica: Replica
  /** Load the extension (default true). False gives the same browser without it (for latency baselines). */
  extension?: boolean
  /** The unpacked extension to load (default dist/). */
  dist?: string
  /** Headful (needs a display, e.g. under xvfb-run). Default: --headless=new. */
  headful?: boolean
  viewport?: { width: number; height: number }
  extraArgs?: string[]
  /**
   * Open the panel's and the What-if card's shadow roots for automation (default true): sets
   * `devExposePanel` in the extension's storage.local through its service worker, as only an extension
   * context can. `false` keeps the shipped default (closed roots), for tests that act as a hostile page.
   */
  exposePanel?: boolean
}

export function chromiumArgs(opts: LaunchOptions): string[] {
  const dist = opts.dist ?? DIST
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
    `--host-resolver-rules=${opts.replica.hostResolverRules}`,
    '--ignore-certificate-errors',
  ]
  if (!opts.headful) args.unshift('--headless=new')
  if (opts.extension !== false) args.push(`--disable-extensions-except=${dist}`, `--load-extension=${dist}`)
  return [...args, ...(opts.extraArgs ?? [])]
}

export async function launchExtension(opts: LaunchOptions): Promise<ExtensionBrowser> {
  const dist = opts.dist ?? DIST
  if (opts.extension !== false && !existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist}/manifest.json is missing: run \`node scripts/build.mjs extension\` first`)
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`)
  const userDataDir = mkdtempSync(join(tmpdir(), 'iam-sidekick-e2e-'))
  // Load a copy: a rebuild of dist/ while the browser runs must not pull files from under it.
  const extensionDir = join(userDataDir, 'extension')
  if (opts.extension !== false) cpSync(dist, extensionDir, { recursive: true })
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    args: chromiumArgs({ ...opts, dist: extensionDir }),
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
  })
  const unwatch = watchChromium(context)
  let serviceWorker: Worker | undefined
  if (opts.extension !== false) serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  if (serviceWorker && opts.exposePanel !== false) await exposePanel(serviceWorker, true)
  return {
    context,
    extensionId: serviceWorker ? new URL(serviceWorker.url()).host : undefined,
    serviceWorker,
    async close() {
      await context.close().catch(() => undefined)
      unwatch()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Records, for the per-test guard (./guards.ts), every error logged in the context (pages, content and
 * MAIN-world scripts, extension frames and pages, the service worker) and every request outside the
 * console hosts. Returns the function that stops recording (call it when the context closes).
 */
export function watchChromium(context: BrowserContext): () => void {
  const problems: Problems = { errors: [], requests: [] }
  const where = (m: { page(): Page | null; worker(): Worker | null; location(): { url: string } }) => m.worker()?.url() ?? m.location().url ?? m.page()?.url() ?? '?'
  // Playwright reports the service worker's console on the context too (m.worker()).
  context.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(`console.error (${where(m)}): ${m.text()}`)
  })
  context.on('weberror', (e) => problems.errors.push(`uncaught (${e.page()?.url() ?? '?'}): ${e.error().message}`))
  context.on('request', (r) => {
    if (!isAllowedUrl(r.url())) problems.requests.push(`${r.method()} ${r.url()}`)
  })
  return registerProblemSource(() => ({ errors: problems.errors.splice(0), requests: problems.requests.splice(0) }))
}

/** Sets or clears the automation flag that opens the panel's shadow roots (read by each page on load). */
export async function exposePanel(serviceWorker: Worker, on: boolean): Promise<void> {
  await serviceWorker.evaluate(async (on: boolean) => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void>; remove(k: string): Promise<void> } } } }).chrome
    if (on) await c.storage.local.set({ devExposePanel: true })
    else await c.storage.local.remove('devExposePanel')
  }, on)
}

/** The popup page as its own tab (chrome-extension://ID/src/extension/popup/index.html). */
export async function openPopup(b: ExtensionBrowser): Promise<Page> {
  if (!b.extensionId) throw new Error('the extension is not loaded')
  const page = await b.context.newPage()
  await page.goto(`chrome-extension://${b.extensionId}/src/extension/popup/index.html`)
  return page
}

/** Opens a console URL path (on `host`, default the us-east-1 console) and waits for the replica's Ace editor. */
export async function openConsolePage(b: ExtensionBrowser, path: string, opts: { host?: string; waitForEditor?: boolean; page?: Page } = {}): Promise<Page> {
  const page = opts.page ?? (await b.context.newPage())
  await page.goto(`${opts.host ?? CONSOLE}${path}`)
  if (opts.waitForEditor !== false) await waitForAce(page)
  return page
}

export const ACE = '[class*="awsui_code-editor_"] .ace_editor'

export async function waitForAce(page: Page, index = 0): Promise<void> {
  await page.waitForFunction(
    ({ sel, index }) => {
      const el = document.querySelectorAll(sel)[index] as (Element & { env?: { editor?: unknown } }) | undefined
      return !!el?.env?.editor
    },
    { sel: ACE, index },
    { timeout: 20_000 },
  )
}

/** The text of the page's Ace editor (read through Ace in the page's world). */
export function aceText(page: Page, index = 0): Promise<string> {
  return page.evaluate(
    ({ sel, index }) => (document.querySelectorAll(sel)[index] as Element & { env: { editor: { getValue(): string } } }).env.editor.getValue(),
    { sel: ACE, index },
  )
}

/** Replaces the Ace editor's text as a program would (editor.setValue), firing the console's change handlers. */
export async function setAceText(page: Page, text: string, index = 0): Promise<void> {
  await page.evaluate(
    ({ sel, index, text }) => (document.querySelectorAll(sel)[index] as Element & { env: { editor: { setValue(t: string, c: number): void } } }).env.editor.setValue(text, -1),
    { sel: ACE, index, text },
  )
}

/** Types into Ace with real key events (focus first). */
export async function typeInAce(page: Page, text: string, opts: { delay?: number; index?: number } = {}): Promise<void> {
  await page.locator(ACE).nth(opts.index ?? 0).locator('.ace_content').click()
  await page.keyboard.type(text, { delay: opts.delay ?? 0 })
}

/** What the replica's React state holds (the console's own state, as the page sees it). */
export function replicaState(page: Page): Promise<{ page: string; value: string; delayedValue: string; changes: number; saved?: string; readOnly: boolean } | undefined> {
  return page.evaluate(() => (window as unknown as { __replicaState?: never }).__replicaState)
}

/** SPA navigation inside the replica (hash or history.pushState), as the console's router does. */
export async function navigate(page: Page, to: string): Promise<void> {
  await page.evaluate((to) => (window as unknown as { __replicaNavigate(to: string): void }).__replicaNavigate(to), to)
}

/**
 * The IAM Sidekick panel host(s): `[data-iam-sidekick="panel"]`. Playwright's CSS locators pierce its shadow
 * root when it is open, which `launchExtension` arranges by default (`exposePanel`).
 */
export function panel(page: Page, index = 0): Locator {
  return page.locator('[data-iam-sidekick="panel"]').nth(index)
}

/** Finding rows of the panel's current tab: `[data-code][data-severity]`. */
export function findingRows(page: Page, index = 0): Locator {
  return panel(page, index).locator('li[data-code]')
}

/** Waits until the panel has analysed the current text (its section carries data-state="ready"). */
export async function waitForPanelReady(page: Page, index = 0): Promise<void> {
  await panel(page, index).locator('section.panel[data-state="ready"]').waitFor({ timeout: 20_000 })
}

export async function screenshot(page: Page, name: string, locator?: Locator): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  if (locator) {
    await locator.scrollIntoViewIfNeeded()
    await locator.screenshot({ path })
  }
  else await page.screenshot({ path })
  return path
}
