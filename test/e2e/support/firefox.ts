/**
 * Firefox end-to-end harness: Debian's Firefox ESR (`/usr/bin/firefox-esr`, or FIREFOX_PATH) driven by
 * puppeteer-core over WebDriver BiDi (no geckodriver), with the built Firefox extension (dist-firefox/)
 * installed as a temporary add-on, against the same console replica as the Chromium suite.
 *
 * Firefox has no --host-resolver-rules: a small local CONNECT proxy (set through the manual proxy prefs)
 * tunnels the console host names to the replica and refuses everything else, so URLs stay port-free (the
 * editor frame's origin check refuses a console origin with a port) and every request outside the
 * console hosts is seen and counted. `acceptInsecureCerts` accepts the replica's self-signed certificate.
 *
 * Errors from every context: the tab's own log (page, content script, MAIN world) through BiDi, and
 * every content error (background, popup, frames and the tab again) from Firefox's stdout
 * (`devtools.console.stdout.content`).
 *
 *   const replica = await startReplica()
 *   const ff = await launchFirefox({ replica })
 *   const page = await ff.openConsolePage('/iam/home#/policies/create')
 *   ...
 *   ff.takeProblems()   // errors and off-host requests since the last call (the spec's afterEach fails on them)
 *   await ff.close(); await replica.close()
 */
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, connect, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'
import { readZip } from './archive'
import { isConsoleHost, registerProblemSource, type Problems } from './guards'
import { CONSOLE, ROOT, SCREENSHOTS, type Replica } from './index'

export { isConsoleHost }

export const DIST_FIREFOX = join(ROOT, 'dist-firefox')
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'

/** The version of the Firefox the suite runs (e.g. 153). */
export function firefoxVersion(path = FIREFOX): { full: string; major: number } {
  const out = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout ?? ''
  const full = /(\d+(?:\.\d+)+)/.exec(out)?.[1] ?? '0'
  return { full, major: Number(full.split('.')[0]) }
}

/**
 * Firefox's own background traffic (Remote Settings, captive-portal and connectivity checks, push, add-on
 * updates): attributed to the browser, not the extension. The extension has no reason to reach any of these.
 */
export function isBrowserOwnHost(host: string): boolean {
  return /(?:^|\.)(?:mozilla\.(?:com|net|org)|firefox\.com|mozaws\.net|dummy\.test)$/i.test(host)
}

export interface ConsoleProxy {
  port: number
  /** host:port of every CONNECT or plain request the proxy refused (outside the console hosts). */
  refused: string[]
  close(): Promise<void>
}

