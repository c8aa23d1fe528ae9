/**
 * Triage of disagreements with @cloud-copilot/iam-simulate: every class names the AWS documentation that
 * decides it. A disagreement is put in a class either by an *equivalence rewrite* (rewrite the case into
 * one that AWS's docs say means the same thing, but that avoids the peer's bug; if the peer then agrees
 * with us, the bug explains the disagreement) or, where no rewrite exists, by a precise feature test.
 * Anything left is `unclassified` and fails the test.
 */
import type { SimulationResult } from '../../../src/engine/simulate'
import { arnParts } from '../../../src/engine/arn/match'
import { parseAddress, parseCidr, parseDate, parseNumber } from '../../../src/engine/simulate/operators'
import { peerDecide, type PeerDecision } from './iam-simulate'

type Json = Record<string, unknown>

export interface DisagreementClass {
  id: string
  /** Who is right and why, with the page. */
  reason: string
  source: string
}

export const CLASSES: Record<string, DisagreementClass> = {
  'ip-zero-prefix': {
    id: 'ip-zero-prefix',
    reason: 'The peer treats 0.0.0.0/0 (and ::/0) as a single address (a JS shift by 32); a /0 range contains every address of its family.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress',
  },
  'date-epoch-units': {
    id: 'date-epoch-units',
    reason: 'The peer compares epoch values as milliseconds against ISO dates; AWS date conditions take epoch time in seconds, interchangeable with ISO 8601.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date',
  },
  'variables-without-version': {
    id: 'variables-without-version',
    reason: 'The peer substitutes ${...} in policies without "Version": "2012-10-17"; without it variables are literal strings.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
  },
  'unresolved-variable-invalidates-statement': {
    id: 'unresolved-variable-invalidates-statement',
    reason:
      'A policy variable whose key is not in the request: "any attempt to match it fails and causes the statement to be invalid", so the statement applies to nothing (not even through NotResource, a negated operator or another entry of the list). The peer treats only that value as non-matching.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
  },
  'session-policy-vs-direct-grant': {
    id: 'session-policy-vs-direct-grant',
    reason:
      'In the same account, a resource-based policy that names the role session ARN (or everyone) grants access whatever the session policy says; the peer applies the session policy implicit deny to such grants.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html',
  },
  'root-user-full-access': {
    id: 'root-user-full-access',
    reason:
      'The account root user has full access in its own account unless a policy denies it (or an SCP limits it): the caller side of a cross-account request is allowed too, and a resource policy naming its account names it. The peer requires an identity-policy Allow, which cannot be attached to the root user.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html',
  },
  'root-cannot-assume-role': {
    id: 'root-cannot-assume-role',
    reason: 'Only IAM users and roles can call AssumeRole; the account root user cannot.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html#stsapi_comparison',
  },
  'trust-policy-required': {
    id: 'trust-policy-required',
    reason:
      'A role can be assumed only if its trust policy allows it (naming the principal, or the account so that IAM policies count); with no trust policy in the case nothing allows it. The peer lets the identity policy decide when no trust policy is given.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_compare-resource-policies.html',
  },
  'set-operator-ifexists-missing-key': {
    id: 'set-operator-ifexists-missing-key',
    reason:
      '...IfExists: "If the key is not present, evaluate the condition element as true", for every operator but Null, set-qualified ones included (ForAnyValue:StringEqualsIfExists on an absent key is true). The peer ignores IfExists under ForAnyValue.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists',
  },
  'notprincipal-partial-listing': {
    id: 'notprincipal-partial-listing',
    reason:
      'NotPrincipal with Deny exempts a caller only when every principal it presents is listed: the user ARN and the account, or the session, role and account ARNs ("AWS might validate the account first, then the role, and then the assumed-role user"). The peer exempts a caller when any one of them is listed, e.g. the whole account for its root ARN.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
  },
  'empty-string-value-present': {
    id: 'empty-string-value-present',
    reason:
      'A key given with an empty string is present in the request (Null "false" holds for it) and its value is compared; the peer treats "" as an absent key (a JS falsy test), so negated operators and IfExists hold for it.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null',
  },
  'numeric-invalid-request-value': {
    id: 'numeric-invalid-request-value',
    reason:
      'Numeric operators compare integer or decimal numbers; a request value that is not a number (such as a date) never matches. The peer reads the leading digits of any string (JS parseInt / parseFloat), so "2023-03-15T08:30:00Z" counts as 2023.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric',
  },
  'binary-compares-bytes': {
    id: 'binary-compares-bytes',
    reason: 'BinaryEquals compares the decoded bytes of base64 values (YQ and YQ== are the same byte); the peer compares the base64 text.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals',
  },
  'negated-operator-invalid-request-value': {
    id: 'negated-operator-invalid-request-value',
    reason:
      'A negated operator holds when the request value matches none of the policy values (NOR); a value that is not an ARN (or IP address, number, date), or an IPv6 address against IPv4 values, matches none, so ArnNotLike / NotIpAddress / ... hold. The peer makes them false (its issue #50: "ArnNotLike on a non-ARN gave a wrong result").',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html',
  },
}

