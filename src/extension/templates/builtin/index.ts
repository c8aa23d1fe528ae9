/** The built-in template library, in the order the popup lists it. */
import { COMPUTE_TEMPLATES } from './compute'
import { DATA_TEMPLATES } from './data'
import { DELEGATION_TEMPLATES } from './delegation'
import { ORGANIZATIONS_TEMPLATES } from './organizations'
import { RESOURCE_POLICY_TEMPLATES } from './resource-policies'
import { SELF_SERVICE_TEMPLATES } from './self-service'
import { STORAGE_TEMPLATES } from './storage'
import { TRUST_TEMPLATES } from './trust'
import type { BuiltinTemplate } from './types'

export type { BuiltinTemplate } from './types'

export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [
  ...STORAGE_TEMPLATES,
  ...COMPUTE_TEMPLATES,
  ...TRUST_TEMPLATES,
  ...SELF_SERVICE_TEMPLATES,
  ...DATA_TEMPLATES,
  ...RESOURCE_POLICY_TEMPLATES,
  ...DELEGATION_TEMPLATES,
  ...ORGANIZATIONS_TEMPLATES,
]
