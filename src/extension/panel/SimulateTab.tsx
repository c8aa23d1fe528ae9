import { Fragment } from 'preact'
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { EditorSession } from '../content/session'
import type { AnalysisModule } from '../shared/lazy'
import { loadAnalysis } from '../shared/lazy'
import type { Catalogue, KeyField, SimulationResult } from '../shared/analysis'
import { buildCase, defaultResource, editorPolicyLabel, exportCase, plainExplanation, type ExtraPolicies, type SimulationCaseJson } from './simulate-case'
import { trusted } from '../shared/trusted'
import { EXTRA_TEMPLATES } from './extra-templates'
import { WhatCanItDo } from './WhatCanItDo'

type Engine = AnalysisModule & { cat: Catalogue }

function useEngine(): Engine | undefined {
  const [engine, setEngine] = useState<Engine>()
  useEffect(() => {
    let live = true
    void loadAnalysis().then(async (m) => {
      const cat = await m.catalogue()
      if (live) setEngine({ ...m, cat })
    })
    return () => {
      live = false
    }
  }, [])
  return engine
}

const EXTRA_FIELDS: { id: keyof ExtraPolicies; label: string }[] = [
  { id: 'boundary', label: 'Permissions boundary' },
  { id: 'scp', label: 'Service control policy (SCP)' },
  { id: 'rcp', label: 'Resource control policy (RCP)' },
  { id: 'resourcePolicy', label: 'Resource-based policy' },
  { id: 'sessionPolicy', label: 'Session policy' },
  { id: 'identity', label: 'Another identity policy' },
]

function KeyInput(props: { field: KeyField; value: string; onInput: (v: string) => void; id: string }) {
  const { field } = props
  const t = field.type.replace(/^ArrayOf/, '')
  if (t === 'Bool')
    return (
      <select id={props.id} value={props.value} onChange={(e) => props.onInput((e.target as HTMLSelectElement).value)}>
        <option value="">(absent)</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    )
  const placeholder =
    field.multivalued ? 'value1, value2' : t === 'Date' ? '2026-01-01T00:00:00Z' : t === 'IPAddress' ? '203.0.113.5' : t === 'Numeric' ? '0' : t === 'ARN' ? 'arn:aws:…' : '(absent)'
  return (
    <input
      id={props.id}
      type={t === 'Numeric' && !field.multivalued ? 'number' : 'text'}
      value={props.value}
      placeholder={placeholder}
      spellcheck={false}
      onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
    />
  )
}

