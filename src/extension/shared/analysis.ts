/**
 * Everything the extension asks of the engine, in one lazily loaded module (with the catalogue): the
 * content script imports it with `import()` after its first render, so its initial JavaScript stays small.
 *
 * One analysis parses the text once: the model is kept for the latest text and handed to type detection,
 * validation, suggestions and the explanation alike. Each phase has a time budget; a phase that runs out
 * says so with an ANALYSIS_TRUNCATED finding (issue 17). The content script runs these in the extension's
 * background (src/extension/background/analysis-host.ts), off the console page's main thread.
 */
import { verdictExtras, type VerdictExtras } from './verdict-extras'
import { loadCatalogue } from '../../engine/catalogue/bundled'
import type { Catalogue } from '../../engine/catalogue'
import { Budget, truncatedFinding } from '../../engine/findings/budget'
import { sortFindings, type Finding, type PolicyType, type Suggestion } from '../../engine/findings/types'
import { buildPolicyModel, type PolicyModel } from '../../engine/model'
import { explainModel } from '../../engine/explain'
import { simulateCase, type SimulationResult } from '../../engine/simulate'
import { suggestModel } from '../../engine/suggest'
import { detectPolicyType, validateModel } from '../../engine/validate'

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
  /** Policy-type sense and public-access levels for `adviceText` (./verdict-extras.ts). */
  extras?: VerdictExtras
  /** Milliseconds spent in the engine (not counting the catalogue's first load). */
  ms: number
}

let injected: Catalogue | undefined

/**
 * Uses a catalogue the caller already holds instead of importing it lazily: a Chrome service worker
 * may not use `import()`, so the background imports the catalogue statically and hands it over.
 */
export function useCatalogue(c: Catalogue): void {
  injected = c
}

function getCatalogue(): Promise<Catalogue> {
  return injected ? Promise.resolve(injected) : loadCatalogue()
}

export function catalogue(): Promise<Catalogue> {
  return getCatalogue()
}

/** Time budgets per phase (ms): together well under the 2 s that any input may take (issue 17). */
export interface Budgets {
  validate: number
  suggest: number
  fixes: number
  explain: number
}
export const BUDGET_MS: Budgets = { validate: 500, suggest: 400, fixes: 150, explain: 250 }

/**
 * Past this size the text is not parsed at all: parsing alone would take longer than any analysis may,
 * and it is over thirty times the largest policy AWS accepts. One finding says so.
 */
export const ANALYSE_MAX_CHARS = 1024 * 1024

/**
 * Past this size (eight times the largest policy quota AWS has, 32 KB for a KMS key policy) suggestions and
 * the explanation are not attempted: no console accepts such a policy, and validation says what is wrong.
 * https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html
 */
export const ADVICE_MAX_CHARS = 256 * 1024
/**
 * When the analysis has to run on the console page's own thread (the background is unreachable), each
 * phase gets a slice short enough that the page stays responsive; a large policy then gets a partial
 * analysis with ANALYSIS_TRUNCATED findings instead of a frozen tab.
 */
export const PAGE_BUDGET_MS: Budgets = { validate: 40, suggest: 40, fixes: 20, explain: 30 }

/** The model of the latest text: the phases of one analysis (and the Simulate tab) share one parse. */
let last: { text: string; model: PolicyModel } | undefined

/** The policy model of `text`, built once for the latest text. */
export function modelFor(text: string): PolicyModel {
  if (last?.text === text) return last.model
  const model = buildPolicyModel(text)
  last = { text, model }
  return model
}

export function detectType(text: string): PolicyType {
  try {
    return detectPolicyType(modelFor(text))
  } catch {
    return 'identity'
  }
}

export interface AnalyseOptions {
  policyType: PolicyType | 'auto'
  /** The type of policy the page's editor holds, when the page says so and the user has not chosen another. */
  holds?: PolicyType
  /** The kind of resource a resource policy is attached to (`AWS::S3::Bucket`...), for its specific checks. */
  resourceType?: string
  accountId?: string
  region?: string
  partition?: string
}

