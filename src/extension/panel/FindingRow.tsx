import type { Finding, Fix } from '../../engine/findings/types'

const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  ERROR: 'Error',
  SECURITY_WARNING: 'Security warning',
  WARNING: 'Warning',
  SUGGESTION: 'Suggestion',
}

export function severityLabel(s: Finding['severity']): string {
  return SEVERITY_LABEL[s]
}

/** One finding: click it to select its range in the console's editor; each fix is a button. */
export function FindingRow(props: {
  finding: Finding
  fixable: boolean
  onSelect: (f: Finding) => void
  onFix: (fix: Fix) => void
  /** Hide this finding's code on this page or everywhere (Findings tab only). */
  onSuppress?: (code: string, scope: 'page' | 'global') => void
}) {
  const f = props.finding
  const pos = `Ln ${f.range.start.line}, Col ${f.range.start.column}`
  return (
    <li class="finding" data-code={f.code} data-severity={f.severity}>
      <div class="line">
        <span class={`sev ${f.severity}`} aria-hidden="true" />
        <button class="where" type="button" onClick={() => props.onSelect(f)} aria-label={`${severityLabel(f.severity)}: ${f.message} (${pos}). Select in the editor.`}>
          <span class="msg">{f.message}</span>
        </button>
        <span class="pos">{pos}</span>
      </div>
      <div class="fixes">
        <span class="code">{f.code}</span>
        {(f.fixes ?? []).map((fix, i) => (
          <button key={i} type="button" class="btn small" data-fix={i} disabled={!props.fixable} onClick={() => props.onFix(fix)}>
            {fix.title}
          </button>
        ))}
        {f.learnMore && /^https:\/\//.test(f.learnMore) && (
          <a href={f.learnMore} target="_blank" rel="noopener noreferrer">
            Learn more
          </a>
        )}
        {props.onSuppress && (
          <span class="suppress">
            <button type="button" class="link" data-suppress="page" title={`Hide ${f.code} findings for this policy`} onClick={() => props.onSuppress!(f.code, 'page')}>
              Hide here
            </button>
            <button type="button" class="link" data-suppress="global" title={`Hide ${f.code} findings on every page`} onClick={() => props.onSuppress!(f.code, 'global')}>
              Hide everywhere
            </button>
          </span>
        )}
      </div>
    </li>
  )
}
