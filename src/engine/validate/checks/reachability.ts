/**
 * Checks no peer offers: actions that can never match the statement's resources, condition keys no
 * listed action supports, and statements (or Denies) that can never apply.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
import type { ActionInfo } from '../../catalogue'
import type { ActionEntry, StatementFacts, ValidationContext } from '../context'
import { splitArnFields } from '../arn-text'
import { unsatisfiableCondition } from '../condition-logic'

/** Resources of the statement in a form that can be matched against ARN formats; undefined when any is `*`-like or unparsable. */
function matchableResources(facts: StatementFacts): string[] | undefined {
  const el = facts.st.resource
  if (!el || el.items.length === 0) return undefined
  const out: string[] = []
  for (const r of el.items) {
    const v = r.value
    if (!v.startsWith('arn:')) return undefined
    const fields = splitArnFields(v)
    if (fields.length < 6 || /[*?$]/.test(fields[2]!)) return undefined
    out.push(v)
  }
  return out
}

function actionCanMatch(ctx: ValidationContext, action: ActionInfo, resources: string[]): boolean {
  if (action.resourceTypes.length === 0) return true
  const svc = ctx.catalogue.service(action.service)
  if (!svc) return true
  for (const rt of action.resourceTypes) {
    const info = svc.resourceTypes.get(rt.name)
    if (!info || info.arns.length === 0) return true
    for (const r of resources) if (ctx.index.resourceFitsType(info, r)) return true
  }
  return false
}

function resourceTypeNames(ctx: ValidationContext, action: ActionInfo): string {
  const svc = ctx.catalogue.service(action.service)
  const formats = action.resourceTypes.flatMap((rt) => svc?.resourceTypes.get(rt.name)?.arns ?? []).slice(0, 2)
  return formats.map((f) => `"${f}"`).join(' or ')
}

/** Action entries that can match none of the resources; reports them and returns how many entries there were. */
function checkActionResources(ctx: ValidationContext, facts: StatementFacts): { entries: number; unmatched: number } {
  const entries = facts.actions?.filter((a) => !a.isAll && a.expanded.length > 0) ?? []
  const resources = matchableResources(facts)
  if (!resources || entries.length === 0 || facts.allowsAllActions) return { entries: entries.length, unmatched: 0 }
  let unmatched = 0
  for (const e of entries) {
    // a wildcard entry is fine when any action it covers can match
    if (e.expanded.some((a) => actionCanMatch(ctx, a, resources))) continue
    unmatched++
    const a = e.expanded[0]!
    ctx.report(
      'ACTION_RESOURCE_MISMATCH',
      e.item,
      e.expanded.length === 1
        ? `${a.key} acts on resources such as ${resourceTypeNames(ctx, a)}, and none of this statement's Resource entries can name one, so this statement never ${facts.effect === 'Deny' ? 'denies' : 'allows'} it. Add a matching resource, or move the action to another statement.`
        : `None of the ${e.expanded.length} actions "${e.item.value}" covers acts on a resource this statement names, so they are never ${facts.effect === 'Deny' ? 'denied' : 'allowed'} here.`,
    )
  }
  return { entries: entries.length, unmatched }
}

/** A key that only this many actions support is "the key of those actions" (iam:PassedToService → iam:PassRole). */
const MAX_SPECIFIC_ACTIONS = 1

