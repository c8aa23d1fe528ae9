import { isArnLike } from './arns'
import type { Basket } from './types'

function strings(x: unknown): string[] {
  if (typeof x === 'string') return [x]
  if (Array.isArray(x)) return x.filter((s): s is string => typeof s === 'string')
  return []
}

/** ARNs named in a policy's Resource and Principal elements. Never throws. */
export function arnsInDocument(text: string): { resources: string[]; principals: string[] } {
  const resources: string[] = []
  const principals: string[] = []
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return { resources, principals }
  }
  if (typeof doc !== 'object' || doc === null) return { resources, principals }
  const st = (doc as { Statement?: unknown }).Statement
  const statements = Array.isArray(st) ? st : [st]
  for (const s of statements) {
    if (typeof s !== 'object' || s === null) continue
    const { Resource, Principal } = s as { Resource?: unknown; Principal?: unknown }
    resources.push(...strings(Resource))
    if (typeof Principal === 'object' && Principal !== null) principals.push(...strings((Principal as { AWS?: unknown }).AWS))
  }
  return { resources, principals }
}

const concrete = (s: string) => isArnLike(s) && !/[*?]|\$\{/.test(s)

/** What the Ask form offers for completion: principals and resource ARNs the basket has seen. */
export function completionSources(basket: Basket): { principals: string[]; resources: string[] } {
  const principals = new Set<string>(basket.principals)
  const resources = new Set<string>(basket.resources)
  for (const item of basket.items) {
    if (item.role.target) {
      if (item.role.kind === 'resource') resources.add(item.role.target)
      else principals.add(item.role.target)
      if (item.role.kind === 'trust') resources.add(item.role.target)
    }
    if (item.document !== undefined) {
      const found = arnsInDocument(item.document)
      for (const r of found.resources) if (concrete(r)) resources.add(r)
      for (const p of found.principals) if (concrete(p)) principals.add(p)
    }
  }
  return { principals: [...principals].filter(Boolean), resources: [...resources].filter(Boolean) }
}
