/**
 * Resource control policies: Principal "*" only, the one Allow form, and the companion conditions
 * that keep principal and service-principal keys from catching the wrong callers.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
 */
import type { Fix } from '../../findings/types'
import type { StatementFacts, ValidationContext } from '../context'

const PRINCIPAL_KEYS = ['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn']
const SOURCE_KEYS = ['aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourcearn']

function isPrincipalKey(lower: string): boolean {
  return PRINCIPAL_KEYS.includes(lower) || lower.startsWith('aws:principaltag/')
}

/** Does the statement test `key` with `family` operator (any IfExists/qualifier) and exactly this value? */
function tests(facts: StatementFacts, key: string, family: 'Bool' | 'Null', value: string): boolean {
  return facts.uses(key).some((u) => u.block.parsed.base?.family === family && u.entry.values.length > 0 && u.entry.values.every((v) => v.value.toLowerCase() === value))
}

/** A fix that adds `"operator": {"key": "value"}` to the statement's Condition (creating it if needed). */
function addConditionFix(ctx: ValidationContext, facts: StatementFacts, operator: string, key: string, value: string): Fix | undefined {
  const st = facts.st
  const title = `Add "${operator}": {"${key}": "${value}"}`
  const cond = st.condition?.node
  if (!cond) return { title, edits: [ctx.edits.insertLastProperty(st.node, 'Condition', `{${JSON.stringify(operator)}: {${JSON.stringify(key)}: ${JSON.stringify(value)}}}`)] }
  if (cond.type !== 'object') return undefined
  const block = cond.properties.find((p) => p.key === operator)
  if (!block) return { title, edits: [ctx.edits.insertLastProperty(cond, operator, `{${JSON.stringify(key)}: ${JSON.stringify(value)}}`)] }
  const obj = block.value
  if (obj?.type !== 'object' || obj.properties.some((p) => p.key.toLowerCase() === key.toLowerCase())) return undefined
  return { title, edits: [ctx.edits.insertLastProperty(obj, key, JSON.stringify(value))] }
}

export function checkRcp(ctx: ValidationContext): void {
  if (ctx.policyType !== 'rcp') return
  for (const facts of ctx.statements) {
    const st = facts.st
    const p = st.principal
    if (p && !p.wildcard) {
      ctx.report('RCP_SYNTAX_ERROR_PRINCIPAL', p.key, 'In a resource control policy "Principal" must be "*". Narrow down principals with conditions such as aws:PrincipalOrgID.', [
        { title: 'Change to "Principal": "*"', edits: [ctx.edits.replaceNode(p.node, '"*"')] },
      ])
    }
    if (facts.effect === 'Allow') {
      const allStar = (el: typeof st.action): boolean => el !== undefined && el.items.length === 1 && el.items[0]!.value === '*'
      if (!allStar(st.action) || !allStar(st.resource) || st.condition || (p && !p.wildcard)) {
        ctx.report(
          'RCP_SYNTAX_ERROR_ALLOW',
          st.effect ?? ctx.openingOf(st.node),
          'In a resource control policy an Allow statement can only be the full-access one: "Principal": "*", "Action": "*", "Resource": "*" and no Condition. Write restrictions as Deny statements.',
        )
      }
      continue
    }
    if (facts.effect !== 'Deny') continue
    const principalUse = facts.conditions.find((c) => isPrincipalKey(c.lower))
    if (principalUse && !tests(facts, 'aws:principalisawsservice', 'Bool', 'false')) {
      const fix = addConditionFix(ctx, facts, 'BoolIfExists', 'aws:PrincipalIsAWSService', 'false')
      ctx.report(
        'RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY',
        principalUse.entry.key,
        `AWS services calling on your behalf have no "${principalUse.key}", so this Deny also blocks them. Add "BoolIfExists": {"aws:PrincipalIsAWSService": "false"} so it only applies to non-service principals.`,
        fix ? [fix] : undefined,
      )
    }
    const sourceUse = facts.conditions.find((c) => SOURCE_KEYS.includes(c.lower))
    if (sourceUse) {
      if (!tests(facts, 'aws:principalisawsservice', 'Bool', 'true')) {
        const fix = addConditionFix(ctx, facts, 'Bool', 'aws:PrincipalIsAWSService', 'true')
        ctx.report(
          'RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY',
          sourceUse.entry.key,
          `"${sourceUse.key}" is only set when an AWS service makes the call. Add "Bool": {"aws:PrincipalIsAWSService": "true"} so this Deny applies to service principals only.`,
          fix ? [fix] : undefined,
        )
      }
      if (!tests(facts, 'aws:sourceaccount', 'Null', 'false') && !tests(facts, 'aws:sourcearn', 'Null', 'false')) {
        const key = sourceUse.lower === 'aws:sourcearn' ? 'aws:SourceArn' : 'aws:SourceAccount'
        const fix = addConditionFix(ctx, facts, 'Null', key, 'false')
        ctx.report(
          'RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK',
          sourceUse.entry.key,
          `Some service calls carry no source keys. Add "Null": {"${key}": "false"} so this Deny only applies when the service sends them, and does not break calls that cannot.`,
          fix ? [fix] : undefined,
        )
      }
    }
  }
}
