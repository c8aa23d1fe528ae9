/**
 * Lookup structures the validator derives from a Catalogue. Built once per catalogue (cached in a
 * WeakMap) so validating on every keystroke only pays for the policy itself.
 */
import { compileArnFormat, globsIntersect, resourceMatchesFormat, type ArnFormat } from '../arn/format'
import type { ActionInfo, Catalogue, ConditionKeyInfo, ResourceTypeInfo } from '../catalogue'
import { BASE_OPERATORS } from '../model/operators'
import { replaceVariables } from '../patterns/variables'

/** One ARN format of one resource type, with its fields pre-classified. */
export interface ArnFormatEntry {
  service: string
  resourceType: string
  format: ArnFormat
  /** The region field: '' (none), 'any' (a placeholder or `*`), or a literal region. */
  region: string
  /** The account field: '' (none), 'any', or a literal such as `aws`. */
  account: string
  /** Glob of the resource part (after the fifth colon). */
  resourceGlob: string
  /** The literal text before the first wildcard of `resourceGlob`. */
  resourcePrefix: string
}

interface KeySupport {
  exact: Set<string>
  templates: { prefix: string; suffix: string }[]
}

/** A small map that forgets its oldest entries past a size, so caches stay bounded. */
class BoundedCache<V> {
  private readonly map = new Map<string, V>()
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    return this.map.get(key)
  }
  set(key: string, value: V): V {
    if (this.map.size >= this.limit) {
      const first = this.map.keys().next()
      if (!first.done) this.map.delete(first.value)
    }
    this.map.set(key, value)
    return value
  }
}

/**
 * An ARN format whose resource part is a bucket name alone. Bucket names never contain "/"
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html), so `bucket/*` names
 * objects, never the bucket, although the format's placeholder would match it as a glob.
 */
const BUCKET_ONLY = /:\$\{BucketName\}$/

function resourcePartHasSlash(arn: string): boolean {
  let colons = 0
  let i = 0
  for (; i < arn.length && colons < 5; i++) if (arn[i] === ':') colons++
  return replaceVariables(arn.slice(i), '').includes('/')
}

const TEMPLATE = /\$\{[^}]*\}|<[^>]*>|(?<=\/)tag-key$/i

function classifyField(field: string): string {
  if (field === '') return ''
  if (field === '*' || field.includes('${')) return 'any'
  return field
}

function literalPrefix(glob: string): string {
  let i = 0
  while (i < glob.length && glob[i] !== '*' && glob[i] !== '?') i++
  return glob.slice(0, i)
}

/** Do the literal starts of two globs agree as far as both go? A quick test before a full intersection. */
export function prefixesAgree(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length)
  return a.slice(0, n) === b.slice(0, n)
}

export class CatalogueIndex {
  /** Action service prefixes, as the catalogue spells them. */
  readonly servicePrefixes: string[]
  /** Lower-cased prefixes of every condition key the catalogue knows (services, `aws`, `saml`, OIDC providers...). */
  readonly keyPrefixes = new Set<string>()
  /** ARN formats by the ARN's service field (e.g. `s3`, `execute-api`). */
  readonly arnFormats = new Map<string, ArnFormatEntry[]>()
  /** Every valid operator spelling (base and IfExists), for did-you-mean. */
  readonly operatorNames: string[]
  /** Keys that some action or resource type lists, lower-cased; a key absent here has no per-action data. */
  readonly keysWithActionData = new Set<string>()
  private readonly keyTemplatesWithActionData: { prefix: string; suffix: string }[] = []
  private readonly expansions = new BoundedCache<ActionInfo[]>(4000)
  private readonly supports = new Map<ActionInfo, KeySupport>()
  private readonly arnMatches = new BoundedCache<ArnFormatEntry[]>(4000)
  private readonly keyLookups = new BoundedCache<ConditionKeyInfo | null>(4000)
  private readonly compiled = new Map<string, ArnFormat>()
  private readonly typeFits = new BoundedCache<boolean>(20_000)

