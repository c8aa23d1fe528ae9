import { isTrustAction, principalMatches, resourceCovers, shortArn } from './arns'
import { describeMissing } from './missing'
import { isAssigned } from './roles'
import type { Basket, BasketItem, Question, SourceKind } from './types'

/** A policy document as a case carries it: the parsed object, or its text when it does not parse (the simulator reports it). */
export type CaseDocument = Record<string, unknown> | string

/** simulation-case.md, with the annotations the what-if basket adds (ignored by the CLI). */
export interface SimulationCase {
  id: string
  description?: string
  request: {
    action: string
    resource: string
    principal?: string
    context?: Record<string, string | string[]>
  }
  identityPolicies: CaseDocument[]
  resourcePolicy?: CaseDocument
  permissionsBoundary?: CaseDocument
  sessionPolicy?: CaseDocument
  scps?: (CaseDocument | CaseDocument[])[]
  rcps?: (CaseDocument | CaseDocument[])[]
  /** Annotation: where each policy came from, in the same shape as the policies. */
  policySources?: PolicySources
  /** Annotation: policies the basket knows of but could not include (their documents were never seen). */
  missing?: string[]
}

export interface SourceNote {
  name: string
  kind: SourceKind
  arn?: string
  /** resourcePolicy: the ARN it is attached to (a bucket for an object request). */
  attachedTo?: string
  /** Identity policies a user has through a group: "group developers". */
  via?: string
}

export interface PolicySources {
  identityPolicies: SourceNote[]
  resourcePolicy?: SourceNote
  permissionsBoundary?: SourceNote
  sessionPolicy?: SourceNote
  /** One array per level. */
  scps?: SourceNote[][]
  rcps?: SourceNote[][]
}

export interface BuiltCase {
  case: SimulationCase
  /** The basket items that went into it. */
  used: BasketItem[]
  /** Policies of the principal that are listed but not seen: the decision may change once they are. */
  missing: BasketItem[]
  /** Groups of the user whose policies the basket has none of: the decision may change once they are seen. */
  missingGroups: string[]
  warnings: string[]
}

export function caseDocument(text: string): CaseDocument {
  try {
    const v: unknown = JSON.parse(text)
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>
  } catch {
    // keep the text: the simulator reports what is wrong with it
  }
  return text
}

function note(item: BasketItem, attachedTo?: string, via?: string): SourceNote {
  return { name: item.name, kind: item.source.kind, ...(item.source.arn ? { arn: item.source.arn } : {}), ...(attachedTo ? { attachedTo } : {}), ...(via ? { via } : {}) }
}

/** The groups the basket knows a user (or a user's ARN as asked) to be in. */
export function groupsOfUser(basket: Basket, principal: string): string[] {
  if (!principal || !basket.memberships) return []
  for (const [user, groups] of Object.entries(basket.memberships)) if (principalMatches(user, principal)) return groups
  return []
}

/** "group developers" for a group ARN. */
export function viaGroup(group: string): string {
  return `group ${shortArn(group).replace(/^group\//, '')}`
}

function levels(items: BasketItem[]): BasketItem[][] {
  const byLevel = new Map<number, BasketItem[]>()
  for (const i of items) {
    const l = i.role.level ?? 0
    byLevel.set(l, [...(byLevel.get(l) ?? []), i])
  }
  return [...byLevel.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v)
}

function levelDocs(ls: BasketItem[][]): (CaseDocument | CaseDocument[])[] {
  return ls.map((l) => (l.length === 1 ? caseDocument(l[0]!.document!) : l.map((i) => caseDocument(i.document!))))
}

/**
 * The simulation case that asks the question with what the basket holds: the principal's identity
 * policies, boundary and session policy, the resource policy of the resource (a bucket's for its
 * objects; a role's trust policy for sts:AssumeRole*), and the organization's SCPs and RCPs by level.
 */
