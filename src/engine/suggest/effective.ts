import type { ActionInfo, Catalogue } from '../catalogue'
import type { Located } from '../model/types'
import { statementScope, type ResourceScope } from './scope'
import { statementMatchesAction, type StatementInfo } from './statements'

/** One Allow statement granting one action. */
export interface Grant {
  statement: StatementInfo
  /** The Action entries that match, or the NotAction key when the grant comes from NotAction. */
  via: Located<string>[]
  scope: ResourceScope
  conditioned: boolean
}

/**
 * The policy's effective Allow set: every action some Allow statement grants on at least one resource,
 * minus actions an unconditional Deny on every resource takes away (a Deny with conditions may not apply,
 * so it is not subtracted). Per the evaluation logic page:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */
export class EffectiveAccess {
  private readonly cache = new Map<string, Grant[]>()
  private allowed: ActionInfo[] | undefined

  constructor(
    readonly statements: StatementInfo[],
    readonly catalogue: Catalogue,
  ) {}

  /** Allow grants of `action` (any spelling; actions unknown to the catalogue are matched by name). */
  grants(action: string): Grant[] {
    const lower = action.toLowerCase()
    const hit = this.cache.get(lower)
    if (hit) return hit
    const info = this.catalogue.action(action)
    const name = info?.key ?? action
    let out: Grant[] = []
    if (!this.denied(name, info)) {
      for (const s of this.statements) {
        if (s.effect !== 'Allow') continue
        const via = statementMatchesAction(s, name)
        if (!via) continue
        const scope = statementScope(s, info, this.catalogue)
        if (!scope) continue
        out.push({ statement: s, via, scope, conditioned: s.conditioned })
      }
    } else out = []
    this.cache.set(lower, out)
    return out
  }

  allows(action: string): boolean {
    return this.grants(action).length > 0
  }

  /** Is the action taken away by a Deny that always applies (no condition, every principal, every resource)? */
  denied(action: string, info: ActionInfo | undefined): boolean {
    for (const s of this.statements) {
      if (s.effect !== 'Deny' || s.conditioned || !s.anyPrincipal || s.model.notPrincipal) continue
      if (!statementMatchesAction(s, action)) continue
      if (statementScope(s, info, this.catalogue, true) === 'all') return true
    }
    return false
  }

  /** Every catalogue action the policy allows, in catalogue order. */
  allowedActions(): ActionInfo[] {
    if (this.allowed) return this.allowed
    const candidates = new Set<ActionInfo>()
    // each distinct pattern expanded once: policies repeat the same ones across many statements
    const expanded = new Set<string>()
    for (const s of this.statements) {
      if (s.effect !== 'Allow') continue
      if (s.notAction) {
        for (const a of this.catalogue.allActions()) if (!s.itemsFor(a.service).some((i) => i.match(a.key))) candidates.add(a)
      } else
        for (const i of s.actionItems) {
          const pattern = i.item.value.toLowerCase()
          if (expanded.has(pattern)) continue
          expanded.add(pattern)
          for (const a of this.catalogue.expand(i.item.value)) candidates.add(a)
        }
    }
    const all = this.catalogue.allActions()
    let ordered: ActionInfo[]
    if (candidates.size * 8 < all.length) {
      // Few candidates: sort them by catalogue position instead of walking the whole catalogue.
      const index = catalogueOrder(this.catalogue)
      ordered = [...candidates].sort((a, b) => index.get(a)! - index.get(b)!)
    } else ordered = all.filter((a) => candidates.has(a))
    const out = ordered.filter((a) => this.grants(a.key).length > 0)
    this.allowed = out
    return out
  }
}

const ORDER = new WeakMap<Catalogue, Map<ActionInfo, number>>()

/** Position of every action in catalogue order (computed once per catalogue). */
function catalogueOrder(catalogue: Catalogue): Map<ActionInfo, number> {
  let order = ORDER.get(catalogue)
  if (!order) {
    order = new Map()
    let i = 0
    for (const a of catalogue.allActions()) order.set(a, i++)
    ORDER.set(catalogue, order)
  }
  return order
}
