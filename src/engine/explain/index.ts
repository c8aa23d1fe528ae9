/**
 * Plain-language explanation of a policy, statement by statement, for the panel and the CLI.
 * Pure and deterministic; never throws.
 */
import { ACCESS_LEVELS, type Catalogue } from '../catalogue'
import type { Range } from '../findings/types'
import { buildPolicyModel } from '../model'
import type { PolicyModel, StatementModel } from '../model/types'
import { EffectiveAccess } from '../suggest/effective'
import { readStatements } from '../suggest/statements'
import { describeActions, describeNotActions } from './actions'
import { conditionPhrases } from './conditions'
import { describePrincipal } from './principals'
import { describeResources } from './resources'
import { joinAnd } from './words'
import { Budget } from '../findings/budget'

export interface StatementExplanation {
  /** 0-based position among the policy's statements. */
  index: number
  sid?: string
  text: string
  range: Range
}

export interface PolicyExplanation {
  summary: string
  statements: StatementExplanation[]
}

const TRUST_ACTION = /^sts:(AssumeRole\w*|TagSession|SetSourceIdentity|SetContext)$/i

function isTrustStatement(s: StatementModel): boolean {
  const actions = s.action?.items.map((i) => i.value) ?? []
  return !!s.principal && actions.length > 0 && actions.every((a) => TRUST_ACTION.test(a))
}

function explainStatement(s: StatementModel, catalogue: Catalogue): string {
  const effect = s.effect?.value
  const conds = conditionPhrases(s)
  const who = s.principal ? describePrincipal(s.principal) : undefined
  if (effect === 'Allow' && isTrustStatement(s)) {
    const how = (s.action?.items ?? []).map((i) => i.value)
    return `Lets ${who} assume this role (${joinAnd(how)})${conds.length ? `, only when ${joinAnd(conds)}` : ''}.`
  }
  const verb = effect === 'Allow' ? 'Allows' : effect === 'Deny' ? 'Denies' : `Has Effect ${JSON.stringify(effect ?? '')}, which is neither Allow nor Deny, so it has no effect; it names`
  const actions = s.action
    ? describeActions(
        s.action.items.map((i) => i.value),
        catalogue,
      )
    : s.notAction
      ? describeNotActions(
          s.notAction.items.map((i) => i.value),
          catalogue,
        )
      : 'no actions (the statement has no Action)'
  const resources = s.resource
    ? ` on ${describeResources(
        s.resource.items.map((i) => i.value),
        catalogue,
      )}`
    : s.notResource
      ? ` on all resources except ${describeResources(
          s.notResource.items.map((i) => i.value),
          catalogue,
        )}`
      : ''
  const principal = who ? ` for ${who}` : s.notPrincipal ? ` for everyone except ${describePrincipal(s.notPrincipal)}` : ''
  const when = conds.length ? (effect === 'Deny' ? `, when ${joinAnd(conds)}` : `, only when ${joinAnd(conds)}`) : ''
  return `${verb} ${actions}${resources}${principal}${when}.${variableNote(s)}`
}

/** A word on policy variables, which newcomers read as literal text. */
function variableNote(s: StatementModel): string {
  const values = [
    ...(s.resource?.items ?? []),
    ...(s.notResource?.items ?? []),
    ...(s.condition?.operators ?? []).flatMap((o) => o.entries.flatMap((e) => e.values)),
  ].map((v) => v.value)
  if (values.some((v) => /\$\{aws:username\}/i.test(v))) return " `${aws:username}` is replaced by the caller's user name when the request is checked."
  if (values.some((v) => v.includes('${'))) return ' Values written `${…}` are policy variables, filled in from the request when it is checked.'
  return ''
}

const n = (x: number): string => x.toLocaleString('en-US')

