import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { AccessLevel } from '../../../engine/catalogue/types'
import type { ExplanationLine } from '../../../engine/simulate/types'
import type { PolicySources } from '../model/cases'
import { describeMissing } from '../model/missing'
import { isAssigned, roleTargetKind } from '../model/roles'
import { shortArn } from '../model/arns'
import type { BasketItem } from '../model/types'
import { completionSources } from '../model/seen'
import type { Question } from '../model/types'
import type { Answer, Capabilities } from '../engine'
import type { BasketHandle } from './use-basket'

const loadEngine = () => import('../engine')

/** `identity[0]`, `scps[1][0]`, `resourcePolicy` → the basket's name for that policy. */
export function policyLabel(label: string | undefined, sources: PolicySources | undefined): string | undefined {
  if (!label || !sources) return undefined
  const m = /^(identity|scps|rcps)\[(\d+)\](?:\[(\d+)\])?$/.exec(label)
  if (m) {
    if (m[1] === 'identity') {
      const n = sources.identityPolicies[Number(m[2])]
      return n && (n.via ? `${n.via} → ${n.name}` : n.name)
    }
    const levels = m[1] === 'scps' ? sources.scps : sources.rcps
    return levels?.[Number(m[2])]?.[Number(m[3] ?? 0)]?.name
  }
  if (label === 'resourcePolicy') return sources.resourcePolicy?.name
  if (label === 'permissionsBoundary') return sources.permissionsBoundary?.name
  if (label === 'sessionPolicy') return sources.sessionPolicy?.name
  return undefined
}

