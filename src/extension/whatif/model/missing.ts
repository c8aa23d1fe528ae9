import { principalMatches, shortArn } from './arns'
import type { Basket, BasketItem } from './types'

/** Policies the basket knows of but whose documents it has not seen (a customer managed policy listed on a role page). */
export function missingPolicies(basket: Basket, principal?: string): BasketItem[] {
  return basket.items.filter(
    (i) => i.document === undefined && (principal === undefined || i.role.target === '' || principalMatches(i.role.target, principal) || i.role.target === principal),
  )
}

/** One sentence per missing policy: what it is and how to capture it. */
export function describeMissing(item: BasketItem): string {
  const what = item.source.kind === 'customer-managed' ? 'customer managed policy' : item.source.kind === 'inline' ? 'inline policy' : 'policy'
  const whose = item.role.target ? ` of ${/:group\//.test(item.role.target) ? 'group ' + shortArn(item.role.target).slice(6) : shortArn(item.role.target)}` : ''
  const how = item.source.kind === 'inline' ? 'expand it on the permissions tab' : 'open its JSON view'
  return `${item.name}: ${what}${whose} not seen yet — ${how} to add it.`
}
