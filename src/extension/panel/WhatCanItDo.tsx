import { Fragment } from 'preact'
import { useMemo, useState } from 'preact/hooks'
import type { EditorSession } from '../content/session'
import type { Catalogue } from '../shared/analysis'
import type { AnalysisModule } from '../shared/lazy'
import type { Capabilities } from '../shared/capabilities'
import { buildCase } from './simulate-case'

const LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'] as const

/** "What can this policy do": every action of a service (or all services), simulated, by access level. */
export function WhatCanItDo(props: { session: EditorSession; engine: AnalysisModule & { cat: Catalogue } }) {
  const { session, engine } = props
  const id = `cap-${session.id}`
  const services = useMemo(() => engine.serviceList(engine.cat), [engine])
  const [service, setService] = useState('s3')
  const [resource, setResource] = useState('*')
  const [result, setResult] = useState<{ service: string; caps: Capabilities['services']; ms: number; error?: string } | undefined>()
  const [busy, setBusy] = useState<string | undefined>()

  const run = async () => {
    const a = session.analysis
    if (!a) return
    const c = buildCase({ text: session.text, policyType: a.policyType }, { action: '*', resource, principal: session.identity.principalArn ?? '', context: {}, multivalued: [], extras: {} })
    setBusy('Simulating…')
    const svc = service.trim().toLowerCase()
    const r = await engine.whatCanItDo(c, svc === 'all' ? '*' : svc, resource)
    setBusy(undefined)
    setResult({ service: svc, caps: r.services, ms: r.ms, ...(r.error ? { error: r.error } : {}) })
  }

  return (
    <section aria-label="What can this policy do" style="margin-top: 20px">
      <h3 style="margin: 0 0 8px; font-size: 14px">What can this policy do?</h3>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault()
          void run()
        }}
      >
        <label for={`${id}-service`}>Service</label>
        <span class="field">
          <input id={`${id}-service`} list={`${id}-services`} value={service} size={14} spellcheck={false} onInput={(e) => setService((e.target as HTMLInputElement).value)} />
        </span>
        <datalist id={`${id}-services`}>
          <option value="*">All services</option>
          {services.map((s) => (
            <option key={s.prefix} value={s.prefix}>
              {s.name}
            </option>
          ))}
        </datalist>
        <label for={`${id}-resource`}>on</label>
        <span class="field">
          <input id={`${id}-resource`} value={resource} size={18} spellcheck={false} onInput={(e) => setResource((e.target as HTMLInputElement).value)} />
        </span>
        <button type="submit" class="btn small" disabled={!!busy} data-action="capabilities">
          {busy ?? 'Show allowed actions'}
        </button>
      </form>
      {result && (
        <div aria-live="polite" data-capabilities={result.caps.reduce((n, c) => n + c.allowedCount, 0)}>
          {result.error && <p class="status bad">{result.error}</p>}
          {result.caps.length === 0 && <p class="muted">No action of {result.service === '*' ? 'any service' : result.service} is allowed.</p>}
          {result.caps.map((c) => (
            <details key={c.service} open={result.caps.length === 1} data-service={c.service} data-allowed={c.allowedCount}>
              <summary>
                {c.service}: {c.allowedCount} of {c.total} actions allowed
              </summary>
              <div class="levels">
                {LEVELS.map((level) =>
                  (c.allowed[level] ?? []).length ? (
                    <Fragment key={level}>
                      <span>
                        {level} ({c.allowed[level]!.length})
                      </span>
                      <ul>
                        {c.allowed[level]!.map((x) => (
                          <li key={x}>{x}</li>
                        ))}
                      </ul>
                    </Fragment>
                  ) : null,
                )}
              </div>
            </details>
          ))}
          <p class="status">Simulated in {Math.round(result.ms)} ms.</p>
        </div>
      )}
    </section>
  )
}
