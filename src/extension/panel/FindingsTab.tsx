import { useEffect, useRef, useState } from 'preact/hooks'
import type { Finding, Fix } from '../../engine/findings/types'
import type { EditorSession } from '../content/session'
import type { SuppressScope } from '../content/suppressions'
import { trusted } from '../shared/trusted'
import { FindingRow, severityLabel } from './FindingRow'
import type { SuppressionState } from './use-suppressions'
import { engineGroup, plainTitle, safeFixes, type Card, type Verdict } from './verdict'

/** Applies fixes and keeps a short "Fixed · Undo" confirmation (Undo goes through the editor's own undo stack). */
export function useFixer(session: EditorSession) {
  const [fixed, setFixed] = useState<{ what: string; count: number } | undefined>()
  const [error, setError] = useState<string | undefined>()
  const undoRef = useRef<HTMLButtonElement>(null)
  const focusNext = useRef(false)
  useEffect(() => {
    if (fixed && focusNext.current) {
      focusNext.current = false
      // The fixed card is gone: keep the keyboard focus in the panel, on the Undo that answers it.
      undoRef.current?.focus({ preventScroll: true })
    }
  }, [fixed])
  const done = (r: { ok: boolean; error?: string }, what: string, count: number, hadFocus: boolean) => {
    if (r.ok) {
      focusNext.current = hadFocus
      setError(undefined)
      setFixed({ what, count })
    } else setError(r.error ?? 'The console editor did not accept the fix.')
  }
  const inPanel = (row: HTMLElement | null) => !!row && !!row.getRootNode && (row.getRootNode() as ShadowRoot).activeElement !== null
  return {
    fixed,
    error,
    undoRef,
    async apply(fix: Fix, row: HTMLElement | null) {
      const focus = inPanel(row)
      done(await session.applyFix(fix), fix.title, 1, focus)
    },
    async applyAll(fixes: Fix[]) {
      done(await session.applyFixes(fixes), `${fixes.length} safe fix${fixes.length === 1 ? '' : 'es'}`, fixes.length, true)
    },
    async undo() {
      const r = await session.undo()
      setFixed(undefined)
      if (!r.ok) setError(r.error ?? 'Undo failed: press Ctrl+Z in the editor.')
    },
    dismiss() {
      setFixed(undefined)
    },
  }
}

export type Fixer = ReturnType<typeof useFixer>

export function FixedBar({ fixer }: { fixer: Fixer }) {
  if (fixer.error)
    return (
      <p class="fixed bad" role="alert">
        {fixer.error}
      </p>
    )
  if (!fixer.fixed) return null
  return (
    <p class="fixed" role="status" data-fixed={fixer.fixed.count}>
      <span class="ok-mark" aria-hidden="true">
        ✓
      </span>
      <span>Fixed</span>
      <span class="muted fixed-what" title={fixer.fixed.what}>
        {fixer.fixed.what}
      </span>
      <span aria-hidden="true">·</span>
      <button type="button" class="link" data-action="undo" ref={fixer.undoRef} onClick={trusted(() => void fixer.undo())}>
        Undo
      </button>
    </p>
  )
}

export function FindingList(props: {
  session: EditorSession
  cards: Card[]
  label: string
  fixable?: boolean
  fixer: Fixer
  onSuppress?: (code: string, scope: SuppressScope) => void
}) {
  const s = props.session
  return (
    <ul class="findings" aria-label={props.label}>
      {props.cards.map((c) => (
        <FindingRow
          key={c.key}
          card={c}
          fixable={(props.fixable ?? (c.source === 'security' ? s.analysis?.adviceText === s.text : s.fresh)) && !s.readOnly}
          onSelect={(x) => void s.select(x.range)}
          onFix={(fix, row) => void props.fixer.apply(fix, row)}
          {...(props.onSuppress ? { onSuppress: props.onSuppress } : {})}
        />
      ))}
    </ul>
  )
}

/** Cards made from bare findings (the Least privilege tab's full list). */
export function cardsOf(findings: Finding[], source: Card['source']): Card[] {
  return findings.map((f, i) => {
    const g = engineGroup(f)
    return { key: `${source}-${i}-${f.code}`, finding: f, source, title: plainTitle(f.code), ...(g ? { group: g } : {}) }
  })
}

export function verdictSummary(v: Verdict): string {
  const parts: string[] = []
  const n = (k: number, one: string, many: string) => k && parts.push(`${k} ${k === 1 ? one : many}`)
  n(v.counts.ERROR, 'error', 'errors')
  n(v.counts.SECURITY_WARNING, 'security risk', 'security risks')
  n(v.counts.WARNING, 'warning', 'warnings')
  n(v.counts.SUGGESTION, 'suggestion', 'suggestions')
  return parts.join(' · ')
}

export function FindingsTab({ session, suppressions, verdict }: { session: EditorSession; suppressions: SuppressionState; verdict: Verdict }) {
  const fixer = useFixer(session)
  const a = session.analysis
  if (!a) return <p class="muted">{session.error ? `The checks could not run: ${session.error}` : 'Checking the policy…'}</p>
  const hiddenHere = suppressions.hidden.filter((h) => a.findings.some((f) => f.code === h.code) || (a.suggestions ?? []).some((f) => f.code === h.code))
  const safe = session.fresh && !session.readOnly ? safeFixes(verdict.cards) : []
  return (
    <>
      <FixedBar fixer={fixer} />
      {verdict.serious === 0 && verdict.pending ? (
        <p class="muted" role="status" data-verdict="pending">
          No errors so far; checking security risks…
        </p>
      ) : verdict.serious === 0 ? (
        <p class="empty" role="status" data-verdict="ok">
          No findings: the policy passes every check for a {a.policyType} policy{verdict.hidden ? ' that you have not hidden' : ''}
          {verdict.counts.SUGGESTION ? `; ${verdict.counts.SUGGESTION} suggestion${verdict.counts.SUGGESTION === 1 ? '' : 's'} below.` : '.'}
        </p>
      ) : (
        <div class="verdict-bar" role="status" data-verdict="findings">
          <span>
            {verdictSummary(verdict)}
            {verdict.pending ? ' · checking security risks…' : ''}
          </span>
          {safe.length > 0 && (
            <button type="button" class="btn small" data-action="fix-all-safe" title={safe.map((f) => f.title).join('\n')} onClick={trusted(() => void fixer.applyAll(safe))}>
              Fix all safe ({safe.length})
            </button>
          )}
        </div>
      )}
      {verdict.cards.length > 0 && (
        <FindingList session={session} cards={verdict.cards} label="Findings, most severe first" fixer={fixer} onSuppress={(code, scope) => suppressions.set(code, scope, true)} />
      )}
      {hiddenHere.length > 0 && (
        <p class="muted hidden-codes" data-hidden-count={verdict.hidden}>
          {verdict.hidden} hidden:{' '}
          {hiddenHere.map((h) => (
            <span key={h.code + h.scope} class="hidden-code">
              <code>{h.code}</code> ({h.scope === 'global' ? 'everywhere' : 'this policy'}){' '}
              <button type="button" class="link" data-unsuppress={h.code} onClick={trusted(() => suppressions.set(h.code, h.scope, false))}>
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