function deepMap(v: unknown, f: (s: string, inCondition: boolean, path: string[]) => unknown, path: string[] = [], inCondition = false): unknown {
  if (typeof v === 'string') return f(v, inCondition, path)
  if (Array.isArray(v)) {
    const out: unknown[] = []
    for (const item of v) {
      const m = deepMap(item, f, path, inCondition)
      if (Array.isArray(m) && typeof item === 'string') out.push(...m)
      else out.push(m)
    }
    return out
  }
  if (v && typeof v === 'object') {
    const out: Json = {}
    for (const [k, x] of Object.entries(v as Json)) {
      const m = deepMap(x, f, [...path, k], inCondition || k === 'Condition')
      out[k] = m
    }
    return out
  }
  return v
}

const POLICY_FIELDS = ['identityPolicies', 'resourcePolicy', 'permissionsBoundary', 'sessionPolicy', 'scps', 'rcps']

function rewritePolicies(c: Json, f: (s: string, inCondition: boolean, path: string[]) => unknown): Json {
  const out: Json = { ...c }
  for (const k of POLICY_FIELDS) if (c[k] !== undefined) out[k] = deepMap(c[k], f)
  return out
}

/** `0.0.0.0/0` → the two /1 halves (the same set of addresses), `::/0` likewise. */
function rewriteZeroPrefix(c: Json): Json | undefined {
  let changed = false
  const r = rewritePolicies(c, (s, inCond) => {
    if (!inCond) return s
    if (s === '0.0.0.0/0') {
      changed = true
      return ['0.0.0.0/1', '128.0.0.0/1']
    }
    if (s === '::/0') {
      changed = true
      return ['::/1', '8000::/1']
    }
    return s
  })
  return changed ? r : undefined
}

const EPOCH = /^\d{9,11}$/

/** Epoch-second values in Date conditions and context → the same instant in ISO 8601. */
function rewriteEpoch(c: Json): Json | undefined {
  let changed = false
  const iso = (s: string) => new Date(Number(s) * 1000).toISOString().replace('.000Z', 'Z')
  const r = rewritePolicies(c, (s, inCond, path) => {
    if (inCond && EPOCH.test(s) && path.some((p) => p.startsWith('Date') || p.includes(':Date'))) {
      changed = true
      return iso(s)
    }
    return s
  })
  const req = r.request as Json
  const ctx = { ...((req.context as Json | undefined) ?? {}) }
  for (const [k, v] of Object.entries(ctx)) {
    if (typeof v === 'string' && EPOCH.test(v) && /time/i.test(k)) {
      ctx[k] = iso(v)
      changed = true
    }
  }
  r.request = { ...req, context: ctx }
  return changed ? r : undefined
}