  constructor(readonly catalogue: Catalogue) {
    this.servicePrefixes = [...catalogue.services.keys()]
    for (const svc of catalogue.services.values()) {
      for (const rt of svc.resourceTypes.values()) {
        for (const arn of rt.arns) {
          const format = compileArnFormat(arn)
          const f = arn.split(':')
          if (f.length < 6) continue
          const arnService = f[2]!
          if (arnService.includes('${')) continue
          const resourceGlob = format.fields[5] ?? ''
          const entry: ArnFormatEntry = {
            service: svc.prefix,
            resourceType: rt.name,
            format,
            region: classifyField(f[3]!),
            account: classifyField(f[4]!),
            resourceGlob,
            resourcePrefix: literalPrefix(resourceGlob),
          }
          const list = this.arnFormats.get(arnService)
          if (list) list.push(entry)
          else this.arnFormats.set(arnService, [entry])
        }
        for (const k of rt.conditionKeys) this.noteActionKey(k)
      }
      for (const a of svc.actions) for (const k of a.conditionKeys) this.noteActionKey(k)
    }
    const addPrefix = (key: string): void => {
      const i = key.indexOf(':')
      if (i > 0) this.keyPrefixes.add(key.slice(0, i).toLowerCase())
    }
    for (const svc of Object.values(catalogue.data.services)) for (const k of Object.keys(svc.k)) addPrefix(k)
    for (const k of Object.keys(catalogue.data.global)) addPrefix(k)
    for (const k of Object.keys(catalogue.data.observedKeys ?? {})) addPrefix(k)
    const names: string[] = []
    for (const op of BASE_OPERATORS) {
      names.push(op.name)
      if (op.family !== 'Null') names.push(op.name + 'IfExists')
    }
    this.operatorNames = names
  }

  private noteActionKey(key: string): void {
    const lower = key.toLowerCase()
    const m = TEMPLATE.exec(lower)
    if (m) {
      const prefix = lower.slice(0, m.index)
      const suffix = lower.slice(m.index + m[0].length)
      if (!this.keyTemplatesWithActionData.some((t) => t.prefix === prefix && t.suffix === suffix))
        this.keyTemplatesWithActionData.push({ prefix, suffix })
    } else this.keysWithActionData.add(lower)
  }

  private readonly names = new Map<string, string[]>()

  /** Names for did-you-mean, computed once: a service's action names, its condition keys, or the global keys. */
  nameList(kind: 'actions' | 'keys', service: string): string[] {
    const cacheKey = `${kind}:${service.toLowerCase()}`
    let list = this.names.get(cacheKey)
    if (!list) {
      if (kind === 'actions') list = this.catalogue.service(service)?.actions.map((a) => a.name) ?? []
      else if (service.toLowerCase() === 'aws')
        list = this.catalogue
          .globalKeys()
          .map((k) => k.key)
          .filter((k) => !k.includes('${') && !k.endsWith('/tag-key'))
      else
        list = this.catalogue
          .serviceKeys(service)
          .map((k) => k.key)
          .filter((k) => !k.includes('${') && !k.includes('<'))
      this.names.set(cacheKey, list)
    }
    return list
  }

  /** An ARN format from the catalogue, compiled once. */
  compiledFormat(format: string): ArnFormat {
    let f = this.compiled.get(format)
    if (!f) {
      f = compileArnFormat(format)
      this.compiled.set(format, f)
    }
    return f
  }

  /** Could the policy resource `resource` name a resource of this type? Cached across validations. */
  resourceFitsType(type: ResourceTypeInfo, resource: string): boolean {
    const key = `${type.service}\u0000${type.name}\u0000${resource}`
    const hit = this.typeFits.get(key)
    if (hit !== undefined) return hit
    return this.typeFits.set(
      key,
      type.arns.some((f) => resourceMatchesFormat(resource, this.compiledFormat(f)) && !(BUCKET_ONLY.test(f) && resourcePartHasSlash(resource))),
    )
  }