export function basketToCase(basket: Basket, question: Question, id?: string): BuiltCase {
  const { principal, action, resource } = question
  const warnings: string[] = []
  const seen = basket.items.filter((i) => i.document !== undefined && isAssigned(i.role))
  const forPrincipal = (kind: 'identity' | 'boundary' | 'session') => seen.filter((i) => i.role.kind === kind && principalMatches(i.role.target, principal))
  // A user's identity policies are its own and every group's (groups have no boundary or session policy).
  const groups = groupsOfUser(basket, principal)
  const groupOf = (i: BasketItem) => groups.find((g) => principalMatches(i.role.target, g))
  const identity = [...forPrincipal('identity'), ...seen.filter((i) => i.role.kind === 'identity' && groupOf(i) !== undefined)]
  const boundaries = forPrincipal('boundary')
  const sessions = forPrincipal('session')
  if (boundaries.length > 1) warnings.push(`${boundaries.length} permissions boundaries for ${shortArn(principal)}: using ${boundaries[0]!.name}.`)
  if (sessions.length > 1) warnings.push(`${sessions.length} session policies for ${shortArn(principal)}: using ${sessions[0]!.name}.`)

  let resourceItem: BasketItem | undefined
  let attachedTo: string | undefined
  if (isTrustAction(action)) {
    resourceItem = seen.find((i) => i.role.kind === 'trust' && (i.role.target === resource || principalMatches(i.role.target, resource)))
    attachedTo = resourceItem?.role.target
  }
  if (!resourceItem) {
    const candidates = seen
      .filter((i) => i.role.kind === 'resource' && resourceCovers(i.role.target, resource))
      .sort((a, b) => b.role.target.length - a.role.target.length)
    resourceItem = candidates[0]
    attachedTo = resourceItem?.role.target
    if (candidates.length > 1 && candidates[1]!.role.target.length === candidates[0]!.role.target.length)
      warnings.push(`${candidates.length} resource policies for ${shortArn(resource)}: using ${candidates[0]!.name}.`)
  }
  const scps = levels(seen.filter((i) => i.role.kind === 'scp'))
  const rcps = levels(seen.filter((i) => i.role.kind === 'rcp'))

  const missing = basket.items.filter(
    (i) =>
      i.document === undefined &&
      (((i.role.kind === 'identity' || i.role.kind === 'boundary' || i.role.kind === 'session') && principalMatches(i.role.target, principal)) ||
        (i.role.kind === 'identity' && groupOf(i) !== undefined) ||
        (i.role.kind === 'resource' && resourceCovers(i.role.target, resource)) ||
        i.role.kind === 'scp' ||
        i.role.kind === 'rcp'),
  )
  const unassigned = basket.items.filter((i) => !isAssigned(i.role)).length
  if (unassigned) warnings.push(`${unassigned} ${unassigned === 1 ? 'policy is' : 'policies are'} not assigned to a principal or resource and left out.`)

  const request: SimulationCase['request'] = { action, resource }
  if (principal) request.principal = principal
  if (question.context && Object.keys(question.context).length) request.context = question.context
  const c: SimulationCase = {
    id: id ?? `what-if: ${principal ? shortArn(principal) : 'anyone'} ${action} ${resource}`,
    description: `Can ${principal || 'the principal'} do ${action} on ${resource}? Collected with IAM Sidekick's what-if basket.`,
    request,
    identityPolicies: identity.map((i) => caseDocument(i.document!)),
  }
  const sources: PolicySources = {
    identityPolicies: identity.map((i) => {
      const g = groupOf(i)
      return note(i, undefined, g ? viaGroup(g) : undefined)
    }),
  }
  const missingGroups = groups.filter((g) => !basket.items.some((i) => i.role.kind === 'identity' && principalMatches(i.role.target, g)))
  if (resourceItem) {
    c.resourcePolicy = caseDocument(resourceItem.document!)
    sources.resourcePolicy = note(resourceItem, attachedTo)
  }
  if (boundaries[0]) {
    c.permissionsBoundary = caseDocument(boundaries[0].document!)
    sources.permissionsBoundary = note(boundaries[0])
  }
  if (sessions[0]) {
    c.sessionPolicy = caseDocument(sessions[0].document!)
    sources.sessionPolicy = note(sessions[0])
  }
  if (scps.length) {
    c.scps = levelDocs(scps)
    sources.scps = scps.map((l) => l.map((i) => note(i)))
  }
  if (rcps.length) {
    c.rcps = levelDocs(rcps)
    sources.rcps = rcps.map((l) => l.map((i) => note(i)))
  }
  c.policySources = sources
  if (missing.length || missingGroups.length)
    c.missing = [...missing.map(describeMissing), ...missingGroups.map((g) => `${viaGroup(g)}: its policies have not been seen yet — open the group's page (Permissions tab) and add them.`)]
  const used = [...identity, ...(resourceItem ? [resourceItem] : []), ...boundaries.slice(0, 1), ...sessions.slice(0, 1), ...scps.flat(), ...rcps.flat()]
  return { case: c, used, missing, missingGroups, warnings }
}

/** The cases for several questions, as the CLI's `simulate` reads them. */
export function basketToCases(basket: Basket, questions: Question | Question[]): SimulationCase[] {
  const qs = Array.isArray(questions) ? questions : [questions]
  return qs.map((q, i) => basketToCase(basket, q, qs.length > 1 ? `what-if-${i + 1}` : undefined).case)
}

/** The case file the export button writes. */
export function exportCaseFile(basket: Basket, questions: Question | Question[]): string {
  return JSON.stringify(basketToCases(basket, questions), null, 2) + '\n'
}
