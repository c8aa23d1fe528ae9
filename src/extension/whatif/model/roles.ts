import { shortArn } from './arns'
import { LIMITS, ROLE_KINDS, type PolicyRole, type RoleKind } from './types'

/** What the policy role needs: a principal, a resource, a level of the organization tree, or nothing. */
export function roleTargetKind(kind: RoleKind): 'principal' | 'role' | 'resource' | 'level' {
  switch (kind) {
    case 'identity':
    case 'boundary':
    case 'session':
      return 'principal'
    case 'trust':
      return 'role'
    case 'resource':
      return 'resource'
    case 'scp':
    case 'rcp':
      return 'level'
  }
}

export const ROLE_LABELS: Record<RoleKind, string> = {
  identity: 'Identity policy',
  boundary: 'Permissions boundary',
  session: 'Session policy',
  trust: 'Trust policy',
  resource: 'Resource policy',
  scp: 'SCP',
  rcp: 'RCP',
}

export function levelLabel(level: number | undefined): string {
  const l = level ?? 0
  return l === 0 ? 'root' : `level ${l}`
}

/** "Identity policy of role/app", "SCP (root)", "Resource policy of s3://bucket". */
export function describeRole(role: PolicyRole): string {
  const label = ROLE_LABELS[role.kind]
  switch (roleTargetKind(role.kind)) {
    case 'level':
      return `${label} (${levelLabel(role.level)})`
    default:
      return role.target ? `${label} of ${shortArn(role.target)}` : `${label} (not assigned)`
  }
}

export function sameRole(a: PolicyRole, b: PolicyRole): boolean {
  if (a.kind !== b.kind) return false
  if (roleTargetKind(a.kind) === 'level') return (a.level ?? 0) === (b.level ?? 0)
  return a.target === b.target
}

/** Is the role complete enough to take part in a simulation? */
export function isAssigned(role: PolicyRole): boolean {
  return roleTargetKind(role.kind) === 'level' || role.target !== ''
}

/** Validates a role from an untrusted source (message, storage, import); undefined when unusable. */
export function parseRole(x: unknown): PolicyRole | undefined {
  if (typeof x !== 'object' || x === null) return undefined
  const r = x as { kind?: unknown; target?: unknown; level?: unknown }
  if (typeof r.kind !== 'string' || !(ROLE_KINDS as readonly string[]).includes(r.kind)) return undefined
  const kind = r.kind as RoleKind
  const target = typeof r.target === 'string' ? r.target.trim().slice(0, LIMITS.arn) : ''
  if (roleTargetKind(kind) === 'level') {
    const level = typeof r.level === 'number' && Number.isInteger(r.level) && r.level >= 0 && r.level <= 10 ? r.level : 0
    return { kind, target: '', level }
  }
  return { kind, target }
}

/** The role a policy type of the console's editors (validate --type) plays, before the user says more. */
export function roleForPolicyType(policyType: string | undefined, target = ''): PolicyRole {
  switch (policyType) {
    case 'trust':
      return { kind: 'trust', target }
    case 'resource':
      return { kind: 'resource', target }
    case 'scp':
      return { kind: 'scp', target: '', level: 0 }
    case 'rcp':
      return { kind: 'rcp', target: '', level: 0 }
    case 'boundary':
      return { kind: 'boundary', target }
    case 'session':
      return { kind: 'session', target }
    default:
      return { kind: 'identity', target }
  }
}
