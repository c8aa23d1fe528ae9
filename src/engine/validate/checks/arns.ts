/**
 * Resource and NotResource ARNs: prefix, fields, partition, service, Region and account rules per
 * resource type (from the Service Authorization Reference's ARN formats).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
import { PARTITIONS } from '../../arn/arn'
import type { Fix } from '../../findings/types'
import type { Located, StringListElement } from '../../model/types'
import type { ArnFormatEntry } from '../catalogue-index'
import type { ValidationContext } from '../context'
import { ACCOUNT, isWildcardOrVariable, joinArnFields, splitArnFields, wildcardFields } from '../arn-text'
import { regionProblem } from '../regions'
import { RESOURCE_TYPE_RULES } from '../resource-types'

const PARTITION_SET = new Set<string>(PARTITIONS)
/**
 * Services whose AWS-owned resources are named with an empty account field, although the Service
 * Authorization Reference lists their ARNs with one: SSM documents and automation definitions
 * (arn:aws:ssm:us-east-1::document/AWS-RunShellScript) and Resource Explorer's AWS service views.
 */
const AWS_OWNED_WITHOUT_ACCOUNT = new Set(['ssm', 'resource-explorer-2'])

function replaceFix(ctx: ValidationContext, item: Located<string>, value: string, title: string): Fix {
  return { title, edits: [ctx.edits.replaceWithString(item, value)] }
}

function describeFormats(formats: ArnFormatEntry[], limit = 3): string {
  const shown = [...new Set(formats.map((f) => f.format.format))].slice(0, limit)
  return shown.map((f) => `"${f}"`).join(', ')
}

