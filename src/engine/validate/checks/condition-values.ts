/**
 * Condition values against their operator and key: JSON types, booleans, numbers, dates, base64,
 * IP ranges (private and with host bits), Regions, VPC and VPC endpoint IDs, KMS key ARNs, wildcards
 * with non-Like operators, and redundant numeric bounds.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
import type { Fix } from '../../findings/types'
import type { ConditionValue } from '../../model/types'
import { renameOperatorFix } from '../condition-edits'
import type { ConditionUse, StatementFacts, ValidationContext } from '../context'
import { scanVariables, withoutVariables } from '../policy-variables'
import { regionProblem } from '../regions'
import { BOOLEAN, EPOCH, isBase64, isIsoDate, isPrivateRange, NUMBER, parseIpRange, type IpRange } from '../value-formats'
import { changeOperatorFix, operatorName } from './conditions'

/** Keys whose values are Region names. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion */
const REGION_KEYS = new Set(['aws:requestedregion', 'ec2:region'])
const VPC = /^vpc-([0-9a-zA-Z]{8}|[0-9a-zA-Z]{17})$/
const VPCE = /^vpce-([0-9a-zA-Z]{8}|[0-9a-zA-Z]{17})$/
const KMS_KEY_ARN = /^arn:[^:]*:kms:[^:]*:[^:]*:key\/.+$/
const S3_KMS_KEY = 's3:x-amz-server-side-encryption-aws-kms-key-id'
/** Service keys that hold a KMS key (ec2:KmsKeyId, comprehend:VolumeKmsKey, bedrock-agentcore:KmsKeyArn...). */
const KMS_KEY_KEY = /^[a-z0-9-]+:[a-z]*kmskey(arn|id)?$/

function hasVariables(v: string): boolean {
  return v.includes('${')
}

/** `*` or `?` outside policy variables. */
export function hasValueWildcard(v: string): boolean {
  if (!/[*?]/.test(v)) return false
  if (!v.includes('${')) return true
  return /[*?]/.test(withoutVariables(v, scanVariables(v).vars))
}

function checkTypes(ctx: ValidationContext, use: ConditionUse): void {
  const p = use.block.parsed
  const family = p.base?.family
  if (!family) return
  const values = use.entry.values
  const jsonTypes = new Set(values.map((v) => v.jsonType))
  if (jsonTypes.size > 1) {
    ctx.report(
      'INVALID_CONDITION_DATA_TYPE',
      use.entry.key,
      `The values of "${use.key}" mix JSON types (${[...jsonTypes].join(' and ')}). Write them all the same way, for example all as strings.`,
    )
  }
  if (family === 'Bool' && values.length > 1) {
    ctx.report(
      'INVALID_CONDITION_MULTIPLE_BOOLEAN',
      use.entry.key,
      `"${use.key}" is given several values with the Bool operator. A boolean is either true or false: give one value.`,
    )
  }
  for (const v of values) {
    if (hasVariables(v.value)) continue
    const s = v.value
    switch (family) {
      case 'Bool':
      case 'Null':
        if (!BOOLEAN.test(s))
          ctx.report('TYPE_MISMATCH_BOOLEAN', v, `The ${p.base!.name} operator takes "true" or "false", not "${s}".`)
        break
      case 'Numeric':
        if (!NUMBER.test(s)) ctx.report('TYPE_MISMATCH_NUMBER', v, `The ${p.base!.name} operator takes a number, not "${s}".`)
        break
      case 'Date': {
        if (isIsoDate(s)) break
        const epochKey = use.lower === 'aws:epochtime' || use.info?.type === 'Numeric'
        if (EPOCH.test(s) || v.jsonType === 'number') {
          if (!epochKey)
            ctx.report(
              'INVALID_DATE_VALUE',
              v,
              `"${s}" looks like a time in seconds since 1970. Date operators compare ISO 8601 dates such as "2025-01-31T12:00:00Z"; write the date that way so it is read as you intend.`,
            )
        } else ctx.report('TYPE_MISMATCH_DATE', v, `"${s}" is not a date. Write dates in ISO 8601, such as "2025-01-31" or "2025-01-31T12:00:00Z".`)
        break
      }
      case 'Binary':
        if (!isBase64(s)) ctx.report('TYPE_MISMATCH_STRING', v, `BinaryEquals compares base64-encoded values; "${s}" is not valid base64.`)
        break
      case 'IpAddress':
        checkIp(ctx, v)
        break
      default:
        break
    }
  }
}

function checkIp(ctx: ValidationContext, v: ConditionValue): IpRange | undefined {
  const r = parseIpRange(v.value)
  if (!r) {
    ctx.report('TYPE_MISMATCH_IP_RANGE', v, `"${v.value}" is not an IPv4 or IPv6 address or CIDR range, such as "203.0.113.0/24" or "2001:db8::/32".`)
    return undefined
  }
  if (r.hostBits) {
    ctx.report(
      'IMPROVE_IP_RANGE',
      v,
      `"${v.value}" has bits set after the /${r.prefix} prefix; it means the range ${r.network}. Write the range that way so it reads as what it matches.`,
      [{ title: `Change to "${r.network}"`, edits: [ctx.edits.replaceWithString(v, r.network)] }],
    )
  }
  return r
}

