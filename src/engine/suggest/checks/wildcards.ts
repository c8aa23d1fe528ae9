import { ACCESS_LEVELS, type ActionInfo } from '../../catalogue'
import type { Fix, Severity, Suggestion } from '../../findings/types'
import type { Located, StringListElement } from '../../model/types'
import { nameList, readsByName, suggestion, type SuggestContext } from '../context'
import { PASS_ROLE, PRIVESC_METHODS } from '../privesc/methods'
import { CREDENTIAL_ACTIONS } from '../risk-lists'
import type { StatementInfo } from '../statements'
import type { AccessLevelCounts, DangerousAction, WildcardReport } from '../types'

const ACTION_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html'
const NOT_ACTION_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html'
const LEVELS_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html'
/** Above this many actions, a fix that spells them out would make the policy too long to be useful. */
const MAX_EXPLICIT = 100

const PRIVESC_ACTIONS = new Set([PASS_ROLE, ...PRIVESC_METHODS.flatMap((m) => m.requires.flat())].map((a) => a.toLowerCase()))
const CREDENTIALS = new Set(CREDENTIAL_ACTIONS.map((a) => a.toLowerCase()))

export function countByLevel(actions: readonly ActionInfo[]): AccessLevelCounts {
  const c = Object.fromEntries(ACCESS_LEVELS.map((l) => [l, 0])) as AccessLevelCounts
  for (const a of actions) c[a.accessLevel]++
  return c
}

export function describeCounts(c: AccessLevelCounts): string {
  return ACCESS_LEVELS.filter((l) => c[l] > 0)
    .map((l) => `${c[l].toLocaleString('en-US')} ${l}`)
    .join(', ')
}

/** Does the statement reach every resource (Resource "*" or NotResource)? */
function everyResource(s: StatementInfo): boolean {
  return s.notResource || !s.resources || s.resources.includes('*')
}

/** Risky actions among those a statement grants, with the reason in words. */
export function dangerousActions(s: StatementInfo, granted: readonly ActionInfo[]): DangerousAction[] {
  if (s.effect !== 'Allow') return []
  const all = everyResource(s)
  const out: DangerousAction[] = []
  for (const a of granted) {
    const lower = a.key.toLowerCase()
    let reason: string | undefined
    const changes = !readsByName(a.key)
    if (PRIVESC_ACTIONS.has(lower)) reason = 'can be used to escalate privileges'
    else if (a.accessLevel === 'Permissions management' && changes) reason = 'changes who has access (Permissions management)'
    else if (CREDENTIALS.has(lower)) reason = 'returns credentials'
    else if (a.accessLevel === 'Write' && all && changes) reason = 'changes resources, on every resource'
    if (reason) out.push({ action: a.key, accessLevel: a.accessLevel, reason })
  }
  return out
}

function element(s: StatementInfo): StringListElement | undefined {
  return s.model.action ?? s.model.notAction
}

/** Catalogue actions a statement lets through (for NotAction: everything its list does not name). */
function statementGrants(ctx: SuggestContext, s: StatementInfo): ActionInfo[] {
  if (s.notAction) return ctx.catalogue.allActions().filter((a) => !s.itemsFor(a.service).some((i) => i.match(a.key)))
  const seen = new Set<ActionInfo>()
  for (const i of s.actionItems) for (const a of ctx.catalogue.expand(i.item.value)) seen.add(a)
  return [...seen]
}

/** Per Action / NotAction pattern: what it matches and grants, counted by access level, with the risky ones named. */
export function wildcardReports(ctx: SuggestContext): WildcardReport[] {
  const out: WildcardReport[] = []
  for (const s of ctx.statements) {
    const el = element(s)
    if (!el) continue
    const items = s.actionItems.filter((i) => s.notAction || i.wildcard)
    if (items.length === 0) continue
    const notGrants = s.notAction ? statementGrants(ctx, s) : undefined
    for (const i of items) {
      const matched = ctx.catalogue.expand(i.item.value)
      const granted = notGrants ?? matched
      const r: WildcardReport = {
        statement: s.ordinal,
        effect: s.model.effect?.value ?? '',
        element: s.notAction ? 'NotAction' : 'Action',
        pattern: i.item.value,
        range: i.item.range,
        path: i.item.path,
        matched: { total: matched.length, byAccessLevel: countByLevel(matched) },
        actions: matched.map((a) => ({ action: a.key, accessLevel: a.accessLevel })),
        grants: { total: granted.length, byAccessLevel: countByLevel(granted) },
        dangerous: dangerousActions(s, granted),
      }
      if (s.model.sid) r.sid = s.model.sid.value
      out.push(r)
    }
  }
  return out
}

function serviceNames(ctx: SuggestContext, actions: readonly ActionInfo[]): string {
  const names = [...new Set(actions.map((a) => ctx.catalogue.service(a.service)?.name ?? a.service))]
  return names.length <= 2 ? names.join(' and ') + ' ' : ''
}