/** In policies without Version 2012-10-17, `${` is literal text: rewrite it to text the peer also keeps literal. */
function rewriteVersionlessVariables(c: Json): Json | undefined {
  let changed = false
  const out: Json = { ...c }
  const fix = (p: unknown): unknown => {
    if (!p || typeof p !== 'object' || Array.isArray(p)) return p
    const doc = p as Json
    if (doc.Version === '2012-10-17') return p
    const text = JSON.stringify(doc)
    if (!text.includes('${')) return p
    changed = true
    return JSON.parse(text.split('${').join('$_{'))
  }
  for (const k of POLICY_FIELDS) {
    const v = c[k]
    if (v === undefined) continue
    if (k === 'identityPolicies') out[k] = (v as unknown[]).map(fix)
    else if (k === 'scps' || k === 'rcps') out[k] = (v as unknown[]).map((l) => (Array.isArray(l) ? l.map(fix) : fix(l)))
    else out[k] = fix(v)
  }
  if (!changed) return undefined
  // The request resource may name the literal text as well.
  const req = out.request as Json
  if (typeof req.resource === 'string' && req.resource.includes('${')) out.request = { ...req, resource: req.resource.split('${').join('$_{') }
  return out
}

/** Base64 values with their padding restored (the same bytes) in BinaryEquals conditions and the context. */
function rewriteBase64Padding(c: Json): Json | undefined {
  let changed = false
  const pad = (v: string) => (/^[A-Za-z0-9+/]+$/.test(v) && v.length % 4 !== 0 ? v + '='.repeat((4 - (v.length % 4)) % 4) : v)
  const r = rewritePolicies(c, (s, inCond, path) => {
    if (inCond && path.some((p) => p.includes('BinaryEquals'))) {
      const p = pad(s)
      if (p !== s) changed = true
      return p
    }
    return s
  })
  const req = r.request as Json
  const ctx = { ...((req.context as Json | undefined) ?? {}) }
  for (const [k, v] of Object.entries(ctx)) {
    if (typeof v === 'string' && /blob|bin/i.test(k) && pad(v) !== v) {
      ctx[k] = pad(v)
      changed = true
    }
  }
  r.request = { ...req, context: ctx }
  return changed ? r : undefined
}

function explanationText(r: SimulationResult): string {
  return (r.explanation ?? []).map((l) => l.text).join('\n')
}

const NEGATED_TYPED = /^(ForAnyValue:|ForAllValues:)?(ArnNotLike|ArnNotEquals|NotIpAddress|NumericNotEquals|DateNotEquals)(IfExists)?$/

function invalidFor(operator: string, value: string): boolean {
  if (/Arn/.test(operator)) return arnParts(value) === undefined
  if (/IpAddress/.test(operator)) return parseAddress(value) === undefined
  if (/Numeric/.test(operator)) return parseNumber(value) === undefined
  if (/Date/.test(operator)) return parseDate(value) === undefined
  return false
}

/** An IP address of the other family than every policy value (IPv6 against IPv4 ranges, or the reverse). */
function otherFamily(operator: string, value: string, policyValues: string[]): boolean {
  if (!/IpAddress/.test(operator)) return false
  const a = parseAddress(value)
  if (!a) return false
  return policyValues.every((p) => {
    const r = parseCidr(p)
    return r !== undefined && r[0].kind() !== a.kind()
  })
}

/** The policy document of a case that an explanation label names (`identity[0]`, `scps[1][0]` ...). */
function locate(c: Json, label: string): Json | undefined {
  const m = /^(identity|scps|rcps)\[(\d+)\](?:\[(\d+)\])?$/.exec(label)
  const get = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined)
  if (label === 'resourcePolicy' || label === 'permissionsBoundary' || label === 'sessionPolicy') return get(c[label])
  if (!m) return undefined
  const list = c[m[1] === 'identity' ? 'identityPolicies' : m[1]!] as unknown[] | undefined
  const level = list?.[Number(m[2])]
  if (m[3] !== undefined) return get((level as unknown[] | undefined)?.[Number(m[3])])
  return get(level)
}

