/**
 * Condition operators and keys: operator names, key format and existence (global, service, tag
 * templates), duplicate keys, set qualifiers on single- and multivalued keys, operator/key type fit.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
import type { ConditionKeyInfo } from '../../catalogue'
import type { Fix } from '../../findings/types'
import type { OperatorFamily, ParsedOperator } from '../../model/operators'
import type { ConditionEntry, ConditionOperatorBlock, StatementModel } from '../../model/types'
import { moveEntryToOperator } from '../condition-edits'
import type { ConditionUse, ValidationContext } from '../context'

/** `ForAnyValue:` + base + `IfExists`, as a valid operator name. */
export function operatorName(base: string, qualifier: string | undefined, ifExists: boolean): string {
  return `${qualifier ? qualifier + ':' : ''}${base}${ifExists ? 'IfExists' : ''}`
}

/** JSON text of a condition entry's value, as written. */
export function entryValueText(ctx: ValidationContext, entry: ConditionEntry): string {
  return ctx.text.slice(entry.node.offset, entry.node.offset + entry.node.length)
}

/** A fix that gives one key a different operator (renaming the block when the key is alone in it). */
export function changeOperatorFix(ctx: ValidationContext, st: StatementModel, use: ConditionUse, to: string, title?: string): Fix | undefined {
  const edits = moveEntryToOperator(ctx, st, use.block, use.entry, to, entryValueText(ctx, use.entry))
  return edits ? { title: title ?? `Use ${to}`, edits } : undefined
}

function keyFamilies(info: ConditionKeyInfo): OperatorFamily[] | undefined {
  switch (info.type) {
    case 'String':
    case 'ArrayOfString':
      return ['String']
    case 'ARN':
    case 'ArrayOfARN':
      return ['Arn', 'String']
    case 'Numeric':
    case 'ArrayOfNumeric':
    case 'Long':
      return ['Numeric']
    case 'Date':
      return info.key.toLowerCase() === 'aws:epochtime' ? ['Date', 'Numeric'] : ['Date']
    case 'Bool':
    case 'ArrayOfBool':
    case 'Boolean':
      return ['Bool']
    case 'IPAddress':
    case 'ArrayOfIPAddress':
      return ['IpAddress']
    case 'Binary':
      return ['Binary']
    default:
      return undefined
  }
}

const FAMILY_LABEL: Record<OperatorFamily, string> = {
  String: 'String',
  Numeric: 'Numeric',
  Date: 'Date',
  Bool: 'Bool',
  Binary: 'Binary',
  IpAddress: 'IP address',
  Arn: 'ARN',
  Null: 'Null',
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? `an ${word}` : `a ${word}`
}

/** The operator of family `to` that means the same comparison as `base`, when there is one. */
function equivalentOperator(base: string, to: OperatorFamily): string | undefined {
  const negated = /Not/.test(base)
  const equals = /Equals$/.test(base) && !/IgnoreCase/.test(base)
  const like = /Like$/.test(base)
  switch (to) {
    case 'Numeric':
      return equals ? (negated ? 'NumericNotEquals' : 'NumericEquals') : undefined
    case 'Date':
      return equals ? (negated ? 'DateNotEquals' : 'DateEquals') : undefined
    case 'Bool':
      return equals && !negated ? 'Bool' : undefined
    case 'IpAddress':
      return equals ? (negated ? 'NotIpAddress' : 'IpAddress') : undefined
    case 'Arn':
      return equals || like ? (negated ? 'ArnNotLike' : 'ArnLike') : undefined
    case 'String':
      if (base.startsWith('Arn')) return negated ? (like ? 'StringNotLike' : 'StringNotEquals') : like ? 'StringLike' : 'StringEquals'
      return equals ? (negated ? 'StringNotEquals' : 'StringEquals') : undefined
    default:
      return undefined
  }
}

