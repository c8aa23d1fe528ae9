/**
 * Condition advice: keys made meaningless by a "*" value (Null equivalents, redundant keys, dead
 * statements), caller-controlled keys, over-broad wildcards and variables on identity keys, paired
 * keys, s3:prefix in negative contexts, DynamoDB attribute filters, keys irrelevant to a resource.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
import { nullFix, removeConditionEntry } from '../condition-edits'
import type { ConditionUse, StatementFacts, ValidationContext } from '../context'
import { scanVariables } from '../policy-variables'
import { RESOURCE_TYPE_RULES } from '../resource-types'

const ALL_STARS = /^\*+$/

/** Operators for which a "*" value matches every value of the key. */
function wildcardOperator(use: ConditionUse): 'positive' | 'negative' | undefined {
  const b = use.block.parsed.base
  if (!b || !use.block.parsed.valid) return undefined
  if (b.family === 'String' && b.like) return b.negated ? 'negative' : 'positive'
  if (b.family === 'Arn') return b.negated ? 'negative' : 'positive'
  return undefined
}

function checkWildcardValue(ctx: ValidationContext, facts: StatementFacts, use: ConditionUse): void {
  const kind = wildcardOperator(use)
  if (!kind || !use.entry.values.some((v) => ALL_STARS.test(v.value))) return
  const st = facts.st
  const { qualifier, ifExists } = use.block.parsed
  const op = use.block.operator.value
  const at = use.entry.key
  let outcome: 'null-false' | 'null-true' | 'always' | 'never'
  if (!qualifier) outcome = kind === 'positive' ? (ifExists ? 'always' : 'null-false') : 'null-true'
  else if (qualifier === 'ForAnyValue') outcome = kind === 'positive' ? (ifExists ? 'always' : 'null-false') : ifExists ? 'null-true' : 'never'
  else outcome = kind === 'positive' ? 'always' : 'null-true'
  switch (outcome) {
    case 'null-false': {
      const fix = nullFix(ctx, st, use.block, use.entry, 'false')
      ctx.report('EQUIVALENT_TO_NULL_FALSE', at, `${op} with "*" only tests that "${use.key}" is present in the request. Say so directly with "Null": {"${use.key}": "false"}.`, fix ? [fix] : undefined)
      break
    }
    case 'null-true': {
      const fix = nullFix(ctx, st, use.block, use.entry, 'true')
      ctx.report('EQUIVALENT_TO_NULL_TRUE', at, `${op} with "*" is only true when "${use.key}" is absent from the request. Say so directly with "Null": {"${use.key}": "true"}.`, fix ? [fix] : undefined)
      break
    }
    case 'always': {
      const edit = removeConditionEntry(ctx, st, use.block, use.entry)
      ctx.report(
        'REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION',
        at,
        `${op} with "*" is always true, so the condition on "${use.key}" restricts nothing. Remove it, or give the values you mean.`,
        edit ? [{ title: `Remove the condition on "${use.key}"`, edits: [edit] }] : undefined,
      )
      break
    }
    case 'never': {
      const arr = ctx.model.root?.type === 'object' ? ctx.model.root.properties.find((p) => p.key === ctx.model.statementKey?.name)?.value : undefined
      const fixes =
        arr?.type === 'array' && arr.items.length > 1 && st.index !== undefined
          ? [{ title: 'Remove this statement', edits: [ctx.edits.removeArrayItem(arr, st.index)] }]
          : undefined
      ctx.report(
        'REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION',
        at,
        `${op} with "*" can never be true, so this statement never applies. Fix the condition or remove the statement.`,
        fixes,
      )
      break
    }
  }
}

/** Keys whose values identify who or where a request is from: a broad wildcard on them opens access widely. */
const IDENTITY_KEYS = new Set(
  [
    'aws:PrincipalArn',
    'aws:PrincipalAccount',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:SourceArn',
    'aws:SourceAccount',
    'aws:SourceOwner',
    'aws:SourceOrgID',
    'aws:SourceOrgPaths',
    'aws:ResourceAccount',
    'aws:ResourceOrgID',
    'aws:ResourceOrgPaths',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:VpceAccount',
    'aws:VpceOrgID',
    'aws:VpceOrgPaths',
    'aws:userid',
  ].map((k) => k.toLowerCase()),
)
const MIN_FIXED = 6

