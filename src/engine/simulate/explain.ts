/** Sentences for people: one per statement, and the wording of the decision. */
import type { SimRequest } from './request'
import type { StatementOutcome } from './statement'
import type { ConditionExplanation, ExplanationLine, PrincipalMatchKind } from './types'

const PLAIN = /^[^"\\\u0000-\u001f\u2028\u2029]*$/

/** `"a", "b"`: the values as JSON strings (a fast path for the usual values that need no escaping). */
export function quote(values: readonly string[]): string {
  let out = ''
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    if (i) out += ', '
    out += PLAIN.test(v) ? `"${v}"` : JSON.stringify(v)
  }
  return out
}

interface StaticText {
  name: string
  /** `["s3:Get*", "s3:List*"]`. */
  actions: string
  resources: string
}

/** Fragments that depend only on the compiled statement, built once and reused for every request. */
const staticText = new WeakMap<StatementOutcome['stmt'], StaticText>()

function textOf(o: StatementOutcome): StaticText {
  let t = staticText.get(o.stmt)
  if (!t) {
    const sid = o.stmt.sid ? ` (Sid ${JSON.stringify(o.stmt.sid)})` : ''
    t = {
      name: `${o.policy.label} Statement[${o.stmt.index}]${sid}`,
      actions: `[${quote(o.stmt.action?.patterns ?? [])}]`,
      resources: `[${quote(o.stmt.resource?.entries.map((e) => e.raw) ?? [])}]`,
    }
    staticText.set(o.stmt, t)
  }
  return t
}

/** `identity[0] Statement[1] (Sid "DenyAll")`. */
export function statementName(o: StatementOutcome): string {
  return textOf(o).name
}

export function callerName(req: SimRequest): string {
  const c = req.caller
  switch (c.kind) {
    case 'unknown':
      return 'the caller'
    case 'anonymous':
      return 'an anonymous caller'
    case 'service':
      return `the service principal ${c.service}`
    default:
      return c.arn ?? c.raw ?? 'the caller'
  }
}

const HOW: Record<PrincipalMatchKind, string> = {
  direct: "names the caller's own ARN",
  wildcard: 'names everyone ("*")',
  role: "names the caller's role ARN",
  account: "names the caller's account, which delegates to that account's IAM policies",
  'not-listed': 'NotPrincipal does not list the caller',
}

export function conditionSentence(c: ConditionExplanation): string {
  const req = c.requestValues === null ? 'absent' : c.requestValues.length === 0 ? '[] (empty set)' : `[${quote(c.requestValues)}]`
  const note = c.note ? ` (${c.note})` : ''
  return `${c.operator} ${c.key}: request ${req} vs policy [${quote(c.policyValues)}] → ${c.result}${note}`
}

function actionPart(o: StatementOutcome, req: SimRequest): string {
  const el = o.stmt.action
  if (!el) return 'it has no usable Action'
  if (el.not)
    return o.action.matched ? `${req.action} is not in NotAction ${textOf(o).actions}` : `NotAction excludes ${req.action} (${quote(o.action.matchedBy)})`
  return o.action.matched ? `${req.action} matches Action ${quote(o.action.matchedBy)}` : `${req.action} is not covered by Action ${textOf(o).actions}`
}

function resourcePart(o: StatementOutcome, req: SimRequest): string | undefined {
  const el = o.stmt.resource
  const r = o.resource
  if (!el || !r) return el ? undefined : o.policy.type === 'resource' ? 'no Resource element: it applies to the resource the policy is attached to' : undefined
  const entries = textOf(o).resources
  const note = r.note ? ` (${r.note})` : ''
  if (el.not)
    return r.matched ? `${req.resource} is not in NotResource ${entries}${note}` : `NotResource excludes ${req.resource} (${quote(r.matchedBy)})${note}`
  return r.matched ? `${req.resource} matches Resource ${quote(r.matchedBy)}${note}` : `${req.resource} does not match Resource ${entries}${note}`
}

function principalPart(o: StatementOutcome, req: SimRequest): string | undefined {
  const p = o.principal
  if (!p) return undefined
  const el = o.stmt.principal!
  const note = p.note ? ` (${p.note})` : ''
  if (p.matched && p.kind) return `${el.element} ${HOW[p.kind]}${p.matchedBy.length ? ` (${quote(p.matchedBy)})` : ''}${note}`
  if (el.not) return `NotPrincipal lists every principal ${callerName(req)} presents (${quote(p.matchedBy)}), so it is exempt${note}`
  return `Principal does not name ${callerName(req)}${note}`
}

/** The statement line: structured fields plus a sentence. Every line has the same shape (fast to build). */
export function statementLine(o: StatementOutcome, req: SimRequest, decisive: boolean): ExplanationLine {
  const s = o.stmt
  let text = statementName(o) + (s.effect === 'Deny' ? ' (Deny) ' : s.effect === 'Allow' ? ' (Allow) ' : ' (no Effect) ')
  text += o.applies ? (s.effect === 'Deny' ? 'denies: ' : 'allows: ') : 'does not apply: '
  if (s.invalid) text += `ignored because ${s.invalid}; `
  text += actionPart(o, req)
  const evaluatedRest = o.resource !== undefined || o.principal !== undefined || o.conditions.length > 0 || !s.resource
  if (evaluatedRest) {
    const rp = resourcePart(o, req)
    if (rp) text += '; ' + rp
    const pp = principalPart(o, req)
    if (pp) text += '; ' + pp
    for (const c of o.conditions) text += '; condition ' + conditionSentence(c)
    if (o.conditions.length < s.conditions.length) text += '; later conditions not evaluated'
  } else if (!o.action.matched) text += '; the other elements were not evaluated'
  text += '.'
  return {
    kind: 'statement',
    text,
    policy: o.policy.label,
    policyType: o.policy.type,
    statement: s.index,
    sid: s.sid,
    effect: s.effect,
    matched: o.applies,
    decisive,
    action: s.action ? { element: s.action.not ? 'NotAction' : 'Action', matched: o.action.matched, matchedBy: o.action.matchedBy, note: o.action.note } : undefined,
    resource: s.resource && o.resource ? { element: s.resource.not ? 'NotResource' : 'Resource', matched: o.resource.matched, matchedBy: o.resource.matchedBy, note: o.resource.note } : undefined,
    principal:
      o.principal && s.principal
        ? { element: s.principal.element, matched: o.principal.matched, matchedBy: o.principal.matchedBy, how: o.principal.kind, note: o.principal.note }
        : undefined,
    conditions: o.conditions.length ? o.conditions : undefined,
    range: s.range,
  }
}
