/**
 * On Account settings → Edit password policy: a card (data-iam-sidekick="password-policy") that checks the
 * form as the user edits it against CIS AWS Foundations Benchmark v3.0.0 and Security Hub's IAM controls,
 * and fills in a compliant setting on request. Reads and writes only the form; never throws into the page.
 */
import { onlyTyping } from '../shared/typing'
import { render } from 'preact'
import { attachGuardedShadow } from '../shared/trusted'
import { loadShadowMode } from '../shared/shadow-mode'
import { useEffect, useState } from 'preact/hooks'
import { checkPasswordPolicy, CIS_VERSION, compliantSettings, summary, type ControlResult } from '../../engine/password-policy'
import { fillPasswordForm, isPasswordPolicyPage, readPasswordForm } from './password-policy'

export const PASSWORD_POLICY_HOST = 'password-policy'

const CSS = `
:host { all: initial; }
.card { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; width: 400px; max-height: calc(100vh - 48px); overflow: auto; font: 13px/1.4 system-ui, sans-serif; color: #000716; background: #fff; border: 1px solid #7d8998; border-radius: 8px; box-shadow: 0 4px 20px rgba(0,7,22,.25); padding: 8px 10px; }
h2 { font-size: 13px; margin: 0 0 4px; }
ul { list-style: none; margin: 6px 0; padding: 0; }
li { padding: 3px 0; border-top: 1px solid rgba(127,127,127,.2); }
.pass { color: #037f0c; font-weight: 700; }
.fail { color: #d91515; font-weight: 700; }
.muted { opacity: .7; font-size: 12px; }
a { color: #0972d3; }
button { font: inherit; border-radius: 4px; padding: 3px 10px; border: 1px solid #0972d3; background: #0972d3; color: #fff; cursor: pointer; }
@media (prefers-color-scheme: dark) { .card { background: #0f1b2a; color: #d1d5db; } }
`

function Card() {
  const [results, setResults] = useState<ControlResult[]>(() => checkPasswordPolicy(readPasswordForm(document)))
  const [note, setNote] = useState<string | undefined>()
  useEffect(() => {
    const update = () => {
      try {
        setResults(checkPasswordPolicy(readPasswordForm(document)))
      } catch {
        /* keep the last results */
      }
    }
    const later = () => setTimeout(update, 30)
    document.addEventListener('input', later, true)
    document.addEventListener('change', later, true)
    document.addEventListener('click', later, true)
    return () => {
      document.removeEventListener('input', later, true)
      document.removeEventListener('change', later, true)
      document.removeEventListener('click', later, true)
    }
  }, [])
  const s = summary(results)
  return (
    <div class="card" data-testid="password-policy-card" data-pass={String(s.pass)} data-fail={String(s.fail)}>
      <h2>IAM Sidekick · Password policy</h2>
      <div class="muted">
        Checked as you edit against {CIS_VERSION} (1.8, 1.9) and AWS Security Hub controls IAM.7, IAM.11–IAM.17: {s.pass} pass, {s.fail} fail.
      </div>
      <ul>
        {results.map((r) => (
          <li key={r.id} data-testid="password-control" data-id={r.id} data-status={r.status}>
            <span class={r.status}>{r.status === 'pass' ? 'PASS' : 'FAIL'}</span> <strong>{r.id}</strong> {r.title}
            <div class="muted">
              {r.detail} <a href={r.url} target="_blank" rel="noreferrer noopener">{r.standard}</a>
            </div>
          </li>
        ))}
      </ul>
      {s.fail > 0 && (
        <button
          type="button"
          data-testid="password-policy-fill"
          onClick={() => {
            setNote('Filling in…')
            fillPasswordForm(document, compliantSettings(readPasswordForm(document)))
              .then((missed) => {
                setResults(checkPasswordPolicy(readPasswordForm(document)))
                setNote(missed.length ? `Could not find: ${missed.join(', ')}.` : 'Filled in a compliant setting. Review it, then choose Save changes.')
              })
              .catch(() => setNote('The form did not take the values.'))
          }}
        >
          Fill in a compliant setting
        </button>
      )}
      {note && (
        <div class="muted" role="status" data-testid="password-policy-note">
          {note}
        </div>
      )}
    </div>
  )
}

let started = false

/** Watches for the Edit password policy page (idempotent); mounts the card while it is shown. */
export function startPasswordPolicyWatcher(): void {
  if (started) return
  started = true
  let host: HTMLElement | undefined
  let mountPoint: HTMLElement | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const check = () => {
    timer = undefined
    try {
      const on = isPasswordPolicyPage(document)
      if (!on) {
        if (host && mountPoint) render(null, mountPoint)
        host?.remove()
        host = mountPoint = undefined
        return
      }
      if (host?.isConnected) return
      host = document.createElement('div')
      host.setAttribute('data-iam-sidekick', PASSWORD_POLICY_HOST)
      // Closed, and deaf to synthetic events, like the panel (src/extension/shared/trusted.ts).
      const root = attachGuardedShadow(host)
      const style = document.createElement('style')
      style.textContent = CSS
      root.appendChild(style)
      mountPoint = document.createElement('div')
      root.appendChild(mountPoint)
      for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation())
      document.body.appendChild(host)
      render(<Card />, mountPoint)
    } catch {
      /* never throw into the console page */
    }
  }
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(() => void loadShadowMode().then(check), 300)
  }
  try {
    new MutationObserver((records) => {
      if (host && records.every((r) => r.target === host || host!.contains(r.target as Node))) return
      if (onlyTyping(records)) return
      schedule()
    }).observe(document.body, { childList: true, subtree: true })
    window.addEventListener('hashchange', schedule)
    window.addEventListener('popstate', schedule)
  } catch {
    /* check once */
  }
  schedule()
}
