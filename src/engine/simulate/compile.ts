/**
 * Compiles policy documents (objects or JSON text) into statements ready to be evaluated many times:
 * action globs, resource matchers, principal lists, conditions, policy-variable templates.
 */
import type { Range } from '../findings/types'
import { buildPolicyModel } from '../model/build'
import { compileGlob, type Matcher } from '../patterns/glob'
import { compileEncodedResourcePattern, encodeWildcards, type StringMatcher } from '../arn/match'
import { compileConditionBlocks, type CompiledCondition } from './condition'
import { fromModel, fromObject, type PolicyInput, type StatementInput } from './policy-input'
import { compilePrincipal, type CompiledPrincipal } from './principal'
import type { SimPolicyType } from './types'
import { parseTemplate, type Template } from './variables'

export interface CompiledActionElement {
  not: boolean
  patterns: string[]
  /**
   * The patterns indexed by service prefix (lower case), so a statement listing hundreds of actions costs
   * one map lookup per request: exact names in a set, wildcard patterns as matchers of lower-cased actions.
   */
  byService: Map<string, { exact: Map<string, string>; wild: { pattern: string; match: Matcher }[] }>
  /** Patterns whose service part has a wildcard (`*`, `s3*:Get*`), checked for every action. */
  anyService: { pattern: string; match: Matcher }[]
}

export interface CompiledResourceEntry {
  raw: string
  /** Set when the entry has no policy variables. */
  matcher?: StringMatcher
  /** The text before the resource part (encoded), and the resource part as a template. */
  prefix?: string
  template?: Template
}

export interface CompiledResourceElement {
  not: boolean
  entries: CompiledResourceEntry[]
}

export interface CompiledStatement {
  /** Position in the Statement array (0 when Statement is one object). */
  index: number
  sid?: string
  effect: 'Allow' | 'Deny' | undefined
  /** Where the statement stands in the policy text (absent when the policy was given as an object). */
  range?: Range
  action?: CompiledActionElement
  resource?: CompiledResourceElement
  principal?: CompiledPrincipal
  conditions: CompiledCondition[]
  /** Why the statement can never apply (no Effect, no Action ...). */
  invalid?: string
}

export interface CompiledPolicy {
  /** `identity[0]`, `resourcePolicy`, `scps[1][0]` ... */
  label: string
  type: SimPolicyType
  /** `Version: 2012-10-17`: policy variables are substituted. */
  variables: boolean
  statements: CompiledStatement[]
}

/** The policy as text for a syntax-error message, or a problem with its shape. */
export interface PolicyCompileError {
  label: string
  message: string
}

function compileActions(items: string[], not: boolean): CompiledActionElement {
  const el: CompiledActionElement = { not, patterns: items, byService: new Map(), anyService: [] }
  for (const pattern of items) {
    const lower = pattern.toLowerCase()
    const colon = lower.indexOf(':')
    const service = colon < 0 ? lower : lower.slice(0, colon)
    if (colon < 0 || service.includes('*') || service.includes('?')) {
      el.anyService.push({ pattern, match: compileGlob(lower, false) })
      continue
    }
    let bucket = el.byService.get(service)
    if (!bucket) el.byService.set(service, (bucket = { exact: new Map(), wild: [] }))
    if (lower.includes('*') || lower.includes('?')) bucket.wild.push({ pattern, match: compileGlob(lower, false) })
    else if (!bucket.exact.has(lower)) bucket.exact.set(lower, pattern)
  }
  return el
}

/** Index just after the fifth colon: where the resource part of an ARN starts (undefined if none). */
function resourcePartStart(text: string): number | undefined {
  let from = 0
  for (let i = 0; i < 5; i++) {
    const c = text.indexOf(':', from)
    if (c < 0) return undefined
    from = c + 1
  }
  return from
}

function compileResourceEntry(raw: string, variables: boolean): CompiledResourceEntry {
  if (variables && raw.includes('${')) {
    // Variables only work in the resource part, after the fifth colon (policy variables page).
    const start = resourcePartStart(raw)
    if (start !== undefined) {
      const template = parseTemplate(raw.slice(start))
      if (template.isTemplate) return { raw, prefix: encodeWildcards(raw.slice(0, start)), template }
    }
  }
  return { raw, matcher: compileEncodedResourcePattern(encodeWildcards(raw)) }
}

function compileStatement(s: StatementInput, policy: CompiledPolicy): CompiledStatement {
  const effectText = s.effect
  const effect = effectText === 'Allow' || effectText === 'Deny' ? effectText : undefined
  const cs: CompiledStatement = {
    index: s.index,
    effect,
    conditions: compileConditionBlocks(s.conditions, policy.variables),
  }
  if (s.range) cs.range = s.range
  if (s.sid !== undefined) cs.sid = s.sid
  const problems: string[] = []
  if (!effect) problems.push(effectText === undefined ? 'it has no Effect' : `its Effect "${effectText}" is neither Allow nor Deny`)
  if (s.action && s.notAction) problems.push('it has both Action and NotAction')
  else if (s.action) cs.action = compileActions(s.action, false)
  else if (s.notAction) cs.action = compileActions(s.notAction, true)
  else problems.push('it has neither Action nor NotAction')
  if (s.resource && s.notResource) problems.push('it has both Resource and NotResource')
  else if (s.resource) cs.resource = { not: false, entries: s.resource.map((r) => compileResourceEntry(r, policy.variables)) }
  else if (s.notResource) cs.resource = { not: true, entries: s.notResource.map((r) => compileResourceEntry(r, policy.variables)) }
  else if (policy.type !== 'resource' && policy.type !== 'scp' && policy.type !== 'rcp')
    problems.push('it has neither Resource nor NotResource, which this policy type requires')
  if (policy.type === 'resource' || policy.type === 'rcp') {
    if (s.principal && s.notPrincipal) problems.push('it has both Principal and NotPrincipal')
    else if (s.principal) cs.principal = compilePrincipal(s.principal, false)
    else if (s.notPrincipal) cs.principal = compilePrincipal(s.notPrincipal, true)
    else if (policy.type === 'resource') problems.push('a resource-based policy statement needs a Principal or NotPrincipal')
  }
  if (problems.length) cs.invalid = problems.join('; ')
  return cs
}

function compileInput(input: PolicyInput, label: string, type: SimPolicyType): CompiledPolicy {
  const policy: CompiledPolicy = { label, type, variables: input.version === '2012-10-17', statements: [] }
  for (const s of input.statements) policy.statements.push(compileStatement(s, policy))
  return policy
}

/**
 * Compiles one policy given as JSON text (statements keep their ranges for the explanation) or as a
 * parsed object (read directly: much faster, no text to print and re-parse). JSON syntax errors, and
 * documents that are not objects, are returned as an error naming the policy and the position.
 */
export function compilePolicy(input: unknown, label: string, type: SimPolicyType): CompiledPolicy | PolicyCompileError {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return compileInput(fromObject(input as Record<string, unknown>), label, type)
  if (typeof input !== 'string') return { label, message: `${label} must be a policy document (a JSON object or its text)` }
  const model = buildPolicyModel(input)
  if (!model.root) {
    const first = model.problems[0]
    const where = first ? ` at line ${first.range.start.line}, column ${first.range.start.column}` : ''
    return { label, message: `${label} is not valid JSON${where}: ${first?.message ?? 'empty document'}` }
  }
  if (model.root.type !== 'object') return { label, message: `${label} must be a JSON object with Version and Statement` }
  return compileInput(fromModel(model), label, type)
}
