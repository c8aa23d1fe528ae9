import { render, type ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { TemplatesApp } from '../templates/ui/TemplatesApp'
import { popupHost } from './host'
import { POPUP_CSS } from './styles'
import { findTarget, type Target } from './target'

/** The what-if basket view, loaded only when the user opens it (it brings the simulator with it). */
function WhatIfView() {
  const [Section, setSection] = useState<ComponentType<{ windowId?: number }>>()
  const [error, setError] = useState<string>()
  useEffect(() => {
    import('../whatif/ui/BasketSection').then(
      (m) => setSection(() => m.BasketSection),
      (e: unknown) => setError(String((e as Error)?.message ?? e)),
    )
  }, [])
  if (error) return <p class="popup-wait">The what-if basket could not load: {error}</p>
  return Section ? <Section /> : <p class="popup-wait">Loading…</p>
}

function Popup() {
  const [target, setTarget] = useState<Target>()
  const [view, setView] = useState<'templates' | 'whatif'>(location.hash === '#whatif' ? 'whatif' : 'templates')
  useEffect(() => {
    findTarget().then(setTarget, () => setTarget({ status: { hasEditor: false }, inTab: false }))
  }, [])
  const host = target && popupHost(target)
  return (
    <div class="popup">
      <header class="popup-head">
        <span class="logo" aria-hidden="true" />
        <h1>IAM Sidekick</h1>
        <span class="popup-target" data-target={target ? (host?.context.hasEditor ? 'editor' : 'clipboard') : 'pending'} title={host?.context.label}>
          {!target ? 'Looking for a policy editor…' : host?.context.hasEditor ? (host.context.readOnly ? 'Read-only editor: Insert copies' : `→ ${host.context.label}`) : 'No policy editor: Insert copies'}
        </span>
        <button
          type="button"
          class="popup-switch"
          data-view-switch={view === 'templates' ? 'whatif' : 'templates'}
          aria-pressed={view === 'whatif'}
          title={view === 'templates' ? 'Show the what-if basket of this window' : 'Back to the template library'}
          onClick={() => setView(view === 'templates' ? 'whatif' : 'templates')}
        >
          {view === 'templates' ? 'What-if' : 'Templates'}
        </button>
      </header>
      {view === 'whatif' ? <WhatIfView /> : host ? <TemplatesApp host={host} {...(location.hash === '#import' ? { initialView: 'menu' as const, initialSection: 'saved' as const } : {})} /> : <p class="popup-wait">Loading…</p>}
    </div>
  )
}

const style = document.createElement('style')
style.textContent = POPUP_CSS
document.head.appendChild(style)
render(<Popup />, document.getElementById('app')!)
