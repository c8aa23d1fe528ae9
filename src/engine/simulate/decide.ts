/**
 * The decision across policy types, as AWS documents it:
 * - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 * - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * - https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 * - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 * - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
 * - https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html (key policies must allow)
 * - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_compare-resource-policies.html (trust policies must allow)
 */
import type { Catalogue } from '../catalogue/catalogue'
import type { CompiledPolicy } from './compile'
import { isIamCaller, isSessionCaller } from './principal'
import type { SimRequest } from './request'
import type { StatementOutcome } from './statement'
import type { Decision, PrincipalMatchKind } from './types'

export interface CompiledPolicySet {
  identity: CompiledPolicy[]
  resourcePolicy?: CompiledPolicy
  permissionsBoundary?: CompiledPolicy
  sessionPolicy?: CompiledPolicy
  /** Levels of the organization tree (root, OUs, account), each with its attached SCPs. */
  scps: CompiledPolicy[][]
  rcps: CompiledPolicy[][]
  /** Problems that make the set unusable (a policy with a JSON syntax error ...). */
  errors: string[]
}

export interface PolicyRun {
  policy: CompiledPolicy
  outcomes: StatementOutcome[]
}

export interface SetRun {
  identity: PolicyRun[]
  resource?: PolicyRun
  boundary?: PolicyRun
  session?: PolicyRun
  scps: PolicyRun[][]
  rcps: PolicyRun[][]
}

/** Which of the set's policies take part in this request, and why others do not. */
export interface Applicability {
  identity: boolean
  boundary: boolean
  session: boolean
  scps: boolean
  rcps: boolean
  notes: string[]
}

/** Resource policies that must allow by themselves (an identity Allow is not enough). */
export type MustAllowPolicy = 'trust' | 'key' | undefined

const TRUST_ACTIONS = new Set(['sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity', 'sts:tagsession', 'sts:setsourceidentity', 'sts:setcontext'])

