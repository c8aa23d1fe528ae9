import { POLICY_TYPES, type PolicyType } from '../../engine/findings/types'
import type { EditorSession } from '../content/session'
import type { Dock, PanelSettings } from '../content/settings'
import type { TemplatesTabProps } from '../templates/ui/TemplatesTab'
import type { WhatIfTabProps } from '../whatif/WhatIfTab'
import { useEffect } from 'preact/hooks'
import { trusted } from '../shared/trusted'
import { ChangesInAccess } from './ChangesInAccess'
import { FindingsTab, verdictSummary } from './FindingsTab'
import { LazyTab } from './LazyTab'
import { LeastPrivilegeTab } from './LeastPrivilegeTab'
import { MonacoFrame } from './MonacoFrame'
import { SimulateTab } from './SimulateTab'
import { Tabs, type TabSpec } from './Tabs'
import { useConsoleDark } from './theme'
import { useSession } from './use-session'
import { useSuppressions } from './use-suppressions'
import { buildVerdict, type VerdictExtras } from './verdict'

/** Policy-type sense and public-access levels for the analysed text (computed with the analysis, in the background). */
function verdictExtrasOf(s: EditorSession): VerdictExtras | undefined {
  const x = s.analysis?.extras
  return x && x.text === s.analysis?.text ? x : undefined
}

const loadTemplates = () => import('../templates/ui/TemplatesTab').then((m) => m.TemplatesTab)
const loadWhatIf = () => import('../whatif/WhatIfTab').then((m) => m.WhatIfTab)

const TYPE_LABEL: Record<PolicyType, string> = {
  identity: 'Identity policy',
  resource: 'Resource policy',
  trust: 'Role trust policy',
  scp: 'Service control policy',
  rcp: 'Resource control policy',
  boundary: 'Permissions boundary',
  session: 'Session policy',
}

export interface PanelProps {
  session: EditorSession
  settings: PanelSettings
  onSettings: (patch: Partial<PanelSettings>) => void
}

export function Panel({ session: s0, settings, onSettings }: PanelProps) {
  const s = useSession(s0)
  const dark = useConsoleDark()
  const a = s.analysis
  const suppressions = useSuppressions()
  const extras = verdictExtrasOf(s)
  const verdict = buildVerdict({
    findings: a?.findings ?? [],
    suggestions: a && a.adviceText === a.text ? a.suggestions : undefined,
    extras,
    isHidden: suppressions.isHidden,
  })
  const cards = verdict.cards
  const marked = cards.map((c) => c.finding)
  useEffect(() => {
    s.showMarkers(marked)
  }, [marked.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.column}`).join(',')])
  useEffect(() => () => s.showMarkers([]), [])
  const errors = verdict.counts.ERROR + verdict.counts.SECURITY_WARNING
  const prefix = `sk-${s.id}`
  const headingId = `${prefix}-title`

  const tabs: TabSpec[] = [
    { id: 'findings', label: 'Findings', ...(a ? { count: cards.length, countClass: errors ? 'error' : '' } : {}), render: () => <FindingsTab session={s} suppressions={suppressions} verdict={verdict} /> },
    { id: 'least-privilege', label: 'Least privilege', ...(a?.suggestions ? { count: a.suggestions.length } : {}), render: () => <LeastPrivilegeTab session={s} /> },
    { id: 'simulate', label: 'Simulate', render: () => <SimulateTab session={s} /> },
    {
      id: 'templates',
      label: 'Templates',
      render: () => (
        <LazyTab<TemplatesTabProps>
          label="Templates"
          load={loadTemplates}
          props={{
            insert: (text: string) => s.setText(text),
            currentText: s.text,
            inPage: true,
            ...(s.identity.accountId ? { accountId: s.identity.accountId } : {}),
            ...(s.identity.region ? { region: s.identity.region } : {}),
          }}
        />
      ),
    },
    {
      id: 'what-if',
      label: 'What-if',
      render: () => (
        <LazyTab<WhatIfTabProps>
          label="What-if"
          load={loadWhatIf}
          props={{ current: { text: s.text, policyType: a?.policyType ?? (s.policyType === 'auto' ? 'identity' : s.policyType), ...(s.page ? { pageKind: s.page.id } : {}), url: location.href } }}
        />
      ),
    },
  ]

  const classes = ['panel', dark ? 'dark' : '', settings.collapsed ? 'collapsed' : '', settings.dock === 'side' ? 'side' : ''].filter(Boolean).join(' ')
  const otherDock: Dock = settings.dock === 'side' ? 'below' : 'side'
  return (
    <section class={classes} aria-labelledby={headingId} data-state={a ? (s.fresh ? 'ready' : 'stale') : 'loading'} data-policy-type={a?.policyType ?? ''}
      data-first-findings-ms={s.firstFindingsMs === undefined ? undefined : Math.round(s.firstFindingsMs)}
    >
      <div class="head">
        <h2 class="title" id={headingId}>
          <span class="logo" aria-hidden="true" />
          IAM Sidekick
        </h2>
        {s.page && <span class="kind">{s.page.description}</span>}
        {a && (
          <span class="status" aria-live="polite">
            {verdict.serious || verdict.counts.SUGGESTION ? verdictSummary(verdict) : verdict.pending ? 'Checking…' : 'No findings'}
            {s.readOnly ? ' · read-only' : ''}
          </span>
        )}
        <span class="spacer" />
        <label class="sr-only" for={`${prefix}-type`}>
          Policy type
        </label>
        <select
          id={`${prefix}-type`}
          class="type"
          value={s.chosenPolicyType ?? ''}
          title="Check the policy as this type"
          onChange={trusted((e: Event) => {
            const v = (e.target as HTMLSelectElement).value
            s.choosePolicyType(POLICY_TYPES.includes(v as PolicyType) ? (v as PolicyType) : undefined)
          })}
        >
          <option value="">{`Page: ${a ? TYPE_LABEL[a.policyType] : s.policyType === 'auto' ? 'detect' : TYPE_LABEL[s.policyType]}`}</option>
          {POLICY_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
        <button type="button" class="icon-btn" onClick={trusted(() => onSettings({ dock: otherDock }))} title={otherDock === 'side' ? 'Dock beside the page' : 'Dock below the editor'} aria-label={otherDock === 'side' ? 'Dock beside the page' : 'Dock below the editor'}>
          {otherDock === 'side' ? '⇥' : '⤓'}
        </button>
        <button
          type="button"
          class="icon-btn"
          data-action="collapse"
          aria-expanded={!settings.collapsed}
          aria-controls={`${prefix}-body`}
          aria-label={settings.collapsed ? 'Expand IAM Sidekick' : 'Collapse IAM Sidekick'}
          onClick={trusted(() => onSettings({ collapsed: !settings.collapsed }))}
        >
          {settings.collapsed ? '▸' : '▾'}
        </button>
      </div>
      {!settings.collapsed && (
        <div class="body" id={`${prefix}-body`}>
          <MonacoFrame session={s} dark={dark} />
          <ChangesInAccess session={s} />
          <Tabs tabs={tabs} active={settings.tab} onChange={(tab) => onSettings({ tab })} idPrefix={prefix} label="IAM Sidekick" />
          {s.lastWrite && !s.lastWrite.ok && (
            <p class="status bad" role="alert" style="padding: 0 20px 12px">
              {s.lastWrite.error}
            </p>
          )}
        </div>
      )}
    </section>
  )
}