function checkArn(ctx: ValidationContext, item: Located<string>, element: string): void {
  const value = item.value
  if (value === '*' || /^[*?]+$/.test(value)) return
  if (!value.startsWith('arn:')) {
    // Access Analyzer: a value without the six colon-separated fields is MISSING_ARN_FIELD (a bare word
    // such as "my-bucket"); INVALID_ARN_PREFIX is for a full ARN whose first field is not "arn".
    if (splitArnFields(value).length < 6) {
      ctx.report(
        'MISSING_ARN_FIELD',
        item,
        `"${value}" is not an ARN: ${element} entries are "*" or ARNs with six colon-separated fields (arn:partition:service:region:account-id:resource), such as "arn:aws:s3:::my-bucket/*".`,
      )
      return
    }
    if (value.toLowerCase().startsWith('arn:')) {
      ctx.report('INVALID_ARN_PREFIX', item, `ARNs start with lowercase "arn:"; "${value.slice(0, 4)}" is not recognised.`, [
        replaceFix(ctx, item, 'arn:' + value.slice(4), 'Write the prefix as "arn:"'),
      ])
    } else {
      ctx.report(
        'INVALID_ARN_PREFIX',
        item,
        `"${value}" does not start with "arn:". Each ${element} entry must be "*" or an ARN such as "arn:aws:s3:::my-bucket/*".`,
      )
    }
    return
  }
  const fields = splitArnFields(value)
  if (fields.length < 6) {
    ctx.report(
      'MISSING_ARN_FIELD',
      item,
      `"${value}" has ${fields.length} of the 6 colon-separated ARN fields (arn:partition:service:region:account-id:resource). Keep the empty fields' colons, as in "arn:aws:s3:::my-bucket".`,
    )
    return
  }
  const [, partition, service, region, account, resource] = fields as [string, string, string, string, string, string]
  if (!isWildcardOrVariable(partition) && !PARTITION_SET.has(partition)) {
    const s = ctx.suggest(partition, PARTITIONS, 1)
    ctx.report(
      'INVALID_PARTITION',
      item,
      `"${partition}" is not an AWS partition. Use "aws" (or "aws-cn", "aws-us-gov"...).${s.length ? ` Did you mean "${s[0]}"?` : ''}`,
      s.length ? [replaceFix(ctx, item, joinArnFields(['arn', s[0]!, service, region, account, resource]), `Change the partition to "${s[0]}"`)] : undefined,
    )
  }
  if (service.includes('${')) return
  if (service !== service.toLowerCase()) {
    const lower = service.toLowerCase()
    ctx.report('INVALID_ARN_SERVICE_CASE', item, `The service part of an ARN is lowercase: write "${lower}", not "${service}".`, [
      replaceFix(ctx, item, joinArnFields(['arn', partition, lower, region, account, resource]), `Change the service to "${lower}"`),
    ])
  }
  const svc = service.toLowerCase()
  if (/[*?]/.test(svc)) {
    if (svc !== '*')
      ctx.report(
        'WILDCARD_IN_SERVICE_NAME',
        item,
        `The service part "${service}" contains a wildcard, which can match services you did not intend, now or in the future. Name the service.`,
      )
    return
  }
  if (svc === '') {
    ctx.report('UNKNOWN_ARN_SERVICE', item, `"${value}" has an empty service field, so it matches no AWS resource.`)
    return
  }
  const formats = ctx.index.arnFormats.get(svc)
  if (!formats) {
    const s = ctx.suggest(svc, ctx.index.arnFormats.keys(), 1)
    ctx.report(
      'UNKNOWN_ARN_SERVICE',
      item,
      `No AWS resource type has ARNs with the service "${svc}".${s.length ? ` Did you mean "${s[0]}"?` : ''}`,
      s.length ? [replaceFix(ctx, item, joinArnFields(['arn', partition, s[0]!, region, account, resource]), `Change the service to "${s[0]}"`)] : undefined,
    )
    return
  }
  const regionIssue = regionProblem(ctx.catalogue, region)
  if (regionIssue) ctx.report('INVALID_ARN_REGION', item, regionIssue)
  const accountIsLiteral = account !== '' && !isWildcardOrVariable(account)
  // "aws" is the owner of AWS-managed resources (arn:aws:iam::aws:policy/..., SageMaker public hubs...)
  if (accountIsLiteral && !ACCOUNT.test(account) && account !== 'aws' && !formats.some((f) => f.account === account)) {
    ctx.report('INVALID_ARN_ACCOUNT', item, `"${account}" is not an AWS account ID: account IDs are exactly 12 digits.`)
  }
  const wf = wildcardFields(fields)
  const candidates = ctx.index.formatsMatchingResource(svc, wf[5]!)
  if (candidates.length === 0) {
    const typeWord = /^[A-Za-z0-9-]+(?=[/:])/.exec(resource)?.[0]
    const caseTwin = typeWord ? formats.find((f) => f.resourcePrefix.toLowerCase().startsWith(typeWord.toLowerCase() + resource[typeWord.length]!) && !f.resourcePrefix.startsWith(typeWord)) : undefined
    if (caseTwin && typeWord) {
      const proper = caseTwin.resourcePrefix.slice(0, typeWord.length)
      ctx.report(
        'UNKNOWN_ARN_RESOURCE_TYPE',
        item,
        `ARNs are case-sensitive, and "${svc}" resources are named "${proper}...", not "${typeWord}...", so this ARN probably matches nothing.`,
        [replaceFix(ctx, item, joinArnFields(['arn', partition, service, region, account, proper + resource.slice(typeWord.length)]), `Change "${typeWord}" to "${proper}"`)],
      )
    } else {
      ctx.report(
        'UNKNOWN_ARN_RESOURCE_TYPE',
        item,
        `The resource part "${resource}" matches none of the resource types the Service Authorization Reference lists for "${svc}" (such as ${describeFormats(formats)}), so it probably matches nothing. Check the spelling.`,
      )
    }
    return
  }
  const regionGiven = region !== '' && region !== '*'
  if (regionGiven && !/[*?]/.test(region) && candidates.every((f) => f.region === '')) {
    ctx.report(
      'ARN_REGION_NOT_ALLOWED',
      item,
      `These resources have no Region in their ARNs (they look like ${describeFormats(candidates, 2)}), so "${region}" makes this ARN match nothing. Leave the Region field empty.`,
      [replaceFix(ctx, item, joinArnFields(['arn', partition, service, '', account, resource]), 'Remove the Region')],
    )
  } else if (region === '' && candidates.every((f) => f.region !== '')) {
    ctx.report(
      'MISSING_ARN_REGION',
      item,
      `These ARNs include a Region (they look like ${describeFormats(candidates, 2)}); with the Region field empty this ARN matches nothing. Add the Region, or "*" for any.`,
      [replaceFix(ctx, item, joinArnFields(['arn', partition, service, '*', account, resource]), 'Use "*" for the Region')],
    )
  }
  const accountGiven = account !== '' && account !== '*'
  if (accountGiven && !/[*?]/.test(account) && candidates.every((f) => f.account === '')) {
    ctx.report(
      'ARN_ACCOUNT_NOT_ALLOWED',
      item,
      `These ARNs have no account ID (they look like ${describeFormats(candidates, 2)}), so "${account}" makes this ARN match nothing. Leave the account field empty.`,
      [replaceFix(ctx, item, joinArnFields(['arn', partition, service, region, '', resource]), 'Remove the account ID')],
    )
  } else if (account === '' && !AWS_OWNED_WITHOUT_ACCOUNT.has(svc) && !/^[*?]*$/.test(resource) && candidates.every((f) => f.account !== '')) {
    ctx.report(
      'MISSING_ARN_ACCOUNT',
      item,
      `These ARNs include an account ID (they look like ${describeFormats(candidates, 2)}); with the account field empty this ARN matches nothing. Add the account ID, or "*" for any.`,
      [replaceFix(ctx, item, joinArnFields(['arn', partition, service, region, '*', resource]), 'Use "*" for the account')],
    )
  }
}

function checkList(ctx: ValidationContext, el: StringListElement | undefined, element: string): void {
  if (!el) return
  const rule = ctx.policyType === 'resource' && ctx.settings.resourceType ? RESOURCE_TYPE_RULES[ctx.settings.resourceType] : undefined
  for (const item of el.items) {
    checkArn(ctx, item, element)
    if (rule?.namesResource && element === 'Resource' && /^[*?]+$/.test(item.value)) {
      // Access Analyzer's resource-type checks: a policy attached to this resource must name it.
      ctx.report(
        'UNSUPPORTED_RESOURCE_ARN_IN_POLICY',
        item,
        `A policy attached to ${rule.label} must name that resource in Resource (such as "${rule.example}"); "${item.value}" is not accepted there.`,
      )
    } else if (rule && item.value !== '*' && item.value.startsWith('arn:')) {
      const f = wildcardFields(splitArnFields(item.value))
      if (f.length === 6 && !rule.fits(f))
        ctx.report('UNSUPPORTED_RESOURCE_ARN_IN_POLICY', item, `"${item.value}" is not a resource of ${rule.label}; a policy attached to ${rule.label} can only name that resource (and its sub-resources).`)
    }
  }
}

export function checkArns(ctx: ValidationContext): void {
  for (const { st } of ctx.statements) {
    if (ctx.budget.expired()) break
    checkList(ctx, st.resource, 'Resource')
    checkList(ctx, st.notResource, 'NotResource')
  }
}