export function mustAllowPolicy(req: SimRequest): MustAllowPolicy {
  if (TRUST_ACTIONS.has(req.actionLower) && /^arn:[^:]+:iam::[^:]*:role\//.test(req.resource)) return 'trust'
  if (req.service === 'kms' && /^arn:[^:]+:kms:[^:]*:[^:]*:key\//.test(req.resource)) return 'key'
  return undefined
}

export function applicability(set: CompiledPolicySet, req: SimRequest, catalogue?: Catalogue): Applicability {
  const c = req.caller
  const iam = isIamCaller(c.kind)
  const notes: string[] = []
  const app: Applicability = {
    identity: iam,
    boundary: iam && !!set.permissionsBoundary,
    session: isSessionCaller(c.kind) && !!set.sessionPolicy,
    scps: iam && !c.serviceLinked && set.scps.length > 0,
    // RCPs apply to every caller, AWS service principals included (the KMS RCP examples restrict them:
    // https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html); service-linked roles are exempt.
    rcps: !c.serviceLinked && set.rcps.length > 0,
    notes,
  }
  if (!iam && (set.identity.length || set.permissionsBoundary || set.scps.length || set.sessionPolicy))
    notes.push(`Identity-based policies, permissions boundaries, session policies and SCPs do not apply to ${c.kind === 'anonymous' ? 'an anonymous caller' : `a ${c.kind.replace('-', ' ')} principal`}; only a resource-based policy can grant access.`)
  if (set.sessionPolicy && !isSessionCaller(c.kind) && iam)
    notes.push('The session policy is ignored: session policies limit role and federated-user sessions, and the caller is not a session.')
  if (c.serviceLinked && (set.scps.length || set.rcps.length)) notes.push('SCPs and RCPs do not restrict service-linked roles.')
  if (app.rcps && catalogue && !catalogue.rcpServices.has(req.service)) {
    app.rcps = false
    notes.push(`RCPs do not apply: ${req.service} is not among the services that support RCPs.`)
  }
  return app
}

export interface Verdict {
  decision: Decision
  /** Statements that decided (the deny, or the allows that were needed). */
  decisive: StatementOutcome[]
  /** Rule sentences; the first is the main reason. */
  rules: string[]
}

/** Statements of the runs that apply with this effect (plain loops: this runs for every request). */
function applying(runs: readonly PolicyRun[], effect: 'Allow' | 'Deny', out: StatementOutcome[] = []): StatementOutcome[] {
  for (const r of runs) for (const o of r.outcomes) if (o.applies && o.stmt.effect === effect) out.push(o)
  return out
}
const allowsIn = (runs: readonly PolicyRun[]): StatementOutcome[] => applying(runs, 'Allow')

const GRANT_RANK: Record<PrincipalMatchKind, number> = { direct: 3, wildcard: 3, 'not-listed': 3, role: 2, account: 1 }

function deniesIn(run: SetRun): StatementOutcome[] {
  const out: StatementOutcome[] = []
  for (const l of run.scps) applying(l, 'Deny', out)
  for (const l of run.rcps) applying(l, 'Deny', out)
  if (run.resource) applying([run.resource], 'Deny', out)
  applying(run.identity, 'Deny', out)
  if (run.boundary) applying([run.boundary], 'Deny', out)
  if (run.session) applying([run.session], 'Deny', out)
  return out
}

/** Resource-policy Allow statements that name the caller in one of these ways. */
function grantsOf(rpAllows: StatementOutcome[], kinds: readonly PrincipalMatchKind[]): StatementOutcome[] {
  const out: StatementOutcome[] = []
  for (const o of rpAllows) if (kinds.includes(o.principal?.kind ?? 'wildcard')) out.push(o)
  return out
}

/** Why the boundary or the session policy blocks. */
function limitsOf(req: SimRequest, boundaryOK: boolean, sessionOK: boolean, app: Applicability): string[] {
  const r: string[] = []
  if (!boundaryOK) r.push(`The permissions boundary does not allow ${on(req)}; a boundary sets the most that identity-based policies can grant.`)
  if (!sessionOK)
    r.push(
      req.caller.kind === 'federated-user' && !app.session
        ? 'A federated-user session has only the permissions of the session policy passed to GetFederationToken, and none was given.'
        : `The session policy does not allow ${on(req)}; a session's permissions are the intersection of its identity-based policies and its session policy.`,
    )
  return r
}

function on(req: SimRequest): string {
  return `${req.action} on ${req.resource}`
}

export function decide(set: CompiledPolicySet, run: SetRun, req: SimRequest, app: Applicability): Verdict {
  const c = req.caller
  const iam = isIamCaller(c.kind)

  // 1. No permission is needed for sts:GetCallerIdentity, and a Deny cannot stop it.
  if (req.actionLower === 'sts:getcalleridentity' && iam)
    return {
      decision: 'Allowed',
      decisive: [],
      rules: [
        'sts:GetCallerIdentity needs no permission and works even when a policy denies it (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).',
      ],
    }

  // 2. An explicit Deny in any policy that applies wins.
  const denies = deniesIn(run)
  if (denies.length)
    return { decision: 'ExplicitDeny', decisive: denies, rules: ['An explicit Deny in any applicable policy overrides every Allow.'] }

  // 3. SCPs: every level of the organization tree must allow.
  if (app.scps) {
    for (let i = 0; i < run.scps.length; i++) {
      if (allowsIn(run.scps[i]!).length === 0)
        return {
          decision: 'ImplicitDeny',
          decisive: [],
          rules: [
            `No SCP at level scps[${i}] allows ${on(req)}: every level of the organization (root, each OU, the account) must allow, and SCPs limit even what a resource-based policy grants.`,
          ],
        }
    }
  }
  // 4. RCPs: RCPFullAWSAccess is attached at every level and cannot be detached, so only their Denies matter.

  const rpAllows = run.resource ? allowsIn([run.resource]) : []
  let best: PrincipalMatchKind | undefined
  for (const o of rpAllows) {
    const k = o.principal?.kind ?? (o.stmt.principal ? undefined : 'wildcard')
    if (k && (!best || GRANT_RANK[k] > GRANT_RANK[best])) best = k
  }
  const rpLabel = set.resourcePolicy?.label ?? 'resourcePolicy'

  // 5. Principals that have no identity-based policies: only the resource-based policy can grant.
  if (!iam) {
    const g = grantsOf(rpAllows, ['direct', 'wildcard', 'not-listed'])
    if (g.length) return { decision: 'Allowed', decisive: g, rules: [`${rpLabel} grants ${on(req)} to this principal, and nothing denies it.`] }
    return {
      decision: 'ImplicitDeny',
      decisive: [],
      rules: [
        set.resourcePolicy
          ? `No statement of ${rpLabel} allows ${on(req)} for this principal, and only a resource-based policy can grant it access.`
          : `Only a resource-based policy can grant access to this principal, and the case has none.`,
      ],
    }
  }

  const must = mustAllowPolicy(req)
  const mustName = must === 'trust' ? 'role trust policy' : 'KMS key policy'
  if (c.kind === 'root' && must === 'trust')
    return {
      decision: 'ImplicitDeny',
      decisive: [],
      rules: ['The account root user cannot assume a role (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).'],
    }

  const identityAllows = allowsIn(run.identity)
  const boundaryAllows = run.boundary ? allowsIn([run.boundary]) : []
  const sessionAllows = run.session ? allowsIn([run.session]) : []
  const identityOK = c.kind === 'root' || identityAllows.length > 0
  const boundaryOK = !app.boundary || boundaryAllows.length > 0
  const sessionOK = c.kind === 'federated-user' ? app.session && sessionAllows.length > 0 : !app.session || sessionAllows.length > 0

  const principalSide = [...identityAllows, ...boundaryAllows, ...sessionAllows]

  const same = c.account === undefined || req.resourceAccount === undefined || c.account === req.resourceAccount
  if (same) {
    if (must && !set.resourcePolicy)
      return {
        decision: 'ImplicitDeny',
        decisive: [],
        rules: [`A ${mustName} must itself allow ${on(req)} (naming the principal, or the account to let IAM policies work); the case gives none, so an identity-based Allow is not enough.`],
      }
    if (best && GRANT_RANK[best] === 3) {
      const g = grantsOf(rpAllows, ['direct', 'wildcard', 'not-listed'])
      return {
        decision: 'Allowed',
        decisive: g,
        rules: [
          `${rpLabel} grants ${on(req)} to ${best === 'direct' ? "the caller's own ARN" : 'every principal'}: in the same account that is enough on its own, whatever the identity-based policies, permissions boundary or session policy say (only an explicit Deny could stop it).`,
        ],
      }
    }
    if (best === 'role') {
      const g = grantsOf(rpAllows, ['role'])
      if (boundaryOK && sessionOK)
        return {
          decision: 'Allowed',
          decisive: [...g, ...boundaryAllows, ...sessionAllows],
          rules: [`${rpLabel} grants ${on(req)} to the caller's role ARN: identity-based policies need not allow it, but the permissions boundary and session policy still apply, and they allow it.`],
        }
      return {
        decision: 'ImplicitDeny',
        decisive: [],
        rules: [`${rpLabel} grants ${on(req)} to the role ARN, which does not lift the limits of the permissions boundary or session policy.`, ...limitsOf(req, boundaryOK, sessionOK, app)],
      }
    }
    if (must && !best)
      return {
        decision: 'ImplicitDeny',
        decisive: [],
        rules: [
          `The ${mustName} (${rpLabel}) does not allow ${on(req)} for this caller: it must allow it itself, naming the principal or its account; an identity-based Allow is not enough.`,
        ],
      }
    if (identityOK && boundaryOK && sessionOK) {
      const accountGrants = must ? grantsOf(rpAllows, ['account']) : []
      return {
        decision: 'Allowed',
        decisive: [...accountGrants, ...principalSide],
        rules: [
          c.kind === 'root'
            ? `The account root user may do anything in its own account that no policy denies${must ? `, and the ${mustName} names the account` : ''}.`
            : must
              ? `The ${mustName} names the caller's account, which lets IAM policies grant access, and an identity-based policy allows ${on(req)}.`
              : `An identity-based policy allows ${on(req)}${app.boundary ? ', the permissions boundary allows it' : ''}${app.session ? ', the session policy allows it' : ''}, and nothing denies it.`,
        ],
      }
    }
    const rules: string[] = []
    if (!identityOK)
      rules.push(
        `No identity-based policy allows ${on(req)}${set.resourcePolicy ? `, and ${rpLabel} does not grant it to the caller itself` : ''}: without an Allow the request is implicitly denied.`,
      )
    rules.push(...limitsOf(req, boundaryOK, sessionOK, app))
    return { decision: 'ImplicitDeny', decisive: [], rules }
  }

  // Cross-account: the trusted (caller's) account and the trusting (resource's) account must both allow.
  const rules: string[] = []
  const resourceOK = rpAllows.length > 0
  if (!resourceOK)
    rules.push(
      set.resourcePolicy
        ? `Cross-account request: ${rpLabel} in account ${req.resourceAccount} does not allow ${on(req)} for ${c.arn ?? 'the caller'}; both accounts must allow.`
        : `Cross-account request: account ${req.resourceAccount} must grant access in a resource-based policy, and the case has none.`,
    )
  if (!identityOK)
    rules.push(
      `Cross-account request: no identity-based policy in account ${c.account} allows ${on(req)}; a resource policy that names the caller does not replace the caller's own Allow across accounts.`,
    )
  rules.push(...limitsOf(req, boundaryOK, sessionOK, app))
  if (rules.length) return { decision: 'ImplicitDeny', decisive: [], rules }
  return {
    decision: 'Allowed',
    decisive: [...rpAllows, ...principalSide],
    rules: [`Cross-account request: ${rpLabel} in account ${req.resourceAccount} allows it and the caller's account allows it (identity-based policies${app.boundary ? ', boundary' : ''}${app.session ? ', session policy' : ''}${app.scps ? ', SCPs' : ''}).`],
  }
}
