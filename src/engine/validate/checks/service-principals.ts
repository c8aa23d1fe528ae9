/**
 * Statements that grant access to AWS service principals: confused-deputy protection with the
 * aws:Source* keys, and keys a service principal never carries.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 */
import type { ValidationContext } from '../context'

const SOURCE_KEYS = ['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner']
/** Keys that describe an IAM principal; a service principal has none of them. */
const PRINCIPAL_ONLY_KEYS = ['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:userid', 'aws:username']
/** Keys that say nothing reliable about which resource a service acts for. */
const WEAK_KEYS = ['aws:referer', 'aws:sourceip']

export function checkServicePrincipals(ctx: ValidationContext): void {
  if (ctx.policyType !== 'resource' && ctx.policyType !== 'trust') return
  for (const facts of ctx.statements) {
    const p = facts.st.principal
    if (!p) continue
    const serviceEntries = p.entries.filter((e) => e.type === 'Service' && e.values.length > 0)
    if (serviceEntries.length === 0) continue
    const onlyServices = !p.wildcard && p.entries.every((e) => e.type === 'Service')
    if (onlyServices) {
      for (const use of facts.conditions) {
        if (PRINCIPAL_ONLY_KEYS.includes(use.lower) || use.lower.startsWith('aws:principaltag/')) {
          ctx.report(
            'UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL',
            use.entry.key,
            `"${use.key}" describes an IAM principal; a service principal such as "${serviceEntries[0]!.values[0]!.value}" never has it, so this condition ${use.block.parsed.base?.negated ? 'is always true' : 'never matches'}. Use aws:SourceAccount, aws:SourceArn or aws:SourceOrgID to say which resources the service may act for.`,
          )
        } else if (WEAK_KEYS.includes(use.lower)) {
          ctx.report(
            'RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL',
            use.entry.key,
            `"${use.key}" does not identify which of your resources the service acts for. Use aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths instead.`,
          )
        }
      }
    }
    if (ctx.policyType === 'resource' && facts.effect === 'Allow' && !SOURCE_KEYS.some((k) => facts.hasKey(k))) {
      const names = serviceEntries.flatMap((e) => e.values.map((v) => v.value))
      ctx.report(
        'RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL',
        serviceEntries[0]!.key,
        `This grants ${names.join(', ')} access for any AWS account that uses the service (the "confused deputy" problem). Add a condition on aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths naming your own resources.`,
      )
    }
  }
}
