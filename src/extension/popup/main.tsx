import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { TemplatesApp } from '../templates/ui/TemplatesApp'
import { popupHost } from './host'
import { POPUP_CSS } from './styles'
import { findTarget, type Target } from './target'

function Popup() {
  const [target, setTarget] = useState<Target>()
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
      </header>
      {host ? <TemplatesApp host={host} {...(location.hash === '#import' ? { initialView: 'menu' as const, initialSection: 'saved' as const } : {})} /> : <p class="popup-wait">Loading…</p>}
    </div>
  )
}

const style = document.createElement('style')
style.textContent = POPUP_CSS
document.head.appendChild(style)
render(<Popup />, document.getElementById('app')!)
