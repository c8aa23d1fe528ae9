/** Entries and statements that add nothing: covered actions and resources, repeated statements. */
import { toValue, type JsonNode } from '../../json/tree'
import type { Located, StatementModel, StringListElement } from '../../model/types'
import { globCovers } from '../../patterns/glob'
import type { ValidationContext } from '../context'

/** Above this many comparisons per list, only exact repeats and the first wildcards are compared. */
const COMPARISON_BUDGET = 50_000

interface Covered {
  item: Located<string>
  index: number
  by: Located<string>
}

function findCovered(items: Located<string>[], ignoreCase: boolean): Covered[] {
  const out: Covered[] = []
  const values = items.map((it) => (ignoreCase ? it.value.toLowerCase() : it.value))
  const first = new Map<string, number>()
  const wild: number[] = []
  items.forEach((it, i) => {
    if (/[*?]/.test(it.value)) wild.push(i)
  })
  const maxWild = Math.max(1, Math.floor(COMPARISON_BUDGET / Math.max(1, items.length)))
  const wildcards = wild.slice(0, maxWild)
  items.forEach((it, i) => {
    const key = values[i]!
    const prev = first.get(key)
    if (prev !== undefined) {
      out.push({ item: it, index: i, by: items[prev]! })
      return
    }
    first.set(key, i)
    for (const j of wildcards) {
      if (j === i) continue
      const other = values[j]!
      if (other === key) continue
      if (globCovers(other, key)) {
        // when two different patterns cover each other they are equivalent: keep the first
        if (j > i && globCovers(key, other)) continue
        out.push({ item: it, index: i, by: items[j]! })
        return
      }
    }
  })
  return out
}

function removeFix(ctx: ValidationContext, el: StringListElement, c: Covered): { title: string; edits: ReturnType<ValidationContext['edits']['removeArrayItem']>[] }[] | undefined {
  if (el.node.type !== 'array' || el.node.items.length < 2) return undefined
  const idx = c.item.path[c.item.path.length - 1]
  if (typeof idx !== 'number') return undefined
  return [{ title: `Remove "${c.item.value}"`, edits: [ctx.edits.removeArrayItem(el.node, idx)] }]
}

function checkList(ctx: ValidationContext, el: StringListElement | undefined, code: 'REDUNDANT_ACTION' | 'REDUNDANT_RESOURCE', element: string): void {
  if (!el || el.items.length < 2) return
  const ignoreCase = code === 'REDUNDANT_ACTION'
  for (const c of findCovered(el.items, ignoreCase)) {
    const same = ignoreCase ? c.item.value.toLowerCase() === c.by.value.toLowerCase() : c.item.value === c.by.value
    ctx.report(
      code,
      c.item,
      same
        ? `"${c.item.value}" appears more than once in ${element}. Remove the repeat.`
        : `"${c.item.value}" is already covered by "${c.by.value}" in the same ${element} list, so it adds nothing. Remove it (or narrow "${c.by.value}").`,
      removeFix(ctx, el, c),
    )
  }
}

/** A canonical form of a statement, ignoring its Sid and the order of list entries. */
function canonical(node: JsonNode): string {
  const value = toValue(node) as Record<string, unknown>
  const norm = (v: unknown, lowerStrings: boolean): unknown => {
    if (Array.isArray(v)) {
      const items = v.map((x) => norm(x, lowerStrings))
      return items.every((x) => typeof x === 'string') ? [...new Set(items as string[])].sort() : items
    }
    if (typeof v === 'string') return lowerStrings ? v.toLowerCase() : v
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {}
      for (const k of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[k]
        o[k] = norm(typeof x === 'string' ? [x] : x, lowerStrings)
      }
      return o
    }
    return v
  }
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(value).sort()) {
    if (k === 'Sid') continue
    const v = value[k]
    const lower = k === 'Action' || k === 'NotAction'
    out[k] = norm(typeof v === 'string' ? [v] : v, lower)
  }
  return JSON.stringify(out)
}

export function checkRedundancy(ctx: ValidationContext): void {
  for (const { st } of ctx.statements) {
    if (ctx.budget.expired()) break
    checkList(ctx, st.action, 'REDUNDANT_ACTION', 'Action')
    checkList(ctx, st.notAction, 'REDUNDANT_ACTION', 'NotAction')
    checkList(ctx, st.resource, 'REDUNDANT_RESOURCE', 'Resource')
    checkList(ctx, st.notResource, 'REDUNDANT_RESOURCE', 'NotResource')
  }
  const root = ctx.model.root
  const arr = root?.type === 'object' ? root.properties.find((p) => p.key === ctx.model.statementKey?.name)?.value : undefined
  if (arr?.type !== 'array' || ctx.statements.length < 2) return
  // A cheap signature first; the full canonical form only for statements that share one.
  const sorted = (items: string[]): string[] => [...new Set(items)].sort()
  const signature = (st: StatementModel): string =>
    [
      st.effect?.value,
      ...sorted((st.action?.items ?? []).map((i) => i.value.toLowerCase())),
      '|',
      ...sorted((st.notAction?.items ?? []).map((i) => i.value.toLowerCase())),
      '|',
      ...sorted((st.resource?.items ?? []).map((i) => i.value)),
      '|',
      ...sorted((st.notResource?.items ?? []).map((i) => i.value)),
      '|',
      st.condition?.operators.length ?? -1,
    ].join('\u0000')
  const bySignature = new Map<string, StatementModel[]>()
  for (const { st } of ctx.statements) {
    if (ctx.budget.expired()) break
    if (st.index === undefined) continue
    const sig = signature(st)
    const group = bySignature.get(sig)
    if (group) group.push(st)
    else bySignature.set(sig, [st])
  }
  const seen = new Map<string, number>()
  const duplicates: { st: StatementModel; prev: number }[] = []
  for (const group of bySignature.values()) {
    if (group.length < 2) continue
    for (const st of group) {
      const key = canonical(st.node)
      const prev = seen.get(key)
      if (prev === undefined) seen.set(key, st.index!)
      else duplicates.push({ st, prev })
    }
  }
  duplicates.sort((a, b) => a.st.index! - b.st.index!)
  for (const { st, prev } of duplicates) {
    if (st.index === undefined) continue
    ctx.report(
      'REDUNDANT_STATEMENT',
      ctx.openingOf(st.node),
      `This statement is the same as statement ${prev + 1}${ctx.model.statements.find((s) => s.index === prev)?.sid ? ` ("${ctx.model.statements.find((s) => s.index === prev)!.sid!.value}")` : ''}, so it adds nothing. Remove it.`,
      [{ title: 'Remove this statement', edits: [ctx.edits.removeArrayItem(arr, st.index)] }],
    )
  }
}