export function SimulateTab({ session }: { session: EditorSession }) {
  const engine = useEngine()
  const a = session.analysis
  const id = `sim-${session.id}`
  const [action, setAction] = useState('')
  const [resource, setResource] = useState('')
  const [principal, setPrincipal] = useState(session.identity.principalArn ?? '')
  const [context, setContext] = useState<Record<string, string>>({})
  const [extras, setExtras] = useState<ExtraPolicies>({})
  const [result, setResult] = useState<{ res: SimulationResult; case: SimulationCaseJson; text: string } | undefined>()
  const [showCase, setShowCase] = useState(false)

  // Prefill the action from the policy, once the engine is here.
  useEffect(() => {
    if (!engine || action) return
    const first = engine.firstAction(session.text) ?? (a?.policyType === 'trust' ? 'sts:AssumeRole' : '')
    if (first) setAction(engine.cat.action(first)?.key ?? first)
  }, [engine])

  const completions = useMemo(() => (engine ? engine.completeAction(engine.cat, action) : []), [engine, action])
  const keys = useMemo(() => (engine ? engine.relevantKeys(engine.cat, session.text, action) : []), [engine, action, session.text])
  const resourceHint = useMemo(() => {
    if (!engine) return '*'
    return defaultResource(engine.resourceFormats(engine.cat, action), session.identity.accountId, session.identity.region, session.identity.partition)
  }, [engine, action])

  if (!engine || !a) return <p class="muted">Loading the simulator…</p>

  const run = async () => {
    const c = buildCase(
      { text: session.text, policyType: a.policyType },
      { action, resource: resource || resourceHint, principal, context, multivalued: keys.filter((k) => k.multivalued).map((k) => k.key), extras },
    )
    const res = await engine.simulate(c)
    setResult({ res, case: c, text: session.text })
  }
  const setKey = (k: string, v: string) => setContext((c) => ({ ...c, [k]: v }))
  const ownLabel = editorPolicyLabel(a.policyType)
  const decision = result?.res.decision ?? (result?.res.error ? 'Error' : undefined)

  return (
    <div>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void run()
        }}
        aria-label="Simulate a request"
      >
        <div class="form">
          <label for={`${id}-action`}>Action</label>
          <div class="field">
            <input id={`${id}-action`} list={`${id}-actions`} value={action} spellcheck={false} autocomplete="off" placeholder="s3:GetObject" required onInput={(e) => setAction((e.target as HTMLInputElement).value)} />
            <datalist id={`${id}-actions`}>
              {completions.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </div>
          <label for={`${id}-resource`}>Resource</label>
          <div class="field">
            <input id={`${id}-resource`} value={resource} spellcheck={false} placeholder={resourceHint} onInput={(e) => setResource((e.target as HTMLInputElement).value)} />
          </div>
          <label for={`${id}-principal`}>Principal</label>
          <div class="field">
            <input id={`${id}-principal`} value={principal} spellcheck={false} placeholder="arn:aws:iam::111111111111:user/alice" onInput={(e) => setPrincipal((e.target as HTMLInputElement).value)} />
          </div>
        </div>
        <div class="row" role="group" aria-label="Context shortcuts">
          <span class="muted">Shortcuts:</span>
          <button type="button" class="btn small" onClick={() => setKey('aws:MultiFactorAuthPresent', 'true')}>
            Signed in with MFA
          </button>
          <button type="button" class="btn small" onClick={() => setKey('aws:SourceIp', '203.0.113.5')}>
            From 203.0.113.5
          </button>
          <button type="button" class="btn small" onClick={() => setKey('aws:CurrentTime', new Date().toISOString().replace(/\.\d+Z$/, 'Z'))}>
            Now
          </button>
          <button type="button" class="btn small" onClick={() => setContext({})}>
            Clear context
          </button>
        </div>
        <details open={keys.some((k) => k.fromPolicy)}>
          <summary>Request context ({keys.length} keys)</summary>
          <div class="form">
            {keys.map((k, i) => (
              <Fragment key={k.key}>
                <label for={`${id}-key-${i}`} title={`${k.type}${k.fromPolicy ? ', tested by this policy' : ''}`}>
                  {k.key}
                  {k.fromPolicy ? ' •' : ''}
                </label>
                <div class="field">
                  <KeyInput id={`${id}-key-${i}`} field={k} value={context[k.key] ?? ''} onInput={(v) => setKey(k.key, v)} />
                </div>
              </Fragment>
            ))}
          </div>
        </details>
        <details>
          <summary>Other policies</summary>
          {EXTRA_FIELDS.map((f) => (
            <div class="field" key={f.id} style="margin: 8px 0">
              <label for={`${id}-extra-${f.id}`}>{f.label}</label>
              <div class="row">
                <select
                  aria-label={`Template for ${f.label}`}
                  onChange={(e) => {
                    const t = EXTRA_TEMPLATES.find((x) => x.id === (e.target as HTMLSelectElement).value)
                    if (t) setExtras((x) => ({ ...x, [f.id]: t.text }))
                  }}
                >
                  <option value="">Pick a template…</option>
                  {EXTRA_TEMPLATES.filter((t) => t.for.includes(f.id)).map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.title}
                    </option>
                  ))}
                </select>
              </div>
              <textarea id={`${id}-extra-${f.id}`} value={extras[f.id] ?? ''} placeholder="Paste a policy document" spellcheck={false} onInput={(e) => setExtras((x) => ({ ...x, [f.id]: (e.target as HTMLTextAreaElement).value }))} />
            </div>
          ))}
        </details>
        <div class="row">
          <button type="submit" class="btn primary" data-action="simulate">
            Simulate
          </button>
          {result && (
            <button type="button" class="btn" onClick={() => setShowCase((v) => !v)} aria-expanded={showCase}>
              {showCase ? 'Hide case' : 'Export case'}
            </button>
          )}
        </div>
      </form>
      {result && (
        <section aria-live="polite" aria-label="Simulation result">
          <div class="decision" data-decision={decision} role="status">
            {decision === 'Allowed' ? 'Allowed' : decision === 'ExplicitDeny' ? 'Denied explicitly' : decision === 'ImplicitDeny' ? 'Denied (no statement allows it)' : `Error: ${result.res.error ?? 'no decision'}`}
          </div>
          {result.res.explanation && result.res.explanation.length > 0 && (
            <ol class="explanation">
              {result.res.explanation.map((line, i) => {
                const text = plainExplanation(line.text, ownLabel, line)
                const own = line.range && (line.policy === ownLabel || line.policy === `${ownLabel}[0]`) && result.text === session.text
                return (
                  <li key={i} class={line.decisive ? 'decisive' : ''} data-kind={line.kind}>
                    {own ? (
                      <button type="button" class="link explain-line" data-statement={line.statement} title="Select this statement in the editor" onClick={trusted(() => void session.select(line.range!))}>
                        {line.decisive ? <strong>{text}</strong> : text}
                      </button>
                    ) : line.decisive ? (
                      <strong>{text}</strong>
                    ) : (
                      text
                    )}
                  </li>
                )
              })}
            </ol>
          )}
          {showCase && <CaseExport c={result.case} />}
        </section>
      )}
      <WhatCanItDo session={session} engine={engine} />
    </div>
  )
}

function CaseExport({ c }: { c: SimulationCaseJson }) {
  const json = exportCase(c)
  const [copied, setCopied] = useState(false)
  return (
    <div>
      <p class="muted">The case in the CLI's format: save it as case.json and run <code>iam-sidekick simulate case.json</code>.</p>
      <pre class="case" tabIndex={0} aria-label="Simulation case JSON">
        {json}
      </pre>
      <div class="row">
        <button
          type="button"
          class="btn small"
          onClick={() => {
            void navigator.clipboard?.writeText(json).then(() => setCopied(true), () => setCopied(false))
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <a class="btn small" href={`data:application/json;charset=utf-8,${encodeURIComponent(json)}`} download="case.json">
          Download case.json
        </a>
      </div>
    </div>
  )
}
