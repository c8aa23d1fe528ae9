/**
 * The engine calls of the what-if tab, in one module loaded with `import()` on first use (with the
 * catalogue), so neither the content script's nor the popup's initial JavaScript carries them.
 */
import { loadCatalogue } from '../../engine/catalogue/bundled'
import type { Catalogue } from '../../engine/catalogue'
import { ACCESS_LEVELS, type AccessLevel } from '../../engine/catalogue/types'
import { compilePolicySet, simulateAllActions, simulateCase, type SimulationResult } from '../../engine/simulate'
import { basketToCase, type BuiltCase } from './model/cases'
import type { Basket, Question } from './model/types'

export type { SimulationResult }

export interface Answer {
  built: BuiltCase
  result: SimulationResult
}

/** Asks the question with what the basket holds: the same case the export writes, decided as the CLI decides it. */
export async function ask(basket: Basket, question: Question): Promise<Answer> {
  const catalogue = await loadCatalogue()
  const built = basketToCase(basket, question)
  const result = simulateCase(built.case, { catalogue })
  return { built, result }
}

export interface Capabilities {
  built: BuiltCase
  allowed: Record<AccessLevel, string[]>
  total: number
  /** Actions of the catalogue that cannot act on the resource (left out). */
  notApplicable?: number
  allowedCount: number
  ms: number
  error?: string
}

/** "What can this principal do on this resource": every action of the catalogue, allowed ones by access level. */
export async function capabilities(basket: Basket, question: Omit<Question, 'action'>): Promise<Capabilities> {
  const catalogue = await loadCatalogue()
  const built = basketToCase(basket, { ...question, action: 'sts:GetCallerIdentity' })
  const set = compilePolicySet(built.case)
  const r = simulateAllActions(set, {
    catalogue,
    resource: question.resource || '*',
    ...(question.principal ? { principal: question.principal } : {}),
    ...(question.context ? { context: question.context } : {}),
  })
  return { built, allowed: r.allowed, total: r.counts.total, notApplicable: r.counts.notApplicable, allowedCount: r.counts.allowed, ms: r.ms, ...(r.error ? { error: r.error } : {}) }
}

export { ACCESS_LEVELS }

let actionKeys: string[] | undefined

/** Catalogue actions for completion: those containing the typed text, shortest match first. */
export async function completeAction(typed: string, limit = 40): Promise<string[]> {
  const catalogue: Catalogue = await loadCatalogue()
  actionKeys ??= catalogue.allActions().map((a) => a.key)
  const t = typed.trim().toLowerCase()
  if (!t) return []
  const starts: string[] = []
  const contains: string[] = []
  for (const k of actionKeys) {
    const l = k.toLowerCase()
    if (l.startsWith(t)) starts.push(k)
    else if (t.length >= 3 && l.includes(t)) contains.push(k)
    if (starts.length >= limit) break
  }
  return [...starts, ...contains].slice(0, limit)
}