function summarise(model: ReturnType<typeof buildPolicyModel>, catalogue: Catalogue): string {
  const statements = readStatements(model)
  const allows = statements.filter((s) => s.effect === 'Allow')
  const denies = statements.filter((s) => s.effect === 'Deny')
  const parts: string[] = []
  if (allows.length && allows.every((s) => isTrustStatement(s.model))) {
    const who = [...new Set(allows.map((s) => describePrincipal(s.model.principal!)))]
    parts.push(`This trust policy lets ${joinAnd(who)} assume the role${allows.some((s) => s.conditioned) ? ', under the conditions below' : ''}.`)
  } else if (allows.length) {
    const effective = new EffectiveAccess(statements, catalogue)
    const allowed = effective.allowedActions()
    const everything = allows.some(
      (s) => !s.conditioned && !s.notResource && (s.resources?.includes('*') ?? true) && !s.notAction && s.actionItems.some((i) => i.item.value === '*'),
    )
    if (everything && allowed.length === catalogue.allActions().length) parts.push('This policy grants full administrator access: every action on every resource.')
    else if (allowed.length === 0) parts.push('The Allow statements match no action AWS knows on the resources they name, so this policy allows nothing.')
    else {
      const services = [...new Set(allowed.map((a) => catalogue.service(a.service)?.name ?? a.service))]
      const where = services.length <= 3 ? `in ${joinAnd(services)}` : `across ${services.length} services`
      const counts = ACCESS_LEVELS.map((l) => [l, allowed.filter((a) => a.accessLevel === l).length] as const)
        .filter(([, n]) => n > 0)
        .map(([l, c]) => `${n(c)} ${l}`)
      const wide = allows.filter((s) => s.notResource || (s.resources?.includes('*') ?? false)).length
      const reach = wide === allows.length ? ', on every resource' : wide > 0 ? ', some of them on every resource' : ', on the resources it names'
      parts.push(`This policy allows ${n(allowed.length)} action${allowed.length === 1 ? '' : 's'} ${where} (${counts.join(', ')})${reach}.`)
    }
    if (allows.some((s) => s.conditioned)) parts.push('Some of that access applies only under the conditions described below.')
  } else if (statements.length) parts.push('This policy has no Allow statement, so it grants nothing by itself.')
  if (denies.length)
    parts.push(`${denies.length === 1 ? 'One statement denies' : `${denies.length} statements deny`} access, and a Deny always wins over an Allow.`)
  if (allows.length) parts.push('Anything not allowed here is denied unless another policy allows it.')
  return parts.join(' ')
}

/** @internal explainPolicy without its safety net, for tests that must see a failure rather than a fallback. */
export function explainUnsafe(input: string | object, options: { catalogue: Catalogue }): PolicyExplanation {
  return explainBuilt(buildPolicyModel(input), options)
}

export interface ExplainOptions {
  catalogue: Catalogue
  /** Milliseconds it may take; past it the remaining statements are left out and the summary says so. Default: no limit. */
  budgetMs?: number
}

function explainBuilt(model: PolicyModel, options: ExplainOptions): PolicyExplanation {
  if (!model.root) return { summary: 'This document is not valid JSON, so it cannot be read as a policy.', statements: [] }
  if (model.statements.length === 0)
    return { summary: model.statementKey ? 'This policy has no statements, so it allows nothing.' : 'This document has no Statement, so it is not a policy yet.', statements: [] }
  const budget = new Budget(options.budgetMs)
  const statements: StatementExplanation[] = []
  for (const [i, s] of model.statements.entries()) {
    if (budget.expired()) break
    const e: StatementExplanation = { index: i, text: explainStatement(s, options.catalogue), range: s.range }
    if (s.sid?.value) e.sid = s.sid.value
    statements.push(e)
  }
  if (budget.expired())
    return {
      summary: `This policy is too large to explain within ${options.budgetMs} ms; the first ${statements.length} of ${model.statements.length} statements are explained below.`,
      statements,
    }
  return { summary: summarise(model, options.catalogue), statements }
}

/** explainPolicy over a model already built with buildPolicyModel (one parse for every service). Never throws. */
export function explainModel(model: PolicyModel, options: ExplainOptions): PolicyExplanation {
  try {
    return explainBuilt(model, options)
  } catch {
    return { summary: 'This policy could not be explained.', statements: [] }
  }
}

/** A plain-language summary of what the policy allows and denies, and one sentence per statement. */
export function explainPolicy(input: string | object, options: { catalogue: Catalogue }): PolicyExplanation {
  try {
    return explainUnsafe(input, options)
  } catch {
    return { summary: 'This policy could not be explained.', statements: [] }
  }
}
