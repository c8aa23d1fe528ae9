import { SEVERITIES, type Severity } from '../../../engine/findings/types'
import { totalFindings } from '../validation'
import type { TemplateEntry } from './entries'
import { useCounts } from './hooks'

const SHORT: Record<Severity, string> = { ERROR: 'E', SECURITY_WARNING: 'S', WARNING: 'W', SUGGESTION: 's' }
const WORD: Record<Severity, [string, string]> = {
  ERROR: ['error', 'errors'],
  SECURITY_WARNING: ['security warning', 'security warnings'],
  WARNING: ['warning', 'warnings'],
  SUGGESTION: ['suggestion', 'suggestions'],
}

function describe(counts: Record<Severity, number>): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${WORD[s][counts[s] === 1 ? 0 : 1]}`)
  return parts.length ? parts.join(', ') : 'No findings'
}

/** Finding counts by severity from our validator; `long` spells them out. */
export function ValidationStatus({ entry, long }: { entry: Pick<TemplateEntry, 'document' | 'policyType' | 'resourceType'>; long?: boolean }) {
  const c = useCounts(entry)
  if (c.state === 'pending')
    return (
      <span class="tpl-status" data-validation="pending">
        <span class="tpl-sub">checking…</span>
      </span>
    )
  if (c.state === 'unavailable')
    return (
      <span class="tpl-status" data-validation="unavailable" title={c.error}>
        <span class="tpl-sub">not checked</span>
      </span>
    )
  const { counts } = c
  const text = describe(counts)
  const data = { 'data-validation': totalFindings(counts) ? 'findings' : 'ok', 'data-error': counts.ERROR, 'data-security-warning': counts.SECURITY_WARNING, 'data-warning': counts.WARNING, 'data-suggestion': counts.SUGGESTION }
  if (!totalFindings(counts))
    return (
      <span class="tpl-status" {...data} title="Our validator reports no findings">
        <span class="tpl-ok">✓ {long ? 'No findings' : 'valid'}</span>
      </span>
    )
  return (
    <span class="tpl-status" {...data} title={text}>
      {long ? (
        <span>{text}</span>
      ) : (
        SEVERITIES.filter((s) => counts[s] > 0).map((s) => (
          <span key={s} class={`tpl-sev ${s}`} aria-label={`${counts[s]} ${WORD[s][counts[s] === 1 ? 0 : 1]}`}>
            {counts[s]}
            {SHORT[s]}
          </span>
        ))
      )}
    </span>
  )
}
