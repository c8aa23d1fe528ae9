/**
 * Parliament's BAD_PATTERN_FOR_MFA: `Bool` with `aws:MultiFactorAuthPresent` "false". Requests signed
 * with long-term access keys carry no aws:MultiFactorAuthPresent key at all, and Bool never matches a
 * missing key: a Deny written that way lets them through, an Allow written that way never grants them
 * anything. The documented patterns: Deny with BoolIfExists "false" (or Null "true" for long-term keys
 * alone), or Allow with Bool "true".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
 */
import type { Fix } from '../../findings/types'
import type { ValidationContext } from '../context'

const KEY = 'aws:multifactorauthpresent'

export function checkMfaPatterns(ctx: ValidationContext): void {
  for (const facts of ctx.statements) {
    const st = facts.st
    if (!facts.effect || !st.condition) continue
    for (const block of st.condition.operators) {
      const p = block.parsed
      if (!p.valid || p.ifExists || p.qualifier || p.base?.name !== 'Bool') continue
      for (const entry of block.entries) {
        if (entry.key.value.toLowerCase() !== KEY) continue
        const falseValue = entry.values.find((v) => v.value.toLowerCase() === 'false')
        if (!falseValue) continue
        if (facts.effect === 'Deny') {
          const taken = st.condition.operators.some((b) => b !== block && b.operator.value === 'BoolIfExists')
          const fixes: Fix[] = taken ? [] : [{ title: 'Use BoolIfExists (also deny requests without MFA information)', edits: [ctx.edits.replaceWithString(block.operator, 'BoolIfExists')] }]
          ctx.report(
            'BAD_PATTERN_FOR_MFA',
            block.operator,
            'This Deny does not apply to requests made with long-term access keys: they carry no aws:MultiFactorAuthPresent key, and "Bool" never matches a missing key, so those requests are not denied. Use "BoolIfExists" with "false" to deny every request without MFA (or "Null" with "true" to deny only requests signed with long-term keys).',
            fixes,
          )
        } else {
          const text = falseValue.jsonType === 'boolean' ? 'true' : '"true"'
          ctx.report(
            'BAD_PATTERN_FOR_MFA',
            falseValue,
            'This Allow only matches temporary credentials obtained without MFA: requests made with long-term access keys carry no aws:MultiFactorAuthPresent key and never match "Bool". To require MFA, allow with "Bool": {"aws:MultiFactorAuthPresent": "true"}; to refuse requests without MFA, use a Deny with "BoolIfExists" and "false".',
            [{ title: 'Require MFA instead (Bool aws:MultiFactorAuthPresent "true")', edits: [ctx.edits.replace(falseValue.range, text)] }],
          )
        }
      }
    }
  }
}
