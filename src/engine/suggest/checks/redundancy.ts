import type { Suggestion, TextEdit } from '../../findings/types'
import { toValue } from '../../json/tree'
import type { Located } from '../../model/types'
import { globCovers } from '../../patterns/glob'
import { nameList, suggestion, type SuggestContext } from '../context'
import type { StatementInfo } from '../statements'

const AA_CHECKS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html'

/** JSON text with object keys sorted, so equal values compare equal whatever their layout. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(v) ?? 'null'
}

/** Conditions compared as sets: value order inside a key does not matter. */
function canonicalCondition(s: StatementInfo): string {
  const c = s.model.condition ? toValue(s.model.condition.node) : undefined
  if (!c || typeof c !== 'object' || Array.isArray(c)) return ''
  const norm: Record<string, Record<string, string[]>> = {}
  for (const [op, block] of Object.entries(c as Record<string, unknown>)) {
    if (!block || typeof block !== 'object' || Array.isArray(block)) return canonical(c)
    norm[op] = {}
    for (const [k, v] of Object.entries(block as Record<string, unknown>)) {
      norm[op]![k.toLowerCase()] = (Array.isArray(v) ? v : [v]).map((x) => String(x)).sort()
    }
  }
  return canonical(norm)
}

function canonicalPrincipal(s: StatementInfo): string {
  const p = s.model.principal
  if (!p) return ''
  if (p.wildcard) return '*'
  const norm: Record<string, string[]> = {}
  for (const e of p.entries) norm[e.type] = e.values.map((v) => v.value).sort()
  if (norm.AWS?.length === 1 && norm.AWS[0] === '*' && Object.keys(norm).length === 1) return '*'
  return canonical(norm)
}

/** Index of the entry in its array (the last step of its path). */
function indexOf(item: Located<string>): number {
  const i = item.path[item.path.length - 1]
  return typeof i === 'number' ? i : 0
}

function serviceOf(action: string): string {
  const i = action.indexOf(':')
  return i < 0 ? action.toLowerCase() : action.slice(0, i).toLowerCase()
}

/** Duplicate entries and entries another entry of the same list already covers. */
function redundantActions(ctx: SuggestContext, s: StatementInfo): Suggestion[] {
  const el = s.model.action ?? s.model.notAction
  if (!el || el.node.type !== 'array' || el.node.items.length !== el.items.length) return []
  const arr = el.node
  const items = el.items
  const out: Suggestion[] = []
  const removed = new Set<number>()
  // compare within a service, plus against entries whose service part has a wildcard
  const wild = items.filter((i) => /[*?]/.test(serviceOf(i.value)))
  const byService = new Map<string, Located<string>[]>()
  const position = new Map<Located<string>, number>()
  items.forEach((i, idx) => {
    const k = serviceOf(i.value)
    const list = byService.get(k)
    if (list) list.push(i)
    else byService.set(k, [i])
    position.set(i, idx)
  })
  items.forEach((item, idx) => {
    if (ctx.budget.expired()) return
    const peers = [...(byService.get(serviceOf(item.value)) ?? []), ...wild]
    for (const other of peers) {
      const j = position.get(other)!
      if (j === idx || removed.has(j)) continue
      const same = other.value.toLowerCase() === item.value.toLowerCase()
      if (same ? j > idx : !globCovers(other.value, item.value, true)) continue
      removed.add(idx)
      const edit = ctx.editor.removeArrayItem(arr, indexOf(item))
      out.push(
        suggestion({
          code: same ? 'REDUNDANT_ACTION_DUPLICATE' : 'REDUNDANT_ACTION_COVERED',
          severity: 'SUGGESTION',
          category: 'redundant',
          message: same
            ? `"${item.value}" is listed twice in ${el.key.name} of ${s.label}.`
            : `"${item.value}" is already covered by "${other.value}" in the same ${el.key.name} list of ${s.label}.`,
          at: item,
          actions: [item.value],
          fixes: [edit && { title: `Remove "${item.value}"`, edits: [edit] }],
          learnMore: AA_CHECKS,
        }),
      )
      break
    }
  })
  return out
}

