/**
 * The what-if basket: the policies collected while browsing the console, each with the part it plays in a
 * simulation. Pure data (JSON-safe), kept per browser window in storage.session by the background.
 */

/** The part a policy plays in a simulation (simulation-case.md). */
export type RoleKind = 'identity' | 'boundary' | 'session' | 'trust' | 'resource' | 'scp' | 'rcp'

export const ROLE_KINDS: readonly RoleKind[] = ['identity', 'boundary', 'session', 'trust', 'resource', 'scp', 'rcp']

export interface PolicyRole {
  kind: RoleKind
  /**
   * identity / boundary / session: the principal's ARN (a role, user or group; '' = not assigned yet).
   * trust: the role's ARN. resource: the ARN of the resource the policy is attached to (bucket, key, queue...).
   * scp / rcp: ''.
   */
  target: string
  /** scp / rcp: the level of the organization tree, 0 = root, 1 = first OU, ..., the account last. */
  level?: number
}

/** Where a policy came from. */
export type SourceKind =
  | 'aws-managed'
  | 'customer-managed'
  | 'inline'
  | 'trust'
  | 'bucket-policy'
  | 'key-policy'
  | 'resource-policy'
  | 'scp'
  | 'rcp'
  | 'editor'
  | 'imported'

export const SOURCE_KINDS: readonly SourceKind[] = [
  'aws-managed',
  'customer-managed',
  'inline',
  'trust',
  'bucket-policy',
  'key-policy',
  'resource-policy',
  'scp',
  'rcp',
  'editor',
  'imported',
]

export interface PolicySource {
  kind: SourceKind
  /** The policy's ARN (managed policies, SCPs/RCPs), where known. */
  arn?: string
  /** The console page it was read from. */
  url?: string
  /** The page reader that found it. */
  pageKind?: string
  /** AWS managed policies: the bundled version. */
  versionId?: string
}

export interface BasketItem {
  id: string
  /** Display name (the policy name as the console shows it); the user may rename it. */
  name: string
  role: PolicyRole
  /** The policy text. Absent: the page listed the policy but its document has not been seen yet ("missing"). */
  document?: string
  source: PolicySource
  /** When it was added (ms since epoch). */
  addedAt: number
}

/** The question asked: can PRINCIPAL do ACTION on RESOURCE? */
export interface Question {
  principal: string
  action: string
  resource: string
  /** Request context keys (simulation-case.md). */
  context?: Record<string, string | string[]>
}

export interface Basket {
  v: 1
  items: BasketItem[]
  /** Next item id number (ids are `p<N>`), so the reducer stays pure and deterministic. */
  nextId: number
  /** Principals seen on pages (role/user ARNs), for completion, even with no policy collected. */
  principals: string[]
  /** Resource ARNs seen on pages, for completion. */
  resources: string[]
  /** The last question asked, shared by the panel and the popup. */
  question?: Question
  /** Name under which the basket was last saved to storage.local. */
  savedAs?: string
  /**
   * IAM groups of each user seen (user ARN → group ARNs), from the user's Permissions ("Attached via") and
   * Groups tabs: a user's effective identity policies are its own plus every group's.
   */
  memberships?: Record<string, string[]>
}

export const BASKET_VERSION = 1 as const

export function emptyBasket(): Basket {
  return { v: 1, items: [], nextId: 1, principals: [], resources: [] }
}

/** Limits that keep a hostile or broken page from filling storage. */
export const LIMITS = {
  items: 400,
  name: 256,
  arn: 2048,
  document: 600_000,
  seen: 200,
  url: 2048,
  context: 64,
  groups: 10,
  users: 200,
} as const