function checkOperator(ctx: ValidationContext, st: StatementModel, block: ConditionOperatorBlock): void {
  const p: ParsedOperator = block.parsed
  const raw = block.operator.value
  if (p.problem === 'unknown') {
    const restIndex = raw.indexOf(':')
    const qualifier = p.qualifier
    const rest = restIndex >= 0 && qualifier ? raw.slice(restIndex + 1) : raw
    const names = qualifier ? ctx.index.operatorNames.map((n) => `${qualifier}:${n}`) : ctx.index.operatorNames
    const s = ctx.suggest(qualifier ? `${qualifier}:${rest}` : raw, names, 3)
    ctx.report(
      'INVALID_CONDITION_OPERATOR',
      block.operator,
      `"${raw}" is not a condition operator, so IAM rejects the policy.${s.length ? ` Did you mean ${s.map((x) => `"${x}"`).join(' or ')}?` : ' Operators include StringEquals, StringLike, ArnLike, NumericLessThan, DateGreaterThan, Bool, IpAddress and Null.'}`,
      s.map((x) => ({ title: `Change to "${x}"`, edits: [ctx.edits.replaceWithString(block.operator, x)] })).filter((f) => !st.condition?.operators.some((b) => b !== block && b.operator.value === f.edits[0]!.newText.slice(1, -1))),
    )
    return
  }
  if (p.problem === 'case' && p.corrected) {
    const exists = st.condition?.operators.some((b) => b !== block && b.operator.value === p.corrected)
    ctx.report(
      'INVALID_CONDITION_OPERATOR',
      block.operator,
      `Condition operators are case-sensitive: write "${p.corrected}", not "${raw}".`,
      exists ? undefined : [{ title: `Change to "${p.corrected}"`, edits: [ctx.edits.replaceWithString(block.operator, p.corrected)] }],
    )
  }
  if (p.problem === 'null-if-exists') {
    const exists = st.condition?.operators.some((b) => b !== block && b.operator.value === 'Null')
    ctx.report(
      'NULL_WITH_IF_EXISTS',
      block.operator,
      'The Null operator cannot take "IfExists": Null already tests whether the key exists. Use "Null".',
      exists ? undefined : [{ title: 'Change to "Null"', edits: [ctx.edits.replaceWithString(block.operator, 'Null')] }],
    )
  }
  if (p.base?.family === 'Null' && p.qualifier) {
    const exists = st.condition?.operators.some((b) => b !== block && b.operator.value === 'Null')
    ctx.report(
      'NULL_WITH_QUALIFIER',
      block.operator,
      p.qualifier === 'ForAllValues'
        ? 'ForAllValues:Null is always true, so it tests nothing. Use "Null" to test whether a key is present.'
        : 'ForAnyValue:Null is always false, so the statement never applies. Use "Null" to test whether a key is present.',
      exists ? undefined : [{ title: 'Change to "Null"', edits: [ctx.edits.replaceWithString(block.operator, 'Null')] }],
    )
  }
}

/**
 * Keys the Service Authorization Reference types as ArrayOf*, which AWS's own managed policies test
 * without a set qualifier (e.g. events:detail-type in AWSAuditManagerAdministratorAccess).
 */
const SINGLE_VALUED_IN_PRACTICE = new Set(['events:detail-type'])

const KEY_FORMAT = /^[^:\s]+:\S/

function isProviderPrefix(prefix: string): boolean {
  return prefix.includes('.') || prefix.includes('/')
}

