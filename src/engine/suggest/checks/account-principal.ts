/**
 * A trust or resource policy that names a whole account (`arn:aws:iam::ACCOUNT:root` or the bare account
 * ID) trusts every principal of that account that the account's own identity policies allow, not only
 * the account's root user. Said plainly, with a Condition on aws:PrincipalArn proposed as a limit. The
 * default KMS key policy statement (kms:* for the key's account, which hands the key to IAM) is left alone.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 */
import type { Suggestion } from '../../findings/types'
import { suggestion, type SuggestContext } from '../context'

const ROOT = /^arn:([\w-]+):iam::(\d{12}):root$/
const ACCOUNT = /^\d{12}$/
const LIMIT_KEYS = ['aws:principalarn', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:sourcearn', 'aws:sourceaccount', 'aws:userid', 'aws:username', 'sts:externalid', 'aws:sourceidentity']
const DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts'

export function checkAccountPrincipals(ctx: SuggestContext): Suggestion[] {
  const out: Suggestion[] = []
  if (ctx.policyType !== 'trust' && ctx.policyType !== 'resource') return out
  for (const s of ctx.statements) {
    if (s.effect !== 'Allow') continue
    const keys = (s.model.condition?.operators ?? []).flatMap((b) => b.entries.map((e) => e.key.value.toLowerCase()))
    if (keys.some((k) => LIMIT_KEYS.includes(k) || k.startsWith('aws:principaltag/'))) continue
    if (s.actionItems.some((i) => i.item.value.toLowerCase() === 'kms:*')) continue
    for (const entry of s.model.principal?.entries ?? []) {
      if (entry.type !== 'AWS') continue
      for (const v of entry.values) {
        const m = ROOT.exec(v.value)
        const account = m ? m[2]! : ACCOUNT.test(v.value) ? v.value : undefined
        if (!account) continue
        const partition = m ? m[1]! : ctx.arn.partition
        const who = ctx.policyType === 'trust' ? 'assume this role' : 'use what this statement allows'
        const edit = ctx.editor.addCondition(s.model, 'ArnLike', { 'aws:PrincipalArn': `arn:${partition}:iam::${account}:role/ROLE-NAME` })
        out.push(
          suggestion({
            code: 'TRUSTS_WHOLE_ACCOUNT',
            severity: 'SUGGESTION',
            category: 'missing-condition',
            message: `"${v.value}" trusts the whole account ${account}, not only its root user: every user and role in ${account} whose own identity policies allow it can ${who}. To trust only some of them, name their ARNs, or add a Condition on aws:PrincipalArn (for example ArnLike "arn:${partition}:iam::${account}:role/ROLE-NAME").`,
            at: v,
            fixes: [edit && { title: `Limit to named principals of ${account} (Condition ArnLike aws:PrincipalArn)`, edits: [edit] }],
            learnMore: DOC,
          }),
        )
      }
    }
  }
  return out
}