/** Phase one, what the Findings tab shows: validation only (fast). */
export async function validate(text: string, opts: AnalyseOptions, budgets: Budgets = BUDGET_MS): Promise<Analysis> {
  const cat = await getCatalogue()
  const started = performance.now()
  if (text.length > ANALYSE_MAX_CHARS) {
    const note = truncatedFinding('validate', 0, [])
    note.message = `This text has ${text.length.toLocaleString('en-US')} characters, far more than any AWS policy may hold (the largest quota is 32 KB), so it is not analysed here. The command-line tool (iam-sidekick validate) checks it without a limit.`
    return { text, policyType: opts.policyType === 'auto' ? 'identity' : opts.policyType, findings: [note], ms: performance.now() - started }
  }
  let model: PolicyModel
  try {
    model = modelFor(text)
  } catch (e) {
    const policyType = opts.policyType === 'auto' ? 'identity' : opts.policyType
    const message = `The policy could not be read (${e instanceof Error ? e.message : String(e)}).`
    return { text, policyType, findings: [{ code: 'INTERNAL_ERROR', severity: 'WARNING', message, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, path: [] }], ms: performance.now() - started }
  }
  const policyType = opts.policyType === 'auto' ? detectPolicyType(model) : opts.policyType
  // the phase's budget counts the parse too: what is left of it goes to the checks
  const left = Math.max(20, budgets.validate - (performance.now() - started))
  const v = validateModel(model, { catalogue: cat, policyType, budgetMs: Math.round(left), ...(opts.resourceType ? { resourceType: opts.resourceType } : {}) })
  // Policy-type sense now, so the first view never offers a fix meant for another kind of policy.
  let extras: VerdictExtras | undefined
  try {
    extras = verdictExtras(text, model, cat, opts.holds, [])
  } catch {
    extras = undefined
  }
  return { text, policyType: v.policyType ?? policyType, findings: v.findings, ...(extras ? { extras } : {}), ms: performance.now() - started }
}

/**
 * Reads each suggestion's fixes (the engine builds them on first read) while the budget lasts; the
 * suggestions past it keep no fixes, and a finding says so. Everything is plain data afterwards, ready
 * to be sent between the extension's parts.
 */
function settleFixes(suggestions: Suggestion[], budgetMs: number): Suggestion[] {
  const budget = new Budget(budgetMs)
  let left = 0
  for (const s of suggestions) {
    if (!Object.getOwnPropertyDescriptor(s, 'fixes')?.get) continue
    if (budget.expired()) {
      delete s.fixes
      left++
    } else void s.fixes
  }
  if (left === 0) return suggestions
  const note = truncatedFinding('suggest', budgetMs, [`one-click fixes of ${left} suggestion${left === 1 ? '' : 's'}`])
  return sortFindings([...suggestions, note])
}

/** Phase two: least-privilege suggestions and the plain-language explanation (needs a policy that parses). */
export async function advise(a: Analysis, opts: AnalyseOptions, budgets: Budgets = BUDGET_MS): Promise<Analysis> {
  const cat = await getCatalogue()
  const started = performance.now()
  let suggestions: Suggestion[] = []
  let explanation: Analysis['explanation']
  if (a.text.length > ADVICE_MAX_CHARS) {
    const note = truncatedFinding('suggest', 0, [])
    note.message = `This policy has ${a.text.length.toLocaleString('en-US')} characters, far more than any AWS policy may hold, so least-privilege suggestions and the explanation are not computed here. The command-line tool (iam-sidekick suggest) computes them without a limit.`
    return { ...a, suggestions: [note], adviceText: a.text, ms: a.ms + performance.now() - started }
  }
  let extras: VerdictExtras | undefined
  if (!a.findings.some((f) => f.code === 'JSON_SYNTAX_ERROR')) {
    try {
      const model = modelFor(a.text)
      suggestions = suggestModel(model, {
        catalogue: cat,
        policyType: a.policyType,
        budgetMs: budgets.suggest,
        ...(opts.accountId ? { account: opts.accountId } : {}),
        ...(opts.region ? { region: opts.region } : {}),
        ...(opts.partition ? { partition: opts.partition } : {}),
        now: Date.now(),
      })
      await yieldToEventLoop()
      suggestions = settleFixes(suggestions, budgets.fixes)
    } catch {
      suggestions = []
    }
    await yieldToEventLoop()
    try {
      const e = explainModel(modelFor(a.text), { catalogue: cat, budgetMs: budgets.explain })
      explanation = { summary: e.summary, statements: e.statements.map((s) => ({ index: s.index, ...(s.sid ? { sid: s.sid } : {}), text: s.text })) }
    } catch {
      explanation = undefined
    }
    try {
      extras = verdictExtras(a.text, modelFor(a.text), cat, opts.holds, suggestions)
    } catch {
      extras = undefined
    }
  }
  return { ...a, suggestions, adviceText: a.text, ...(explanation ? { explanation } : {}), ...(extras ? { extras } : {}), ms: a.ms + performance.now() - started }
}

/** Lets the thread handle other work between phases (input, rendering, when it is the page's). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0))
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
    for (const st of modelFor(text).statements)
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
    for (const st of modelFor(text).statements) {
      const a = st.action?.items.find((i) => !/[*?]/.test(i.value))
      if (a) return a.value
    }
  } catch {
    return undefined
  }
  return undefined
}

export async function whatCanItDo(c: CaseLike, service: string, resource: string): Promise<Capabilities> {
  return capabilities(await getCatalogue(), c, service, resource)
}

export async function simulate(c: unknown): Promise<SimulationResult> {
  const cat = await getCatalogue()
  return simulateCase(c, { catalogue: cat })
}
