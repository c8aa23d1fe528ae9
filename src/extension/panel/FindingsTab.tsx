import { SEVERITIES, type Finding } from '../../engine/findings/types'
import type { EditorSession } from '../content/session'
import { FindingRow, severityLabel } from './FindingRow'

const PLURAL: Record<Finding['severity'], string> = {
  ERROR: 'Errors',
  SECURITY_WARNING: 'Security warnings',
  WARNING: 'Warnings',
  SUGGESTION: 'Suggestions',
}

export function FindingList(props: { session: EditorSession; findings: Finding[]; label: string; fixable?: boolean }) {
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
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}

export function FindingsTab({ session }: { session: EditorSession }) {
  const a = session.analysis
  if (!a) return <p class="muted">{session.error ? `The checks could not run: ${session.error}` : 'Checking the policy…'}</p>
  if (a.findings.length === 0)
    return (
      <p class="empty" role="status">
        No findings: the policy passes every check for a {a.policyType} policy.
      </p>
    )
  return (
    <>
      <p class="sr-only" role="status">
        {a.findings.length} findings
      </p>
      <FindingList session={session} findings={a.findings} label="Findings" />
    </>
  )
}

export { severityLabel }