function redundantResources(ctx: SuggestContext, s: StatementInfo): Suggestion[] {
  const el = s.model.resource ?? s.model.notResource
  if (!el || el.node.type !== 'array' || el.node.items.length !== el.items.length) return []
  const arr = el.node
  const out: Suggestion[] = []
  const removed = new Set<number>()
  el.items.forEach((item, idx) => {
    for (let j = 0; j < el.items.length; j++) {
      const other = el.items[j]!
      if (j === idx || removed.has(j)) continue
      const same = other.value === item.value
      if (same ? j > idx : !globCovers(other.value, item.value)) continue
      removed.add(idx)
      const edit = ctx.editor.removeArrayItem(arr, idx)
      out.push(
        suggestion({
          code: same ? 'REDUNDANT_RESOURCE_DUPLICATE' : 'REDUNDANT_RESOURCE_COVERED',
          severity: 'SUGGESTION',
          category: 'redundant',
          message: same ? `"${item.value}" is listed twice in ${el.key.name} of ${s.label}.` : `"${item.value}" is already covered by "${other.value}" in ${s.label}.`,
          at: item,
          fixes: [edit && { title: `Remove "${item.value}"`, edits: [edit] }],
          learnMore: AA_CHECKS,
        }),
      )
      break
    }
  })
  return out
}

interface Shape {
  s: StatementInfo
  actions: string[]
  resources: string[] | undefined
  key: string
}

/** Statements made of Action + Resource (or no Resource), comparable by everything else. */
function shape(s: StatementInfo): Shape | undefined {
  if (!s.effect || !s.model.action || s.model.notResource || s.model.notPrincipal) return undefined
  if (s.model.keys.some((k) => !['Sid', 'Effect', 'Action', 'Resource', 'Principal', 'Condition'].includes(k.name))) return undefined
  return {
    s,
    actions: s.model.action.items.map((i) => i.value),
    resources: s.resources,
    key: `${s.effect}|${canonicalPrincipal(s)}|${canonicalCondition(s)}|${s.resources === undefined ? 'none' : 'res'}`,
  }
}

function coversAll(outer: string[], inner: string[], ignoreCase: boolean): boolean {
  return inner.every((i) => outer.some((o) => globCovers(o, i, ignoreCase)))
}

function setKey(x: string[], ignoreCase: boolean): string {
  return [...new Set(x.map((v) => (ignoreCase ? v.toLowerCase() : v)))].sort().join('\n')
}

function sameSet(a: string[], b: string[], ignoreCase: boolean): boolean {
  return setKey(a, ignoreCase) === setKey(b, ignoreCase)
}

/** Pushes `i` to the list under `key` (lists stay in ascending order when indexes come in order). */
function addTo(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key)
  if (list) {
    if (list[list.length - 1] !== i) list.push(i)
  } else map.set(key, [i])
}

/** Two ascending lists merged into one, without repeats. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!
    if (out[out.length - 1] !== x) out.push(x)
  }
  return out
}

/**
 * Statements that another statement makes unnecessary, and pairs that can be written as one. Candidates
 * come from indexes (same effect, principal and conditions; a shared service; the same action or resource
 * set), so a policy of thousands of statements is not compared pair by pair. The order in which pairs
 * are tried is the pairwise loop's, so the result is the same.
 */