function statementsOf(doc: Json): Json[] {
  const st = doc.Statement
  return Array.isArray(st) ? (st as Json[]) : st && typeof st === 'object' ? [st as Json] : []
}

/**
 * Neutral removals: drop from the case parts that, by our semantics, contribute nothing (statements our
 * engine found invalid, conditions that held); our decision cannot change, so if the peer's then agrees,
 * those parts explain the disagreement.
 */
function removeParts(c: Json, ours: SimulationResult, pick: (line: NonNullable<SimulationResult['explanation']>[number]) => 'statement' | string[] | undefined): Json | undefined {
  const copy = JSON.parse(JSON.stringify(c)) as Json
  let changed = false
  const dropStatements = new Map<Json, { idx: Set<number>; principal: boolean }>()
  for (const line of ours.explanation ?? []) {
    if (line.kind !== 'statement' || !line.policy || line.statement === undefined) continue
    const what = pick(line)
    if (!what) continue
    const doc = locate(copy, line.policy)
    if (!doc) continue
    if (what === 'statement') {
      if (!dropStatements.has(doc)) dropStatements.set(doc, { idx: new Set(), principal: line.policyType === 'resource' || line.policyType === 'rcp' })
      dropStatements.get(doc)!.idx.add(line.statement)
      changed = true
      continue
    }
    const st = statementsOf(doc)[line.statement]
    const cond = st?.Condition as Record<string, Record<string, unknown>> | undefined
    if (!cond) continue
    for (const key of what) {
      const [op, k] = key.split('\u0000') as [string, string]
      if (cond[op] && k in cond[op]!) {
        delete cond[op]![k]
        if (Object.keys(cond[op]!).length === 0) delete cond[op]
        changed = true
      }
    }
    if (Object.keys(cond).length === 0) delete st!.Condition
  }
  for (const [doc, { idx, principal }] of dropStatements) {
    // Replace (not delete, so statement indexes stay valid) by a Deny of an action that does not exist.
    const filler = { Effect: 'Deny', Action: 'none:None', Resource: '*', ...(principal ? { Principal: '*' } : {}) }
    doc.Statement = statementsOf(doc).map((st, i) => (idx.has(i) ? { ...filler } : st))
  }
  return changed ? copy : undefined
}

const NEUTRAL_REMOVALS: [string, (line: NonNullable<SimulationResult['explanation']>[number]) => 'statement' | string[] | undefined][] = [
  ['unresolved-variable-invalidates-statement', (l) => (/makes the statement invalid/.test(l.text) ? 'statement' : undefined)],
  [
    'set-operator-ifexists-missing-key',
    (l) => {
      const keys = (l.conditions ?? []).filter((x) => /^ForAnyValue:.*IfExists$/.test(x.operator) && x.requestValues === null && x.result).map((x) => `${x.operator}\u0000${x.key}`)
      return keys.length ? keys : undefined
    },
  ],
  [
    'negated-operator-invalid-request-value',
    (l) => {
      const keys = (l.conditions ?? [])
        .filter((x) => NEGATED_TYPED.test(x.operator) && x.result && (x.requestValues ?? []).some((v) => invalidFor(x.operator, v) || otherFamily(x.operator, v, x.policyValues)))
        .map((x) => `${x.operator}\u0000${x.key}`)
      return keys.length ? keys : undefined
    },
  ],
]

