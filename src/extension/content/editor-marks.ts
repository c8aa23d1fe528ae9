/**
 * Which findings the page's own Ace editor shows, and how: validation findings and security risks as
 * underlines (and gutter icons for errors and warnings) with their message on hover. Pure: an analysis
 * in, bridge marks out. The panel decides what the user sees; this only follows it.
 */
import type { Finding, Severity } from '../../engine/findings/types'
import { MAX_MARKS, type EditorMark, type MarkSeverity } from '../bridge/protocol'
import type { Analysis } from '../shared/analysis'
import { toAceRange } from './session'

const SEVERITY: Record<Severity, MarkSeverity> = {
  ERROR: 'error',
  SECURITY_WARNING: 'warning',
  WARNING: 'warning',
  SUGGESTION: 'info',
}
const RANK: Record<Severity, number> = { ERROR: 0, SECURITY_WARNING: 1, WARNING: 2, SUGGESTION: 3 }
const MAX_MESSAGE = 900

/** The findings to mark: every validation finding, and the least-privilege suggestions that are security risks. */
export function findingsToMark(a: Analysis): Finding[] {
  const risks = a.adviceText === a.text ? (a.suggestions ?? []).filter((s) => s.severity === 'SECURITY_WARNING') : []
  return [...a.findings, ...risks]
}

export function marksFor(findings: readonly Finding[]): EditorMark[] {
  return [...findings]
    .sort((x, y) => RANK[x.severity] - RANK[y.severity])
    .slice(0, MAX_MARKS)
    .map((f) => ({
      range: toAceRange(f.range),
      severity: SEVERITY[f.severity],
      message: `${f.message} (${f.code})`.slice(0, MAX_MESSAGE),
    }))
}
