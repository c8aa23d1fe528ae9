/**
 * Policy grammar: Version, Statement, Effect, the required elements of a statement and the element
 * pairs that exclude each other. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import type { Fix } from '../../findings/types'
import type { StatementModel } from '../../model/types'
import type { ValidationContext } from '../context'

export const CURRENT_VERSION = '2012-10-17'
const OLD_VERSION = '2008-10-17'

export function checkPolicyGrammar(ctx: ValidationContext): void {
  const root = ctx.model.root
  if (!root || root.type !== 'object') return
  const m = ctx.model
  const hasVersionKey = root.properties.some((p) => p.key.toLowerCase() === 'version')
  if (!hasVersionKey) {
    ctx.report(
      'MISSING_VERSION',
      ctx.openingOf(root),
      `The policy has no "Version". Add "Version": "${CURRENT_VERSION}"; without it IAM uses the 2008 language, in which policy variables such as \${aws:username} are plain text.`,
      [{ title: `Add "Version": "${CURRENT_VERSION}"`, edits: [ctx.edits.insertFirstProperty(root, 'Version', JSON.stringify(CURRENT_VERSION))] }],
    )
  } else if (m.version && m.version.value !== CURRENT_VERSION && m.version.value !== OLD_VERSION) {
    ctx.report(
      'INVALID_VERSION',
      m.version,
      `"${m.version.value}" is not a policy language version. The only values are "${CURRENT_VERSION}" (current) and "${OLD_VERSION}" (legacy).`,
      [{ title: `Set Version to "${CURRENT_VERSION}"`, edits: [ctx.edits.replaceWithString(m.version, CURRENT_VERSION)] }],
    )
  } else if (m.version?.value === OLD_VERSION) {
    ctx.report(
      'OLD_POLICY_VERSION',
      m.version,
      `Version "${OLD_VERSION}" is the legacy policy language: it has no policy variables and lacks newer features. Use "${CURRENT_VERSION}".`,
      [{ title: `Set Version to "${CURRENT_VERSION}"`, edits: [ctx.edits.replaceWithString(m.version, CURRENT_VERSION)] }],
    )
  }
  const hasStatementKey = root.properties.some((p) => p.key.toLowerCase() === 'statement')
  if (!hasStatementKey) {
    ctx.report('MISSING_STATEMENT', ctx.openingOf(root), 'The policy has no "Statement" element, so it grants or denies nothing. Add at least one statement.')
  } else if (m.statementKey && m.statements.length === 0) {
    const node = root.properties.find((p) => p.key === m.statementKey!.name)?.value
    if (node?.type === 'array' && node.items.length === 0)
      ctx.report('MISSING_STATEMENT', { range: node.range, path: node.path }, 'The "Statement" array is empty, so the policy grants or denies nothing. Add at least one statement.')
  }
}

function has(st: StatementModel, name: string): boolean {
  return st.keys.some((k) => k.name === name)
}

function key(st: StatementModel, name: string): StatementModel['keys'][number] | undefined {
  return st.keys.find((k) => k.name === name)
}

function removeElementFix(ctx: ValidationContext, st: StatementModel, name: string, title: string): Fix[] | undefined {
  const k = key(st, name)
  const p = k && st.node.properties.find((q) => q.key === k.path[k.path.length - 1])
  return p ? [{ title, edits: [ctx.edits.removeProperty(st.node, p)] }] : undefined
}

export function checkStatementGrammar(ctx: ValidationContext): void {
  const type = ctx.policyType
  for (const facts of ctx.statements) {
    if (ctx.budget.expired()) break
    const st = facts.st
    const at = ctx.openingOf(st.node)
    // Effect
    if (!has(st, 'Effect')) {
      ctx.report('MISSING_EFFECT', at, 'This statement has no "Effect". Every statement must say whether it is an "Allow" or a "Deny".', [
        { title: 'Add "Effect": "Allow"', edits: [ctx.edits.insertFirstProperty(st.node, 'Effect', '"Allow"')] },
        { title: 'Add "Effect": "Deny"', edits: [ctx.edits.insertFirstProperty(st.node, 'Effect', '"Deny"')] },
      ])
    } else if (st.effect && !facts.effect) {
      const v = st.effect.value
      const proper = v.toLowerCase() === 'allow' ? 'Allow' : v.toLowerCase() === 'deny' ? 'Deny' : undefined
      ctx.report(
        'INVALID_EFFECT',
        st.effect,
        proper
          ? `Effect values are case-sensitive: write "${proper}", not "${v}".`
          : `"${v}" is not a valid Effect. Use "Allow" or "Deny" (case-sensitive).`,
        proper
          ? [{ title: `Change to "${proper}"`, edits: [ctx.edits.replaceWithString(st.effect, proper)] }]
          : [
              { title: 'Change to "Allow"', edits: [ctx.edits.replaceWithString(st.effect, 'Allow')] },
              { title: 'Change to "Deny"', edits: [ctx.edits.replaceWithString(st.effect, 'Deny')] },
            ],
      )
    }
    // Action / NotAction
    const hasAction = has(st, 'Action')
    const hasNotAction = has(st, 'NotAction')
    if (!hasAction && !hasNotAction) {
      ctx.report('MISSING_ACTION', at, 'This statement has neither "Action" nor "NotAction", so it applies to no action. Add the actions it should cover.')
    } else if (hasAction && hasNotAction) {
      const k = key(st, 'NotAction')!
      ctx.report('UNSUPPORTED_ELEMENT_COMBINATION', k, 'A statement cannot have both "Action" and "NotAction". Keep one of them.', removeElementFix(ctx, st, 'NotAction', 'Remove "NotAction"'))
    }
    // Resource / NotResource
    const hasResource = has(st, 'Resource')
    const hasNotResource = has(st, 'NotResource')
    if (!hasResource && !hasNotResource) {
      if (type !== 'trust')
        ctx.report(
          'MISSING_RESOURCE',
          at,
          'This statement has neither "Resource" nor "NotResource". Every statement of this policy type must name the resources it applies to ("*" for all).',
          [{ title: 'Add "Resource": "*"', edits: [ctx.edits.insertLastProperty(st.node, 'Resource', '"*"')] }],
        )
    } else if (hasResource && hasNotResource) {
      const k = key(st, 'NotResource')!
      ctx.report('UNSUPPORTED_ELEMENT_COMBINATION', k, 'A statement cannot have both "Resource" and "NotResource". Keep one of them.', removeElementFix(ctx, st, 'NotResource', 'Remove "NotResource"'))
    }
    // Principal / NotPrincipal
    const hasPrincipal = has(st, 'Principal')
    const hasNotPrincipal = has(st, 'NotPrincipal')
    if (hasPrincipal && hasNotPrincipal) {
      const k = key(st, 'NotPrincipal')!
      ctx.report('UNSUPPORTED_ELEMENT_COMBINATION', k, 'A statement cannot have both "Principal" and "NotPrincipal". Keep one of them.', removeElementFix(ctx, st, 'NotPrincipal', 'Remove "NotPrincipal"'))
    }
    for (const name of ['Principal', 'NotPrincipal'] as const) {
      const k = key(st, name)
      if (!k) continue
      if (type === 'identity' || type === 'boundary' || type === 'session') {
        const what = type === 'identity' ? 'an identity-based policy' : type === 'boundary' ? 'a permissions boundary' : 'a session policy'
        ctx.report(
          'UNSUPPORTED_PRINCIPAL',
          k,
          `"${name}" is not allowed in ${what}: the principal is whoever the policy is attached to. Remove it, or validate this document as a resource-based policy.`,
          removeElementFix(ctx, st, name, `Remove "${name}"`),
        )
      } else if (type === 'scp') {
        ctx.report('SCP_SYNTAX_ERROR_PRINCIPAL', k, `Service control policies do not support "${name}"; they apply to every principal in the accounts they are attached to. Use a condition on aws:PrincipalArn instead.`, removeElementFix(ctx, st, name, `Remove "${name}"`))
      } else if (type === 'trust' && name === 'NotPrincipal') {
        ctx.report('ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL', k, 'A role trust policy cannot use "NotPrincipal". Name the principals that may assume the role in "Principal".')
      } else if (type === 'rcp' && name === 'NotPrincipal') {
        ctx.report('RCP_SYNTAX_ERROR_PRINCIPAL', k, 'Resource control policies do not support "NotPrincipal". Use "Principal": "*" with a condition on aws:PrincipalArn or aws:PrincipalAccount.')
      }
    }
    if (!hasPrincipal && !hasNotPrincipal && (type === 'resource' || type === 'trust' || type === 'rcp')) {
      const which = type === 'trust' ? 'A role trust policy' : type === 'rcp' ? 'A resource control policy' : 'A resource-based policy'
      const fix: Fix[] | undefined =
        type === 'rcp' ? [{ title: 'Add "Principal": "*"', edits: [ctx.edits.insertLastProperty(st.node, 'Principal', '"*"')] }] : undefined
      ctx.report('MISSING_PRINCIPAL', at, `${which} statement must name who it applies to in a "Principal" element.`, fix)
    }
  }
}
