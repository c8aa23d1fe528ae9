/**
 * Messages between the content script and the analysis host in the extension's background
 * (src/extension/background/analysis-host.ts). The content script sends the policy text and options;
 * the host runs the engine off the console page's main thread and answers with plain data.
 */
import type { AnalyseOptions, Analysis } from './analysis'

export const ANALYSIS_MESSAGE = 'iam-sidekick-analysis' as const

export type AnalysisRequest =
  | { v: 1; type: typeof ANALYSIS_MESSAGE; op: 'warm' }
  | { v: 1; type: typeof ANALYSIS_MESSAGE; op: 'validate'; text: string; opts: AnalyseOptions }
  | { v: 1; type: typeof ANALYSIS_MESSAGE; op: 'advise'; analysis: Analysis; opts: AnalyseOptions }

export type AnalysisReply = { ok: true; analysis?: Analysis; hostMs: number } | { ok: false; error: string }

const POLICY_TYPES = new Set(['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session', 'auto'])

function isOptions(x: unknown): x is AnalyseOptions {
  if (typeof x !== 'object' || x === null) return false
  const o = x as Record<string, unknown>
  if (typeof o.policyType !== 'string' || !POLICY_TYPES.has(o.policyType)) return false
  for (const k of ['resourceType', 'accountId', 'region', 'partition'] as const) if (o[k] !== undefined && typeof o[k] !== 'string') return false
  if (o.holds !== undefined && (typeof o.holds !== 'string' || o.holds === 'auto' || !POLICY_TYPES.has(o.holds))) return false
  return true
}

export function isAnalysisRequest(x: unknown): x is AnalysisRequest {
  if (typeof x !== 'object' || x === null) return false
  const m = x as Record<string, unknown>
  if (m.v !== 1 || m.type !== ANALYSIS_MESSAGE) return false
  if (m.op === 'warm') return true
  if (m.op === 'validate') return typeof m.text === 'string' && isOptions(m.opts)
  if (m.op === 'advise') {
    const a = m.analysis as Record<string, unknown> | null
    return isOptions(m.opts) && typeof a === 'object' && a !== null && typeof a.text === 'string' && typeof a.policyType === 'string' && Array.isArray(a.findings)
  }
  return false
}