/** Structural classes, where no rewrite can express the difference. */
function featureClass(c: Json, ours: SimulationResult, peer: PeerDecision): string | undefined {
  const req = c.request as Json
  const principal = String(req.principal ?? '')
  const action = String(req.action ?? '').toLowerCase()
  const text = explanationText(ours)
  const lines = ours.explanation ?? []
  if (/:root$/.test(principal) && action === 'sts:assumerole' && ours.decision === 'ImplicitDeny' && /cannot assume a role/.test(text)) return 'root-cannot-assume-role'
  if (/:root$/.test(principal) && ours.decision === 'Allowed' && peer === 'ImplicitDeny') return 'root-user-full-access'
  if (action === 'sts:assumerole' && c.resourcePolicy === undefined && ours.decision === 'ImplicitDeny' && peer === 'Allowed') return 'trust-policy-required'
  if (c.sessionPolicy !== undefined && ours.decision === 'Allowed' && peer === 'ImplicitDeny' && /in the same account that is enough on its own/.test(text)) return 'session-policy-vs-direct-grant'
  if (lines.some((l) => l.kind === 'statement' && l.matched && l.principal?.element === 'NotPrincipal' && (l.principal.matchedBy ?? []).length > 0))
    return 'notprincipal-partial-listing'
  if (lines.some((l) => (l.conditions ?? []).some((x) => x.requestValues?.length === 1 && x.requestValues[0] === ''))) return 'empty-string-value-present'
  if (lines.some((l) => (l.conditions ?? []).some((x) => /Numeric/.test(x.operator) && (x.requestValues ?? []).some((v) => parseNumber(v) === undefined && !Number.isNaN(parseFloat(v))))))
    return 'numeric-invalid-request-value'
  // A request value of digits only in a Date condition is epoch seconds (e.g. a 12-digit account ID read as a date).
  if (lines.some((l) => (l.conditions ?? []).some((x) => /Date/.test(x.operator) && (x.requestValues ?? []).some((v) => /^\d+$/.test(v))))) return 'date-epoch-units'
  return undefined
}

type Step = [string, (c: Json, ours: SimulationResult) => Json | undefined]

const STEPS: Step[] = [
  ['ip-zero-prefix', (c) => rewriteZeroPrefix(c)],
  ['date-epoch-units', (c) => rewriteEpoch(c)],
  ['variables-without-version', (c) => rewriteVersionlessVariables(c)],
  ['binary-compares-bytes', (c) => rewriteBase64Padding(c)],
  ...NEUTRAL_REMOVALS.map(([cls, pick]): Step => [cls, (c, ours) => removeParts(c, ours, pick)]),
]

/**
 * Classifies one disagreement. Every step (an equivalence rewrite, or a neutral removal) that leaves our
 * decision unchanged is applied in turn; if the peer then agrees, the classes are the steps the agreement
 * depends on (leaving one out breaks it). Otherwise the structural feature tests name the rest. Several
 * classes are joined with "+".
 */
export async function classify(c: Json, ours: SimulationResult, _peer: PeerDecision, simulate: (c: Json) => SimulationResult): Promise<string> {
  const build = (skip?: string): { final: Json; oursFinal: SimulationResult; applied: string[] } => {
    let current = c
    let oursNow = ours
    const applied: string[] = []
    for (const [cls, step] of STEPS) {
      if (cls === skip) continue
      const r = step(current, oursNow)
      if (!r) continue
      const o = simulate(r)
      if (o.decision !== ours.decision) continue
      current = r
      oursNow = o
      applied.push(cls)
    }
    return { final: current, oursFinal: oursNow, applied }
  }
  const { final, oursFinal, applied } = build()
  const peerFinal = applied.length ? (await peerDecide(final)).decision : _peer
  const mattering = async (target: (d: PeerDecision | undefined) => boolean): Promise<string[]> => {
    const out: string[] = []
    for (const cls of applied) {
      const without = build(cls)
      if (target((await peerDecide(without.final)).decision)) out.push(cls)
    }
    return out
  }
  if (peerFinal === ours.decision) {
    const needed = await mattering((d) => d !== ours.decision)
    return (needed.length ? needed : applied).join('+')
  }
  const f = peerFinal !== undefined ? featureClass(final, oursFinal, peerFinal) : undefined
  if (!f) return `unclassified${applied.length ? ` (after ${applied.join('+')})` : ''}`
  const moved = await mattering((d) => d !== peerFinal)
  return [...moved, f].join('+')
}