function checkKey(ctx: ValidationContext, use: ConditionUse): boolean {
  const key = use.key
  const at = use.entry.key
  if (!KEY_FORMAT.test(key)) {
    ctx.report('INVALID_CONDITION_KEY_FORMAT', at, `"${key}" is not a condition key: keys have the form "prefix:name", such as "aws:SourceIp" or "s3:prefix".`)
    return false
  }
  const colon = key.indexOf(':')
  const prefix = key.slice(0, colon).toLowerCase()
  if (prefix === 'aws') {
    if (use.lower === 'aws:arn') {
      const principalSide = ['identity', 'boundary', 'session', 'scp'].includes(ctx.policyType)
      if (principalSide)
        ctx.report('DEPRECATED_GLOBAL_CONDITION_KEY', at, 'aws:ARN is deprecated. Use aws:PrincipalArn to test the calling principal\'s ARN.', [
          { title: 'Use aws:PrincipalArn', edits: [ctx.edits.replaceWithString(at, 'aws:PrincipalArn')] },
        ])
      else
        ctx.report('UNSUPPORTED_GLOBAL_CONDITION_KEY', at, 'aws:ARN is not supported. Use aws:PrincipalArn for the calling principal, or aws:SourceArn for the resource a service acts for.', [
          { title: 'Use aws:PrincipalArn', edits: [ctx.edits.replaceWithString(at, 'aws:PrincipalArn')] },
          { title: 'Use aws:SourceArn', edits: [ctx.edits.replaceWithString(at, 'aws:SourceArn')] },
        ])
      return false
    }
    if (!use.info && ctx.catalogue.isTemplateKeyWithoutName(key)) {
      ctx.report('MISSING_TAG_KEY_IN_CONDITION', at, `"${key}" needs a tag key after a slash, for example "${key.replace(/\/$/, '')}/team".`)
      return false
    }
    if (!use.info) {
      const s = ctx.suggest(key, ctx.index.nameList('keys', 'aws'), 3)
      ctx.report(
        'INVALID_GLOBAL_CONDITION_KEY',
        at,
        `"${key}" is not an AWS global condition key, so it is never present in a request.${s.length ? ` Did you mean ${s.map((x) => `"${x}"`).join(' or ')}?` : ''}`,
        s.map((x) => ({ title: `Change to "${x}"`, edits: [ctx.edits.replaceWithString(at, x)] })),
      )
      return false
    }
    return true
  }
  if (isProviderPrefix(prefix)) return true
  const knownService = ctx.catalogue.service(prefix) !== undefined || ctx.index.keyPrefixes.has(prefix)
  if (!knownService) {
    const s = ctx.suggest(prefix, ctx.index.servicePrefixes, 3)
    ctx.report(
      'INVALID_SERVICE',
      at,
      `"${key.slice(0, colon)}" is not an AWS service prefix, so "${key}" is never present in a request.${s.length ? ` Did you mean ${s.map((x) => `"${x}"`).join(' or ')}?` : ''}`,
      s.map((x) => ({ title: `Change to "${x}${key.slice(colon)}"`, edits: [ctx.edits.replaceWithString(at, x + key.slice(colon))] })),
    )
    return false
  }
  if (!use.info && /tag/i.test(key) && ctx.catalogue.isTemplateKeyWithoutName(key)) {
    ctx.report('MISSING_TAG_KEY_IN_CONDITION', at, `"${key}" needs a tag key after a slash, for example "${key.replace(/\/$/, '')}/team".`)
    return false
  }
  if (!use.info) {
    const s = ctx.suggest(key, ctx.index.nameList('keys', prefix), 3)
    ctx.report(
      'INVALID_SERVICE_CONDITION_KEY',
      at,
      `"${key}" is not a condition key of the "${prefix}" service, so it is never present in a request.${s.length ? ` Did you mean ${s.map((x) => `"${x}"`).join(' or ')}?` : ''}`,
      s.map((x) => ({ title: `Change to "${x}"`, edits: [ctx.edits.replaceWithString(at, x)] })),
    )
    return false
  }
  return true
}

