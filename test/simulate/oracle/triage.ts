/**
 * Triage of disagreements with @cloud-copilot/iam-simulate: every class names the AWS documentation that
 * decides it. A disagreement is put in a class either by an *equivalence rewrite* (rewrite the case into
 * one that AWS's docs say means the same thing, but that avoids the peer's bug; if the peer then agrees
 * with us, the bug explains the disagreement) or, where no rewrite exists, by a precise feature test.
 * Anything left is `unclassified` and fails the test.
 */
import type { SimulationResult } from '../../../src/engine/simulate'
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
    reason: 'The account root user has full access to the resources of its own account unless a policy denies it (or an SCP limits it); the peer requires an identity-policy Allow, which cannot be attached to the root user.',
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
  'notprincipal-account-root': {
    id: 'notprincipal-account-root',
    reason:
      'NotPrincipal with Deny exempts a caller only when every principal it presents is listed (user or session and role, and the account); listing the account root alone does not exempt the users and roles of the account. The peer exempts the whole account.',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
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

function explanationText(r: SimulationResult): string {
  return (r.explanation ?? []).map((l) => l.text).join('\n')
}

/** Classifies one disagreement; async because rewrites are re-run through the peer. */
export async function classify(c: Json, ours: SimulationResult, peer: PeerDecision, simulate: (c: Json) => SimulationResult): Promise<string> {
  const req = c.request as Json
  const principal = String(req.principal ?? '')
  const action = String(req.action ?? '').toLowerCase()
  const sameAccount = !principal.includes(':') || principal.split(':')[4] === String(req.resourceAccount ?? '')
  const text = explanationText(ours)

  // Equivalence rewrites: same meaning per the docs; if both engines then agree, the rewritten feature is the cause.
  for (const [cls, rewrite] of [
    ['ip-zero-prefix', rewriteZeroPrefix],
    ['date-epoch-units', rewriteEpoch],
    ['variables-without-version', rewriteVersionlessVariables],
  ] as const) {
    const r = rewrite(c)
    if (!r) continue
    const again = await peerDecide(r)
    const oursAgain = simulate(r)
    if (again.decision !== undefined && again.decision === oursAgain.decision && oursAgain.decision === ours.decision) return cls
  }

  if (/:root$/.test(principal) && action === 'sts:assumerole' && ours.decision === 'ImplicitDeny' && /cannot assume a role/.test(text)) return 'root-cannot-assume-role'
  if (/:root$/.test(principal) && sameAccount && ours.decision === 'Allowed' && peer === 'ImplicitDeny' && /root user may do anything/.test(text)) return 'root-user-full-access'
  if (action === 'sts:assumerole' && c.resourcePolicy === undefined && ours.decision === 'ImplicitDeny' && peer === 'Allowed') return 'trust-policy-required'
  if (c.sessionPolicy !== undefined && ours.decision === 'Allowed' && peer === 'ImplicitDeny' && /in the same account that is enough on its own/.test(text)) return 'session-policy-vs-direct-grant'
  if (/makes the statement invalid/.test(text)) return 'unresolved-variable-invalidates-statement'
  if (JSON.stringify(c.resourcePolicy ?? {}).includes('NotPrincipal') && /:root|"\d{12}"/.test(JSON.stringify(c.resourcePolicy)) && ours.decision === 'ExplicitDeny')
    return 'notprincipal-account-root'
  return 'unclassified'
}
