import { useEffect, useState } from 'preact/hooks'
import { describeAccess } from '../../../engine/tighten/last-accessed'
import { setPendingPolicy } from '../../content/pending-policy'
import type { PageReading } from '../../consoles/readers'
import { shortArn } from '../model/arns'
import { lineDiff } from '../model/line-diff'
import { describeMissing } from '../model/missing'
import type { TightenRun } from '../tighten'
import type { BasketHandle } from './use-basket'

const loadTighten = () => import('../tighten')
const PERIODS = [30, 90, 180, 365] as const

/**
 * A Last Accessed tab: what the principal used, and "tighten to what was used" — one policy built from
 * the principal's collected identity policies keeping only the services (and tracked actions) used in the
 * chosen period, proven narrower by the simulator, shown as a diff, then copied or opened in the editor.
 */
export function TightenView(props: { reading: PageReading; handle: BasketHandle }) {
  const { reading, handle } = props
  const la = reading.lastAccessed!
  const principal = reading.principal ?? ''
  const [days, setDays] = useState<number>(90)
  const [run, setRun] = useState<TightenRun | undefined>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const [done, setDone] = useState<string | undefined>()
  const [policies, setPolicies] = useState<{ count: number; missing: string[] } | undefined>()

  useEffect(() => {
    let live = true
    void loadTighten()
      .then((m) => {
        if (!live) return
        const list = m.principalPolicies(handle.basket, principal)
        setPolicies({ count: list.filter((p) => p.item.document !== undefined).length, missing: list.filter((p) => p.item.document === undefined).map((p) => describeMissing(p.item)) })
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [handle.basket, principal])

  const unused = la.services.filter((s) => !s.lastAccessed)
  const tighten = async () => {
    setBusy(true)
    setError(undefined)
    setDone(undefined)
    try {
      const m = await loadTighten()
      const r = await m.tightenPrincipal(handle.basket, principal, la.services, la.readAt, days)
      if (r.result.error) setError(r.result.error)
      setRun(r)
    } catch (e) {
      setError(`Could not tighten: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setBusy(false)
    }
  }
  const diff = run && !run.result.error ? lineDiff(run.before, run.result.text) : []
  const changed = run ? run.result.services.filter((s) => s.removed > 0) : []
  return (
    <section data-testid="whatif-last-accessed" aria-label="Last accessed" data-principal={principal}>
      <h3>Last accessed by {shortArn(principal)}</h3>
      <p class="muted">
        {la.services.length} services allowed; {la.services.length - unused.length} accessed, {unused.length} not accessed in the tracking period.
      </p>
      <ul data-testid="whatif-la-services">
        {la.services.map((s) => (
          <li key={s.name} data-testid="whatif-la-service" data-service={s.name} data-accessed={String(!!s.lastAccessed)}>
            <span class="item-name">{s.name}</span> <span class={s.lastAccessed ? 'muted' : 'warn'}>{describeAccess(s.lastAccessed, la.readAt)}</span>
            {s.actions?.length ? <span class="muted"> · {s.actions.filter((a) => a.lastAccessed).length} of {s.actions.length} tracked actions used</span> : null}
          </li>
        ))}
      </ul>
      <div class="row" style="margin-top:6px">
        <label>
          Keep what was used in the last{' '}
          <select data-testid="whatif-tighten-days" value={String(days)} onChange={(e) => setDays(Number((e.currentTarget as HTMLSelectElement).value))}>
            {PERIODS.map((d) => (
              <option key={d} value={String(d)}>
                {d} days
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="primary" data-testid="whatif-tighten-run" disabled={busy || !policies?.count} onClick={() => void tighten()}>
          {busy ? 'Tightening…' : 'Tighten to what was used'}
        </button>
      </div>
      {policies && !policies.count && (
        <p class="warn" data-testid="whatif-tighten-need">
          No policies of {shortArn(principal)} collected yet: open its Permissions tab and add them to What-if, then come back.
        </p>
      )}
      {policies && policies.missing.length > 0 && (
        <ul class="warn">
          {policies.missing.map((m) => (
            <li key={m}>{m} It is left out of the tightened policy.</li>
          ))}
        </ul>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {run && !run.result.error && (
        <div data-testid="whatif-tighten-result" data-removed={String(run.result.removed)} data-proven={String(run.result.proof.ok)}>
          <p>
            <strong>{run.result.removed}</strong> actions removed from {changed.length} services.{' '}
            {run.result.proof.ok ? (
              <span data-testid="whatif-tighten-proof">
                Proven narrower: the simulator decided {run.result.proof.checked} action/resource pairs and the tightened policy allows none the current ones do not.
              </span>
            ) : (
              <span class="error" data-testid="whatif-tighten-proof">
                Not proven narrower: {run.result.proof.error ?? run.result.proof.newlyAllowed.join(', ')}
              </span>
            )}
          </p>
          <ul data-testid="whatif-tighten-services">
            {changed.map((s) => (
              <li key={s.service} data-testid="whatif-tighten-service" data-service={s.service} data-removed={String(s.removed)} data-status={s.status}>
                <code>{s.service}</code>: −{s.removed} of {s.before} actions{' '}
                <span class="muted">({s.status === 'unused' ? describeAccess(s.lastAccessed, la.readAt).replace(/^Today$/, 'accessed today').replace(/ ago$/, ' ago, outside the period') : 'unused tracked actions'})</span>
              </li>
            ))}
          </ul>
          {run.unknownServices.length > 0 && <p class="warn">Services the catalogue does not know, kept out of the data: {run.unknownServices.join(', ')}.</p>}
          {run.result.warnings.map((w) => (
            <p key={w} class="warn">
              {w}
            </p>
          ))}
          <details open>
            <summary>Diff</summary>
            <pre class="actions-list" data-testid="whatif-tighten-diff" style="max-height:220px">
              {diff.map((l, i) => (
                <div key={i} data-op={l.op} style={l.op === '-' ? 'color:#d91515' : l.op === '+' ? 'color:#037f0c' : 'opacity:.6'}>
                  {l.op} {l.text}
                </div>
              ))}
            </pre>
          </details>
          <div class="row">
            <button
              type="button"
              data-testid="whatif-tighten-copy"
              onClick={() =>
                void navigator.clipboard.writeText(run.result.text).then(
                  () => setDone('Copied.'),
                  () => setDone('The browser refused the clipboard; select the policy in the diff instead.'),
                )
              }
            >
              Copy policy
            </button>
            <button
              type="button"
              data-testid="whatif-tighten-open"
              onClick={() => {
                setPendingPolicy(run.result.text)
                setDone('Opening the policy editor…')
                location.assign(`${location.pathname.replace(/\/+$/, '') || '/iam/home'}#/policies/create`)
              }}
            >
              Open in the policy editor
            </button>
            {done && (
              <span role="status" data-testid="whatif-tighten-done">
                {done}
              </span>
            )}
          </div>
        </div>
      )}
    </section>
  )
}
