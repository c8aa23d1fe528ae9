import type { ActionInfo } from '../../catalogue'
import type { Fix, Suggestion, TextEdit } from '../../findings/types'
import { toValue } from '../../json/tree'
import { grantsToHolder, nameList, plural, suggestion, type SuggestContext } from '../context'
import { arnTemplate, placeholderNote } from '../placeholders'
import type { StatementInfo } from '../statements'

const SAR = 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html'
const MAX_TEMPLATES = 10
const MAX_EXPLICIT = 100
/** Statements that expand to more actions than this are described, not rewritten. */
const MAX_ANALYSED = 400

/** Resource types to propose for an action: the required ones, else the first ordinary alternative. */
export function scopingTypes(info: ActionInfo): string[] {
  const required = info.resourceTypes.filter((r) => r.required).map((r) => r.name)
  if (required.length) return required
  const plain = info.resourceTypes.filter((r) => !/accesspoint|multiregion|objectlambda/i.test(r.name))
  const pick = (plain.length ? plain : info.resourceTypes)[0]
  return pick ? [pick.name] : []
}

/** ARN templates for an action, from the catalogue's ARN formats. */
export function templatesFor(ctx: SuggestContext, info: ActionInfo): string[] {
  const out: string[] = []
  for (const name of scopingTypes(info)) {
    const f = ctx.catalogue.resourceType(info.service, name)?.arns[0]
    if (f) out.push(arnTemplate(f, ctx.arn))
  }
  return out
}

interface StatementActions {
  actions: ActionInfo[]
  /** Every entry expands to at least one catalogue action. */
  known: boolean
}

function expandStatement(ctx: SuggestContext, s: StatementInfo): StatementActions {
  const seen = new Set<ActionInfo>()
  let known = true
  for (const i of s.actionItems) {
    const ex = ctx.catalogue.expand(i.item.value)
    if (ex.length === 0) known = false
    for (const a of ex) seen.add(a)
  }
  return { actions: ctx.catalogue.allActions().length === seen.size ? ctx.catalogue.allActions() : [...seen], known }
}

/** Does a condition pick the resources (aws:ResourceTag/…, <service>:ResourceTag/…, aws:ResourceAccount…)? */
function scopedByCondition(s: StatementInfo): boolean {
  for (const op of s.model.condition?.operators ?? [])
    for (const e of op.entries) {
      const k = e.key.value.toLowerCase()
      if (k.includes(':resourcetag/') || /^aws:resource(account|orgid|orgpaths)$/.test(k)) return true
    }
  return false
}

/** An Allow statement on `Resource: "*"` (with or without other entries). */
function onEveryResource(s: StatementInfo): boolean {
  return s.effect === 'Allow' && !s.notAction && !!s.model.action && !!s.resources && s.resources.includes('*')
}

/**
 * Rewrites an Allow statement on `*` so that actions with resource-level permissions get ARN templates and
 * the actions that only work with `*` move to a copy of the statement on `*` (same principal and conditions).
 * The result never grants more than before. Undefined when that cannot be done within a readable size.
 */
export function scopeStatementFix(ctx: SuggestContext, s: StatementInfo): Fix | undefined {
  if (!onEveryResource(s) || s.model.action!.items.length !== (s.model.action!.node.type === 'array' ? s.model.action!.node.items.length : 1)) return undefined
  const { actions, known } = expandStatement(ctx, s)
  if (!known || actions.length === 0 || actions.length > MAX_ANALYSED) return undefined
  const scopable = actions.filter((a) => a.resourceTypes.length > 0)
  const unscopable = actions.filter((a) => a.resourceTypes.length === 0)
  if (scopable.length === 0) return undefined
  const templates = [...new Set(scopable.flatMap((a) => templatesFor(ctx, a)))]
  if (templates.length === 0 || templates.length > MAX_TEMPLATES) return undefined
  const edits: TextEdit[] = []
  const el = s.model.action!
  const resourceEl = s.model.resource!
  if (unscopable.length === 0) {
    edits.push(ctx.editor.setList(resourceEl, templates))
  } else {
    const exact = s.actionItems.every((i) => !i.wildcard)
    let keep: string[]
    let moved: string[]
    if (exact) {
      const isScopable = (v: string) => (ctx.catalogue.action(v)?.resourceTypes.length ?? 0) > 0
      keep = el.items.map((i) => i.value).filter(isScopable)
      moved = el.items.map((i) => i.value).filter((v) => !isScopable(v))
    } else {
      if (scopable.length > MAX_EXPLICIT || unscopable.length > MAX_EXPLICIT) return undefined
      keep = scopable.map((a) => a.key)
      moved = unscopable.map((a) => a.key)
    }
    const copy = toValue(s.model.node)
    if (!copy || typeof copy !== 'object' || Array.isArray(copy)) return undefined
    const clone: Record<string, unknown> = { ...(copy as Record<string, unknown>) }
    if (typeof clone.Sid === 'string' && clone.Sid) clone.Sid = `${clone.Sid}AllResources`.replace(/[^A-Za-z0-9]/g, '')
    clone.Action = moved.length === 1 ? moved[0] : moved
    clone.Resource = '*'
    const append = ctx.editor.appendStatements([clone])
    if (!append) return undefined
    edits.push(ctx.editor.setList(el, keep), ctx.editor.setList(resourceEl, templates), ...append)
  }
  const split = unscopable.length ? `; ${nameList(unscopable.map((a) => a.key), 3)} only work with "*" and move to their own statement` : ''
  return {
    title: `Limit ${s.label} to ${nameList(templates, 2)} (${placeholderNote(ctx.arn)})${split}`,
    edits,
  }
}

/**
 * Resource "*" where the actions support resource-level permissions: propose ARN templates from the
 * catalogue and name the actions that only work with "*".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function checkResourceScope(ctx: SuggestContext): Suggestion[] {
  if (!grantsToHolder(ctx.policyType)) return []
  const out: Suggestion[] = []
  for (const s of ctx.statements) {
    if (ctx.budget.expired()) break
    if (!onEveryResource(s) || s.fullyDenied) continue
    if (s.actionItems.some((i) => i.item.value === '*')) continue
    // resources chosen by tag or by owner (attribute-based access control) are already scoped
    if (scopedByCondition(s)) continue
    const { actions } = expandStatement(ctx, s)
    if (actions.length === 0) continue
    const scopable = actions.filter((a) => a.resourceTypes.length > 0)
    const unscopable = actions.filter((a) => a.resourceTypes.length === 0)
    if (scopable.length === 0) continue
    const star = s.model.resource!.items.find((i) => i.value === '*')!
    const examples = scopable.slice(0, 3).map((a) => `${a.key} → ${templatesFor(ctx, a)[0] ?? '?'}`)
    const only =
      unscopable.length === 0
        ? ' Every action here supports resource-level permissions.'
        : ` ${nameList(unscopable.map((a) => a.key), 5)} ${unscopable.length === 1 ? 'works' : 'work'} only with "*".`
    out.push(
      suggestion({
        code: 'RESOURCE_STAR_SCOPABLE',
        severity: 'SUGGESTION',
        category: 'wildcard',
        message: `Resource "*" in ${s.label} covers every resource, but ${plural(scopable.length, 'action')} of ${actions.length} can be limited to specific resources, for example ${examples.join('; ')}.${only}`,
        at: star,
        actions: scopable.slice(0, 50).map((a) => a.key),
        fixes: () => [scopeStatementFix(ctx, s)],
        learnMore: SAR,
      }),
    )
  }
  return out
}