/** A CONNECT proxy: console hosts on 443 go to the replica, everything else is refused and recorded. */
export async function startConsoleProxy(replicaPort: number): Promise<ConsoleProxy> {
  const refused: string[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((client) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => undefined)
    client.once('data', (chunk) => {
      const head = chunk.toString('latin1')
      const line = head.slice(0, head.indexOf('\r\n'))
      const [method, target] = line.split(' ')
      if (method === 'CONNECT' && target) {
        const [host, port] = target.split(':')
        if (host && isConsoleHost(host) && port === '443') {
          const upstream = connect(replicaPort, '127.0.0.1', () => {
            client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
            upstream.pipe(client)
            client.pipe(upstream)
          })
          sockets.add(upstream)
          upstream.on('close', () => sockets.delete(upstream))
          upstream.on('error', () => client.destroy())
          return
        }
        refused.push(target)
      } else {
        let host = target ?? '?'
        try {
          host = new URL(target ?? '').host
        } catch {
          /* keep the raw target */
        }
        refused.push(host)
      }
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

export interface FirefoxLaunchOptions {
  replica: Replica
  /** The extension to install: an unpacked folder (default dist-firefox/) or a packaged .zip/.xpi; false for none. */
  extension?: string | false
  /** Open the panel's shadow roots for automation (storage.local devExposePanel, default true). */
  exposePanel?: boolean
  viewport?: { width: number; height: number }
  /** Extra Firefox prefs, e.g. { 'ui.systemUsesDarkTheme': 1 }. */
  prefs?: Record<string, unknown>
}

export interface FirefoxBrowser {
  browser: Browser
  /** The add-on id and its pinned moz-extension:// UUID. */
  addonId: string | undefined
  uuid: string
  /** moz-extension://UUID */
  origin: string
  version: { full: string; major: number }
  proxy: ConsoleProxy
  /** A new tab on a console URL path (default host: the us-east-1 console), waiting for Ace unless told not to. */
  openConsolePage(path: string, opts?: { host?: string; waitForEditor?: boolean; page?: Page }): Promise<Page>
  /** Evaluates an async function body in an extension page's realm (where `browser.*` is the WebExtension API). */
  extEval<T = unknown>(body: string): Promise<T>
  /** A raw BiDi tab on an extension page (puppeteer's Page does not follow moz-extension:// navigations). */
  openExtensionTab(path: string): Promise<ExtensionTab>
  /** The BiDi context id of a frame (at any depth) whose URL starts with `prefix` (puppeteer's Frame keeps about:blank for extension frames). */
  frameContext(prefix: string): Promise<string | undefined>
  /** Evaluates an async function body in a BiDi context (tab or frame); the result must be JSON-serialisable. */
  evalIn<T = unknown>(context: string, body: string): Promise<T>
  /** Errors logged by the extension in any context, and requests outside the console hosts, since the last call. */
  takeProblems(): Problems
  close(): Promise<void>
}

export interface ExtensionTab {
  context: string
  /** Evaluates an async function body in the tab; the result must be JSON-serialisable. */
  eval<T = unknown>(body: string): Promise<T>
  /** Real key presses in the tab (BiDi input.performActions), e.g. ['Enter'] or text. */
  press(keys: string): Promise<void>
  type(text: string): Promise<void>
  screenshot(name: string): Promise<string>
  setViewport(size: { width: number; height: number }): Promise<void>
  close(): Promise<void>
}

const ADDON_ID_FALLBACK = 'iam-sidekick@iam-sidekick.dev'
const KEY: Record<string, string> = { Enter: '\uE007', Escape: '\uE00C', ArrowDown: '\uE015', ArrowUp: '\uE013', Tab: '\uE004', Control: '\uE009' }

/**
 * True for Firefox stdout lines that report an error from web content: `console.error: ...` from any page,
 * frame, extension page or the background (with `devtools.console.stdout.content`, which does not name
 * the source), and `JavaScript error: URL, line N: ...` for uncaught errors (MAIN-world scripts show as
 * `<anonymous code>`). The tab's own messages also arrive through BiDi, with their URL.
 */
export function isContentError(line: string): boolean {
  return /^(?:JavaScript error|console\.error):/.test(line)
}

export async function launchFirefox(opts: FirefoxLaunchOptions): Promise<FirefoxBrowser> {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: apt-get install firefox-esr`)
  const source = opts.extension === false ? undefined : (opts.extension ?? DIST_FIREFOX)
  const packaged = !!source && /\.(zip|xpi)$/.test(source)
  if (source && !existsSync(packaged ? source : join(source, 'manifest.json'))) throw new Error(`${source} is missing: npm run build`)
  const version = firefoxVersion()
  const work = mkdtempSync(join(tmpdir(), 'iam-sidekick-ff-'))
  // Install a copy: a rebuild of dist-firefox/ while the browser runs must not pull files from under it.
  const extensionDir = join(work, packaged ? 'extension.zip' : 'extension')
  let addonId: string | undefined
  if (source) {
    cpSync(source, extensionDir, { recursive: true })
    const manifest = packaged ? readZip(extensionDir).get('manifest.json')!.toString('utf8') : readFileSync(join(extensionDir, 'manifest.json'), 'utf8')
    addonId = (JSON.parse(manifest) as { browser_specific_settings?: { gecko?: { id?: string } } }).browser_specific_settings?.gecko?.id ?? ADDON_ID_FALLBACK
  }
  const uuid = randomUUID()
  const origin = `moz-extension://${uuid}`
  const proxy = await startConsoleProxy(opts.replica.port)
  const problems: Problems = { errors: [], requests: [] }
  const viewport = opts.viewport ?? { width: 1280, height: 900 }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    defaultViewport: viewport,
    // 153 refuses BiDi navigation to moz-extension:// without it; 140 does not know the flag.
    args: version.major >= 150 ? ['--remote-allow-system-access'] : [],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.share_proxy_settings': false,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.socks_remote_dns': true,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'dom.push.enabled': false,
      'messaging-system.rsexperimentloader.enabled': false,
      'app.shield.optoutstudies.enabled': false,
      'browser.translations.enable': false,
      'browser.region.network.url': '',
      'extensions.webextensions.uuids': JSON.stringify(addonId ? { [addonId]: uuid } : {}),
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': false,
      'ui.prefersReducedMotion': 1,
      ...(opts.prefs ?? {}),
    },
  })
  // Background, popup and frame errors reach stdout; the tab's own log comes through BiDi below.
  const proc = browser.process()
  let pending = ''
  proc?.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8')
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    if (process.env.FIREFOX_STDOUT) process.stderr.write(lines.map((l) => `[firefox] ${l}\n`).join(''))
    for (const line of lines) if (isContentError(line)) problems.errors.push(`firefox stdout: ${line.trim()}`)
  })
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.errors.push(`console (${page.url()}): ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.errors.push(`pageerror (${page.url()}): ${String(e)}`))
    page.on('request', (r) => {
      const u = r.url()
      if (/^(?:data|blob|about|moz-extension):/.test(u)) return
      try {
        const host = new URL(u).hostname
        if (!isConsoleHost(host)) problems.requests.push(u)
      } catch {
        problems.requests.push(u)
      }
    })
  }
  browser.on('targetcreated', (t) => void t.page().then((p) => p && watch(p)).catch(() => undefined))
  for (const p of await browser.pages()) watch(p)
  const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } }).connection
  const send = async <T>(method: string, params: object): Promise<T> => (await bidi.send(method, params)).result as T
  // BiDi webExtension.install: a folder or the packaged archive itself, as a temporary add-on.
  if (source) await send('webExtension.install', { extensionData: packaged ? { type: 'archivePath', path: extensionDir } : { type: 'path', path: extensionDir } })

  const tabEval = async <T>(context: string, body: string): Promise<T> => {
    const r = await send<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => { ${body} })() ?? null))()`,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    })
    if (r.type === 'exception') throw new Error(`extension page: ${r.exceptionDetails?.text}`)
    return JSON.parse(String(r.result?.value ?? 'null')) as T
  }

  const openExtensionTab = async (path: string): Promise<ExtensionTab> => {
    const { context } = await send<{ context: string }>('browsingContext.create', { type: 'tab' })
    await send('browsingContext.setViewport', { context, viewport })
    await send('browsingContext.navigate', { context, url: `${origin}/${path.replace(/^\//, '')}`, wait: 'complete' })
    const keys = async (values: string[]) => {
      const actions = values.flatMap((v) => [{ type: 'keyDown', value: v }, { type: 'keyUp', value: v }])
      await send('input.performActions', { context, actions: [{ type: 'key', id: 'kb', actions }] })
    }
    return {
      context,
      eval: (body) => tabEval(context, body),
      press: (k) => keys([KEY[k] ?? k]),
      type: (text) => keys([...text]),
      async screenshot(name) {
        const { data } = await send<{ data: string }>('browsingContext.captureScreenshot', { context })
        mkdirSync(SCREENSHOTS, { recursive: true })
        const file = join(SCREENSHOTS, `${name}.png`)
        const { writeFileSync } = await import('node:fs')
        writeFileSync(file, Buffer.from(data, 'base64'))
        return file
      },
      async setViewport(size) {
        await send('browsingContext.setViewport', { context, viewport: size })
      },
      close: async () => void (await send('browsingContext.close', { context }).catch(() => undefined)),
    }
  }

  // One extension page kept open for extEval (it plays the role the service worker plays in Chromium);
  // opened again if a test closed it.
  let helper: ExtensionTab | undefined
  const extEval = async <T>(body: string): Promise<T> => {
    helper ??= await openExtensionTab('src/extension/options/index.html')
    try {
      return await helper.eval<T>(body)
    } catch (e) {
      if (!/no such frame/i.test(String(e))) throw e
      helper = await openExtensionTab('src/extension/options/index.html')
      return helper.eval<T>(body)
    }
  }

  interface TreeNode {
    context: string
    url: string
    children?: TreeNode[] | null
  }
  const frameContext = async (prefix: string): Promise<string | undefined> => {
    const { contexts } = await send<{ contexts: TreeNode[] }>('browsingContext.getTree', {})
    const walk = (nodes: TreeNode[]): string | undefined => {
      for (const n of nodes) {
        if (n.url.startsWith(prefix)) return n.context
        const hit = walk(n.children ?? [])
        if (hit) return hit
      }
      return undefined
    }
    return walk(contexts)
  }

  if (source && opts.exposePanel !== false) await extEval('await browser.storage.local.set({ devExposePanel: true })')

  function takeProblems(): Problems {
    const refused = proxy.refused.splice(0).filter((h) => !isBrowserOwnHost(h.split(':')[0] ?? h))
    return { errors: problems.errors.splice(0), requests: [...problems.requests.splice(0), ...refused.map((h) => `proxy refused ${h}`)] }
  }
  const unregister = registerProblemSource(takeProblems)

  const ff: FirefoxBrowser = {
    browser,
    addonId,
    uuid,
    origin,
    version,
    proxy,
    async openConsolePage(path, o = {}) {
      const page = o.page ?? (await browser.newPage())
      await page.goto(`${o.host ?? CONSOLE}${path}`)
      if (o.waitForEditor !== false) await waitForAceFx(page)
      return page
    },
    extEval,
    openExtensionTab,
    frameContext,
    evalIn: (context, body) => tabEval(context, body),
    takeProblems,
    async close() {
      unregister()
      await browser.close().catch(() => undefined)
      await proxy.close()
      rmSync(work, { recursive: true, force: true })
    },
  }
  return ff
}

/** Polls `fn` in node until it returns a truthy value (waitForFunction builds predicates with new Function(), which the console's CSP blocks). */
export async function until<T>(fn: () => Promise<T | null | undefined | false | '' | 0>, what: string, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout
  let last: unknown
  for (;;) {
    try {
      const v = await fn()
      if (v) return v as T
      last = v
    } catch (e) {
      last = e
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${String(last)})`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export const ACE_FX = '[class*="awsui_code-editor_"] .ace_editor'

export async function waitForAceFx(page: Page, index = 0): Promise<void> {
  await until(
    () => page.evaluate((sel: string, i: number) => !!(document.querySelectorAll(sel)[i] as (Element & { env?: { editor?: unknown } }) | undefined)?.env?.editor, ACE_FX, index),
    'the console editor (Ace)',
  )
}