function explicitFix(ctx: SuggestContext, el: StringListElement, item: Located<string>, keep: ActionInfo[], title: string): Fix | undefined {
  if (keep.length === 0 || keep.length > MAX_EXPLICIT) return undefined
  const listed = new Set(el.items.filter((i) => i !== item).map((i) => i.value.toLowerCase()))
  const values = keep.map((a) => a.key).filter((k) => !listed.has(k.toLowerCase()))
  if (values.length === 0) {
    // everything kept is already listed: the entry can go, as long as the list keeps one entry
    if (el.node.type !== 'array' || el.items.length < 2) return undefined
    const edit = ctx.editor.removeArrayItem(el.node, item.path[item.path.length - 1] as number)
    return edit ? { title, edits: [edit] } : undefined
  }
  const edit = ctx.editor.replaceItem(el, item, values)
  return edit ? { title, edits: [edit] } : undefined
}

function danger(d: DangerousAction[]): string {
  if (d.length === 0) return ''
  const pm = d.filter((x) => x.accessLevel === 'Permissions management' || x.reason.includes('escalate'))
  const writes = d.filter((x) => !pm.includes(x))
  const parts: string[] = []
  if (pm.length) parts.push(`permission changes such as ${nameList(pm.map((x) => x.action), 4)}`)
  if (writes.length) parts.push(`${writes.length.toLocaleString('en-US')} other risky actions such as ${nameList(writes.map((x) => x.action), 3)}`)
  return ` It includes ${parts.join(' and ')}.`
}

/**
 * Wildcards in Action and NotAction in Allow statements, with fixes that keep only some access levels.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export function checkWildcards(ctx: SuggestContext): Suggestion[] {
  if (ctx.policyType !== 'identity' && ctx.policyType !== 'resource') return []
  const out: Suggestion[] = []
  for (const s of ctx.statements) {
    if (ctx.budget.expired()) break
    // An Allow that a Deny of the same policy cancels entirely allows nothing to speak of.
    if (s.effect !== 'Allow' || s.fullyDenied) continue
    const el = element(s)
    if (!el) continue
    const unrestricted = everyResource(s) && !s.conditioned
    if (s.notAction) {
      const granted = statementGrants(ctx, s)
      const d = dangerousActions(s, granted)
      const pm = granted.some((a) => a.accessLevel === 'Permissions management')
      out.push(
        suggestion({
          code: 'ALLOW_WITH_NOT_ACTION',
          severity: unrestricted && pm ? 'SECURITY_WARNING' : 'WARNING',
          category: 'wildcard',
          message: `NotAction in an Allow grants every action except the ones listed: ${granted.length.toLocaleString('en-US')} actions today (${describeCounts(countByLevel(granted))}), and every action AWS adds later.${danger(d)} Fix: list the actions that are needed in Action instead.`,
          at: { range: el.key.range, path: el.key.path },
          actions: d.slice(0, 50).map((x) => x.action),
          learnMore: NOT_ACTION_DOC,
        }),
      )
      continue
    }
    for (const i of s.actionItems) {
      if (!i.wildcard) continue
      const matched = ctx.catalogue.expand(i.item.value)
      if (matched.length === 0) continue
      const counts = countByLevel(matched)
      const d = dangerousActions(s, matched)
      const pm = matched.some((a) => a.accessLevel === 'Permissions management' && !readsByName(a.key))
      const changes = matched.some((a) => a.accessLevel !== 'Read' && a.accessLevel !== 'List' && !readsByName(a.key))
      const v = i.item.value
      let code: string
      let severity: Severity
      if (v === '*') {
        code = 'WILDCARD_ALL_ACTIONS'
        severity = unrestricted ? 'SECURITY_WARNING' : 'WARNING'
      } else if (/^[^:*?]+:\*$/.test(v)) {
        code = 'WILDCARD_SERVICE_ACTIONS'
        severity = pm || (everyResource(s) && counts.Write > 0) ? 'WARNING' : 'SUGGESTION'
      } else {
        // a pattern of reads only (s3:Get*, ec2:Describe*) is how AWS's own read-only policies are written;
        // the reads that matter are reported as data exfiltration and credentials exposure
        if (!changes) continue
        code = 'WILDCARD_ACTION_PATTERN'
        severity = pm ? 'WARNING' : 'SUGGESTION'
      }
      const what = v === '*' ? 'every action of every AWS service' : `${matched.length} ${serviceNames(ctx, matched)}actions`
      const readList = matched.filter((a) => a.accessLevel === 'Read' || a.accessLevel === 'List')
      const noPm = matched.filter((a) => a.accessLevel !== 'Permissions management')
      const item = i.item
      const fixes = (): (Fix | undefined)[] => [
        readList.length && readList.length < matched.length ? explicitFix(ctx, el, item, readList, `Keep only the Read and List actions (${readList.length})`) : undefined,
        pm && noPm.length && noPm.length !== readList.length ? explicitFix(ctx, el, item, noPm, `Keep all but the Permissions management actions (${noPm.length})`) : undefined,
        matched.length <= 30 ? explicitFix(ctx, el, item, matched, `List the ${matched.length} matching actions explicitly`) : undefined,
      ]
      out.push(
        suggestion({
          code,
          severity,
          category: 'wildcard',
          message: `"${v}" allows ${what} (${describeCounts(counts)}), including any that AWS adds later.${danger(d)} Fix: list only the actions the workload calls.`,
          at: i.item,
          actions: d.slice(0, 50).map((x) => x.action),
          fixes,
          learnMore: v === '*' ? ACTION_DOC : LEVELS_DOC,
        }),
      )
    }
  }
  return out
}
