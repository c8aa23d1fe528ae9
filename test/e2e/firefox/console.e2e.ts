/**
 * The extension in Firefox ESR (dist-firefox/ installed as a temporary add-on, driven over WebDriver
 * BiDi), on the same console replica: the console checks of the Chromium suite (test/e2e/console.e2e.ts,
 * popup.e2e.ts, whatif.e2e.ts, page-kinds.e2e.ts), mirrored where the drivers differ. Every test fails on
 * an error logged by the extension in any context and on a request outside the console hosts
 * (test/e2e/support/guards.ts, fed by the Firefox harness).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ElementHandle, Page } from 'puppeteer-core'
import { startReplica, takeProblems, type Replica } from '../support'
import { ACE_FX, launchFirefox, until, waitForAceFx, type FirefoxBrowser } from '../support/firefox'
import { PAGE_KINDS } from '../support/page-kinds'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { SCREENSHOTS } from '../support'

const PANEL = '[data-iam-sidekick="panel"]'
const WHATIF = '[data-iam-sidekick="whatif"]'
const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2)
const INVALID = policy({ Sid: 'Bad', Effect: 'allow', Action: ['s3:GetObjects'], Resource: '*' })
const ROLE = 'arn:aws:iam::111111111111:role/whatif-app'
const OBJECT = 'arn:aws:s3:::whatif-data/reports/q1.csv'
const CUSTOMER = 'arn:aws:iam::111111111111:policy/admin-everything'

let replica: Replica
let ff: FirefoxBrowser

beforeAll(async () => {
  replica = await startReplica()
  ff = await launchFirefox({ replica })
})

// Close the console tabs a failed test left open (the harness's extension tab stays).
afterEach(async () => {
  for (const p of await ff.browser.pages()) if (p.url().startsWith('https://')) await p.close().catch(() => undefined)
})

afterAll(async () => {
  await ff?.close()
  await replica?.close()
})

// ---- the page, read and driven from node (no waitForFunction: the console's CSP blocks its predicates) ----

function aceText(page: Page): Promise<string> {
  return page.evaluate((sel: string) => (document.querySelector(sel) as Element & { env: { editor: { getValue(): string } } }).env.editor.getValue(), ACE_FX)
}

async function setAceText(page: Page, text: string): Promise<void> {
  await page.evaluate((sel: string, t: string) => (document.querySelector(sel) as Element & { env: { editor: { setValue(t: string, c: number): void } } }).env.editor.setValue(t, -1), ACE_FX, text)
}

function replicaValue(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as { __replicaState?: { value: string } }).__replicaState?.value)
}

async function navigate(page: Page, to: string): Promise<void> {
  await page.evaluate((t: string) => (window as unknown as { __replicaNavigate(to: string): void }).__replicaNavigate(t), to)
}

/** An attribute of the first element matching `sel` inside a shadow host (the panel by default). */
function attr(page: Page, sel: string, name: string, host = PANEL): Promise<string | null> {
  return page.evaluate((h: string, s: string, n: string) => document.querySelector(h)?.shadowRoot?.querySelector(s)?.getAttribute(n) ?? null, host, sel, name)
}

function text(page: Page, sel: string, host = PANEL): Promise<string> {
  return page.evaluate((h: string, s: string) => (document.querySelector(h)?.shadowRoot?.querySelector(s) as HTMLElement | null)?.innerText ?? '', host, sel)
}

function codes(page: Page): Promise<string[]> {
  return page.evaluate((h: string) => [...(document.querySelector(h)?.shadowRoot?.querySelectorAll('li[data-code]') ?? [])].map((e) => e.getAttribute('data-code') ?? ''), PANEL)
}

/** A handle on an element inside a shadow host, once it exists. */
async function el(page: Page, sel: string, host = PANEL): Promise<ElementHandle<Element>> {
  return until(async () => {
    const h = await page.evaluateHandle((hs: string, s: string) => document.querySelector(hs)?.shadowRoot?.querySelector(s) ?? null, host, sel)
    const e = h.asElement() as ElementHandle<Element> | null
    if (!e) await h.dispose()
    return e
  }, `${host} ${sel}`)
}

async function click(page: Page, sel: string, host = PANEL): Promise<void> {
  const e = await el(page, sel, host)
  await e.click()
  await e.dispose()
}

