/**
 * A trust or resource policy that names a whole account (`arn:aws:iam::ACCOUNT:root` or the bare account
 * ID) trusts every principal of that account that the account's own identity policies allow, not only
 * the account's root user. Said plainly, with a Condition on aws:PrincipalArn proposed as a limit.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
import type { Fix } from '../../findings/types'
import type { ValidationContext } from '../context'

const ROOT = /^arn:([\w-]+):iam::(\d{12}):root$/
const ACCOUNT = /^\d{12}$/
const LIMIT_KEYS = ['aws:principalarn', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principaltag/', 'aws:sourcearn', 'aws:sourceaccount', 'aws:userid', 'aws:username', 'sts:externalid', 'aws:sourceidentity']

export function checkAccountPrincipals(ctx: ValidationContext): void {
  const type = ctx.policyType
  if (type !== 'trust' && type !== 'resource') return
  for (const facts of ctx.statements) {
    if (facts.effect !== 'Allow') continue
    const st = facts.st
    const limited = facts.conditions.some((c) => LIMIT_KEYS.some((k) => (k.endsWith('/') ? c.lower.startsWith(k) : c.lower === k)))
    if (limited) continue
    for (const entry of st.principal?.entries ?? []) {
      if (entry.type !== 'AWS') continue
      for (const v of entry.values) {
        const m = ROOT.exec(v.value)
        const account = m ? m[2]! : ACCOUNT.test(v.value) ? v.value : undefined
        if (!account) continue
        const partition = m ? m[1]! : 'aws'
        const who = type === 'trust' ? 'assume this role' : 'use what this statement allows'
        const fixes: Fix[] = []
        if (!st.condition)
          fixes.push({
            title: `Limit to named principals of ${account} (Condition ArnLike aws:PrincipalArn)`,
            edits: [ctx.edits.insertLastProperty(st.node, 'Condition', JSON.stringify({ ArnLike: { 'aws:PrincipalArn': `arn:${partition}:iam::${account}:role/ROLE-NAME` } }))],
          })
        ctx.report(
          'TRUSTS_WHOLE_ACCOUNT',
          v,
          `"${v.value}" trusts the whole account ${account}, not only its root user: every user and role in ${account} whose own identity policies allow it can ${who}. To trust only some of them, name their ARNs, or add a Condition on aws:PrincipalArn (for example ArnLike "arn:${partition}:iam::${account}:role/ROLE-NAME").`,
          fixes,
        )
      }
    }
  }
}
