/**
 * Global tag keys (aws:ResourceTag/..., aws:RequestTag/..., aws:TagKeys) used with actions that do not
 * support them: the key is then missing from the request, so the condition does not do what it says.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html
 */
import type { ActionInfo } from '../../catalogue'
import type { CatalogueIndex } from '../catalogue-index'
import type { ConditionUse, StatementFacts, ValidationContext } from '../context'

type TagKind = 'aws:resourcetag/' | 'aws:requesttag/' | 'aws:tagkeys'

function tagKind(lower: string): TagKind | undefined {
  if (lower.startsWith('aws:resourcetag/') && lower.length > 16) return 'aws:resourcetag/'
  if (lower.startsWith('aws:requesttag/') && lower.length > 15) return 'aws:requesttag/'
  if (lower === 'aws:tagkeys') return 'aws:tagkeys'
  return undefined
}

const unsupportedCache = new WeakMap<CatalogueIndex, Map<TagKind, Set<ActionInfo>>>()

function probeKey(kind: TagKind): string {
  return kind.endsWith('/') ? kind + 'probe' : kind
}

/** Every catalogue action that does not support this kind of tag key (computed once per catalogue, only for `*` and NotAction). */
function unsupportedActions(index: CatalogueIndex, kind: TagKind): Set<ActionInfo> {
  let byKind = unsupportedCache.get(index)
  if (!byKind) unsupportedCache.set(index, (byKind = new Map()))
  let set = byKind.get(kind)
  if (!set) {
    const probe = probeKey(kind)
    set = new Set(index.catalogue.allActions().filter((a) => !index.actionSupportsKey(a, probe)))
    byKind.set(kind, set)
  }
  return set
}

function sample(actions: ActionInfo[]): string {
  const shown = actions.slice(0, 3).map((a) => a.key)
  return shown.join(', ') + (actions.length > 3 ? ` and ${actions.length - 3} more` : '')
}

function check(ctx: ValidationContext, facts: StatementFacts, use: ConditionUse, kind: TagKind): void {
  const base = use.block.parsed.base
  if (!base || base.family === 'Null' || !facts.effect) return
  let missing: ActionInfo[]
  const viaNotAction = facts.actions === undefined && facts.notActions !== undefined
  if (facts.actions) {
    const probe = probeKey(kind)
    missing = facts.allowsAllActions ? [...unsupportedActions(ctx.index, kind)] : facts.coveredActions().filter((a) => !ctx.index.actionSupportsKey(a, probe))
  } else if (facts.notActions) {
    const unsupported = unsupportedActions(ctx.index, kind)
    const excluded = new Set<ActionInfo>()
    if (facts.notActions.some((a) => a.isAll)) return
    for (const a of facts.notActions) for (const x of a.expanded) excluded.add(x)
    missing = []
    for (const a of unsupported) if (!excluded.has(a)) missing.push(a)
  } else return
  if (missing.length === 0) return
  const negated = base.negated
  const deny = facts.effect === 'Deny'
  const effect = deny
    ? negated
      ? 'this Deny always applies to them, whatever the tags'
      : 'this Deny never applies to them'
    : negated
      ? 'this statement allows them whatever the tags'
      : 'this statement never allows them'
  const services = new Set(missing.map((a) => a.service))
  const code = deny
    ? viaNotAction
      ? 'DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE'
      : 'DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE'
    : viaNotAction
      ? 'ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE'
      : 'ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE'
  ctx.report(
    code,
    use.entry.key,
    missing.length === 1
      ? `${missing[0]!.key}, covered here, does not support "${use.key}", so the key is absent from its requests and ${effect.replace('them', 'it')}. Move it to a statement without this condition.`
      : `${missing.length} actions covered here (${sample(missing)}${services.size > 1 ? `, in ${services.size} services` : ''}) do not support "${use.key}", so the key is absent from their requests and ${effect}. Move those actions to a statement without this condition.`,
  )
}

export function checkTagKeys(ctx: ValidationContext): void {
  for (const facts of ctx.statements) {
    for (const use of facts.conditions) {
      const kind = tagKind(use.lower)
      if (kind) check(ctx, facts, use, kind)
    }
  }
}