/** Types into an input inside a shadow host with real key events (select-all first, as fill() does). */
async function fill(page: Page, sel: string, value: string, host = PANEL): Promise<void> {
  const e = await el(page, sel, host)
  await e.click({ count: 3 })
  await page.evaluate((x: Element) => (x as HTMLInputElement).select(), e)
  await e.type(value)
  await e.dispose()
}

async function panelReady(page: Page): Promise<void> {
  await until(async () => (await attr(page, 'section.panel', 'data-state')) === 'ready', 'the panel to be ready')
}

async function createPolicyPage(sample?: string): Promise<Page> {
  const page = await ff.openConsolePage(`/iam/home#/policies/create${sample ? `?sample=${sample}` : ''}`)
  await panelReady(page)
  return page
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) as `${string}.png` })
}

async function pressUndo(page: Page): Promise<void> {
  await page.click(`${ACE_FX} .ace_content`)
  await page.keyboard.down('Control')
  await page.keyboard.press('z')
  await page.keyboard.up('Control')
}

/** The Monaco frame's BiDi context (puppeteer's Frame does not follow the moz-extension:// frame). */
async function monacoFrame(): Promise<string> {
  return until(() => ff.frameContext(`${ff.origin}/src/extension/editor/`), 'the Monaco frame')
}

