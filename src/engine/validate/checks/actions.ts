/**
 * Action and NotAction entries against the service catalogue: format, unknown services and actions
 * (with did-you-mean fixes), case, and the action rules of SCPs, RCPs, trust and resource policies.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
import type { Fix } from '../../findings/types'
import type { ActionEntry, ValidationContext } from '../context'
import { RESOURCE_TYPE_RULES } from '../resource-types'

function fixReplace(ctx: ValidationContext, e: ActionEntry, value: string): Fix {
  return { title: `Change to "${value}"`, edits: [ctx.edits.replaceWithString(e.item, value)] }
}

function checkEntry(ctx: ValidationContext, e: ActionEntry, element: string): void {
  const value = e.item.value
  if (e.isAll) return
  if (e.service === undefined || e.name === undefined) {
    ctx.report(
      'INVALID_ACTION',
      e.item,
      value === ''
        ? `An ${element} entry is empty. Write actions as "service:ActionName", for example "s3:GetObject".`
        : `"${value}" is not a valid action: write actions as "service:ActionName", for example "s3:GetObject", or "*" for all actions.`,
    )
    return
  }
  if (!e.knownService) {
    const suggestions = ctx.suggest(e.service, ctx.index.servicePrefixes, 3)
    ctx.report(
      'INVALID_SERVICE_IN_ACTION',
      { range: e.item.range, path: e.item.path },
      `"${e.service}" is not an AWS service prefix, so "${value}" matches no action.${suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : ''}`,
      suggestions.map((s) => fixReplace(ctx, e, `${s}:${e.name}`)),
    )
    return
  }
  if (e.name === '') {
    ctx.report('INVALID_ACTION', e.item, `"${value}" has no action name after the colon. Add one, or use "${e.service}:*" for every action of the service.`)
    return
  }
  if (e.expanded.length === 0) {
    const svc = ctx.catalogue.service(e.service)
    const suggestions = e.wildcard || !svc ? [] : ctx.suggest(e.name, ctx.index.nameList('actions', svc.prefix), 3)
    const where = svc ? `${svc.name} (${svc.prefix})` : `the service "${e.service}"`
    ctx.report(
      'INVALID_ACTION',
      e.item,
      e.wildcard
        ? `"${value}" matches no action of ${where}, so it has no effect. Check the spelling.`
        : `"${e.name}" is not an action of ${where}; it may be misspelled, retired or renamed.${suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${svc!.prefix}:${s}"`).join(' or ')}?` : ''}`,
      suggestions.map((s) => fixReplace(ctx, e, `${svc!.prefix}:${s}`)),
    )
    return
  }
  if (!e.wildcard && e.expanded.length === 1) {
    const proper = e.expanded[0]!.key
    if (proper !== value) {
      ctx.report(
        'ACTION_CASE_MISMATCH',
        e.item,
        `IAM matches action names without regard to case, so this works, but AWS spells it "${proper}". Writing it that way keeps policies easy to search and compare.`,
        [fixReplace(ctx, e, proper)],
      )
    }
  }
}

function starNotAtEnd(value: string): boolean {
  const i = value.indexOf('*')
  return i >= 0 && i < value.length - 1
}

export function checkActions(ctx: ValidationContext): void {
  const type = ctx.policyType
  const rule = ctx.settings.resourceType ? RESOURCE_TYPE_RULES[ctx.settings.resourceType] : undefined
  for (const facts of ctx.statements) {
    const lists: [ActionEntry[] | undefined, string][] = [
      [facts.actions, 'Action'],
      [facts.notActions, 'NotAction'],
    ]
    for (const [entries, element] of lists) {
      if (!entries) continue
      for (const e of entries) {
        checkEntry(ctx, e, element)
        const value = e.item.value
        if ((type === 'scp' || type === 'rcp') && starNotAtEnd(value)) {
          ctx.report(
            'SCP_SYNTAX_ERROR_ACTION_WILDCARD',
            e.item,
            `In ${type === 'scp' ? 'service control' : 'resource control'} policies a "*" wildcard may only end an action ("${value.slice(0, value.indexOf('*') + 1)}"), not appear in the middle or start of it.`,
          )
        }
        if (type === 'rcp' && !e.isAll && e.service && !e.service.includes('*') && e.knownService && !ctx.catalogue.rcpServices.has(e.service.toLowerCase())) {
          ctx.report(
            'RCP_SYNTAX_ERROR_ACTION',
            e.item,
            `Resource control policies do not support the service "${e.service}". RCPs apply only to ${ctx.catalogue.rcpServices.size} services such as s3, sts, kms, sqs and secretsmanager.`,
          )
        }
        if (type === 'trust' && element === 'Action' && e.service && e.knownService && !/[*?]/.test(e.service) && e.service.toLowerCase() !== 'sts') {
          ctx.report(
            'UNSUPPORTED_ACTION_IN_POLICY',
            e.item,
            `A role trust policy only controls who may assume the role: its actions are sts: actions such as sts:AssumeRole, sts:TagSession or sts:SetSourceIdentity. "${value}" does not belong here.`,
          )
        }
        if (type === 'resource' && rule && e.service && e.knownService && !/[*?]/.test(e.service) && !rule.services.includes(e.service.toLowerCase())) {
          ctx.report(
            'UNSUPPORTED_ACTION_IN_POLICY',
            e.item,
            `"${value}" cannot be used in a policy attached to ${rule.label}: such a policy only controls ${rule.services.map((s) => `${s}:`).join(' and ')} actions.`,
          )
        }
      }
      if (type === 'rcp' && element === 'NotAction') {
        const k = facts.st.notAction!.key
        ctx.report('RCP_SYNTAX_ERROR_NOTACTION', k, 'Resource control policies do not support "NotAction". List the actions to deny in "Action".')
      }
    }
  }
}