function statements(ctx: SuggestContext): Suggestion[] {
  if (!ctx.model.statementIsArray) return []
  const shapes = ctx.statements.map(shape)
  const out: Suggestion[] = []
  const gone = new Set<number>()
  // a statement can only cover b if it has the same key and covers b's first action: one of its actions is
  // in the same service, or has a wildcard in its service part
  const byService = new Map<string, number[]>()
  const WILD = '\u0000*'
  shapes.forEach((a, ai) => {
    if (!a) return
    for (const action of a.actions) {
      const svc = serviceOf(action)
      addTo(byService, /[*?]/.test(svc) ? `${a.key}\u0000${WILD}` : `${a.key}\u0000${svc}`, ai)
    }
  })
  shapes.forEach((b, bi) => {
    if (!b || ctx.budget.expired()) return
    const first = b.actions[0]
    const candidates =
      first === undefined
        ? shapes.map((_, i) => i)
        : mergeSorted(byService.get(`${b.key}\u0000${serviceOf(first)}`) ?? [], byService.get(`${b.key}\u0000${WILD}`) ?? [])
    for (const ai of candidates) {
      const a = shapes[ai]
      if (!a || ai === bi || gone.has(ai) || a.key !== b.key) continue
      const subsumed =
        coversAll(a.actions, b.actions, true) && (a.resources === undefined || b.resources === undefined || coversAll(a.resources, b.resources, false))
      if (!subsumed) continue
      const identical = sameSet(a.actions, b.actions, true) && sameSet(a.resources ?? [], b.resources ?? [], false)
      if (identical && ai > bi) continue
      gone.add(bi)
      const edit = ctx.editor.removeStatement(b.s.model)
      out.push(
        suggestion({
          code: identical ? 'REDUNDANT_STATEMENT_DUPLICATE' : 'REDUNDANT_STATEMENT_SUBSUMED',
          severity: 'SUGGESTION',
          category: 'redundant',
          message: identical
            ? `${b.s.label[0]!.toUpperCase()}${b.s.label.slice(1)} repeats ${a.s.label}.`
            : `${b.s.label[0]!.toUpperCase()}${b.s.label.slice(1)} adds nothing: ${a.s.label} already ${b.s.effect === 'Deny' ? 'denies' : 'allows'} all of its actions on all of its resources under the same conditions.`,
          at: { range: b.s.model.range, path: b.s.model.path },
          actions: b.actions,
          fixes: [edit && { title: `Remove ${b.s.label}`, edits: [edit] }],
          learnMore: AA_CHECKS,
        }),
      )
      return
    }
  })
  // merges: same effect, principal and conditions, and either the same resources or the same actions
  const merged = new Set<number>()
  const sameResourcesAs = new Map<string, number[]>()
  const sameActionsAs = new Map<string, number[]>()
  const resourceSet = (x: Shape) => `${x.key}\u0000${setKey(x.resources ?? [], false)}`
  const actionSet = (x: Shape) => `${x.key}\u0000${setKey(x.actions, true)}`
  shapes.forEach((a, ai) => {
    if (!a) return
    addTo(sameResourcesAs, resourceSet(a), ai)
    addTo(sameActionsAs, actionSet(a), ai)
  })
  shapes.forEach((b, bi) => {
    if (!b || gone.has(bi) || merged.has(bi) || ctx.budget.expired()) return
    for (const ai of mergeSorted(sameResourcesAs.get(resourceSet(b)) ?? [], sameActionsAs.get(actionSet(b)) ?? [])) {
      if (ai >= bi) break
      const a = shapes[ai]
      if (!a || gone.has(ai) || merged.has(ai) || a.key !== b.key) continue
      const sameResources = sameSet(a.resources ?? [], b.resources ?? [], false)
      const sameActions = sameSet(a.actions, b.actions, true)
      if (!sameResources && !sameActions) continue
      const el = sameResources ? a.s.model.action! : a.s.model.resource
      if (!el) continue
      const union = sameResources ? unique([...a.actions, ...b.actions], true) : unique([...(a.resources ?? []), ...(b.resources ?? [])], false)
      const remove = ctx.editor.removeStatement(b.s.model)
      const edits: TextEdit[] = remove ? [ctx.editor.setList(el, union), remove] : []
      merged.add(ai).add(bi)
      out.push(
        suggestion({
          code: 'STATEMENTS_CAN_MERGE',
          severity: 'SUGGESTION',
          category: 'redundant',
          message: `${b.s.label[0]!.toUpperCase()}${b.s.label.slice(1)} and ${a.s.label} have the same effect, ${sameResources ? 'resources' : 'actions'} and conditions; one statement listing ${sameResources ? `the actions of both (${nameList(union, 4)})` : `the resources of both`} is shorter and means the same.`,
          at: { range: b.s.model.range, path: b.s.model.path },
          actions: sameResources ? union : a.actions,
          fixes: [edits.length ? { title: `Merge into ${a.s.label}`, edits } : undefined],
          learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html',
        }),
      )
      return
    }
  })
  return out
}

function unique(values: string[], ignoreCase: boolean): string[] {
  const seen = new Set<string>()
  return values.filter((v) => {
    const k = ignoreCase ? v.toLowerCase() : v
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/** Duplicate and covered entries, statements subsumed by others, statements that can be merged. */
export function checkRedundancy(ctx: SuggestContext): Suggestion[] {
  const out: Suggestion[] = []
  for (const s of ctx.statements) {
    if (ctx.budget.expired()) break
    out.push(...redundantActions(ctx, s), ...redundantResources(ctx, s))
  }
  out.push(...statements(ctx))
  return out
}
