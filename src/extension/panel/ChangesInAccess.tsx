/**
 * "Changes in access": what the edit grants compared with the saved version, as the user types.
 * On an edit page the first text the editor showed is the saved policy; every change is checked against
 * it with the reasoning service (newly allowed / no longer allowed / no new access), each item selecting
 * the statement responsible. The user's guardrails (options page) are checked on every edit, and on
 * resource-policy pages the exact public-access verdict is shown. Self-contained: the panel only mounts it.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Range } from '../../engine/findings/types'
import type { CheckOutcome, CheckReason, ReasonPolicyType, WitnessRequest } from '../../engine/reason'
import { loadGuardrails, NO_GUARDRAILS, onGuardrailsChanged, type Guardrails } from '../content/guardrails'
import type { EditorSession } from '../content/session'
import { useSession } from './use-session'

type ReasonModule = typeof import('../../engine/reason')
let reasonModule: Promise<{ reason: ReasonModule; catalogue: Awaited<ReturnType<typeof import('../../engine/catalogue/bundled')['loadCatalogue']>> }> | undefined
function loadReason() {
  reasonModule ??= Promise.all([import('../../engine/reason'), import('../../engine/catalogue/bundled').then((m) => m.loadCatalogue())]).then(([reason, catalogue]) => ({ reason, catalogue }))
  return reasonModule
}

const DEBOUNCE_MS = 150

interface Results {
  text: string
  added?: CheckOutcome
  removed?: CheckOutcome
  guardActions?: CheckOutcome
  guardResources?: CheckOutcome
  publicAccess?: CheckOutcome
  publicType?: string
}

/** A policy with at least one statement: something to compare against. */
function hasStatements(text: string): boolean {
  try {
    const d = JSON.parse(text) as { Statement?: unknown }
    return Array.isArray(d.Statement) ? d.Statement.length > 0 : typeof d.Statement === 'object' && d.Statement !== null
  } catch {
    return false
  }
}

/** Edit pages show the saved policy first; create pages show a skeleton, which is no baseline. */
export function baselineOf(session: Pick<EditorSession, 'initialText' | 'readOnly'>, url: string): string | undefined {
  if (session.readOnly) return undefined
  if (/create/i.test(url)) return undefined
  return hasStatements(session.initialText) ? session.initialText : undefined
}

function reasonType(t: string | undefined): ReasonPolicyType {
  if (t === 'trust' || t === 'resource') return 'resource'
  if (t === 'scp' || t === 'rcp' || t === 'boundary' || t === 'session') return t
  return 'identity'
}

function witnessText(w: WitnessRequest): string {
  const parts: string[] = []
  if (w.principal) parts.push(`principal ${w.principal}`)
  parts.push(`${w.action} on ${w.resource}`)
  const ctx = Object.entries(w.context)
  if (ctx.length) parts.push(ctx.map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(', ')}]` : v}`).join(', '))
  return parts.join(', ')
}

function statementLabel(r: CheckReason, which: 'new' | 'existing' | 'policy'): string {
  const s = r.statements.find((x) => x.policy === which) ?? r.statements[0]
  if (!s) return ''
  return `statement ${s.index + 1}${s.sid ? ` (${s.sid})` : ''}`
}

function short(xs: string[]): string {
  return xs.length <= 3 ? xs.join(', ') : `${xs.slice(0, 3).join(', ')} and ${xs.length - 3} more`
}

/** The statement's own patterns: "grants s3:* on arn:aws:s3:::reports/*". */
function grantsText(r: CheckReason): string {
  const g = r.grants
  if (!g) return ''
  const acts = `${g.element === 'NotAction' ? 'every action but ' : ''}${short(g.actions)}`
  const res = g.resourceElement ? ` on ${g.resourceElement === 'NotResource' ? 'every resource but ' : ''}${short(g.resources)}` : ''
  return `grants ${acts}${res}`
}

function Item({ kind, label, reason, range, select, detail }: { kind: string; label: string; reason: CheckReason; range: Range | undefined; select: (r: Range) => void; detail: string }) {
  const w = reason.witness
  const body = (
    <>
      <strong>{label}</strong> {w.action} on <code>{w.resource}</code>
      <span class="sk-cia-eg"> (e.g. {witnessText(w)})</span>
      {detail && (
        <span class="sk-cia-stmt">
          {' '}
          · {detail}
          {reason.grants && kind !== 'removed' ? `: ${grantsText(reason)}` : ''}
        </span>
      )}
    </>
  )
  return (
    <li data-kind={kind}>
      {range ? (
        <button type="button" class="sk-cia-item" onClick={() => select(range)} title="Select the statement responsible">
          {body}
        </button>
      ) : (
        <span class="sk-cia-item">{body}</span>
      )}
    </li>
  )
}

const CSS = `.sk-cia{padding:8px 20px 4px;font-size:13px}.sk-cia h3{font-size:14px;margin:4px 0}
.sk-cia ul{list-style:none;margin:0;padding:0}.sk-cia li{margin:2px 0}
.sk-cia-item{display:block;width:100%;text-align:left;background:none;border:0;border-left:3px solid #8d9096;padding:2px 8px;font:inherit;color:inherit;cursor:pointer}
li[data-kind=added] .sk-cia-item,li[data-kind=guardrail] .sk-cia-item,li[data-kind=public] .sk-cia-item{border-left-color:#d91515}
li[data-kind=removed] .sk-cia-item{border-left-color:#0972d3}.sk-cia-eg,.sk-cia-stmt{opacity:.75}
.sk-cia p{margin:2px 0}.sk-cia .ok{color:#037f0c}.sk-cia .unknown{color:#8d6605}`

