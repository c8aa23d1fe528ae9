import { shortArn } from './arns'
import { isAssigned, roleTargetKind } from './roles'
import type { Basket, BasketItem } from './types'

export type GroupKind = 'principal' | 'resource' | 'organization' | 'unassigned'

export interface BasketGroup {
  /** Stable key for lists. */
  key: string
  kind: GroupKind
  /** The principal or resource ARN ('' for the organization and unassigned groups). */
  target: string
  title: string
  items: BasketItem[]
  /** How many of its items still lack their document. */
  missing: number
}

const ORDER: Record<GroupKind, number> = { principal: 0, resource: 1, organization: 2, unassigned: 3 }

/**
 * Groups the basket for display: one group per principal (its identity policies, boundary, session policy
 * and, for a role, its trust policy), one per resource (its resource policy), the organization's SCPs and
 * RCPs, and the policies not assigned yet. Groups keep the order in which their first item was added.
 */
export function groupBasket(basket: Basket): BasketGroup[] {
  const groups = new Map<string, BasketGroup>()
  const first = new Map<string, number>()
  basket.items.forEach((item, index) => {
    let kind: GroupKind
    let target = ''
    if (!isAssigned(item.role)) kind = 'unassigned'
    else if (roleTargetKind(item.role.kind) === 'level') kind = 'organization'
    else if (item.role.kind === 'resource') {
      kind = 'resource'
      target = item.role.target
    } else {
      kind = 'principal'
      target = item.role.target
    }
    const key = `${kind}:${target}`
    let g = groups.get(key)
    if (!g) {
      const title =
        kind === 'organization' ? 'Organization (SCPs and RCPs)' : kind === 'unassigned' ? 'Not assigned yet' : shortArn(target)
      g = { key, kind, target, title, items: [], missing: 0 }
      groups.set(key, g)
      first.set(key, index)
    }
    g.items.push(item)
    if (item.document === undefined) g.missing++
  })
  return [...groups.values()].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || first.get(a.key)! - first.get(b.key)!)
}