function checkPrivateIps(ctx: ValidationContext, use: ConditionUse): void {
  const p = use.block.parsed
  if (use.lower !== 'aws:sourceip' || p.base?.family !== 'IpAddress') return
  const ranges = use.entry.values.map((v) => parseIpRange(v.value))
  if (ranges.length === 0 || ranges.some((r) => !r)) return
  const priv = ranges.filter((r) => isPrivateRange(r!)).length
  if (priv === 0) return
  const negated = p.base.negated
  const all = priv === ranges.length
  if (all) {
    ctx.report(
      negated ? 'PRIVATE_NOT_IP_ADDRESS' : 'PRIVATE_IP_ADDRESS',
      use.entry.key,
      negated
        ? 'aws:SourceIp is the public address a request comes from, never a private one, so NotIpAddress with only private ranges is always true. To test addresses inside a VPC, use aws:VpcSourceIp.'
        : 'aws:SourceIp is the public address a request comes from, never a private one, so IpAddress with only private ranges never matches. To test addresses inside a VPC, use aws:VpcSourceIp.',
    )
  } else {
    ctx.report(
      negated ? 'PRIVATE_NOT_IP_ADDRESS_SUBSET' : 'PRIVATE_IP_ADDRESS_SUBSET',
      use.entry.key,
      'Some of these ranges are private. aws:SourceIp never holds a private address, so those entries have no effect; use aws:VpcSourceIp for requests made through a VPC endpoint.',
    )
  }
}

function checkKnownFormats(ctx: ValidationContext, use: ConditionUse): void {
  const family = use.block.parsed.base?.family
  if (family !== 'String' && family !== 'Arn') return
  for (const v of use.entry.values) {
    const s = v.value
    if (hasVariables(s)) continue
    if (REGION_KEYS.has(use.lower)) {
      // A pattern only means a pattern with a Like operator; with StringEquals "*" is a literal character.
      const problem = use.block.parsed.base?.like || !hasValueWildcard(s) ? regionProblem(ctx.catalogue, s) : undefined
      if (problem) ctx.report('INVALID_REGION', v, problem)
      continue
    }
    if (hasValueWildcard(s)) continue
    switch (use.lower) {
      case 'aws:sourcevpc':
      case 'aws:ec2instancesourcevpc':
        if (!VPC.test(s)) ctx.report('INVALID_VPC_FORMAT', v, `"${s}" is not a VPC ID. VPC IDs are "vpc-" followed by 8 or 17 letters and digits.`)
        break
      case 'aws:sourcevpce':
        if (!VPCE.test(s)) ctx.report('INVALID_VPCE_FORMAT', v, `"${s}" is not a VPC endpoint ID. Endpoint IDs are "vpce-" followed by 8 or 17 letters and digits.`)
        break
      default:
        if ((use.lower === S3_KMS_KEY || (KMS_KEY_KEY.test(use.lower) && s.startsWith('arn:'))) && !KMS_KEY_ARN.test(s)) {
          ctx.report(
            'INVALID_KMS_KEY_VALUE',
            v,
            `"${s}" is not a KMS key ARN. "${use.key}" holds the key's ARN, such as "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab".`,
          )
        }
    }
  }
}

function checkWildcardWithoutLike(ctx: ValidationContext, facts: StatementFacts, use: ConditionUse): void {
  const p = use.block.parsed
  if (p.base?.family !== 'String' || p.base.like) return
  const v = use.entry.values.find((x) => hasValueWildcard(x.value))
  if (!v) return
  const base = p.base.name
  const likeBase = base === 'StringEquals' ? 'StringLike' : base === 'StringNotEquals' ? 'StringNotLike' : undefined
  let fix: Fix | undefined
  if (likeBase) {
    const to = operatorName(likeBase, p.qualifier, p.ifExists)
    fix = renameOperatorFix(ctx, facts.st, use.block, to) ?? changeOperatorFix(ctx, facts.st, use, to)
  }
  ctx.report(
    'WILDCARD_WITHOUT_LIKE_OPERATOR',
    v,
    `${base} compares "${v.value}" literally, so "*" and "?" are not wildcards here.${likeBase ? ` Use ${likeBase} to match a pattern.` : ' Use StringLike (or StringNotLike) to match a pattern; note they are case-sensitive.'}`,
    fix ? [fix] : undefined,
  )
}

function checkRedundantNumbers(ctx: ValidationContext, use: ConditionUse): void {
  const p = use.block.parsed
  if (p.base?.family !== 'Numeric' || p.qualifier || use.entry.values.length < 2) return
  const name = p.base.name
  const upper = name === 'NumericLessThan' || name === 'NumericLessThanEquals'
  const lower = name === 'NumericGreaterThan' || name === 'NumericGreaterThanEquals'
  if (!upper && !lower) return
  const values = use.entry.values
  if (values.some((v) => !NUMBER.test(v.value))) return
  let best = values[0]!
  for (const v of values) if (upper ? Number(v.value) > Number(best.value) : Number(v.value) < Number(best.value)) best = v
  const keep = ctx.text.slice(ctx.model.lines.offset(best.range.start), ctx.model.lines.offset(best.range.end))
  ctx.report(
    'REDUNDANT_CONDITION_VALUE_NUM',
    use.entry.key,
    `Values of one key are ORed, so with ${name} only the ${upper ? 'largest' : 'smallest'} value (${best.value}) matters. Keep just that value.`,
    [{ title: `Keep only ${best.value}`, edits: [ctx.edits.replaceNode(use.entry.node, keep)] }],
  )
}

export function checkConditionValues(ctx: ValidationContext): void {
  for (const facts of ctx.statements) {
    for (const use of facts.conditions) {
      checkTypes(ctx, use)
      checkPrivateIps(ctx, use)
      checkKnownFormats(ctx, use)
      checkWildcardWithoutLike(ctx, facts, use)
      checkRedundantNumbers(ctx, use)
    }
  }
}
