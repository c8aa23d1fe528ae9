import type { Located, PolicyModel, StatementModel } from '../model/types'
import { compileGlob, hasWildcard, type Matcher } from '../patterns/glob'

/** One Action or NotAction entry, compiled for case-insensitive matching. */
export interface ActionItem {
  item: Located<string>
  match: Matcher
  wildcard: boolean
}

/** A statement read once for the suggestion checks. */
export interface StatementInfo {
  model: StatementModel
  /** 0-based position among the policy's statements. */
  ordinal: number
  /** How messages name it: `statement 2 ("ReadLogs")`. */
  label: string
  effect: 'Allow' | 'Deny' | undefined
  /** Entries of Action, or of NotAction when `notAction`. */
  actionItems: ActionItem[]
  notAction: boolean
  /** Resource values; undefined when there is no Resource element (trust policies) or it is NotResource. */
  resources: string[] | undefined
  notResource: boolean
  /** The statement has at least one condition key. */
  conditioned: boolean
  /** Principal is absent, `*` or `{"AWS": "*"}`. */
  anyPrincipal: boolean
  /** Why the statement's conditions cannot hold at the caller's "now" (SuggestOptions.now), when they cannot. */
  inactiveBecause?: string
  /** An Allow whose every action a Deny of the same policy always takes away. */
  fullyDenied?: boolean
  /** Entries that can match actions of a service (lower-case prefix): that service's entries and those with a wildcard service. */
  itemsFor(service: string): ActionItem[]
}

function serviceIndex(items: ActionItem[]): (service: string) => ActionItem[] {
  const wild: ActionItem[] = []
  const by = new Map<string, ActionItem[]>()
  for (const i of items) {
    const c = i.item.value.indexOf(':')
    const svc = c < 0 ? i.item.value.toLowerCase() : i.item.value.slice(0, c).toLowerCase()
    if (c < 0 || /[*?]/.test(svc)) wild.push(i)
    else by.set(svc, [...(by.get(svc) ?? []), i])
  }
  const cache = new Map<string, ActionItem[]>()
  return (service) => {
    let hit = cache.get(service)
    if (!hit) {
      hit = [...(by.get(service) ?? []), ...wild]
      cache.set(service, hit)
    }
    return hit
  }
}

export function statementLabel(s: StatementModel, ordinal: number, total: number): string {
  const sid = s.sid?.value ? ` ("${s.sid.value}")` : ''
  return total === 1 && s.index === undefined ? `the statement${sid}` : `statement ${ordinal + 1}${sid}`
}

function readStatement(s: StatementModel, ordinal: number, total: number): StatementInfo {
  const effect = s.effect?.value === 'Allow' || s.effect?.value === 'Deny' ? s.effect.value : undefined
  const el = s.action ?? s.notAction
  const actionItems: ActionItem[] = (el?.items ?? []).map((item) => ({
    item,
    match: compileGlob(item.value, true),
    wildcard: hasWildcard(item.value),
  }))
  const conditioned = (s.condition?.operators ?? []).some((op) => op.entries.length > 0)
  const principal = s.principal
  const anyPrincipal =
    !principal ||
    principal.wildcard !== undefined ||
    principal.entries.some((e) => e.type === 'AWS' && e.values.some((v) => v.value === '*'))
  return {
    model: s,
    ordinal,
    label: statementLabel(s, ordinal, total),
    effect,
    actionItems,
    notAction: !s.action && !!s.notAction,
    resources: s.resource ? s.resource.items.map((i) => i.value) : undefined,
    notResource: !s.resource && !!s.notResource,
    conditioned,
    anyPrincipal,
    itemsFor: serviceIndex(actionItems),
  }
}

export function readStatements(model: PolicyModel): StatementInfo[] {
  return model.statements.map((s, i) => readStatement(s, i, model.statements.length))
}

/** Does the statement's Action / NotAction element let `action` through (case-insensitive)? */
export function statementMatchesAction(s: StatementInfo, action: string): Located<string>[] | undefined {
  const el = s.model.action ?? s.model.notAction
  if (!el) return undefined
  const c = action.indexOf(':')
  const items = c < 0 ? s.actionItems : s.itemsFor(action.slice(0, c).toLowerCase())
  if (s.notAction) {
    if (items.some((a) => a.match(action))) return undefined
    return [{ value: 'NotAction', range: el.key.range, path: el.key.path }]
  }
  const via = items.filter((a) => a.match(action)).map((a) => a.item)
  return via.length ? via : undefined
}

/** Values of a condition key (case-insensitive) under positive operators, with the operator used. */
export function conditionValues(s: StatementModel, key: string): { operator: string; like: boolean; negated: boolean; values: string[] }[] {
  const out: { operator: string; like: boolean; negated: boolean; values: string[] }[] = []
  const lower = key.toLowerCase()
  for (const op of s.condition?.operators ?? []) {
    for (const e of op.entries) {
      if (e.key.value.toLowerCase() !== lower) continue
      out.push({
        operator: op.operator.value,
        like: op.parsed.base?.like ?? false,
        negated: op.parsed.base?.negated ?? false,
        values: e.values.map((v) => v.value),
      })
    }
  }
  return out
}

/** Does the statement test any of these condition keys (case-insensitive, prefix match for keys ending in `/`)? */
export function hasConditionKey(s: StatementModel, keys: readonly string[]): boolean {
  const lower = keys.map((k) => k.toLowerCase())
  for (const op of s.condition?.operators ?? []) {
    for (const e of op.entries) {
      const k = e.key.value.toLowerCase()
      if (lower.some((l) => (l.endsWith('/') ? k.startsWith(l) : k === l))) return true
    }
  }
  return false
}
