/**
 * Everything the extension asks of the engine, in one lazily loaded module (with the catalogue): the
 * content script imports it with `import()` after its first render, so its initial JavaScript stays small.
 */
import { loadCatalogue } from '../../engine/catalogue/bundled'
import type { Catalogue } from '../../engine/catalogue'
import type { Finding, PolicyType, Suggestion } from '../../engine/findings/types'
import { buildPolicyModel } from '../../engine/model'
import { explainPolicy } from '../../engine/explain'
import { simulateCase, type SimulationResult } from '../../engine/simulate'
import { suggestPolicy } from '../../engine/suggest'
import { detectPolicyType, validatePolicy } from '../../engine/validate'

import { capabilities, type Capabilities, type CaseLike } from './capabilities'

export type { Catalogue, SimulationResult }

export interface Analysis {
  text: string
  /** The type the policy was checked as (the page's, the user's choice, or detected). */
  policyType: PolicyType
  findings: Finding[]
  /** Least-privilege suggestions; undefined until the second phase has run. */
  suggestions?: Suggestion[]
  /** The text the suggestions were computed for (their fixes apply only to it). */
  adviceText?: string
  explanation?: { summary: string; statements: { index: number; sid?: string; text: string }[] }
  /** Milliseconds spent in the engine (not counting the catalogue's first load). */
  ms: number
}

export function catalogue(): Promise<Catalogue> {
  return loadCatalogue()
}

export function detectType(text: string): PolicyType {
  try {
    return detectPolicyType(buildPolicyModel(text))
  } catch {
    return 'identity'
  }
}

export interface AnalyseOptions {
  policyType: PolicyType | 'auto'
  /** The kind of resource a resource policy is attached to (`AWS::S3::Bucket`...), for its specific checks. */
  resourceType?: string
  accountId?: string
  region?: string
  partition?: string
}

/** Phase one, what the Findings tab shows: validation only (fast). */
export async function validate(text: string, opts: AnalyseOptions): Promise<Analysis> {
  const cat = await loadCatalogue()
  const started = performance.now()
  const policyType = opts.policyType === 'auto' ? detectType(text) : opts.policyType
  const v = validatePolicy(text, { catalogue: cat, policyType, ...(opts.resourceType ? { resourceType: opts.resourceType } : {}) })
  return { text, policyType: v.policyType ?? policyType, findings: v.findings, ms: performance.now() - started }
}

/** Phase two: least-privilege suggestions and the plain-language explanation (needs a policy that parses). */
export async function advise(a: Analysis, opts: AnalyseOptions): Promise<Analysis> {
  const cat = await loadCatalogue()
  const started = performance.now()
  let suggestions: Suggestion[] = []
  let explanation: Analysis['explanation']
  if (!a.findings.some((f) => f.code === 'JSON_SYNTAX_ERROR')) {
    try {
      suggestions = suggestPolicy(a.text, {
        catalogue: cat,
        policyType: a.policyType,
        ...(opts.accountId ? { account: opts.accountId } : {}),
        ...(opts.region ? { region: opts.region } : {}),
        ...(opts.partition ? { partition: opts.partition } : {}),
        now: Date.now(),
      })
    } catch {
      suggestions = []
    }
    try {
      const e = explainPolicy(a.text, { catalogue: cat })
      explanation = { summary: e.summary, statements: e.statements.map((s) => ({ index: s.index, ...(s.sid ? { sid: s.sid } : {}), text: s.text })) }
    } catch {
      explanation = undefined
    }
  }
  return { ...a, suggestions, adviceText: a.text, ...(explanation ? { explanation } : {}), ms: a.ms + performance.now() - started }
}

const WARM_UP_POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}'

/**
 * Loads the catalogue and runs both phases once on a tiny policy, so the engine's lazily built indexes
 * exist before the first real editor appears (the first validation otherwise pays for them).
 */
