import type { Fix, TextEdit } from '../findings/types'
import type { StringListElement } from '../model/types'
import { nameList, type SuggestContext } from './context'
import type { StatementInfo } from './statements'

/**
 * A fix that appends `Deny <actions> on *`. Adding a Deny can never grant anything, and an unconditional
 * Deny wins over every Allow (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html).
 */
export function denyFix(ctx: SuggestContext, actions: string[], sid: string, title?: string): Fix | undefined {
  if (actions.length === 0 || ctx.policyType === 'trust') return undefined
  const stmt: Record<string, unknown> = { Sid: sid.replace(/[^A-Za-z0-9]/g, '') }
  stmt.Effect = 'Deny'
  if (ctx.policyType === 'resource' || ctx.policyType === 'rcp') stmt.Principal = '*'
  stmt.Action = actions.length === 1 ? actions[0] : actions
  stmt.Resource = '*'
  const edits = ctx.editor.appendStatements([stmt])
  if (!edits) return undefined
  return { title: title ?? `Add a statement that denies ${nameList(actions, 4)}`, edits }
}

/**
 * A fix that deletes the actions from the Allow statements that name them one by one. Undefined when
 * some grant comes from a wildcard or NotAction, or when a statement would be left without actions.
 */
export function removeActionsFix(ctx: SuggestContext, actions: string[]): Fix | undefined {
  const byElement = new Map<StringListElement, { stmt: StatementInfo; remove: Set<number> }>()
  for (const action of actions) {
    for (const g of ctx.effective.grants(action)) {
      const el = g.statement.model.action
      if (!el || g.statement.notAction) return undefined
      for (const v of g.via) {
        if (/[*?]/.test(v.value)) return undefined
        const idx = el.items.indexOf(v)
        if (idx < 0) return undefined
        let e = byElement.get(el)
        if (!e) byElement.set(el, (e = { stmt: g.statement, remove: new Set() }))
        e.remove.add(idx)
      }
    }
  }
  if (byElement.size === 0) return undefined
  const edits: TextEdit[] = []
  const where: string[] = []
  for (const [el, { stmt, remove }] of byElement) {
    const keep = el.items.filter((_, i) => !remove.has(i)).map((i) => i.value)
    if (keep.length === 0) return undefined
    if (el.node.type === 'array' && el.node.items.length !== el.items.length) return undefined
    edits.push(ctx.editor.setList(el, keep))
    where.push(stmt.label)
  }
  return { title: `Remove ${nameList(actions, 4)} from ${nameList(where)}`, edits }
}
