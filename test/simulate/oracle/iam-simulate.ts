/**
 * Adapter from our simulation-case format to @cloud-copilot/iam-simulate (AGPL-3.0: used only here, in
 * tests and in bench/, never from src/). It gives the peer the same request context our engine sees,
 * including the keys we derive (the peer does not derive context), so the comparison is about
 * evaluation, not about context derivation.
 */
import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate'
import { parseRequest } from '../../../src/engine/simulate/request'

export type PeerDecision = 'Allowed' | 'ImplicitDeny' | 'ExplicitDeny'
export interface PeerResult {
  decision?: PeerDecision
  error?: string
}

type Json = Record<string, unknown>

function asPolicy(p: unknown): unknown {
  return typeof p === 'string' ? JSON.parse(p) : p
}

function levels(v: unknown, prefix: string): Simulation['serviceControlPolicies'] {
  if (!Array.isArray(v)) return []
  return v.map((level, i) => ({
    orgIdentifier: `${prefix}-${i}`,
    policies: (Array.isArray(level) ? level : [level]).map((p, j) => ({ name: `${prefix}-${i}-${j}`, policy: asPolicy(p) })),
  }))
}

/** The context our engine would evaluate with (given keys plus derived ones), as plain strings / arrays. */
export function fullContext(request: Json): Record<string, string | string[]> {
  const req = parseRequest(request)
  if (typeof req === 'string') throw new Error(req)
  const out: Record<string, string | string[]> = {}
  for (const e of req.context.entries()) out[e.name] = e.multi ? [...e.values] : e.values[0]!
  return out
}

export function toSimulation(c: Json): Simulation {
  const request = c.request as Json
  const req = parseRequest(request)
  if (typeof req === 'string') throw new Error(req)
  const sim: Simulation = {
    request: {
      principal: (request.principal as string | undefined) ?? `arn:aws:iam::${req.resourceAccount ?? '111111111111'}:user/unknown`,
      action: request.action as string,
      resource: { resource: request.resource as string, accountId: req.resourceAccount ?? '' },
      contextVariables: fullContext(request),
    },
    identityPolicies: ((c.identityPolicies as unknown[] | undefined) ?? []).map((p, i) => ({ name: `identity-${i}`, policy: asPolicy(p) })),
    serviceControlPolicies: levels(c.scps, 'scp'),
    resourceControlPolicies: levels(c.rcps, 'rcp'),
  }
  if (c.resourcePolicy !== undefined && c.resourcePolicy !== null) sim.resourcePolicy = asPolicy(c.resourcePolicy)
  if (c.permissionsBoundary !== undefined && c.permissionsBoundary !== null)
    sim.permissionBoundaryPolicies = [{ name: 'boundary', policy: asPolicy(c.permissionsBoundary) }]
  if (c.sessionPolicy !== undefined && c.sessionPolicy !== null) sim.sessionPolicy = asPolicy(c.sessionPolicy)
  return sim
}

const MAP: Record<string, PeerDecision> = { Allowed: 'Allowed', ImplicitlyDenied: 'ImplicitDeny', ExplicitlyDenied: 'ExplicitDeny' }

export async function peerDecide(c: Json): Promise<PeerResult> {
  let sim: Simulation
  try {
    sim = toSimulation(c)
  } catch (e) {
    return { error: `adapter: ${e instanceof Error ? e.message : String(e)}` }
  }
  try {
    const r = await runSimulation(sim, { simulationMode: 'Strict' })
    if (r.resultType === 'error') return { error: JSON.stringify(r.errors).slice(0, 300) }
    const d = MAP[r.overallResult as string]
    return d ? { decision: d } : { error: `unknown result ${String(r.overallResult)}` }
  } catch (e) {
    return { error: `threw: ${e instanceof Error ? e.message : String(e)}` }
  }
}
