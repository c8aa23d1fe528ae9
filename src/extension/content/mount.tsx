/**
 * The panel's host element: `data-iam-sidekick="panel"`, a closed shadow root (open only under the
 * `devExposePanel` automation flag) that drops synthetic events, docked below the editor or beside the page.
 */
import { render } from 'preact'
import { Panel } from '../panel/Panel'
import { PANEL_CSS } from '../panel/styles'
import { attachGuardedShadow } from '../shared/trusted'
import type { EditorSession } from './session'
import type { PanelSettings } from './settings'

export const HOST_ATTRIBUTE = 'data-iam-sidekick'

export interface MountedPanel {
  host: HTMLElement
  update(settings: PanelSettings): void
  unmount(): void
}

function adoptStyles(root: ShadowRoot): void {
  // A constructed style sheet is not subject to the page's style-src CSP; <style> is the fallback.
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(PANEL_CSS)
    root.adoptedStyleSheets = [sheet]
    return
  } catch {
    const style = document.createElement('style')
    style.textContent = PANEL_CSS
    root.appendChild(style)
  }
}

/** Where the panel goes below the editor: after the Cloudscape code editor (or Ace) element. */
export function anchorOf(editorEl: Element): Element {
  return editorEl.closest('[class*="awsui_code-editor_"]') ?? editorEl
}

export function mountPanel(editorEl: Element, session: EditorSession, settings: PanelSettings, onSettings: (p: Partial<PanelSettings>) => void): MountedPanel {
  const host = document.createElement('div')
  host.setAttribute(HOST_ATTRIBUTE, 'panel')
  host.setAttribute('data-editor', session.id)
  const root = attachGuardedShadow(host)
  adoptStyles(root)
  const mountPoint = document.createElement('div')
  root.appendChild(mountPoint)
  // Keep the console's keyboard shortcuts out of the panel's inputs.
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation())

  const place = (s: PanelSettings) => {
    if (s.dock === 'side') {
      if (host.parentElement !== document.body) document.body.appendChild(host)
    } else {
      const anchor = anchorOf(editorEl)
      if (anchor.nextElementSibling !== host) anchor.after(host)
    }
  }
  let current = settings
  const draw = () => render(<Panel session={session} settings={current} onSettings={onSettings} />, mountPoint)
  place(settings)
  draw()
  return {
    host,
    update(s) {
      current = s
      place(s)
      draw()
    },
    unmount() {
      render(null, mountPoint)
      host.remove()
    },
  }
}