  /** Does any action or resource type list this key (so per-action support can be judged)? */
  hasActionData(key: string): boolean {
    const lower = key.toLowerCase()
    if (this.keysWithActionData.has(lower)) return true
    return this.keyTemplatesWithActionData.some((t) => lower.length > t.prefix.length + t.suffix.length && lower.startsWith(t.prefix) && lower.endsWith(t.suffix))
  }

  /** Catalogue.expand with a bounded cache. */
  expand(pattern: string): ActionInfo[] {
    const key = pattern.toLowerCase()
    return this.expansions.get(key) ?? this.expansions.set(key, this.catalogue.expand(pattern))
  }

  /** Catalogue.conditionKey with a bounded cache. */
  conditionKey(key: string): ConditionKeyInfo | undefined {
    const lower = key.toLowerCase()
    const hit = this.keyLookups.get(lower)
    if (hit !== undefined) return hit ?? undefined
    return this.keyLookups.set(lower, this.catalogue.conditionKey(key) ?? null) ?? undefined
  }

  private support(action: ActionInfo): KeySupport {
    let s = this.supports.get(action)
    if (s) return s
    s = { exact: new Set(), templates: [] }
    const add = (k: string): void => {
      const lower = k.toLowerCase()
      const m = TEMPLATE.exec(lower)
      if (m) s!.templates.push({ prefix: lower.slice(0, m.index), suffix: lower.slice(m.index + m[0].length) })
      else s!.exact.add(lower)
    }
    for (const k of action.conditionKeys) add(k)
    const svc = this.catalogue.service(action.service)
    for (const rt of action.resourceTypes) {
      const info = svc?.resourceTypes.get(rt.name)
      if (info) for (const k of info.conditionKeys) add(k)
    }
    this.supports.set(action, s)
    return s
  }

  private readonly keyActions = new Map<string, ActionInfo[]>()

  /** The actions of `service` that support `key` (computed once per key). */
  actionsSupportingKey(service: string, key: string): ActionInfo[] {
    const cacheKey = `${service.toLowerCase()}\u0000${key.toLowerCase()}`
    let list = this.keyActions.get(cacheKey)
    if (!list) {
      list = (this.catalogue.service(service)?.actions ?? []).filter((a) => this.actionSupportsKey(a, key))
      if (this.keyActions.size > 5000) this.keyActions.clear()
      this.keyActions.set(cacheKey, list)
    }
    return list
  }

  /** Does the catalogue list `key` (case-insensitive, tag-key templates resolved) for this action or its resource types? */
  actionSupportsKey(action: ActionInfo, key: string): boolean {
    const s = this.support(action)
    const lower = key.toLowerCase()
    if (s.exact.has(lower)) return true
    for (const t of s.templates) {
      if (lower.length > t.prefix.length + t.suffix.length && lower.startsWith(t.prefix) && lower.endsWith(t.suffix)) return true
    }
    return false
  }

  /**
   * Formats of `arnService` whose resource part could match `resourcePart` (a glob; variables already turned
   * into `*`). Cached.
   */
  formatsMatchingResource(arnService: string, resourcePart: string): ArnFormatEntry[] {
    const all = this.arnFormats.get(arnService)
    if (!all) return []
    const cacheKey = arnService + '\u0000' + resourcePart
    const hit = this.arnMatches.get(cacheKey)
    if (hit) return hit
    const prefix = literalPrefix(resourcePart)
    const out: ArnFormatEntry[] = []
    for (const f of all) {
      if (!prefixesAgree(prefix, f.resourcePrefix)) continue
      if (globsIntersect(resourcePart, f.resourceGlob)) out.push(f)
    }
    return this.arnMatches.set(cacheKey, out)
  }
}

const cache = new WeakMap<Catalogue, CatalogueIndex>()

export function catalogueIndex(catalogue: Catalogue): CatalogueIndex {
  let idx = cache.get(catalogue)
  if (!idx) {
    idx = new CatalogueIndex(catalogue)
    cache.set(catalogue, idx)
  }
  return idx
}
