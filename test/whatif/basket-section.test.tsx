// @vitest-environment happy-dom
// The popup's BasketSection (and the Ask and basket views the panel shares) against a background that
// keeps baskets the way the real one does (BasketStore), through a stand-in for webextension-polyfill.
import { render } from 'preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BUCKET, bucketPolicy, readS3, ROLE } from './fixtures'

vi.mock('webextension-polyfill', async () => {
  const { BasketStore } = await import('../../src/extension/whatif/store')
  const { parseWhatIfRequest } = await import('../../src/extension/whatif/protocol')
  const area = () => {
    const m = new Map<string, unknown>()
    return { get: async (k: string) => structuredClone(m.get(k)), set: async (k: string, v: unknown) => void m.set(k, structuredClone(v)), remove: async (k: string) => void m.delete(k) }
  }
  const store = new BasketStore(area(), area())
  const listeners = new Set<(m: unknown) => void>()
  return {
    default: {
      runtime: {
        sendMessage: async (m: unknown) => {
          const req = parseWhatIfRequest(m)
          if (!req) return undefined
          const r = await store.handle(req.windowId ?? 0, req.call)
          if (r.changed) for (const l of listeners) l({ v: 1, type: 'basket-changed', windowId: req.windowId })
          return r.reply
        },
        onMessage: { addListener: (l: (m: unknown) => void) => listeners.add(l), removeListener: (l: (m: unknown) => void) => listeners.delete(l) },
      },
      windows: { getCurrent: async () => ({ id: 3 }) },
    },
  }
})

const { BasketSection } = await import('../../src/extension/whatif/ui/BasketSection')

async function until<T>(fn: () => T | undefined | null | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = fn()
    if (v) return v
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

const $ = (sel: string) => document.querySelector(sel) as HTMLElement | null
const $$ = (sel: string) => [...document.querySelectorAll(sel)] as HTMLElement[]
function type(el: HTMLElement | null, value: string) {
  ;(el as HTMLInputElement).value = value
  el!.dispatchEvent(new Event('input', { bubbles: true }))
}

afterEach(() => render(null, document.body))

describe('BasketSection', () => {
  it('imports a case, renames, removes, asks and exports, in the popup’s window', async () => {
    render(<BasketSection />, document.body)
    await until(() => $('[data-testid="whatif-basket"]'))
    $('[data-testid="whatif-import-toggle"]')!.click()
    const file = JSON.stringify({
      request: { principal: ROLE, action: 's3:GetObject', resource: `${BUCKET}/k` },
      identityPolicies: [JSON.parse(readS3), { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] }],
      resourcePolicy: JSON.parse(bucketPolicy),
    })
    await until(() => $('[data-testid="whatif-import-text"]'))
    type($('[data-testid="whatif-import-text"]'), file)
    await until(() => !($('[data-testid="whatif-import-run"]') as HTMLButtonElement).disabled)
    $('[data-testid="whatif-import-run"]')!.click()
    await until(() => $$('[data-testid="whatif-item"]').length === 3)
    expect($$('[data-testid="whatif-group"]').map((g) => g.getAttribute('data-kind'))).toEqual(['principal', 'resource'])
    expect($('[data-testid="whatif-import-result"]')!.textContent).toMatch(/Imported 1 case: 3 policies added/)

    // Rename the second identity policy, then remove it.
    const second = $$('[data-testid="whatif-item"]')[1]!
    ;[...second.querySelectorAll('button')].find((b) => b.textContent === 'Rename')!.click()
    const nameInput = await until(() => second.querySelector('input[aria-label="Policy name"]') as HTMLInputElement | null)
    type(nameInput, 'queues')
    nameInput.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await until(() => $('[data-testid="whatif-item"][data-name="queues"]'))
    ;($('[data-testid="whatif-item"][data-name="queues"] [data-testid="whatif-remove"]') as HTMLButtonElement).click()
    await until(() => $$('[data-testid="whatif-item"]').length === 2)

    // The imported question fills the form; ask it.
    await until(() => ($('[data-testid="whatif-action"]') as HTMLInputElement).value === 's3:GetObject')
    $('[data-testid="whatif-ask-run"]')!.click()
    const decision = await until(() => $('[data-testid="whatif-decision"]'), 20_000)
    expect(decision.getAttribute('data-decision')).toBe('Allowed')

    $('[data-testid="whatif-export"]')!.click()
    const exported = JSON.parse((await until(() => $('[data-testid="whatif-export-text"]') as HTMLTextAreaElement | null)).value) as { identityPolicies: unknown[]; resourcePolicy: unknown }[]
    expect(exported).toHaveLength(1)
    expect(exported[0]!.identityPolicies).toEqual([JSON.parse(readS3)])
    expect(exported[0]!.resourcePolicy).toEqual(JSON.parse(bucketPolicy))
  })

  it('shows what the principal can do on the resource, by access level', async () => {
    render(<BasketSection windowId={3} />, document.body)
    await until(() => $$('[data-testid="whatif-item"]').length === 2)
    await until(() => ($('[data-testid="whatif-resource"]') as HTMLInputElement).value === `${BUCKET}/k`)
    $('[data-testid="whatif-capabilities-run"]')!.click()
    const caps = await until(() => $('[data-testid="whatif-capabilities"]'), 20_000)
    expect(Number(caps.getAttribute('data-allowed'))).toBeGreaterThan(0)
    expect($$('[data-testid="whatif-level"]').map((l) => l.getAttribute('data-level'))).toEqual(['List', 'Read', 'Write', 'Permissions management', 'Tagging'])
    expect(Number($('[data-testid="whatif-level"][data-level="Write"]')!.getAttribute('data-count'))).toBe(0)
  })
})
