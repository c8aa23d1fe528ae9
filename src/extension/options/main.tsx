import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type PanelSettings } from '../content/settings'
import { GuardrailsFieldset } from './Guardrails'

function Options() {
  const [s, setS] = useState<PanelSettings>(DEFAULT_SETTINGS)
  const [saved, setSaved] = useState(false)
  useEffect(() => void loadSettings().then(setS), [])
  const change = (patch: Partial<PanelSettings>) => {
    setS((x) => ({ ...x, ...patch }))
    void saveSettings(patch).then(() => setSaved(true))
  }
  return (
    <main>
      <h1>IAM Sidekick options</h1>
      <p>IAM Sidekick works offline: no policy ever leaves your browser. These settings are kept in this browser profile only.</p>
      <p>
        <a href="/PRIVACY.md" target="_blank" rel="noopener" data-link="privacy">Privacy policy</a>: what IAM Sidekick reads, what it stores and where, and that nothing is sent anywhere.
      </p>
      <fieldset>
        <legend>In the AWS console</legend>
        <label>
          <input type="checkbox" checked={s.enabled} onChange={(e) => change({ enabled: (e.target as HTMLInputElement).checked })} /> Show the panel beside policy editors
        </label>
        <label>
          Dock the panel{' '}
          <select value={s.dock} onChange={(e) => change({ dock: (e.target as HTMLSelectElement).value === 'side' ? 'side' : 'below' })}>
            <option value="below">below the editor</option>
            <option value="side">beside the page</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={s.collapsed} onChange={(e) => change({ collapsed: (e.target as HTMLInputElement).checked })} /> Start collapsed
        </label>
      </fieldset>
      <GuardrailsFieldset onSaved={() => setSaved(true)} />
      <p role="status">{saved ? 'Saved.' : ''}</p>
    </main>
  )
}

/** The panel's look (Cloudscape-like type, spacing and colours), light and dark from the system setting. */
const css = `:root{color-scheme:light dark;--text:#000716;--text-secondary:#5f6b7a;--bg:#ffffff;--page:#f9f9fa;--border:#c6c6cd;--divider:#e9ebed;--accent:#0972d3;--ok:#037f0c}
@media (prefers-color-scheme: dark){:root{--text:#dedee3;--text-secondary:#a4a4ad;--bg:#161d26;--page:#0f141a;--border:#424650;--divider:#333843;--accent:#42b4ff;--ok:#2bb534}}
html{background:var(--page)}
body{font-family:"Amazon Ember","Open Sans","Helvetica Neue",Roboto,Arial,sans-serif;font-size:14px;line-height:20px;color:var(--text);margin:0;padding:32px 24px}
main{max-width:640px;margin:0 auto}
h1{font-size:24px;line-height:30px;font-weight:700;margin:0 0 8px;display:flex;align-items:center;gap:10px}
h1::before{content:"";width:24px;height:24px;border-radius:6px;background:linear-gradient(135deg,#0972d3,#7d2ef5)}
main>p{color:var(--text-secondary);margin:0 0 20px}
fieldset{background:var(--bg);border:1px solid var(--border);border-radius:16px;padding:16px 20px 12px;margin:0;box-shadow:0 1px 1px 0 rgba(0,28,36,.1)}
legend{font-size:16px;font-weight:700;padding:0 6px}
label{display:flex;align-items:center;gap:8px;margin:10px 0}
label:has(textarea){flex-direction:column;align-items:stretch;gap:4px}
textarea{display:block;width:100%;box-sizing:border-box;min-height:5em;font:12px/18px monospace;color:inherit;background:var(--bg);border:1px solid var(--border);border-radius:8px;padding:6px 8px}
select{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--border);border-radius:8px;padding:4px 10px;min-height:32px}
input[type=checkbox]{width:16px;height:16px;accent-color:var(--accent)}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px;border-radius:4px}
p[role=status]{color:var(--ok);font-weight:700;min-height:20px}`
const style = document.createElement('style')
style.textContent = css
document.head.appendChild(style)
render(<Options />, document.getElementById('app')!)
