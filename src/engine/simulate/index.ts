/**
 * The simulator: "is this request allowed, and why?" for every policy type AWS combines.
 * Entry points used by the CLI, the extension's Simulate tab and the what-if basket. None of them throws:
 * a malformed case becomes `{ id, error }`.
 */
import type { Catalogue } from '../catalogue/catalogue'
import { simulateAllActions as bulk, type BulkOptions, type BulkResult } from './bulk'
import type { CompiledPolicySet } from './decide'
import { decideRequest, evaluateRequest } from './evaluate'
import { compilePolicySetFrom } from './policy-set'
import { parseRequest } from './request'
import type { Decision, EvaluationResult, SimulationResult } from './types'

export type {
  Decision,
  SimulationResult,
  EvaluationResult,
  ExplanationLine,
  ExplanationKind,
  ConditionExplanation,
  ElementExplanation,
  PrincipalExplanation,
  PrincipalMatchKind,
  SimPolicyType,
} from './types'
export { DECISIONS } from './types'
export type { CompiledPolicySet } from './decide'
export type { BulkOptions, BulkResult, BulkCounts } from './bulk'

export interface SimulateOptions {
  /** Optional: lets RCPs apply only to the services that support them. Never required for a decision. */
  catalogue?: Catalogue
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function caseId(input: unknown, index: number): string {
  if (isRecord(input)) {
    const id = input.id
    if (typeof id === 'string') return id
    if (typeof id === 'number' && Number.isFinite(id)) return String(id)
  }
  return String(index)
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** Compiles a case's policies once, to evaluate many requests against them. */
export function compilePolicySet(caseWithoutRequest: unknown): CompiledPolicySet {
  try {
    return compilePolicySetFrom(caseWithoutRequest)
  } catch (e) {
    return { identity: [], scps: [], rcps: [], errors: [`internal error while compiling policies: ${message(e)}`] }
  }
}

export interface EvaluateOptions extends SimulateOptions {
  /** Skip the explanation (faster); the result then has an empty `explanation`. */
  explain?: boolean
}

/** Evaluates one request (the `request` object of a case) against a compiled policy set. */
export function evaluate(set: CompiledPolicySet, request: unknown, options: EvaluateOptions = {}): EvaluationResult {
  try {
    if (set.errors.length) return { explanation: [], error: set.errors.join('; ') }
    const req = parseRequest(request)
    if (typeof req === 'string') return { explanation: [], error: req }
    if (options.explain === false) return { decision: decideRequest(set, req, options.catalogue).decision, explanation: [] }
    return evaluateRequest(set, req, options.catalogue)
  } catch (e) {
    return { explanation: [], error: `internal error: ${message(e)}` }
  }
}

function simulateAt(input: unknown, index: number, options: SimulateOptions): SimulationResult {
  const id = caseId(input, index)
  try {
    if (!isRecord(input)) return { id, error: 'a simulation case must be a JSON object with a request and policies' }
    if (input.request === undefined) return { id, error: 'the case has no request' }
    const set = compilePolicySetFrom(input)
    if (set.errors.length) return { id, error: set.errors.join('; ') }
    const r = evaluate(set, input.request, options)
    if (r.error !== undefined) return { id, error: r.error }
    return { id, decision: r.decision as Decision, explanation: r.explanation }
  } catch (e) {
    return { id, error: `internal error: ${message(e)}` }
  }
}

/** Simulates one case; `id` is the case's id, else "0". */
export function simulateCase(input: unknown, options: SimulateOptions = {}): SimulationResult {
  return simulateAt(input, 0, options)
}

/** Simulates one case or an array of cases, in order; a malformed case yields `{ id, error }` alone. */
export function simulateCases(input: unknown, options: SimulateOptions = {}): SimulationResult[] {
  try {
    if (Array.isArray(input)) return input.map((c, i) => simulateAt(c, i, options))
    return [simulateAt(input, 0, options)]
  } catch (e) {
    return [{ id: '0', error: `internal error: ${message(e)}` }]
  }
}

/** Every action of a service (or of the whole catalogue) against one resource; allowed ones by access level. */
export function simulateAllActions(set: CompiledPolicySet, options: BulkOptions): BulkResult {
  return bulk(set, options)
}
