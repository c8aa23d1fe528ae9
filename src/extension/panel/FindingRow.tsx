import { useState } from 'preact/hooks'
import type { Finding, Fix } from '../../engine/findings/types'
import { trusted } from '../shared/trusted'
import { isSecurityCode, plainTitle, type Card } from './verdict'

const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  ERROR: 'Error',
  SECURITY_WARNING: 'Security risk',
  WARNING: 'Warning',
  SUGGESTION: 'Suggestion',
}

export function severityLabel(s: Finding['severity']): string {
  return SEVERITY_LABEL[s]
}

/**
 * One shape per severity (never colour alone): a filled circle with a cross, a shield with "!", a
 * triangle with "!", a circle outline with "i". Colours come from the panel's variables (light and dark).
 */
export function SeverityIcon({ severity }: { severity: Finding['severity'] }) {
  const body =
    severity === 'ERROR' ? (
      <>
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="var(--on-sev)" stroke-width="1.8" stroke-linecap="round" />
      </>
    ) : severity === 'SECURITY_WARNING' ? (
      <>
        <path d="M8 .8l6.2 2.4v4.3c0 3.7-2.6 6.4-6.2 7.7C4.4 13.9 1.8 11.2 1.8 7.5V3.2z" fill="currentColor" />
        <path d="M8 4.2v4.6" stroke="var(--on-sev)" stroke-width="1.8" stroke-linecap="round" />
        <circle cx="8" cy="11.2" r="1" fill="var(--on-sev)" />
      </>
    ) : severity === 'WARNING' ? (
      <>
        <path d="M8 1.2l7 13H1z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" />
        <path d="M8 6v3.6" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        <circle cx="8" cy="11.8" r="1" fill="currentColor" />
      </>
    ) : (
      <>
        <circle cx="8" cy="8" r="6.3" fill="none" stroke="currentColor" stroke-width="1.6" />
        <path d="M8 7.2v4" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        <circle cx="8" cy="4.9" r="1" fill="currentColor" />
      </>
    )
  return (
    <svg class={`sev ${severity}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {body}
    </svg>
  )
}

export interface FindingRowProps {
  /** A card of the verdict, or a bare finding (the card is then made from it). */
  card?: Card
  finding?: Finding
  fixable: boolean
  onSelect: (f: Finding) => void
  onFix: (fix: Fix, row: HTMLElement | null) => void
  /** Hide this finding's code on this page or everywhere (not offered on JSON syntax errors). */
  onSuppress?: (code: string, scope: 'page' | 'global') => void
}

const UNHIDEABLE = new Set(['JSON_SYNTAX_ERROR', 'POLICY_TYPE_MISMATCH'])

/**
 * One finding card: a plain title, its location, the message, one primary fix; secondary fixes, "Learn
 * more" and hiding in an overflow menu; the code in small print. Click the title to select it in the editor.
 */
export function FindingRow(props: FindingRowProps) {
  const card: Card = props.card ?? { key: 'f', finding: props.finding!, source: 'validation', title: plainTitle(props.finding!.code) }
  const f = card.finding
  const [menu, setMenu] = useState(false)
  const [confirm, setConfirm] = useState(false)
  const [members, setMembers] = useState(false)
  const [row, setRow] = useState<HTMLElement | null>(null)
  const pos = `Line ${f.range.start.line}, column ${f.range.start.column}`
  const fixes = f.fixes ?? []
  const primary = fixes[0]
  const learn = f.learnMore && /^https:\/\//.test(f.learnMore) ? f.learnMore : undefined
  const canHide = !!props.onSuppress && !UNHIDEABLE.has(f.code)
  const hasMenu = fixes.length > 1 || !!learn || canHide
  const security = isSecurityCode(f, card.source)
  const hide = (scope: 'page' | 'global') => {
    if (scope === 'global' && security && !confirm) return setConfirm(true)
    setMenu(false)
    setConfirm(false)
    props.onSuppress?.(f.code, scope)
  }
  return (
    <li
      class={`finding ${f.severity}`}
      data-code={f.code}
      data-severity={f.severity}
      data-source={card.source}
      {...(card.publicLevel ? { 'data-public': card.publicLevel } : {})}
      {...(card.group ? { 'data-group-count': String(card.group.count) } : {})}
      ref={setRow}
    >
      <div class="line">
        <SeverityIcon severity={f.severity} />
        <div class="main">
          <button class="where" type="button" onClick={trusted(() => props.onSelect(f))} aria-label={`${severityLabel(f.severity)}: ${card.title}. ${f.message} (${pos}). Select in the editor.`}>
            <span class="ftitle">{card.title}</span>
            <span class="pos">{pos}</span>
          </button>
          <p class="msg">{f.message}</p>
          {card.group && (
            <p class="group-line">
              Covers {card.group.count} {card.group.noun}.{' '}
              <button type="button" class="link" data-action="members" aria-expanded={members} onClick={trusted(() => setMembers(!members))}>
                {members ? 'Hide the list' : 'Show the list'}
              </button>
            </p>
          )}
          {card.group && members && (
            <ul class="members" data-members={card.group.count}>
              {card.group.members.map((m, i) => (
                <li key={i}>{m.message}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div class="actions">
        {primary && (
          <button type="button" class="btn small fix" data-fix="0" title={primary.title} disabled={!props.fixable} onClick={trusted(() => props.onFix(primary, row))}>
            {primary.title}
          </button>
        )}
        <span class="code" title="Finding code">
          {f.code}
        </span>
        {hasMenu && (
          <span class="more-wrap">
            <button
              type="button"
              class="icon-btn more"
              data-action="more"
              aria-haspopup="menu"
              aria-expanded={menu}
              aria-label={`More actions for ${card.title}`}
              onClick={trusted(() => {
                setMenu(!menu)
                setConfirm(false)
              })}
            >
              ⋯
            </button>
            {menu && (
              <span class="menu" role="menu">
                {fixes.slice(1).map((fix, i) => (
                  <button key={i} type="button" role="menuitem" data-fix={i + 1} disabled={!props.fixable} onClick={trusted(() => props.onFix(fix, row))}>
                    {fix.title}
                  </button>
                ))}
                {learn && (
                  <a role="menuitem" href={learn} target="_blank" rel="noopener noreferrer">
                    Learn more
                  </a>
                )}
                {canHide && (
                  <>
                    <button type="button" role="menuitem" data-suppress="page" title={`Hide ${f.code} findings for this policy`} onClick={trusted(() => hide('page'))}>
                      Hide on this policy
                    </button>
                    {confirm ? (
                      <span class="confirm" role="group" aria-label="Confirm hiding everywhere">
                        <span>This is a security check. Hide {f.code} on every policy?</span>
                        <button type="button" role="menuitem" data-confirm="global" onClick={trusted(() => hide('global'))}>
                          Yes, hide everywhere
                        </button>
                        <button type="button" role="menuitem" data-action="cancel" onClick={trusted(() => setConfirm(false))}>
                          Cancel
                        </button>
                      </span>
                    ) : (
                      <button type="button" role="menuitem" data-suppress="global" title={`Hide ${f.code} findings on every page`} onClick={trusted(() => hide('global'))}>
                        Hide everywhere{security ? '…' : ''}
                      </button>
                    )}
                  </>
                )}
              </span>
            )}
          </span>
        )}
      </div>
    </li>
  )
}
