/**
 * What-if on console pages that show policies without an editor (a role's permissions table, its
 * boundary): when a page reader finds something, a small "What-if" card docks in the page's corner; it
 * opens the What-if tab (loaded on first open). Pages with an editor also get the What-if tab in the
 * editor's panel. Read-only, and guarded: an unknown layout means no card, never an error.
 */
import { onlyTyping } from '../../shared/typing'
import { render } from 'preact'
import { useState } from 'preact/hooks'
import { readIdentity } from '../../consoles/identity'
import { hasContent, PAGE_READERS, type PageReading } from '../../consoles/readers'
import type { WhatIfTabProps } from '../WhatIfTab'
import { attachGuardedShadow } from '../../shared/trusted'
import { loadShadowMode } from '../../shared/shadow-mode'
import { useConsoleDark } from '../../panel/theme'

export const WATCHER_HOST = 'whatif'

const CARD_CSS = `
:host { all: initial; }
.card { --text: #000716; --text-secondary: #5f6b7a; --bg: #ffffff; --bg-subtle: #f9f9fa; --border: #c6c6cd; --divider: #e9ebed;
  --accent: #0972d3; --accent-hover: #033160; --focus: #0972d3; --error: #d91515; --security: #7d2ea6; --warning: #8d6605; --ok: #037f0c; --badge-bg: #e9ebed;
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; font-family: "Amazon Ember", "Open Sans", "Helvetica Neue", Roboto, Arial, sans-serif;
  font-size: 14px; line-height: 20px; color: var(--text); background: var(--bg); border: 1px solid var(--border); border-radius: 16px;
  box-shadow: 0 4px 20px 1px rgba(0, 7, 22, 0.18); max-width: min(480px, calc(100vw - 32px)); }
.card.dark { --text: #dedee3; --text-secondary: #a4a4ad; --bg: #161d26; --bg-subtle: #1b232d; --border: #424650; --divider: #333843;
  --accent: #42b4ff; --accent-hover: #75cfff; --focus: #42b4ff; --error: #ff7a7a; --security: #d7a1ff; --warning: #ffe347; --ok: #2bb534; --badge-bg: #333843; }
.card.open { width: min(480px, calc(100vw - 32px)); max-height: calc(100vh - 48px); display: flex; flex-direction: column; }
.head { display: flex; align-items: center; gap: 8px; padding: 10px 16px; }
.head .title { font-weight: 700; flex: 1; display: flex; align-items: center; gap: 8px; }
.head .title::before { content: ""; width: 16px; height: 16px; border-radius: 4px; background: linear-gradient(135deg, #0972d3, #7d2ef5); }
.body { overflow-y: auto; overflow-x: hidden; padding: 0 16px 16px; }
button.toggle { font: inherit; font-weight: 700; border: 2px solid var(--accent); color: var(--accent); background: transparent; border-radius: 20px; padding: 2px 14px; cursor: pointer; }
button.toggle:hover { color: var(--accent-hover); border-color: var(--accent-hover); background: var(--bg-subtle); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
`

function countOf(readings: PageReading[]): number {
  return readings.reduce((n, r) => n + r.policies.length, 0)
}

const loadTab = () => import('../WhatIfTab').then((m) => m.WhatIfTab)

function Card(props: { readings: PageReading[] }) {
  const [open, setOpen] = useState(false)
  const [Tab, setTab] = useState<{ c: (p: WhatIfTabProps) => unknown } | undefined>()
  const [error, setError] = useState<string | undefined>()
  const dark = useConsoleDark()
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
    <div class={`card${open ? ' open' : ''}${dark ? ' dark' : ''}`} data-testid="whatif-card">
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
  const root = attachGuardedShadow(host)
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
  // The card's shadow root is closed unless the automation flag is set: read it before the first mount.
  void loadShadowMode().then(() => watch())
  function watch(): void {
    try {
      new MutationObserver((records) => {
        // Our own card's changes happen in its shadow root and are not seen here; ignore the host itself.
        if (records.every((r) => mounted && (r.target === mounted.host || mounted.host.contains(r.target as Node)))) return
        if (onlyTyping(records)) return
        schedule()
      }).observe(document.body, { childList: true, subtree: true, characterData: true })
      window.addEventListener('hashchange', schedule)
      window.addEventListener('popstate', schedule)
    } catch {
      /* no observer: check once */
    }
    schedule()
  }
}
