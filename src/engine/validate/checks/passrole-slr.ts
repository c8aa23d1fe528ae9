/**
 * iam:PassRole and iam:CreateServiceLinkedRole allowed too broadly: on every role (a `*` resource or
 * NotResource), through wildcard actions or NotAction.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 */
import type { ActionEntry, StatementFacts, ValidationContext } from '../context'

interface Family {
  action: string
  prefix: 'PASS_ROLE' | 'CREATE_SLR'
  guardKey: string
  star: RegExp
  what: string
}

const FAMILIES: Family[] = [
  {
    action: 'iam:passrole',
    prefix: 'PASS_ROLE',
    guardKey: 'iam:passedtoservice',
    star: /^arn:[^:]*:iam::[^:]*:(\*|role\/\*)$/,
    what: 'iam:PassRole lets a principal hand any of these roles to an AWS service, which then acts with the role\'s permissions (a common privilege-escalation path)',
  },
  {
    action: 'iam:createservicelinkedrole',
    prefix: 'CREATE_SLR',
    guardKey: 'iam:awsservicename',
    star: /^arn:[^:]*:iam::[^:]*:(\*|role\/\*|role\/aws-service-role\/\*)$/,
    what: 'iam:CreateServiceLinkedRole lets a principal create service-linked roles for any service',
  },
]

function covers(e: ActionEntry, action: string): boolean {
  return e.isAll || e.expanded.some((a) => a.key.toLowerCase() === action)
}

function check(ctx: ValidationContext, facts: StatementFacts, f: Family): void {
  const st = facts.st
  if (facts.hasKey(f.guardKey)) return
  const notResource = st.notResource !== undefined
  const starItem = st.resource?.items.find((r) => r.value === '*' || f.star.test(r.value))
  const starResource = starItem !== undefined
  if (!notResource && !starResource) return
  const guard = f.prefix === 'PASS_ROLE' ? 'Name the roles in Resource, and limit the services with the iam:PassedToService condition key.' : 'Name the service in the iam:AWSServiceName condition key and the role ARN in Resource.'
  if (facts.actions) {
    const explicit = facts.actions.find((a) => !a.wildcard && a.item.value.toLowerCase() === f.action)
    const wildcard = explicit ? undefined : facts.actions.find((a) => a.wildcard && covers(a, f.action))
    const at = explicit ?? wildcard
    if (!at) return
    const code = explicit
      ? notResource
        ? `${f.prefix}_WITH_NOT_RESOURCE`
        : `${f.prefix}_WITH_STAR_IN_RESOURCE`
      : notResource
        ? `${f.prefix}_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE`
        : `${f.prefix}_WITH_STAR_IN_ACTION_AND_RESOURCE`
    const how = explicit ? '' : `"${at.item.value}" includes ${f.action === 'iam:passrole' ? 'iam:PassRole' : 'iam:CreateServiceLinkedRole'}, and `
    const where = notResource ? 'NotResource allows every resource except those listed' : 'the Resource covers every role'
    const sentence = `${how}${where}`
    // Access Analyzer locates the *_WITH_STAR_IN_RESOURCE findings at the Resource, where the fix is made.
    const where2 = code === `${f.prefix}_WITH_STAR_IN_RESOURCE` && starItem ? starItem : at.item
    ctx.report(code, where2, `${sentence[0]!.toUpperCase()}${sentence.slice(1)}. ${f.what}. ${guard}`)
    return
  }
  if (facts.notActions && !facts.notActions.some((a) => covers(a, f.action))) {
    const code = notResource ? `${f.prefix}_WITH_NOT_ACTION_AND_NOT_RESOURCE` : `${f.prefix}_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION`
    ctx.report(
      code,
      st.notAction!.key,
      `NotAction allows every action not listed, including ${f.action === 'iam:passrole' ? 'iam:PassRole' : 'iam:CreateServiceLinkedRole'}, ${notResource ? 'and NotResource allows every resource except those listed' : 'on every role'}. ${f.what}. ${guard}`,
    )
  }
}

export function checkPassRoleAndSlr(ctx: ValidationContext): void {
  // Only policies that grant access: SCPs, RCPs, boundaries and session policies only limit it.
  if (ctx.policyType !== 'identity' && ctx.policyType !== 'resource') return
  for (const facts of ctx.statements) {
    if (ctx.budget.expired()) break
    if (facts.effect !== 'Allow') continue
    for (const f of FAMILIES) check(ctx, facts, f)
  }
}