describe(`IAM Sidekick in Firefox`, () => {
  it('runs the Firefox the manifest names as its floor (strict_min_version)', async () => {
    const { readFileSync } = await import('node:fs')
    const { DIST_FIREFOX } = await import('../support/firefox')
    const manifest = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { strict_min_version: string } } }
    const floor = Number(manifest.browser_specific_settings.gecko.strict_min_version.split('.')[0])
    console.log(`firefox e2e: Firefox ${ff.version.full}, manifest floor ${floor}`)
    expect(ff.version.major).toBe(floor)
  })

  it('the guard sees errors from the page and from extension pages, and requests outside the console hosts', async () => {
    const page = await ff.openConsolePage('/iam/home#/policies/create')
    await page.evaluate(() => console.error('guard probe: page'))
    await ff.extEval(`console.error('guard probe: extension page')`)
    // A navigation (the extension pages' and the console's CSP refuse an off-host fetch before it is made).
    const away = await ff.browser.newPage()
    await away.goto('https://example.org/guard-probe').catch(() => undefined)
    await away.close()
    const seen = { errors: [] as string[], requests: [] as string[] }
    await until(async () => {
      const p = takeProblems()
      seen.errors.push(...p.errors)
      seen.requests.push(...p.requests)
      const all = JSON.stringify(seen)
      return all.includes('guard probe: page') && all.includes('guard probe: extension page') && all.includes('example.org')
    }, 'the guard to record the probes', 10_000).catch((e: Error) => {
      throw new Error(`${e.message}; seen: ${JSON.stringify(seen)}`)
    })
    await page.close()
  })

  for (const kind of PAGE_KINDS)
    it(`attaches its panel on ${kind.name} (${kind.policyType})`, async () => {
      const page = await ff.openConsolePage(kind.path, { host: kind.host })
      await panelReady(page)
      expect(await attr(page, 'section.panel', 'data-policy-type')).toBe(kind.policyType)
      expect(await page.evaluate((h: string) => document.querySelectorAll(h).length, PANEL)).toBe(1)
      await page.close()
    })

  it('docks below the editor and shows the findings of an invalid policy as it is typed', async () => {
    const page = await createPolicyPage()
    expect(await page.evaluate((h: string) => /awsui_code-editor_/.test(document.querySelector(h)?.previousElementSibling?.className ?? ''), PANEL)).toBe(true)
    expect(await page.evaluate((h: string) => document.querySelector(h)?.shadowRoot?.querySelectorAll('[role="tablist"] [role="tab"]').length, PANEL)).toBe(5)
    await setAceText(page, INVALID)
    await until(async () => (await codes(page)).includes('INVALID_ACTION'), 'INVALID_ACTION', 10_000)
    expect(await codes(page)).toContain('INVALID_EFFECT')
    expect(await attr(page, 'li[data-code="INVALID_ACTION"]', 'data-severity')).toBe('ERROR')
    expect(Number(await text(page, '[data-tab="findings"] .count'))).toBe((await codes(page)).length)
    await shot(page, 'firefox-findings')
    await page.close()
  })

  it('applies a one-click fix through the page’s editor (text and React state), and Ctrl+Z undoes it', async () => {
    const page = await createPolicyPage()
    await setAceText(page, INVALID)
    await click(page, 'li[data-code="INVALID_EFFECT"] button[data-fix]')
    await until(async () => (await aceText(page)).includes('"Effect": "Allow"'), 'the fix in Ace')
    await until(async () => (await replicaValue(page))?.includes('"Effect": "Allow"'), 'the fix in the page state')
    await until(async () => !(await codes(page)).includes('INVALID_EFFECT'), 'INVALID_EFFECT to go')
    // Let the console's debounced change handler settle, as a person pressing Ctrl+Z would.
    await until(
      () => page.evaluate(() => (window as unknown as { __replicaState?: { delayedValue: string } }).__replicaState?.delayedValue.includes('"Effect": "Allow"')),
      'the debounced value',
    )
    await pressUndo(page)
    await until(async () => (await aceText(page)) === INVALID, 'Ctrl+Z to restore the text')
    await until(async () => (await replicaValue(page)) === INVALID, 'Ctrl+Z to restore the page state')
    await page.close()
  })

  it('follows SPA navigation: each new editor gets its own panel with the page’s policy type', async () => {
    const page = await createPolicyPage()
    const typeAfter = async (to: string, type: string) => {
      await navigate(page, to)
      await waitForAceFx(page)
      await until(async () => (await attr(page, 'section.panel', 'data-policy-type')) === type, `policy type ${type} after ${to}`, 10_000)
      expect(await page.evaluate((h: string) => document.querySelectorAll(h).length, PANEL)).toBe(1)
    }
    await typeAfter('#/roles/details/app-role?section=trust_relationships', 'trust')
    await typeAfter('/s3/buckets/reports?region=us-east-1&tab=permissions', 'resource')
    expect(await text(page, '.kind')).toContain('S3 bucket policy')
    await typeAfter('/organizations/v2/home/policies/service-control-policy/create', 'scp')
    await navigate(page, '/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3A111111111111%3Apolicy%2Fbroken-policy?section=permissions')
    await until(async () => (await text(page, '.kind')).includes('read-only'), 'the read-only policy view', 10_000)
    await until(async () => (await codes(page)).includes('INVALID_ACTION'), 'findings on the read-only view', 10_000)
    await navigate(page, '/')
    await until(async () => (await page.evaluate((h: string) => document.querySelectorAll(h).length, PANEL)) === 0, 'no panel left behind')
    await page.close()
  })

  it('opens Monaco in its moz-extension:// frame, synced both ways, with the engine’s markers and working workers', async () => {
    const page = await createPolicyPage('typos')
    await click(page, 'button[data-action="monaco"]')
    const frame = await monacoFrame()
    const monaco = <T,>(fn: string) => ff.evalIn<T | undefined>(frame, `const m = window.__iamSidekickMonaco; return m ? (${fn}) : undefined`)
    const native = await aceText(page)
    await until(async () => (await monaco<string>('m.getValue()')) === native, 'Monaco to hold the console text')
    await until(async () => ((await monaco<string[]>('m.markers().map((x) => x.code)')) ?? []).includes('INVALID_ACTION'), 'engine markers in Monaco')
    // Native → Monaco
    await setAceText(page, INVALID)
    await until(async () => (await monaco<string>('m.getValue()')) === INVALID, 'native → Monaco')
    // Monaco → native and the page's state
    const edited = INVALID.replace('s3:GetObjects', 's3:GetObject')
    await monaco(`m.setValue(${JSON.stringify(edited)})`)
    await until(async () => (await aceText(page)) === edited, 'Monaco → native')
    await until(async () => (await replicaValue(page)) === edited, 'Monaco → page state')
    // The JSON worker formats the document (a worker that failed to start would leave it on one line).
    const compact = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] })
    await monaco(`m.setValue(${JSON.stringify(compact)})`)
    await until(async () => {
      await monaco(`m.runAt(1, 1, 'editor.action.formatDocument')`)
      return ((await monaco<string>('m.getValue()')) ?? '').split('\n').length > 3
    }, 'the JSON worker to format the document')
    // Completions from the catalogue in the suggest widget.
    const draft = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObjectT", "Resource": "*" }]\n}'
    await monaco(`m.setValue(${JSON.stringify(draft)})`)
    const col = draft.split('\n')[2]!.indexOf('s3:GetObjectT') + 's3:GetObjectT'.length + 1
    await until(async () => {
      await monaco(`m.runAt(3, ${col}, 'editor.action.triggerSuggest')`)
      await new Promise((r) => setTimeout(r, 400))
      return ff.evalIn<boolean>(frame, `return document.querySelector('.suggest-widget')?.textContent?.includes('s3:GetObjectTagging') ?? false`)
    }, 'the suggest widget to offer s3:GetObjectTagging')
    await shot(page, 'firefox-monaco')
    await page.close()
  })

  it('the popup inserts a template into the console tab, undoable in the page’s editor', async () => {
    const page = await createPolicyPage()
    const before = await aceText(page)
    // The popup's messages, as the popup sends them (an extension page asking the console tab).
    const status = await ff.extEval<{ hasEditor: boolean; policyType: string; accountId: string }>(`
      const tabs = (await browser.tabs.query({})).filter((t) => /console\\.aws\\.amazon\\.com/.test(t.url ?? ''))
      return await browser.tabs.sendMessage(tabs[tabs.length - 1].id, { v: 1, type: 'get-editor-status' })`)
    expect(status).toMatchObject({ hasEditor: true, policyType: 'identity', accountId: '111111111111' })
    // The popup page itself, in a tab of its own: it targets the most recently used console tab.
    const popup = await ff.openExtensionTab('src/extension/popup/index.html')
    await popup.setViewport({ width: 400, height: 600 })
    await until(() => popup.eval<boolean>(`return !!document.querySelector('[data-template-id]') && document.querySelector('.popup-target')?.getAttribute('data-target') === 'editor'`), 'the popup to find the console editor')
    await popup.eval(`const s = document.querySelector('#tpl-search'); s.focus(); return null`)
    await popup.type('lambda trust')
    await until(() => popup.eval<boolean>(`return document.querySelector('[aria-selected="true"][data-template-id]') !== null`), 'a selected row')
    await popup.press('Enter')
    // The editor already holds a policy: the popup asks whether to replace it or add the template's statements.
    await until(() => popup.eval<boolean>(`return !!document.querySelector('[data-view="choose"] [data-action="insert-replace"]')`), 'the replace-or-add choice')
    await popup.eval(`document.querySelector('[data-action="insert-replace"]').click(); return null`)
    await until(async () => (await aceText(page)).includes('lambda.amazonaws.com'), 'the template in the console editor')
    await until(async () => (await replicaValue(page))?.includes('lambda.amazonaws.com'), 'the template in the page state')
    await popup.screenshot('firefox-popup-insert')
    await popup.close()
    await until(
      () => page.evaluate(() => (window as unknown as { __replicaState?: { delayedValue: string } }).__replicaState?.delayedValue.includes('lambda.amazonaws.com')),
      'the debounced value',
    )
    await page.evaluate((sel: string) => (document.querySelector(sel) as Element & { env: { editor: { undo(): void } } }).env.editor.undo(), ACE_FX)
    await until(async () => (await aceText(page)) === before, 'undo to restore the text')
    await page.close()
  })

  it('What-if: collects a role’s policies and a bucket policy while browsing, and answers a question', async () => {
    const page = await ff.openConsolePage('/iam/home#/roles/details/whatif-app?section=permissions', { waitForEditor: false })
    // Expand the inline policy's row (its document shows then), as in the Chromium suite.
    await until(
      () =>
        page.evaluate(() => {
          const el = [...document.querySelectorAll('button, a, span')].find((e) => e.textContent?.trim() === 'deny-delete') as HTMLElement | undefined
          el?.click()
          return !!el
        }),
      'the inline policy row',
    )
    await click(page, '[data-testid="whatif-card-toggle"]', WHATIF)
    const reading = '[data-testid="whatif-reading"][data-reader="iam-principal-permissions"]'
    await until(async () => (await attr(page, `${reading} [data-testid="whatif-found"][data-name="deny-delete"]`, 'data-has-document', WHATIF)) === 'true', 'the role’s policies', 20_000)
    const items = (host: string) => page.evaluate((h: string) => document.querySelector(h)?.shadowRoot?.querySelectorAll('[data-testid="whatif-item"]').length ?? 0, host)
    // The reading re-renders as the role's documents arrive: click Add again if a click landed on a replaced button.
    await until(async () => {
      if ((await items(WHATIF)) < 4) await click(page, `${reading} [data-testid="whatif-add"]`, WHATIF)
      await new Promise((r) => setTimeout(r, 500))
      return (await items(WHATIF)) >= 4
    }, 'the role’s four policies in the basket')
    const boundary = '[data-testid="whatif-reading"][data-reader="iam-permissions-boundary"]'
    await until(async () => (await attr(page, `${boundary} [data-testid="whatif-found"]`, 'data-has-document', WHATIF)) === 'true', 'the permissions boundary')
    await click(page, `${boundary} [data-testid="whatif-add"]`, WHATIF)
    const names = (host: string) => page.evaluate((h: string) => [...(document.querySelector(h)?.shadowRoot?.querySelectorAll('[data-testid="whatif-item"]') ?? [])].map((e) => e.getAttribute('data-name')).join(', '), host)
    await until(async () => (await items(WHATIF)) === 5, 'five policies in the basket').catch(async (e: Error) => {
      throw new Error(`${e.message}: ${await names(WHATIF)}`)
    })
    expect(await attr(page, '[data-testid="whatif-item"][data-name="admin-everything"]', 'data-missing', WHATIF)).toBe('true')
    // The bucket's page: its policy goes in as the bucket's resource policy.
    await page.goto('https://s3.console.aws.amazon.com/s3/buckets/whatif-data?region=us-east-1&bucketType=general&tab=permissions')
    await waitForAceFx(page)
    await click(page, '[role="tab"][data-tab="what-if"]')
    await click(page, '[data-testid="whatif-reading"][data-reader="s3-bucket-policy"] [data-testid="whatif-add"]')
    await until(async () => (await items(PANEL)) === 6, 'six policies in the basket')
    const ask = async (action: string): Promise<string> => {
      await fill(page, '[data-testid="whatif-principal"]', ROLE)
      await fill(page, '[data-testid="whatif-action"]', action)
      await fill(page, '[data-testid="whatif-resource"]', OBJECT)
      await page.evaluate((h: string) => document.querySelector(h)?.shadowRoot?.querySelector('[data-testid="whatif-decision"]')?.removeAttribute('data-decision'), PANEL)
      await click(page, '[data-testid="whatif-ask-run"]')
      return until(async () => attr(page, '[data-testid="whatif-decision"]', 'data-decision'), `the answer for ${action}`)
    }
    // The role's customer managed policy is listed but unseen: What-if does not guess (issue 11).
    expect(await ask('s3:PutObject')).toBe('undecided')
    // Its JSON view fills the missing entry.
    await page.goto(`https://us-east-1.console.aws.amazon.com/iam/home#/policies/details/${encodeURIComponent(CUSTOMER)}`)
    await waitForAceFx(page)
    await click(page, '[role="tab"][data-tab="what-if"]')
    const policyReading = '[data-testid="whatif-reading"][data-reader^="iam-policy-"]'
    await until(async () => /fills missing/.test((await page.evaluate((args: [string, string]) => document.querySelector(args[0])?.shadowRoot?.querySelector(args[1])?.textContent ?? '', [PANEL, `${policyReading} [data-testid="whatif-add"]`] as [string, string])) ?? ''), 'the policy page to offer filling the missing entry', 20_000)
    await click(page, `${policyReading} [data-testid="whatif-add"]`)
    await until(async () => (await attr(page, '[data-testid="whatif-item"][data-name="admin-everything"]', 'data-missing')) === 'false', 'the missing policy filled')
    expect(await ask('s3:PutObject')).toBe('ExplicitDeny')
    expect(await ask('s3:GetObject')).toBe('Allowed')
    await shot(page, 'firefox-whatif')
    await page.close()
  })

  it('works in dark mode on the GovCloud console', async () => {
    const page = await ff.openConsolePage('/iam/home?mode=dark#/policies/create?sample=admin', { host: 'https://console.amazonaws-us-gov.com' })
    await panelReady(page)
    expect(await attr(page, 'section.panel', 'class')).toContain('dark')
    await click(page, '[role="tab"][data-tab="least-privilege"]')
    await shot(page, 'firefox-dark-mode')
    await page.close()
  })
})
