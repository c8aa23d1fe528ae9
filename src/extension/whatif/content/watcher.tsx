/**
 * What-if on console pages that show policies without an editor (a role's permissions table, its
 * boundary): when a page reader finds something, a small "What-if" card docks in the page's corner; it
 * opens the What-if tab (loaded on first open). Pages with an editor also get the What-if tab in the
 * editor's panel. Read-only, and guarded: an unknown layout means no card, never an error.
 */
import { render } from 'preact'
import { useState } from 'preact/hooks'
import { readIdentity } from '../../consoles/identity'
import { hasContent, PAGE_READERS, type PageReading } from '../../consoles/readers'
import type { WhatIfTabProps } from '../WhatIfTab'

export const WATCHER_HOST = 'whatif'

const CARD_CSS = `
:host { all: initial; }
.card { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; font: 13px/1.4 system-ui, sans-serif; color: #000716; background: #fff; border: 1px solid #7d8998; border-radius: 8px; box-shadow: 0 4px 20px rgba(0,7,22,.25); max-width: 440px; }
.card.open { width: 440px; max-height: calc(100vh - 48px); display: flex; flex-direction: column; }
.head { display: flex; align-items: center; gap: 8px; padding: 6px 10px; }
.head .title { font-weight: 700; flex: 1; }
.body { overflow: auto; padding: 0 10px 10px; }
button.toggle { font: inherit; border: 1px solid #0972d3; color: #0972d3; background: transparent; border-radius: 14px; padding: 2px 10px; cursor: pointer; }
@media (prefers-color-scheme: dark) { .card { background: #0f1b2a; color: #d1d5db; } }
`

function countOf(readings: PageReading[]): number {
  return readings.reduce((n, r) => n + r.policies.length, 0)
}

const loadTab = () => import('../WhatIfTab').then((m) => m.WhatIfTab)

function Card(props: { readings: PageReading[] }) {
  const [open, setOpen] = useState(false)
  const [Tab, setTab] = useState<{ c: (p: WhatIfTabProps) => unknown } | undefined>()
  const [error, setError] = useState<string | undefined>()
  const n = countOf(props.readings)
  const toggle = () => {
    const next = !open
    setOpen(next)
    if (next && !Tab)
      loadTab().then(
        (c) => setTab({ c: c as (p: WhatIfTabProps) => unknown }),
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      )
  }
  const C = Tab?.c as ((p: WhatIfTabProps) => preact.JSX.Element) | undefined
  return (
    <div class={open ? 'card open' : 'card'} data-testid="whatif-card">
      <div class="head">
        <span class="title">IAM Sidekick · What-if</span>
        <button type="button" class="toggle" data-testid="whatif-card-toggle" aria-expanded={open} onClick={toggle}>
          {open ? 'Close' : n ? `${n} polic${n === 1 ? 'y' : 'ies'} on this page` : props.readings.some((r) => r.lastAccessed) ? 'Last accessed: tighten' : 'Groups on this page'}
        </button>
      </div>
      {open && (
        <div class="body">
          {error ? <p>What-if could not load: {error}</p> : C ? <C /> : <p>Loading…</p>}
        </div>
      )}
    </div>
  )
}

interface Mounted {
  host: HTMLElement
  mountPoint: HTMLElement
}

function mount(): Mounted {
  const host = document.createElement('div')
  host.setAttribute('data-iam-sidekick', WATCHER_HOST)
  const root = host.attachShadow({ mode: 'open' })
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(CARD_CSS)
    root.adoptedStyleSheets = [sheet]
  } catch {
    const style = document.createElement('style')
    style.textContent = CARD_CSS
    root.appendChild(style)
  }
  const mountPoint = document.createElement('div')
  root.appendChild(mountPoint)
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation())
  document.body.appendChild(host)
  return { host, mountPoint }
}

/** Non-editor readings of the page (tables, sections); never throws. */
export function readDisplays(doc: Document): PageReading[] {
  try {
    const identity = readIdentity(doc)
    const input = {
      doc,
      url: new URL(doc.location.href),
      editors: [],
      partition: identity.partition,
      ...(identity.accountId ? { accountId: identity.accountId } : {}),
      ...(identity.region ? { region: identity.region } : {}),
    }
    const out: PageReading[] = []
    for (const r of PAGE_READERS) {
      try {
        const reading = r.read(input)
        if (hasContent(reading)) out.push(reading)
      } catch {
        /* unknown layout */
      }
    }
    return out
  } catch {
    return []
  }
}

let started = false

/** Starts watching the page (idempotent). Call once from the content script. */
export function startWhatIfWatcher(): void {
  if (started) return
  started = true
  let mounted: Mounted | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastKey = ''
  const check = () => {
    timer = undefined
    try {
      const readings = readDisplays(document)
      const key = readings.length ? `${location.pathname}${location.hash.split('?')[0]}` : ''
      if (!readings.length) {
        if (mounted) {
          render(null, mounted.mountPoint)
          mounted.host.remove()
          mounted = undefined
        }
        lastKey = ''
        return
      }
      if (!mounted) mounted = mount()
      else if (!mounted.host.isConnected) document.body.appendChild(mounted.host)
      // A new page (another role) starts closed; the same page keeps the card's state.
      if (key !== lastKey) render(null, mounted.mountPoint)
      lastKey = key
      render(<Card readings={readings} />, mounted.mountPoint)
    } catch {
      /* never throw into the console page */
    }
  }
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(check, 400)
  }
  try {
    new MutationObserver((records) => {
      // Our own card's changes happen in its shadow root and are not seen here; ignore the host itself.
      if (records.every((r) => mounted && (r.target === mounted.host || mounted.host.contains(r.target as Node)))) return
      schedule()
    }).observe(document.body, { childList: true, subtree: true, characterData: true })
    window.addEventListener('hashchange', schedule)
    window.addEventListener('popstate', schedule)
  } catch {
    /* no observer: check once */
  }
  schedule()
}