/** Service keys that none of the statement's actions support. Returns a reason when a positive test makes the statement dead. */
function checkKeySupport(ctx: ValidationContext, facts: StatementFacts): string | undefined {
  if (!facts.actions || facts.allowsAllActions) return undefined
  const covered = facts.coveredActions()
  if (covered.length === 0) return undefined
  let dead: string | undefined
  for (const use of facts.conditions) {
    const info = use.info
    if (!info || info.global || use.block.parsed.base?.family === 'Null') continue
    // SAML keys describe the federated session itself and may be used in that session's permission policies:
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml
    if (use.lower.startsWith('saml:')) continue
    if (!ctx.index.hasActionData(use.key)) continue
    const supporting = covered.filter((a) => ctx.index.actionSupportsKey(a, use.key))
    if (supporting.length > 0) {
      const keyService = use.lower.slice(0, use.lower.indexOf(':'))
      const exact = (facts.actions ?? []).filter((a: ActionEntry) => !a.wildcard && a.expanded.length === 1 && a.expanded[0]!.service === keyService)
      const without = exact.filter((a) => !ctx.index.actionSupportsKey(a.expanded[0]!, use.key))
      if (without.length > 0) {
        const names = without.map((a) => a.expanded[0]!.key).join(', ')
        const them = without.length > 1 ? 'them' : 'it'
        const blocks = !use.block.parsed.base?.negated && !use.block.parsed.ifExists
        ctx.report(
          'ACTION_IGNORES_CONDITION_KEY',
          use.entry.key,
          `${names} ${without.length > 1 ? 'do' : 'does'} not support "${use.key}", so the key is absent from ${without.length > 1 ? 'their' : 'its'} requests and this condition ${blocks ? `${facts.effect === 'Deny' ? 'never denies' : 'never allows'} ${them}` : `does not restrict ${them}`}. Put ${them} in a separate statement.`,
        )
      }
      continue
    }
    const positive = !use.block.parsed.base?.negated && !use.block.parsed.ifExists
    if (positive && !dead) dead = `no action in it supports the condition key "${use.key}"`
    const keyService = use.lower.slice(0, use.lower.indexOf(':'))
    const only = ctx.index.actionsSupportingKey(keyService, use.key)
    if (only.length > 0 && only.length <= MAX_SPECIFIC_ACTIONS) {
      const names = only.map((a) => a.key)
      const el = facts.st.action
      const fix =
        el?.node.type === 'array'
          ? { title: `Add ${names[0]} to Action`, edits: [ctx.edits.appendArrayItem(el.node, JSON.stringify(names[0]))] }
          : el?.node.type === 'string'
            ? { title: `Add ${names[0]} to Action`, edits: [ctx.edits.replaceNode(el.node, JSON.stringify([el.node.value, names[0]]))] }
            : undefined
      ctx.report(
        'MISSING_ACTION_FOR_CONDITION_KEY',
        use.entry.key,
        `"${use.key}" only applies to ${names.join(names.length > 2 ? ', ' : ' and ')}, which ${names.length > 1 ? 'are' : 'is'} not in this statement's Action, so the condition ${positive ? 'is never true' : 'never restricts anything'}. Add ${names.length > 1 ? 'the action' : names[0]} or remove the condition.`,
        fix ? [fix] : undefined,
      )
      continue
    }
    ctx.report(
      'UNKNOWN_CONDITION_FOR_ACTION',
      use.entry.key,
      `None of this statement's actions supports "${use.key}", so the key is never present in their requests and this condition ${positive ? 'is never true' : 'never restricts anything'}. Check the Service Authorization Reference for the keys each action supports.`,
    )
  }
  return dead
}

export function checkReachability(ctx: ValidationContext): void {
  for (const facts of ctx.statements) {
    if (ctx.budget.expired()) break
    const st = facts.st
    const { entries, unmatched } = checkActionResources(ctx, facts)
    const keyReason = checkKeySupport(ctx, facts)
    let reason: string | undefined
    if (facts.notActions?.some((a) => a.isAll)) reason = 'its NotAction excludes every action ("*")'
    else if (st.notResource?.items.some((r) => r.value === '*')) reason = 'its NotResource excludes every resource ("*")'
    else if (facts.actions && facts.actions.length > 0 && facts.actions.every((a) => !a.isAll && a.expanded.length === 0)) reason = 'none of its actions exists'
    else if (entries > 0 && unmatched === entries) reason = 'none of its actions can act on the resources it names'
    else reason = keyReason ?? unsatisfiableCondition(facts)
    if (!reason || !facts.effect) continue
    const at = st.effect ?? ctx.openingOf(st.node)
    if (facts.effect === 'Deny')
      ctx.report('DENY_NEVER_APPLIES', at, `This Deny never applies: ${reason}. Whatever it was meant to block is not blocked by it.`)
    else ctx.report('STATEMENT_NEVER_MATCHES', at, `This statement can never allow anything: ${reason}.`)
  }
}