/** "Allowed by group developers → developers-deploy, statement Deploy": the decisive statements, named. */
export function decidedBy(lines: ExplanationLine[], sources: PolicySources | undefined, decision: string | undefined): string | undefined {
  if (decision !== 'Allowed' && decision !== 'ExplicitDeny') return undefined
  const effect = decision === 'Allowed' ? 'Allow' : 'Deny'
  const parts = lines
    .filter((l) => l.kind === 'statement' && l.decisive && l.effect === effect && l.policy)
    .map((l) => `${policyLabel(l.policy, sources) ?? l.policy}, statement ${l.sid ?? `#${(l.statement ?? 0) + 1}`}`)
  const unique = [...new Set(parts)]
  if (!unique.length) return undefined
  return `${decision === 'Allowed' ? 'Allowed' : 'Denied'} by ${unique.slice(0, 3).join('; ')}${unique.length > 3 ? ` and ${unique.length - 3} more` : ''}`
}

/** Privilege escalation and the other risks over the principal's policies taken together. */
function PrincipalRisksView(props: { handle: BasketHandle; principal: string }) {
  const [state, setState] = useState<{ risks: import('../tighten').PrincipalRisk[]; policies: number } | undefined>()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      const m = await import('../tighten')
      setState(await m.principalRisks(props.handle.basket, props.principal))
    } catch {
      setState({ risks: [], policies: 0 })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div data-testid="whatif-risks-section">
      <button type="button" data-testid="whatif-risks-run" disabled={busy || !props.principal} onClick={() => void run()}>
        {busy ? 'Judging…' : 'Risks across this principal’s policies'}
      </button>
      {state && (
        <div data-testid="whatif-risks" data-count={String(state.risks.length)}>
          <p class="muted">
            {state.risks.length} risk{state.risks.length === 1 ? '' : 's'} over {state.policies} identity polic{state.policies === 1 ? 'y' : 'ies'} taken together.
          </p>
          <ul>
            {state.risks.slice(0, 30).map((r, i) => (
              <li key={i} data-testid="whatif-risk" data-code={r.code} data-category={r.category} data-combined={String(r.combined)}>
                <span class="badge">{r.category}</span> {r.combined && <span class="badge missing">only together</span>} {r.message}
                {r.policies.length > 0 && <div class="muted">From {r.policies.join(' + ')}</div>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}

function Explanation(props: { lines: ExplanationLine[]; sources: PolicySources | undefined }) {
  const main = props.lines.filter((l) => l.kind !== 'statement' || l.decisive)
  const rest = props.lines.filter((l) => l.kind === 'statement' && !l.decisive)
  const line = (l: ExplanationLine, i: number) => {
    const name = policyLabel(l.policy, props.sources)
    return (
      <li key={i} data-kind={l.kind} data-decisive={String(!!l.decisive)}>
        {name && <span class="badge">{name}</span>} {l.text}
      </li>
    )
  }
  return (
    <div data-testid="whatif-explanation">
      <ul>{main.map(line)}</ul>
      {rest.length > 0 && (
        <details>
          <summary>Every other statement ({rest.length})</summary>
          <ul>{rest.map(line)}</ul>
        </details>
      )}
    </div>
  )
}

const LEVELS: AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging']

/** "Can PRINCIPAL do ACTION on RESOURCE?" with completion, the decision and its explanation, and what the principal can do there. */
export function AskView(props: { handle: BasketHandle; idPrefix: string }) {
  const { basket, dispatch } = props.handle
  const seen = useMemo(() => completionSources(basket), [basket])
  const [principal, setPrincipal] = useState(basket.question?.principal ?? '')
  const [action, setAction] = useState(basket.question?.action ?? '')
  const [resource, setResource] = useState(basket.question?.resource ?? '')
  const [context, setContext] = useState<Record<string, string | string[]>>(basket.question?.context ?? {})
  const [actions, setActions] = useState<string[]>([])
  const [answer, setAnswer] = useState<Answer | undefined>()
  const [caps, setCaps] = useState<Capabilities | undefined>()
  const [busy, setBusy] = useState<'ask' | 'caps' | undefined>()
  const [error, setError] = useState<string | undefined>()

  // A question set elsewhere (the popup, an import) fills empty fields.
  useEffect(() => {
    const q = basket.question
    if (!q) return
    setPrincipal((p) => p || q.principal)
    setAction((a) => a || q.action)
    setResource((r) => r || q.resource)
  }, [basket.question])
  // Default the principal to the one the basket knows best.
  useEffect(() => {
    if (!principal && seen.principals[0]) setPrincipal(seen.principals[0])
  }, [seen.principals, principal])

  useEffect(() => {
    let live = true
    if (action.trim().length < 2) {
      setActions([])
      return
    }
    const t = setTimeout(() => {
      void loadEngine()
        .then((e) => e.completeAction(action))
        .then((list) => live && setActions(list))
        .catch(() => undefined)
    }, 120)
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [action])

  const question: Question = { principal: principal.trim(), action: action.trim(), resource: resource.trim() || '*', ...(Object.keys(context).length ? { context } : {}) }
  const mfa = context['aws:MultiFactorAuthPresent']
  const account = /^arn:[\w-]+:(?:iam|sts)::(\d{12}):/.exec(principal.trim())?.[1]
  const partition = /^arn:([\w-]+):/.exec(principal.trim())?.[1] ?? 'aws'
  const ready = /^[^:\s]+:[^:\s]+$/.test(question.action)

  const runAsk = async () => {
    setBusy('ask')
    setError(undefined)
    try {
      void dispatch({ op: 'set-question', question })
      const e = await loadEngine()
      setAnswer(await e.ask(basket, question))
    } catch (err) {
      setError(`The simulator could not run: ${(err as Error).message}`)
    } finally {
      setBusy(undefined)
    }
  }
  // Ask again once the basket holds the assignment (it comes back from the background).
  const askAgain = useRef(false)
  useEffect(() => {
    if (!askAgain.current) return
    askAgain.current = false
    void runAsk()
  }, [basket])
  const runCaps = async () => {
    setBusy('caps')
    setError(undefined)
    try {
      const e = await loadEngine()
      setCaps(await e.capabilities(basket, { principal: question.principal, resource: question.resource }))
    } catch (err) {
      setError(`The simulator could not run: ${(err as Error).message}`)
    } finally {
      setBusy(undefined)
    }
  }

  const p = props.idPrefix
  const r = answer?.result
  // Never guess: no collected policy bears on the question, or a policy of the principal is listed but
  // unseen. Then the answer is "cannot decide yet" with what is missing, never Allowed/Denied.
  const undecided = !!answer && !r?.error && (answer.built.used.length === 0 || answer.built.missing.length > 0)
  const unassigned = basket.items.filter((i) => i.document !== undefined && !isAssigned(i.role)).slice(0, 3)
  const assign = async (item: BasketItem) => {
    const kind = roleTargetKind(item.role.kind)
    const target = kind === 'principal' ? question.principal : question.resource
    if (!target || target === '*') return setError(kind === 'principal' ? 'Enter the principal first.' : 'Enter the resource first.')
    askAgain.current = true
    await dispatch({ op: 'set-role', id: item.id, role: { ...item.role, target } })
  }
  return (
    <section data-testid="whatif-ask" aria-label="Ask">
      <h3>Ask</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (ready) void runAsk()
        }}
      >
        <label class="field">
          <span>Can principal</span>
          <input type="text" data-testid="whatif-principal" list={`${p}-principals`} value={principal} placeholder="arn:aws:iam::111111111111:role/name" onInput={(e) => setPrincipal((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>do action</span>
          <input type="text" data-testid="whatif-action" list={`${p}-actions`} value={action} placeholder="s3:GetObject" autocomplete="off" onInput={(e) => setAction((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>on resource</span>
          <input type="text" data-testid="whatif-resource" list={`${p}-resources`} value={resource} placeholder="arn:aws:s3:::bucket/key (or *)" onInput={(e) => setResource((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <datalist id={`${p}-principals`}>
          {seen.principals.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <datalist id={`${p}-actions`} data-testid="whatif-action-options">
          {actions.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <datalist id={`${p}-resources`}>
          {seen.resources.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <div class="row" role="group" aria-label="Shortcuts" data-testid="whatif-shortcuts" style="margin-top:6px">
          <span class="muted">Shortcuts:</span>
          <button type="button" data-testid="whatif-shortcut-mfa" aria-pressed={mfa === 'true'} onClick={() => setContext((c) => ({ ...c, 'aws:MultiFactorAuthPresent': 'true' }))}>
            Signed in with MFA
          </button>
          <button
            type="button"
            data-testid="whatif-shortcut-no-mfa"
            aria-pressed={mfa === undefined}
            title="Requests signed with long-term access keys carry no aws:MultiFactorAuthPresent key"
            onClick={() =>
              setContext((c) => {
                const { ['aws:MultiFactorAuthPresent']: _m, ...rest } = c
                return rest
              })
            }
          >
            Access keys (no MFA key)
          </button>
          <button type="button" data-testid="whatif-shortcut-root" disabled={!account} onClick={() => account && setPrincipal(`arn:${partition}:iam::${account}:root`)}>
            As the account root user
          </button>
          {Object.keys(context).length > 0 && (
            <span class="muted" data-testid="whatif-context">
              Context: {Object.entries(context)
                .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`)
                .join(', ')}
            </span>
          )}
        </div>
        <div class="row" style="margin-top:6px">
          <button type="submit" class="primary" data-testid="whatif-ask-run" disabled={!ready || busy !== undefined}>
            {busy === 'ask' ? 'Asking…' : 'Ask'}
          </button>
          <button type="button" data-testid="whatif-capabilities-run" disabled={busy !== undefined} onClick={() => void runCaps()}>
            {busy === 'caps' ? 'Simulating every action…' : 'What can it do on this resource?'}
          </button>
        </div>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {r && (
        <div data-testid="whatif-answer" aria-live="polite">
          {undecided ? (
            <div class="undecided" data-testid="whatif-undecided">
              <p>
                <span class="decision" data-testid="whatif-decision" data-decision="undecided">
                  Cannot decide yet
                </span>
              </p>
              {answer.built.used.length === 0 && (
                <p data-testid="whatif-undecided-why">
                  No collected policy bears on this question: none is assigned to {question.principal ? shortArn(question.principal) : 'the principal'}
                  {question.resource && question.resource !== '*' ? ` or to ${shortArn(question.resource)}` : ''}. Collect the principal’s policies (open its page), or assign a policy from the basket.
                </p>
              )}
              {unassigned.length > 0 && (
                <div class="row" data-testid="whatif-assign">
                  {unassigned.map((i) => {
                    const kind = roleTargetKind(i.role.kind)
                    const to = kind === 'principal' ? question.principal : question.resource
                    return (
                      <button key={i.id} type="button" class="primary" data-testid="whatif-assign-item" data-item={i.id} disabled={!to || to === '*'} onClick={() => void assign(i)}>
                        {kind === 'principal' ? `Use “${i.name}” as ${to ? shortArn(to) : 'the principal'}’s policy` : `Attach “${i.name}” to ${to && to !== '*' ? shortArn(to) : 'the resource'}`}
                      </button>
                    )
                  })}
                </div>
              )}
            </div>
          ) : r.error ? (
            <p class="error" data-testid="whatif-decision" data-decision="error">
              {r.error}
            </p>
          ) : (
            <p>
              <span class="decision" data-testid="whatif-decision" data-decision={r.decision}>
                {r.decision === 'Allowed' ? 'Allowed' : r.decision === 'ExplicitDeny' ? 'Denied explicitly' : 'Denied (no statement allows it)'}
              </span>{' '}
              <span class="muted">
                {answer.built.used.length} polic{answer.built.used.length === 1 ? 'y' : 'ies'} taken into account
              </span>
            </p>
          )}
          {answer.built.missing.length > 0 && (
            <ul class="warn" data-testid="whatif-answer-missing">
              {answer.built.missing.map((i) => (
                <li key={i.id}>{describeMissing(i)} It may allow or deny this request.</li>
              ))}
            </ul>
          )}
          {answer.built.missingGroups.length > 0 && (
            <ul class="warn" data-testid="whatif-answer-missing-groups">
              {answer.built.missingGroups.map((g) => (
                <li key={g}>group {g.slice(g.lastIndexOf('/') + 1)}: its policies have not been seen yet — open the group’s page and add them. The decision may change.</li>
              ))}
            </ul>
          )}
          {!r.error && decidedBy(r.explanation ?? [], answer.built.case.policySources, r.decision) && (
            <p data-testid="whatif-decided-by">{decidedBy(r.explanation ?? [], answer.built.case.policySources, r.decision)}</p>
          )}
          {answer.built.warnings.map((w, i) => (
            <p key={i} class="warn">
              {w}
            </p>
          ))}
          {!undecided && r.explanation && <Explanation lines={r.explanation} sources={answer.built.case.policySources} />}
        </div>
      )}
      <PrincipalRisksView handle={props.handle} principal={question.principal} />
      {caps && (
        <div data-testid="whatif-capabilities" data-allowed={String(caps.allowedCount)}>
          {caps.error ? (
            <p class="error">{caps.error}</p>
          ) : (
            <p>
              {caps.allowedCount} of the {caps.total} actions that can act on <code>{question.resource || '*'}</code> are allowed{' '}
              <span class="muted">
                ({caps.notApplicable ? `${caps.notApplicable} other actions do not apply to this resource type; ` : ''}
                {Math.round(caps.ms)} ms)
              </span>
            </p>
          )}
          {LEVELS.map((l) => (
            <details key={l} data-testid="whatif-level" data-level={l} data-count={String(caps.allowed[l]?.length ?? 0)}>
              <summary>
                {l}: {caps.allowed[l]?.length ?? 0}
              </summary>
              <div class="actions-list">{(caps.allowed[l] ?? []).join(', ') || '—'}</div>
            </details>
          ))}
        </div>
      )}
    </section>
  )
}