export function ChangesInAccess({ session: s0 }: { session: EditorSession }) {
  const s = useSession(s0)
  const [guardrails, setGuardrails] = useState<Guardrails>(NO_GUARDRAILS)
  const [results, setResults] = useState<Results | undefined>()
  const baseline = baselineOf(s, typeof location === 'undefined' ? '' : location.href)
  const type = s.analysis?.policyType ?? (s.policyType === 'auto' ? undefined : s.policyType)
  const publicType = type === 'trust' ? 'AWS::IAM::AssumeRolePolicyDocument' : type === 'resource' ? s.resourceType : undefined
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    void loadGuardrails().then(setGuardrails)
    return onGuardrailsChanged(setGuardrails)
  }, [])

  const text = s.text
  const wanted = baseline !== undefined || guardrails.actions.length > 0 || guardrails.resources.length > 0 || publicType !== undefined
  useEffect(() => {
    if (!wanted) return
    clearTimeout(timer.current)
    let cancelled = false
    timer.current = setTimeout(() => {
      void loadReason()
        .then(({ reason, catalogue }) => {
          if (cancelled) return
          const opts = { type: reasonType(type), catalogue }
          const r: Results = { text }
          if (baseline !== undefined) {
            r.added = reason.checkNoNewAccess(text, baseline, opts)
            r.removed = reason.checkNoNewAccess(baseline, text, opts)
          }
          if (guardrails.actions.length) r.guardActions = reason.checkAccessNotGranted(text, { actions: guardrails.actions }, opts)
          if (guardrails.resources.length) r.guardResources = reason.checkAccessNotGranted(text, { resources: guardrails.resources }, opts)
          if (publicType && reason.PUBLIC_ACCESS_RESOURCE_TYPES.includes(publicType)) {
            r.publicAccess = reason.checkNoPublicAccess(text, publicType, opts)
            r.publicType = publicType
          }
          setResults(r)
        })
        .catch(() => {
          /* the checks are an extra: never break the panel */
        })
    }, DEBOUNCE_MS)
    return () => {
      cancelled = true
      clearTimeout(timer.current)
    }
  }, [text, baseline, guardrails, publicType, type, wanted])

  if (!wanted || !results) return null
  const select = (r: Range) => void s.select(r).catch(() => {})
  const current = results.text === s.text
  const rangeOf = (r: CheckReason, which: 'new' | 'existing' | 'policy') => (current ? r.statements.find((x) => x.policy === which)?.range : undefined)
  const invalid = [results.added, results.guardActions, results.publicAccess].find((o) => o?.error)
  const guard = [results.guardActions, results.guardResources].filter((o): o is CheckOutcome => !!o && !o.error)

  return (
    <section class="sk-cia" aria-label="Changes in access" data-state={current ? 'ready' : 'stale'}>
      <style>{CSS}</style>
      {results.added && (
        <>
          <h3>Changes in access</h3>
          {invalid && invalid === results.added ? (
            <p class="unknown" data-kind="invalid">Waiting for a valid policy to compare with the saved version.</p>
          ) : (
            <ul>
              {results.added.reasons.map((r, i) => (
                <Item key={`a${i}`} kind="added" label="Newly allowed:" reason={r} range={rangeOf(r, 'new')} select={select} detail={statementLabel(r, 'new')} />
              ))}
              {(results.removed?.reasons ?? []).map((r, i) => (
                <Item key={`r${i}`} kind="removed" label="No longer allowed:" reason={r} range={rangeOf(r, 'existing')} select={select} detail={r.statements.some((x) => x.policy === 'existing') ? `now denied by ${statementLabel(r, 'existing')}` : `was granted by saved ${statementLabel(r, 'new')}`} />
              ))}
              {results.added.result === 'PASS' && (
                <li data-kind="none">
                  <p class="ok">No new access{results.removed?.result === 'PASS' ? ': the edit grants exactly what the saved version grants' : ''}</p>
                </li>
              )}
              {results.added.result === 'UNKNOWN' && (
                <li data-kind="unknown">
                  <p class="unknown">Could not decide exactly: {results.added.unknown.join('; ')}</p>
                </li>
              )}
            </ul>
          )}
        </>
      )}
      {guard.length > 0 && (
        <>
          <h3>Guardrails</h3>
          <ul>
            {guard.flatMap((o, gi) => o.reasons.map((r, i) => <Item key={`g${gi}-${i}`} kind="guardrail" label="Guardrail broken:" reason={r} range={rangeOf(r, 'policy')} select={select} detail={statementLabel(r, 'policy')} />))}
            {guard.every((o) => o.result === 'PASS') && (
              <li data-kind="guardrails-hold">
                <p class="ok">No guardrail is broken</p>
              </li>
            )}
            {guard.some((o) => o.result === 'UNKNOWN') && (
              <li data-kind="unknown">
                <p class="unknown">Guardrails could not be decided exactly: {guard.flatMap((o) => o.unknown).join('; ')}</p>
              </li>
            )}
          </ul>
        </>
      )}
      {results.publicAccess && !results.publicAccess.error && (
        <>
          <h3>Public access ({results.publicType})</h3>
          <ul>
            {results.publicAccess.reasons.map((r, i) => (
              <Item key={`p${i}`} kind="public" label="Public:" reason={r} range={rangeOf(r, 'policy')} select={select} detail={statementLabel(r, 'policy')} />
            ))}
            {results.publicAccess.result === 'PASS' && (
              <li data-kind="not-public">
                <p class="ok">No public access</p>
              </li>
            )}
            {results.publicAccess.result === 'UNKNOWN' && (
              <li data-kind="unknown">
                <p class="unknown">Public access could not be decided exactly: {results.publicAccess.unknown.join('; ')}</p>
              </li>
            )}
          </ul>
        </>
      )}
    </section>
  )
}
