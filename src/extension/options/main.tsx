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

const css = `body{font-family:"Amazon Ember","Helvetica Neue",Roboto,Arial,sans-serif;font-size:14px;color:#000716;margin:24px;max-width:640px}
fieldset{border:1px solid #c6c6cd;border-radius:16px;padding:12px 20px}label{display:block;margin:8px 0}textarea{display:block;width:100%;min-height:5em;font-family:monospace}
@media (prefers-color-scheme: dark){body{background:#0f141a;color:#dedee3}fieldset{border-color:#424650}}`
const style = document.createElement('style')
style.textContent = css
document.head.appendChild(style)
render(<Options />, document.getElementById('app')!)
