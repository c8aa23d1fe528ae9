/**
 * Least privilege from what was really used: IAM's last accessed information ("Access Advisor") and a
 * principal's identity policies in, one tightened policy out, proven narrower by the simulator.
 * Pure; the public entry point never throws.
 */
import type { Catalogue } from '../catalogue'
import { proveNarrower, type NarrowerProof } from './prove'
import { tightenPolicies, type TightenOptions, type TightenPolicyInput, type TightenResult } from './tighten'
import type { LastAccessedReport } from './last-accessed'

export { parseLastAccessed, describeAccess, daysAgo, usedWithin, type LastAccessedReport, type ServiceUse, type ActionUse } from './last-accessed'
export { proveNarrower, type NarrowerProof } from './prove'
export type { TightenOptions, TightenPolicyInput, TightenResult, ServiceChange, ServiceStatus } from './tighten'

/** The periods the console and the CLI offer. */
export const TIGHTEN_PERIODS = [30, 90, 180, 365] as const

export interface TightenedWithProof extends TightenResult {
  proof: NarrowerProof
}

function parsed(doc: string | object): unknown {
  if (typeof doc !== 'string') return doc
  try {
    return JSON.parse(doc) as unknown
  } catch {
    return undefined
  }
}

/** Tightens, then proves the result narrower. Never throws: failures come back as `error`. */
export function tightenToUsage(policies: TightenPolicyInput[], report: LastAccessedReport, options: TightenOptions & { catalogue: Catalogue }): TightenedWithProof {
  try {
    const result = tightenPolicies(policies, report, options)
    if (result.error) return { ...result, proof: { ok: false, checked: 0, newlyAllowed: [], resources: [] } }
    const originals = policies.map((p) => parsed(p.document)).filter((d): d is object => typeof d === 'object' && d !== null)
    const proof = proveNarrower(originals, result.policy, options.catalogue)
    return { ...result, proof }
  } catch (e) {
    return {
      policy: { Version: '2012-10-17', Statement: [] },
      text: '',
      services: [],
      removed: 0,
      warnings: [],
      error: `internal error: ${e instanceof Error ? e.message : String(e)}`,
      proof: { ok: false, checked: 0, newlyAllowed: [], resources: [] },
    }
  }
}
