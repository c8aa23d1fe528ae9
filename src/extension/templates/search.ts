/**
 * Template search: by name, description, tag, policy type, action or service. Every word of the query
 * must match. Words can be qualified: `tag:s3`, `type:scp`, `service:kms`, `action:s3:GetObject`.
 * An unqualified `svc:Action` word matches the template's actions with IAM wildcards in both directions
 * (`s3:GetObject` finds a template that allows `s3:Get*`; `s3:Get*` finds one that allows `s3:GetObject`).
 */
import { globMatch } from '../../engine/patterns/glob'

export interface Searchable {
  name: string
  description: string
  tags: readonly string[]
  policyType: string
  /** Action and NotAction entries of the policy (see actionsOf). */
  actions: readonly string[]
}

export interface SearchTerm {
  field: 'any' | 'tag' | 'type' | 'service' | 'action' | 'name'
  value: string
}

const QUALIFIERS: Record<string, SearchTerm['field']> = {
  tag: 'tag',
  type: 'type',
  service: 'service',
  svc: 'service',
  action: 'action',
  name: 'name',
}

export function parseQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = []
  for (const word of query.trim().split(/\s+/)) {
    if (!word) continue
    const colon = word.indexOf(':')
    const qualifier = colon > 0 ? word.slice(0, colon).toLowerCase() : ''
    const field = Object.prototype.hasOwnProperty.call(QUALIFIERS, qualifier) ? QUALIFIERS[qualifier] : undefined
    if (field) {
      const value = word.slice(colon + 1).toLowerCase()
      if (value) terms.push({ field, value })
    } else terms.push({ field: 'any', value: word.toLowerCase() })
  }
  return terms
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') into.push(v)
}

/** The Action and NotAction entries of a policy document (a parsed object or JSON text). */
export function actionsOf(document: unknown): string[] {
  let doc = document
  if (typeof document === 'string') {
    try {
      doc = JSON.parse(document)
    } catch {
      // Not JSON (a draft): fall back to anything shaped like "service:Action" in quotes.
      return [...new Set([...document.matchAll(/"([a-z0-9-]+:[A-Za-z0-9*?]+)"/g)].map((m) => m[1]!))]
    }
  }
  if (typeof doc !== 'object' || doc === null) return []
  const statement = (doc as { Statement?: unknown }).Statement
  const statements = Array.isArray(statement) ? statement : [statement]
  const actions: string[] = []
  for (const s of statements) {
    if (typeof s !== 'object' || s === null) continue
    collectStrings((s as { Action?: unknown }).Action, actions)
    collectStrings((s as { NotAction?: unknown }).NotAction, actions)
  }
  return [...new Set(actions)]
}

function serviceOf(action: string): string {
  const i = action.indexOf(':')
  return i > 0 ? action.slice(0, i).toLowerCase() : action.toLowerCase()
}

function actionMatches(actions: readonly string[], value: string): boolean {
  return actions.some((a) => globMatch(a, value, true) || globMatch(value, a, true) || a.toLowerCase().includes(value))
}

/** How well one term matches (0 = not at all; higher ranks first). */
function termScore(item: Searchable, term: SearchTerm): number {
  const v = term.value
  switch (term.field) {
    case 'tag':
      return item.tags.some((t) => t.toLowerCase() === v) ? 3 : item.tags.some((t) => t.toLowerCase().startsWith(v)) ? 2 : 0
    case 'type':
      return item.policyType.toLowerCase().startsWith(v) ? 2 : 0
    case 'service':
      return item.actions.some((a) => a === '*' || serviceOf(a) === v) ? 2 : 0
    case 'action':
      return actionMatches(item.actions, v) ? 2 : 0
    case 'name':
      return item.name.toLowerCase().includes(v) ? 3 : 0
    case 'any': {
      const name = item.name.toLowerCase()
      if (name.startsWith(v)) return 6
      if (name.includes(v)) return 5
      if (item.tags.some((t) => t.toLowerCase() === v)) return 4
      if (item.tags.some((t) => t.toLowerCase().includes(v))) return 3
      if (item.policyType === v) return 3
      if (v.includes(':') && actionMatches(item.actions, v)) return 3
      if (item.actions.some((a) => serviceOf(a) === v)) return 2
      if (item.description.toLowerCase().includes(v)) return 1
      if (actionMatches(item.actions, v)) return 1
      return 0
    }
  }
}

/** The items that match every term, best first (stable for equal scores). An empty query keeps all, in order. */
export function searchTemplates<T extends Searchable>(items: readonly T[], query: string): T[] {
  const terms = parseQuery(query)
  if (terms.length === 0) return [...items]
  const scored: { item: T; score: number; index: number }[] = []
  items.forEach((item, index) => {
    let score = 0
    for (const term of terms) {
      const s = termScore(item, term)
      if (s === 0) return
      score += s
    }
    scored.push({ item, score, index })
  })
  scored.sort((a, b) => b.score - a.score || a.index - b.index)
  return scored.map((s) => s.item)
}
