import { SEVERITIES, type Finding } from '../../engine/findings/types'
import type { EditorSession } from '../content/session'
import type { SuppressScope } from '../content/suppressions'
import { FindingRow, severityLabel } from './FindingRow'
import type { SuppressionState } from './use-suppressions'

const PLURAL: Record<Finding['severity'], string> = {
  ERROR: 'Errors',
  SECURITY_WARNING: 'Security warnings',
  WARNING: 'Warnings',
  SUGGESTION: 'Suggestions',
}

export function FindingList(props: {
  session: EditorSession
  findings: Finding[]
  label: string
  fixable?: boolean
  onSuppress?: (code: string, scope: SuppressScope) => void
}) {
  const s = props.session
  const groups = SEVERITIES.map((sev) => [sev, props.findings.filter((f) => f.severity === sev)] as const).filter(([, l]) => l.length)
  return (
    <>
      {groups.map(([sev, list]) => (
        <section class="group" key={sev} aria-label={`${PLURAL[sev]} (${list.length})`}>
          <h3>
            <span class={`sev ${sev}`} aria-hidden="true" />
            {PLURAL[sev]} <span class="count">{list.length}</span>
          </h3>
          <ul class="findings" aria-label={`${props.label}: ${PLURAL[sev]}`}>
            {list.map((f, i) => (
              <FindingRow
                key={`${f.code}-${f.range.start.line}-${f.range.start.column}-${i}`}
                finding={f}
                fixable={(props.fixable ?? s.fresh) && !s.readOnly}
                onSelect={(x) => void s.select(x.range)}
                onFix={(fix) => void s.applyFix(fix)}
                {...(props.onSuppress ? { onSuppress: props.onSuppress } : {})}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}

export function FindingsTab({ session, suppressions }: { session: EditorSession; suppressions: SuppressionState }) {
  const a = session.analysis
  if (!a) return <p class="muted">{session.error ? `The checks could not run: ${session.error}` : 'Checking the policy…'}</p>
  // A JSON syntax error is never hidden: nothing else can be checked until it is fixed.
  const shown = a.findings.filter((f) => f.code === 'JSON_SYNTAX_ERROR' || !suppressions.isHidden(f.code))
  const hiddenHere = suppressions.hidden.filter((h) => a.findings.some((f) => f.code === h.code))
  const hiddenCount = a.findings.length - shown.length
  return (
    <>
      {shown.length === 0 ? (
        <p class="empty" role="status">
          No findings: the policy passes every check for a {a.policyType} policy{hiddenCount ? ' that you have not hidden' : ''}.
        </p>
      ) : (
        <>
          <p class="sr-only" role="status">
            {shown.length} findings
          </p>
          <FindingList session={session} findings={shown} label="Findings" onSuppress={(code, scope) => suppressions.set(code, scope, true)} />
        </>
      )}
      {hiddenHere.length > 0 && (
        <p class="muted hidden-codes" data-hidden-count={hiddenCount}>
          {hiddenCount} hidden:{' '}
          {hiddenHere.map((h) => (
            <span key={h.code + h.scope} class="hidden-code">
              <code>{h.code}</code> ({h.scope === 'global' ? 'everywhere' : 'this policy'}){' '}
              <button type="button" class="link" data-unsuppress={h.code} onClick={() => suppressions.set(h.code, h.scope, false)}>
                Show again
              </button>{' '}
            </span>
          ))}
        </p>
      )}
    </>
  )
}

export { severityLabel }
