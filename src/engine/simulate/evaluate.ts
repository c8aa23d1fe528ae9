/** Evaluates a compiled policy set against one request and explains the answer. */
import { rejectedOnAwsOwned } from '../arn/aws-owned'
import type { Catalogue } from '../catalogue/catalogue'
import type { CompiledPolicy } from './compile'
import { applicability, decide, type Applicability, type CompiledPolicySet, type PolicyRun, type SetRun, type Verdict } from './decide'
import { callerName, statementLine, statementName } from './explain'
import type { SimRequest } from './request'
import { evaluateStatement, statementApplies, type StatementOptions, type StatementOutcome } from './statement'
import type { EvaluationResult, ExplanationLine } from './types'

/**
 * Evaluates a policy's statements. Full (explanation) runs keep an outcome for every statement; decision
 * runs keep only the statements that apply, which is all the decision looks at.
 */
function runPolicy(policy: CompiledPolicy, req: SimRequest, opts: StatementOptions): PolicyRun {
  if (opts.full) return { policy, outcomes: policy.statements.map((s) => evaluateStatement(policy, s, req, opts)) }
  const outcomes: StatementOutcome[] = []
  for (const s of policy.statements) {
    const o = statementApplies(policy, s, req, opts)
    if (o) outcomes.push(o)
  }
  return { policy, outcomes }
}

export function runSet(set: CompiledPolicySet, req: SimRequest, app: Applicability, full: boolean): SetRun {
  const opts: StatementOptions = { full, callerHasBoundary: app.boundary }
  const run: SetRun = {
    identity: app.identity ? set.identity.map((p) => runPolicy(p, req, opts)) : [],
    scps: app.scps ? set.scps.map((level) => level.map((p) => runPolicy(p, req, opts))) : [],
    rcps: app.rcps ? set.rcps.map((level) => level.map((p) => runPolicy(p, req, opts))) : [],
  }
  if (set.resourcePolicy) run.resource = runPolicy(set.resourcePolicy, req, opts)
  if (app.boundary && set.permissionsBoundary) run.boundary = runPolicy(set.permissionsBoundary, req, opts)
  if (app.session && set.sessionPolicy) run.session = runPolicy(set.sessionPolicy, req, opts)
  return run
}

function orderedRuns(run: SetRun): PolicyRun[] {
  const out: PolicyRun[] = [...run.identity]
  if (run.resource) out.push(run.resource)
  if (run.boundary) out.push(run.boundary)
  if (run.session) out.push(run.session)
  for (const l of run.scps) for (const r of l) out.push(r)
  for (const l of run.rcps) for (const r of l) out.push(r)
  return out
}

function decisionLine(v: Verdict, req: SimRequest): ExplanationLine {
  const first = v.decisive[0]
  let text: string
  if (v.decision === 'ExplicitDeny' && first) {
    const more = v.decisive.length > 1 ? ` (and ${v.decisive.length - 1} more deny statement${v.decisive.length > 2 ? 's' : ''})` : ''
    text = `ExplicitDeny: ${statementName(first)} denies ${req.action} on ${req.resource} for ${callerName(req)}${more}. ${v.rules[0] ?? ''}`
  } else if (v.decision === 'Allowed') {
    text = first
      ? `Allowed: ${statementName(first)} allows ${req.action} on ${req.resource} for ${callerName(req)}. ${v.rules[0] ?? ''}`
      : `Allowed: ${v.rules[0] ?? ''}`
  } else text = `ImplicitDeny: ${v.rules[0] ?? `nothing allows ${req.action} on ${req.resource}.`}`
  const line: ExplanationLine = { kind: 'decision', decision: v.decision, text: text.trim(), decisive: true }
  if (first) {
    line.policy = first.policy.label
    line.policyType = first.policy.type
    line.statement = first.stmt.index
    if (first.stmt.sid !== undefined) line.sid = first.stmt.sid
    if (first.stmt.effect) line.effect = first.stmt.effect
    if (first.stmt.range) line.range = first.stmt.range
  }
  return line
}

/** Full evaluation with an explanation: the decision line, rule lines, then one line per statement. */
export function evaluateRequest(set: CompiledPolicySet, req: SimRequest, catalogue?: Catalogue): EvaluationResult {
  const app = applicability(set, req, catalogue)
  const run = runSet(set, req, app, true)
  const verdict = decide(set, run, req, app)
  const decisive = new Set<StatementOutcome>(verdict.decisive)
  const explanation: ExplanationLine[] = [decisionLine(verdict, req)]
  for (const r of verdict.rules.slice(1)) explanation.push({ kind: 'rule', text: r })
  for (const n of app.notes) explanation.push({ kind: 'rule', text: n })
  const outside = rejectedOutsidePolicies(req, catalogue)
  if (outside) explanation.push({ kind: 'rule', text: outside })
  for (const r of orderedRuns(run)) {
    if (r.outcomes.length === 0) explanation.push({ kind: 'rule', text: `${r.policy.label} has no statements.`, policy: r.policy.label, policyType: r.policy.type })
    for (const o of r.outcomes) explanation.push(statementLine(o, req, decisive.has(o)))
  }
  return { decision: verdict.decision, explanation }
}

/** Decision only, evaluating as little as possible (short-circuits failed elements). */
export function decideRequest(set: CompiledPolicySet, req: SimRequest, catalogue?: Catalogue): Verdict {
  const app = applicability(set, req, catalogue)
  return decide(set, runSet(set, req, app, false), req, app)
}

/**
 * A note for writes that AWS refuses whatever the policies say (AWS managed policies, AWSReservedSSO_* roles,
 * alias/aws/* KMS aliases). The policy decision stays as evaluated: this is what the service does after it.
 */
function rejectedOutsidePolicies(req: SimRequest, catalogue?: Catalogue): string | undefined {
  if (req.resourceMode !== 'literal') return undefined
  const info = catalogue?.action(req.action)
  const name = info?.name ?? req.action.slice(req.action.indexOf(':') + 1)
  const accessLevel = info?.accessLevel ?? (/^(Get|List|Describe|BatchGet|Search)/.test(name) ? 'Read' : 'Write')
  const owned = rejectedOnAwsOwned({ service: req.service, accessLevel, name }, req.resource)
  if (!owned) return undefined
  return `Note: ${req.resource} is ${owned.what}. Whatever the policies decide, ${req.service === 'iam' ? 'IAM' : req.service.toUpperCase()} rejects ${req.action} on it: ${owned.reason} (${owned.learnMore}).`
}
