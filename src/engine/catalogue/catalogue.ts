import { compileGlob, hasWildcard } from '../patterns/glob'
import {
  ACCESS_LEVELS,
  type ActionInfo,
  type CatalogueData,
  type ConditionKeyInfo,
  type ResourceTypeInfo,
  type ServiceInfo,
} from './types'

interface TemplateKey {
  prefixLower: string
  suffixLower: string
  info: ConditionKeyInfo
}

function isMultivalued(type: string): boolean {
  return type.startsWith('ArrayOf')
}

/** Splits `service:Action` at the first colon; undefined when there is none. */
export function splitAction(action: string): { service: string; name: string } | undefined {
  const i = action.indexOf(':')
  if (i <= 0) return undefined
  return { service: action.slice(0, i), name: action.slice(i + 1) }
}

/**
 * The AWS service catalogue: services, actions, resource types and condition keys, with
 * case-insensitive lookups and wildcard expansion. Immutable once built.
 */
export class Catalogue {
  readonly services = new Map<string, ServiceInfo>()
  private readonly actionsByLower = new Map<string, ActionInfo>()
  private readonly keysByLower = new Map<string, ConditionKeyInfo>()
  private readonly templateKeys: TemplateKey[] = []
  private all: ActionInfo[] | undefined
  readonly rcpServices: ReadonlySet<string>

  constructor(readonly data: CatalogueData) {
    for (const [prefix, svc] of Object.entries(data.services)) {
      const resourceTypes = new Map<string, ResourceTypeInfo>()
      for (const [name, [arns, keys]] of Object.entries(svc.r)) {
        resourceTypes.set(name, { service: prefix, name, arns, conditionKeys: keys ?? [] })
      }
      const actions: ActionInfo[] = []
      for (const [name, [level, rts, keys]] of Object.entries(svc.a)) {
        const info: ActionInfo = {
          service: prefix,
          name,
          key: `${prefix}:${name}`,
          accessLevel: ACCESS_LEVELS[level] ?? 'Write',
          resourceTypes: (rts ?? []).map(([n, req]) => ({ name: n, required: req === 1 })),
          conditionKeys: keys ?? [],
        }
        actions.push(info)
        this.actionsByLower.set(info.key.toLowerCase(), info)
      }
      this.services.set(prefix, { prefix, name: svc.n, actions, resourceTypes })
      for (const [key, type] of Object.entries(svc.k)) this.addKey({ key, type, global: false, multivalued: isMultivalued(type) })
    }
    for (const [key, type] of Object.entries(data.global)) this.addKey({ key, type, global: true, multivalued: isMultivalued(type) })
    this.rcpServices = new Set(data.rcpServices)
    for (const [key, type] of Object.entries(data.observedKeys ?? {})) {
      if (this.conditionKey(key)) continue
      this.addKey({ key, type, global: key.toLowerCase().startsWith('aws:'), multivalued: isMultivalued(type), observed: true })
    }
    for (const p of data.partitions ?? []) {
      this.regionsByPartition.set(p.id, new Set(p.regions))
      for (const r of p.regions) this.partitionOfRegion.set(r, p.id)
    }
  }

  private readonly regionsByPartition = new Map<string, ReadonlySet<string>>()
  private readonly partitionOfRegion = new Map<string, string>()

  /** Does the catalogue carry Region data (from the AWS SDK's partitions)? */
  get hasRegions(): boolean {
    return this.regionsByPartition.size > 0
  }

  /** Every Region AWS has announced, in one partition or in all of them. */
  regions(partition?: string): string[] {
    if (partition !== undefined) return [...(this.regionsByPartition.get(partition) ?? [])]
    return [...this.partitionOfRegion.keys()]
  }

  /** The partition a Region belongs to (undefined for a name AWS does not have). */
  partitionOf(region: string): string | undefined {
    return this.partitionOfRegion.get(region)
  }