/** Variables whose value the caller (or whoever tags things) chooses, so it may contain "*" or "?". */
function callerControlled(name: string): boolean {
  const n = name.toLowerCase()
  if (/^aws:(principaltag|requesttag|resourcetag)\//.test(n)) return true
  if (n === 'aws:sourceidentity' || n === 'aws:userid' || n === 'sts:rolesessionname' || n.startsWith('saml:')) return true
  const prefix = n.slice(0, n.lastIndexOf(':'))
  return prefix.includes('.') || prefix.includes('/')
}

function isSensitive(use: ConditionUse): boolean {
  if (IDENTITY_KEYS.has(use.lower)) return true
  const colon = use.lower.lastIndexOf(':')
  const prefix = use.lower.slice(0, colon)
  return (prefix.includes('.') || prefix.includes('/')) && use.lower.endsWith(':sub')
}

function checkPermissiveValues(ctx: ValidationContext, use: ConditionUse): void {
  const kind = wildcardOperator(use)
  if (kind !== 'positive' || !isSensitive(use)) return
  const userid = use.lower === 'aws:userid'
  for (const v of use.entry.values) {
    const s = v.value
    if (ALL_STARS.test(s)) continue
    const vars = s.includes('${') ? scanVariables(s).vars.filter((x) => !x.special && callerControlled(x.name)) : []
    const firstVar = vars.length ? vars[0]!.start : -1
    let firstWild = -1
    for (let i = 0; i < s.length; i++) {
      if (firstVar >= 0 && i >= firstVar) break
      if (s[i] === '*' || s[i] === '?') {
        firstWild = i
        break
      }
    }
    const colon = s.indexOf(':')
    if (firstWild >= 0 && (firstWild < MIN_FIXED || (userid && (colon < 0 || firstWild < colon)))) {
      ctx.report(
        'WILDCARD_USAGE_TOO_PERMISSIVE',
        v,
        userid
          ? `In aws:userid the part before ":" is the unique ID of the user or role; a wildcard there ("${s}") matches other principals. Put the wildcard after the colon, as in "AROAEXAMPLEID:*".`
          : `"${s}" has a wildcard after fewer than ${MIN_FIXED} fixed characters, so "${use.key}" matches far more principals or resources than intended. Spell out more of the value.`,
      )
    } else if (firstVar >= 0 && (firstVar < MIN_FIXED || (userid && (colon < 0 || firstVar < colon)))) {
      ctx.report(
        'VARIABLE_USAGE_TOO_PERMISSIVE',
        v,
        `With ${use.block.parsed.base!.name}, a "*" inside the value of \${${vars[0]!.name}} acts as a wildcard, and "${s}" has fewer than ${MIN_FIXED} fixed characters before it. Use an Equals operator, or fix more of the value.`,
      )
    }
  }
}

const UNTRUSTED = new Map([
  ['aws:useragent', 'the caller sets the User-Agent header to anything it likes'],
  ['aws:referer', 'the caller sets the Referer header to anything it likes'],
])

const PAIRS: [string, string[], string][] = [['aws:vpcsourceip', ['aws:sourcevpc', 'aws:sourcevpce'], 'aws:SourceVpc or aws:SourceVpce']]

function checkKeyAdvice(ctx: ValidationContext, facts: StatementFacts, use: ConditionUse): void {
  const why = UNTRUSTED.get(use.lower)
  if (why) {
    ctx.report('UNTRUSTWORTHY_CONDITION_KEY', use.entry.key, `"${use.key}" cannot be trusted for access control: ${why}. Use it only as a convenience, never as the protection.`)
  }
  for (const [key, partners, label] of PAIRS) {
    if (use.lower === key && !partners.some((p) => facts.hasKey(p))) {
      ctx.report(
        'MISSING_PAIRED_CONDITION_KEYS',
        use.entry.key,
        `"${use.key}" alone is not enough: private IP ranges repeat across VPCs. Also test ${label} so only your network matches.`,
      )
    }
  }
  if (use.lower === 's3:prefix') {
    const negated = use.block.parsed.base?.negated ?? false
    if (facts.effect === 'Deny' || negated) {
      ctx.report(
        'S3_PREFIX_IN_NEGATIVE_CONTEXT',
        use.entry.key,
        's3:prefix only restricts a listing request when the caller sends a prefix. In a Deny, or with a negated operator, a request with no prefix or a shorter one is not covered. Allow the prefixes you want instead.',
      )
    }
  }
  if (use.lower === 'dynamodb:attributes' && facts.effect === 'Allow' && !facts.hasKey('dynamodb:select')) {
    ctx.report(
      'DYNAMODB_ATTRIBUTES_WITHOUT_SELECT',
      use.entry.key,
      'dynamodb:Attributes limits the attributes a request names, but a request that names none (Select ALL_ATTRIBUTES) still returns every attribute. Add "StringEquals": {"dynamodb:Select": "SPECIFIC_ATTRIBUTES"}.',
    )
  }
  const rule = ctx.policyType === 'resource' && ctx.settings.resourceType ? RESOURCE_TYPE_RULES[ctx.settings.resourceType] : undefined
  if (rule && rule.irrelevantKeys.some((k) => k.toLowerCase() === use.lower)) {
    const edit = removeConditionEntry(ctx, facts.st, use.block, use.entry)
    ctx.report(
      'IRRELEVANT_CONDITION_KEY_IN_POLICY',
      use.entry.key,
      `In a policy attached to ${rule.label}, "${use.key}" always describes that same resource, so the condition decides nothing. Remove it.`,
      edit ? [{ title: `Remove the condition on "${use.key}"`, edits: [edit] }] : undefined,
    )
  }
  if (use.lower.endsWith(':aud') && /[./]/.test(use.lower.slice(0, use.lower.lastIndexOf(':')))) {
    const q = use.block.parsed.qualifier
    if (q === 'ForAnyValue')
      ctx.report(
        'FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE',
        use.entry.key,
        `The "aud" claim of this identity provider is single-valued; ForAnyValue is also true when the claim is missing, which can let tokens meant for other audiences through. Use StringEquals.`,
      )
    else if (q === 'ForAllValues' && !use.info)
      ctx.report(
        'CONFIRM_AUDIENCE_CLAIM_TYPE',
        use.entry.key,
        'A set qualifier is used on the "aud" claim. Check whether your identity provider sends it as one value or several; for a single value use StringEquals without a qualifier.',
      )
  }
}

export function checkConditionAdvice(ctx: ValidationContext): void {
  for (const facts of ctx.statements) {
    for (const use of facts.conditions) {
      checkWildcardValue(ctx, facts, use)
      checkPermissiveValues(ctx, use)
      checkKeyAdvice(ctx, facts, use)
    }
  }
}
