/**
 * Policy size quotas per policy type. IAM does not count white space outside strings; AWS
 * Organizations counts every character of what the API receives.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */
import type { PolicyType } from '../../findings/types'
import type { ValidationContext } from '../context'
import { RESOURCE_TYPE_RULES } from '../resource-types'
import { minifiedLength, minifyJsonText } from '../../findings/json-edits'

interface Quota {
  code: string
  limit: number
  /** True when white space outside strings is not counted. */
  ignoresWhitespace: boolean
  what: string
}

/** 12,345: written out, because toLocaleString loads locale data on first use. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',')
}

function quotaFor(type: PolicyType, resourceType: string | undefined): Quota | undefined {
  switch (type) {
    case 'identity':
    case 'boundary':
      return { code: 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA', limit: 6_144, ignoresWhitespace: true, what: 'a managed policy' }
    case 'session':
      return { code: 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA', limit: 2_048, ignoresWhitespace: true, what: 'a session policy' }
    case 'trust':
      return { code: 'POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA', limit: 2_048, ignoresWhitespace: true, what: 'a role trust policy (by default; the quota can be raised)' }
    case 'scp':
      return { code: 'POLICY_SIZE_EXCEEDS_SCP_QUOTA', limit: 5_120, ignoresWhitespace: false, what: 'a service control policy' }
    case 'rcp':
      return { code: 'POLICY_SIZE_EXCEEDS_RCP_QUOTA', limit: 5_120, ignoresWhitespace: false, what: 'a resource control policy' }
    case 'resource': {
      const rule = resourceType ? RESOURCE_TYPE_RULES[resourceType] : undefined
      return rule?.quota ? { code: 'POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA', limit: rule.quota.size, ignoresWhitespace: false, what: `a policy attached to ${rule.label}` } : undefined
    }
  }
}

export function checkSize(ctx: ValidationContext): void {
  const root = ctx.model.root
  if (!root) return
  const q = quotaFor(ctx.policyType, ctx.settings.resourceType)
  if (!q) return
  const text = ctx.text
  // cheap bound first: the minified length never exceeds the text length
  if (text.length <= q.limit) return
  const minified = minifiedLength(text)
  const size = q.ignoresWhitespace ? minified : text.length
  if (size <= q.limit) return
  const canMinify = !q.ignoresWhitespace && minified <= q.limit
  const split =
    ctx.statements.length > 1
      ? ` Split it: move some statements into a second policy (each policy attached separately), or merge statements that share the same Effect, Resource and Condition.`
      : ' Shorten it: list fewer actions (a wildcard such as "s3:Get*" replaces many), or split the statement across two policies.'
  ctx.report(
    q.code,
    { range: ctx.model.lines.range(root.offset, 1), path: [] },
    `This policy is ${thousands(size)} characters${q.ignoresWhitespace ? ' (not counting white space)' : ''}, over the ${thousands(q.limit)}-character limit for ${q.what}.${canMinify ? ' Removing white space brings it under the limit.' : split}`,
    canMinify ? [{ title: 'Remove white space (minify)', edits: [ctx.edits.replaceAll(minifyJsonText(text))] }] : undefined,
  )
}