export async function warm(): Promise<void> {
  const a = await validate(WARM_UP_POLICY, { policyType: 'identity' })
  await new Promise((r) => setTimeout(r, 0))
  await advise(a, { policyType: 'identity' })
}

/** Both phases at once (the framed editor's markers). */
export async function analyse(text: string, opts: AnalyseOptions): Promise<Analysis> {
  return advise(await validate(text, opts), opts)
}

export interface KeyField {
  key: string
  type: string
  multivalued: boolean
  /** The policy's own conditions test it (the most relevant keys). */
  fromPolicy: boolean
}

const COMMON_GLOBAL_KEYS = ['aws:MultiFactorAuthPresent', 'aws:SourceIp', 'aws:CurrentTime', 'aws:RequestedRegion', 'aws:SecureTransport']

/** The context keys that can matter for this action under this policy, with their types. */
export function relevantKeys(cat: Catalogue, text: string, action: string): KeyField[] {
  const out = new Map<string, KeyField>()
  const add = (key: string, fromPolicy: boolean) => {
    if (!key || /\$\{|<|>/.test(key)) return
    const lower = key.toLowerCase()
    if (out.has(lower)) return
    const info = cat.conditionKey(key)
    out.set(lower, { key, type: info?.type ?? 'String', multivalued: info?.multivalued ?? false, fromPolicy })
  }
  try {
    for (const st of buildPolicyModel(text).statements)
      for (const block of st.condition?.operators ?? []) {
        for (const e of block.entries) add(e.key.value, true)
      }
  } catch {
    /* no keys from a policy that does not parse */
  }
  const a = cat.action(action)
  if (a) {
    for (const k of a.conditionKeys) add(k, false)
    for (const rt of a.resourceTypes) for (const k of cat.resourceType(a.service, rt.name)?.conditionKeys ?? []) add(k, false)
  }
  for (const k of COMMON_GLOBAL_KEYS) add(k, false)
  return [...out.values()].slice(0, 24)
}

/** Actions for completion: those starting with what was typed (case-insensitive), at most `limit`. */
export function completeAction(cat: Catalogue, typed: string, limit = 40): string[] {
  const t = typed.trim().toLowerCase()
  if (!t) return []
  if (!t.includes(':')) return [...cat.services.keys()].filter((p) => p.startsWith(t)).slice(0, limit).map((p) => `${p}:`)
  const out: string[] = []
  for (const a of cat.service(t.slice(0, t.indexOf(':')))?.actions ?? []) {
    if (a.key.toLowerCase().startsWith(t)) out.push(a.key)
    if (out.length >= limit) break
  }
  return out
}

/** ARN formats of the action's resource types, required ones first. */
export function resourceFormats(cat: Catalogue, action: string): string[] {
  const a = cat.action(action)
  if (!a) return []
  const rts = [...a.resourceTypes].sort((x, y) => Number(y.required) - Number(x.required))
  return rts.flatMap((rt) => cat.resourceType(a.service, rt.name)?.arns ?? [])
}

export function serviceList(cat: Catalogue): { prefix: string; name: string }[] {
  return [...cat.services.values()].map((s) => ({ prefix: s.prefix, name: s.name })).sort((a, b) => a.prefix.localeCompare(b.prefix))
}

/** Actions of the policy's first statement, to prefill the simulator. */
export function firstAction(text: string): string | undefined {
  try {
    for (const st of buildPolicyModel(text).statements) {
      const a = st.action?.items.find((i) => !/[*?]/.test(i.value))
      if (a) return a.value
    }
  } catch {
    return undefined
  }
  return undefined
}

export async function whatCanItDo(c: CaseLike, service: string, resource: string): Promise<Capabilities> {
  return capabilities(await loadCatalogue(), c, service, resource)
}

export async function simulate(c: unknown): Promise<SimulationResult> {
  const cat = await loadCatalogue()
  return simulateCase(c, { catalogue: cat })
}