  private addKey(info: ConditionKeyInfo): void {
    const lower = info.key.toLowerCase()
    const m = /\$\{[^}]*\}|(?<=\/)tag-key$|<[^>]*>/i.exec(info.key)
    if (m) {
      const entry = { prefixLower: lower.slice(0, m.index), suffixLower: lower.slice(m.index + m[0].length), info }
      const at = this.templateKeys.findIndex((t) => t.prefixLower === entry.prefixLower && t.suffixLower === entry.suffixLower)
      if (at < 0) this.templateKeys.push(entry)
      else if (info.global && !this.templateKeys[at]!.info.global) this.templateKeys[at] = entry
      return
    }
    const prev = this.keysByLower.get(lower)
    if (!prev || (info.global && !prev.global)) this.keysByLower.set(lower, info)
  }

  get version(): string {
    return this.data.source.version
  }

  service(prefix: string): ServiceInfo | undefined {
    return this.services.get(prefix) ?? this.services.get(prefix.toLowerCase())
  }

  /** Exact (case-insensitive) action lookup: `s3:getobject` → s3:GetObject. */
  action(action: string): ActionInfo | undefined {
    return this.actionsByLower.get(action.toLowerCase())
  }

  allActions(): ActionInfo[] {
    if (!this.all) this.all = [...this.services.values()].flatMap((s) => s.actions)
    return this.all
  }

  private readonly expansions = new Map<string, ActionInfo[]>()

  /**
   * Every action an Action pattern covers (case-insensitive, `*` and `?` anywhere). `*` alone is every action.
   * Patterns whose service part has a wildcard are matched against every service. Remembered per pattern
   * (many statements repeat the same patterns): callers must not modify the array.
   */
  expand(pattern: string): ActionInfo[] {
    if (pattern === '*') return this.allActions()
    const key = pattern.toLowerCase()
    let hit = this.expansions.get(key)
    if (!hit) {
      hit = this.expandUncached(pattern)
      // bounded: a policy of thousands of distinct patterns must not grow it without end
      if (this.expansions.size >= 4000) this.expansions.clear()
      this.expansions.set(key, hit)
    }
    return hit
  }

  private expandUncached(pattern: string): ActionInfo[] {
    const parts = splitAction(pattern)
    if (!parts) return []
    const matcher = compileGlob(pattern, true)
    if (hasWildcard(parts.service)) return this.allActions().filter((a) => matcher(a.key))
    const svc = this.service(parts.service.toLowerCase())
    if (!svc) return []
    if (!hasWildcard(parts.name)) {
      const a = this.action(pattern)
      return a ? [a] : []
    }
    return svc.actions.filter((a) => matcher(a.key))
  }

  resourceType(service: string, name: string): ResourceTypeInfo | undefined {
    return this.service(service)?.resourceTypes.get(name)
  }

  /**
   * Looks up a condition key, global or service-specific, case-insensitively, including keys with a
   * variable part such as `aws:ResourceTag/team` or `s3:ExistingObjectTag/env`.
   */
  conditionKey(key: string): ConditionKeyInfo | undefined {
    const lower = key.toLowerCase()
    const exact = this.keysByLower.get(lower)
    if (exact) return exact
    let best: TemplateKey | undefined
    for (const t of this.templateKeys) {
      if (
        lower.length > t.prefixLower.length + t.suffixLower.length &&
        lower.startsWith(t.prefixLower) &&
        lower.endsWith(t.suffixLower) &&
        (!best || t.prefixLower.length > best.prefixLower.length)
      )
        best = t
    }
    return best?.info
  }

  /** Is `key` a template key's bare prefix, e.g. `aws:ResourceTag` or `aws:ResourceTag/` with no tag key? */
  isTemplateKeyWithoutName(key: string): boolean {
    const lower = key.toLowerCase().replace(/\/$/, '')
    return this.templateKeys.some((t) => t.prefixLower.replace(/\/$/, '') === lower)
  }

  globalKeys(): ConditionKeyInfo[] {
    return [...this.keysByLower.values(), ...this.templateKeys.map((t) => t.info)].filter((k) => k.global)
  }

  /** Condition keys of a service (all of its actions and resource types, plus its own key table). */
  serviceKeys(prefix: string): ConditionKeyInfo[] {
    const p = prefix.toLowerCase() + ':'
    return [...this.keysByLower.values(), ...this.templateKeys.map((t) => t.info)].filter((k) => k.key.toLowerCase().startsWith(p))
  }
}
