import type { ConditionEntry, ConditionOperatorBlock, StatementModel } from '../model/types'
import { joinAnd, quote } from './words'

const GITHUB = 'token.actions.githubusercontent.com'

function values(e: ConditionEntry, word = 'or'): string {
  return joinAnd(
    e.values.map((v) => quote(v.value)),
    word,
  )
}

function seconds(n: string): string {
  const s = Number(n)
  if (!Number.isFinite(s)) return `${n} seconds`
  if (s % 3600 === 0 && s >= 3600) return `${s / 3600} hour${s === 3600 ? '' : 's'}`
  if (s % 60 === 0 && s >= 60) return `${s / 60} minute${s === 60 ? '' : 's'}`
  return `${s} seconds`
}

/** The relation an operator states, in words ("is", "is not", "matches", "is before"…). */
function relation(block: ConditionOperatorBlock): string {
  const b = block.parsed.base
  if (!b) return `satisfies ${block.operator.value}`
  const n = b.name
  if (b.family === 'Numeric')
    return { NumericEquals: 'equals', NumericNotEquals: 'is not', NumericLessThan: 'is less than', NumericLessThanEquals: 'is at most', NumericGreaterThan: 'is greater than', NumericGreaterThanEquals: 'is at least' }[n] ?? n
  if (b.family === 'Date')
    return { DateEquals: 'is', DateNotEquals: 'is not', DateLessThan: 'is before', DateLessThanEquals: 'is at or before', DateGreaterThan: 'is after', DateGreaterThanEquals: 'is at or after' }[n] ?? n
  if (b.family === 'IpAddress') return b.negated ? 'is outside' : 'is in'
  if (b.like) return b.negated ? 'does not match' : 'matches'
  return b.negated ? 'is not' : 'is'
}

/** A sentence fragment for one key of one operator block, e.g. "the caller signed in with MFA". */
function phrase(block: ConditionOperatorBlock, e: ConditionEntry): string {
  const key = e.key.value
  const k = key.toLowerCase()
  const b = block.parsed.base
  const neg = b?.negated ?? false
  const first = e.values[0]?.value.toLowerCase()
  const isTrue = first === 'true'
  const vals = values(e)
  const rel = relation(block)
  if (b?.family === 'Null') return isTrue ? `${quote(key)} is absent from the request` : `${quote(key)} is present in the request`
  switch (k) {
    case 'aws:multifactorauthpresent':
      return isTrue !== neg ? 'the caller signed in with MFA' : 'the caller did not sign in with MFA'
    case 'aws:multifactorauthage':
      return /LessThan/.test(b?.name ?? '') ? `the caller used MFA within the last ${seconds(e.values[0]?.value ?? '')}` : `the MFA sign-in age ${rel} ${vals} seconds`
    case 'aws:securetransport':
      return isTrue !== neg ? 'the request is sent over HTTPS' : 'the request is not sent over HTTPS'
    case 'aws:sourceip':
    case 'aws:vpcsourceip':
      return `the request comes from ${neg ? 'outside ' : ''}IP range ${vals}`
    case 'aws:principalorgid':
      return neg ? `the caller is outside organization ${vals}` : `the caller belongs to organization ${vals}`
    case 'aws:principalorgpaths':
      return `the caller's organization path ${rel} ${vals}`
    case 'aws:principalaccount':
    case 'kms:calleraccount':
      return neg ? `the caller is not in account ${vals}` : `the caller is in account ${vals}`
    case 'aws:sourceaccount':
      return `the request is ${neg ? 'not ' : ''}made on behalf of account ${vals}`
    case 'aws:sourcearn':
      return `the request ${neg ? 'does not come' : 'comes'} from ${vals}`
    case 'aws:sourcevpce':
      return `the request ${neg ? 'does not come' : 'comes'} through VPC endpoint ${vals}`
    case 'aws:sourcevpc':
      return `the request ${neg ? 'does not come' : 'comes'} from VPC ${vals}`
    case 'aws:requestedregion':
      return `the request ${neg ? 'is not' : 'is'} for Region ${vals}`
    case 'aws:principalarn':
      return `the caller ${rel} ${vals}`
    case 'aws:username':
      return `the caller's user name ${rel} ${vals}`
    case 'aws:principaltype':
      return `the caller's type ${rel} ${vals}`
    case 'aws:currenttime':
    case 'aws:epochtime':
      return `the time ${rel} ${vals}`
    case 'aws:tokenissuetime':
      return `the session was issued at a time that ${rel} ${vals}`
    case 'aws:calledvia':
    case 'aws:calledviafirst':
    case 'aws:calledvialast':
      return `the request ${neg ? 'is not' : 'is'} made through ${vals}`
    case 'aws:viaawsservice':
      return isTrue !== neg ? 'an AWS service makes the request on the caller\'s behalf' : 'the caller makes the request directly'
    case 'aws:principalisawsservice':
      return isTrue !== neg ? 'the caller is an AWS service' : 'the caller is not an AWS service'
    case 'aws:tagkeys':
      return block.parsed.qualifier === 'ForAllValues' ? `the request uses only tag keys ${vals}` : `the request uses tag key ${vals}`
    case 'iam:passedtoservice':
      return `the role is ${neg ? 'not ' : ''}passed to ${vals}`
    case 's3:prefix':
      return `the requested key prefix ${rel} ${vals}`
    case 'sts:externalid':
      return `the caller supplies external ID ${vals}`
    case `${GITHUB}:sub`:
      return `the GitHub workflow's subject ${rel} ${vals}`
    case `${GITHUB}:aud`:
      return `the token's audience ${rel} ${vals}`
  }
  const tag = /^(aws|[a-z0-9-]+):(principaltag|resourcetag|requesttag)\/(.+)$/i.exec(key)
  if (tag) {
    const whose = tag[2]!.toLowerCase() === 'principaltag' ? "the caller's tag" : tag[2]!.toLowerCase() === 'resourcetag' ? "the resource's tag" : 'the tag the request sets,'
    return `${whose} ${quote(tag[3]!)} ${rel} ${vals}`
  }
  const set = block.parsed.qualifier === 'ForAllValues' ? 'every value of ' : block.parsed.qualifier === 'ForAnyValue' ? 'a value of ' : ''
  return `${set}${quote(key)} ${rel} ${vals}`
}

/** Every condition of a statement as fragments, to be joined with "and". */
export function conditionPhrases(s: StatementModel): string[] {
  const out: string[] = []
  for (const block of s.condition?.operators ?? []) {
    for (const e of block.entries) {
      let p = phrase(block, e)
      if (block.parsed.ifExists) p += ' (when that information is present)'
      out.push(p)
    }
  }
  return out
}