function checkQualifierAndType(ctx: ValidationContext, st: StatementModel, use: ConditionUse): void {
  const info = use.info
  const p = use.block.parsed
  // Keys known only from AWS managed policies have no documented type: nothing to compare the operator with.
  if (!info || info.observed || !p.base || !p.valid) return
  const family = p.base.family
  if (family === 'Null') return
  const baseName = p.base.name
  if (info.multivalued && !p.qualifier && !SINGLE_VALUED_IN_PRACTICE.has(use.lower)) {
    const fixes = (['ForAnyValue', 'ForAllValues'] as const)
      .map((q) =>
        changeOperatorFix(ctx, st, use, operatorName(baseName, q, p.ifExists), q === 'ForAnyValue' ? `Use ForAnyValue:${baseName}${p.ifExists ? 'IfExists' : ''} (at least one value matches)` : `Use ForAllValues:${baseName}${p.ifExists ? 'IfExists' : ''} (every value matches)`),
      )
      .filter((f): f is Fix => f !== undefined)
    ctx.report(
      'MISSING_QUALIFIER',
      use.entry.key,
      `"${use.key}" can have several values in one request, so the operator needs a set qualifier: ForAnyValue (true when at least one value matches) or ForAllValues (true when every value matches).`,
      fixes,
    )
  } else if (!info.multivalued && p.qualifier === 'ForAllValues') {
    const fix = changeOperatorFix(ctx, st, use, operatorName(baseName, undefined, p.ifExists), `Use ${baseName}${p.ifExists ? 'IfExists' : ''} without ForAllValues`)
    ctx.report(
      'FORALLVALUES_WITH_SINGLE_VALUED_KEY',
      use.entry.key,
      `"${use.key}" has a single value, and ForAllValues is also true when the key is missing from the request, so this condition may allow more than intended. Drop the ForAllValues: qualifier.`,
      fix ? [fix] : undefined,
    )
  }
  const families = keyFamilies(info)
  if (!families) return
  if ((info.type === 'ARN' || info.type === 'ArrayOfARN') && family === 'String' && p.base.like) {
    const to = baseName === 'StringLike' ? 'ArnLike' : 'ArnNotLike'
    const fix = changeOperatorFix(ctx, st, use, operatorName(to, p.qualifier, p.ifExists))
    ctx.report(
      'STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS',
      use.entry.key,
      `"${use.key}" holds an ARN. ${baseName} compares it as one string, so a "*" can span ARN fields; ${to} compares each ARN field separately and is safer.`,
      fix ? [fix] : undefined,
    )
    return
  }
  if (families.includes(family)) return
  if (family === 'Arn' && families.includes('String') && /arn/i.test(use.key)) return
  // IP operators take no policy variables, so AWS compares an IP-typed key with a variable through a String
  // operator (aws:EC2InstanceSourcePrivateIPv4 vs \${aws:VpcSourceIp}):
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-ec2instancesourceprivateip4
  if (info.type === 'IPAddress' && family === 'String' && use.entry.values.length > 0 && use.entry.values.every((v) => v.value.includes('${'))) return
  const target = families[0]!
  const equivalent = equivalentOperator(baseName, target)
  const fix = equivalent ? changeOperatorFix(ctx, st, use, operatorName(equivalent, p.qualifier, p.ifExists)) : undefined
  ctx.report(
    'TYPE_MISMATCH',
    use.entry.key,
    `"${use.key}" is of type ${info.type}, but ${baseName} is ${article(FAMILY_LABEL[family])} operator, so the comparison may never match. Use ${article(FAMILY_LABEL[target])} operator${equivalent ? ` such as ${equivalent}` : ''}.`,
    fix ? [fix] : undefined,
  )
}

export function checkConditions(ctx: ValidationContext): void {
  for (const facts of ctx.statements) {
    const st = facts.st
    if (!st.condition) continue
    for (const block of st.condition.operators) {
      checkOperator(ctx, st, block)
      const seen = new Map<string, string>()
      for (const entry of block.entries) {
        const lower = entry.key.value.toLowerCase()
        const prev = seen.get(lower)
        if (prev !== undefined) {
          ctx.report(
            'DUPLICATE_KEYS_WITH_DIFFERENT_CASE',
            entry.key,
            `"${entry.key.value}" and "${prev}" are the same condition key (keys are case-insensitive). Keep one of them in this ${block.operator.value} block.`,
          )
        } else seen.set(lower, entry.key.value)
      }
    }
    for (const use of facts.conditions) {
      if (checkKey(ctx, use)) checkQualifierAndType(ctx, st, use)
    }
  }
}
