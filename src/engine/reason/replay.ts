/**
 * Replays a witness request through the simulator: does this one policy, alone, allow the request?
 * "Allow" means: some Allow statement applies and no Deny statement applies (the policy on its own, as
 * Access Analyzer's checks consider it). Uses the simulator's statement evaluation unchanged.
 */
import type { CompiledPolicy } from '../simulate/compile'
import { parseRequest } from '../simulate/request'
import { statementApplies } from '../simulate/statement'

export interface WitnessRequest {
  principal?: string
  action: string
  resource: string
  context: Record<string, string | string[]>
}

export interface ReplayOutcome {
  allowed: boolean
  /** Statement indices that apply. */
  allows: number[]
  denies: number[]
  error?: string
}

export function replay(policy: CompiledPolicy, w: WitnessRequest): ReplayOutcome {
  const input: Record<string, unknown> = { action: w.action, resource: w.resource, context: w.context }
  if (w.principal !== undefined) input.principal = w.principal
  const req = parseRequest(input)
  if (typeof req === 'string') return { allowed: false, allows: [], denies: [], error: req }
  const allows: number[] = []
  const denies: number[] = []
  const opts = { full: false, callerHasBoundary: false }
  for (const s of policy.statements) {
    if (!s.effect) continue
    if (statementApplies(policy, s, req, opts)) (s.effect === 'Allow' ? allows : denies).push(s.index)
  }
  return { allowed: allows.length > 0 && denies.length === 0, allows, denies }
}
