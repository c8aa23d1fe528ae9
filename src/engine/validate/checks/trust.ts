/**
 * Role trust policies: no Resource, no `*` principal, sts actions that fit the principal (SAML, OIDC,
 * IAM Roles Anywhere), OIDC and GitHub conditions, redundant session principals.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html
 */
import type { Fix } from '../../findings/types'
import type { Located } from '../../model/types'
import type { StatementFacts, ValidationContext } from '../context'
import { hasValueWildcard } from './condition-values'

const SAML_PROVIDER = /:saml-provider\//
const OIDC_PROVIDER_ARN = /^arn:[^:]*:iam::[^:]*:oidc-provider\/(.+)$/
const ROLE_ARN = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/
const SESSION_ARN = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/
const ROLES_ANYWHERE_ACTIONS = ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession']
const ASSUME_ACTIONS = ['sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity']
const GITHUB = 'token.actions.githubusercontent.com'

/** The OIDC issuer host of a Federated value (ARN or domain), or undefined for SAML and others. */
export function oidcHost(value: string): string | undefined {
  const m = OIDC_PROVIDER_ARN.exec(value)
  if (m) return m[1]
  if (value.startsWith('arn:')) return undefined
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(value) ? value : undefined
}

function coveredStsActions(facts: StatementFacts): Set<string> {
  return new Set(facts.coveredActions().filter((a) => a.service === 'sts').map((a) => a.key.toLowerCase()))
}

/** The Roles Anywhere actions the statement lacks, with a fix that adds them. */
function rolesAnywhereGap(ctx: ValidationContext, facts: StatementFacts): { missing: string[]; fix?: Fix } {
  const el = facts.st.action
  if (!el) return { missing: [] }
  const covered = coveredStsActions(facts)
  const missing = ROLES_ANYWHERE_ACTIONS.filter((a) => !covered.has(a.toLowerCase()))
  if (missing.length === 0) return { missing }
  const title = `Add ${missing.join(', ')}`
  const node = el.node
  if (node.type === 'array') return { missing, fix: { title, edits: [ctx.edits.appendArrayItem(node, missing.map((a) => JSON.stringify(a)).join(', '))] } }
  if (node.type === 'string') return { missing, fix: { title, edits: [ctx.edits.replaceNode(node, JSON.stringify([node.value, ...missing]))] } }
  return { missing }
}

export function checkTrustPolicy(ctx: ValidationContext): void {
  if (ctx.policyType !== 'trust') return
  for (const facts of ctx.statements) {
    const st = facts.st
    for (const name of ['Resource', 'NotResource'] as const) {
      const k = st.keys.find((x) => x.name === name)
      if (!k) continue
      const p = st.node.properties.find((q) => q.key === k.path[k.path.length - 1])
      ctx.report(
        'ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE',
        k,
        `A role trust policy cannot have "${name}": the resource is always the role itself.`,
        p ? [{ title: `Remove "${name}"`, edits: [ctx.edits.removeProperty(st.node, p)] }] : undefined,
      )
    }
    if (facts.effect !== 'Allow') continue
    const principal = st.principal
    if (!principal) continue
    // Access Analyzer's check concerns the string form "Principal": "*"; {"AWS": "*"} (usually narrowed by an
    // aws:PrincipalOrgID condition) passes it.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-role-trust-policy-unsupported-wildcard-in-principal
    const awsStar = principal.wildcard
    if (awsStar) {
      ctx.report(
        'ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL',
        awsStar,
        'A role trust policy must not let "*" (every AWS principal, in any account) assume the role. Name the accounts, roles or services that may assume it.',
      )
    }
    const federated = principal.entries.filter((e) => e.type === 'Federated').flatMap((e) => e.values)
    const others = principal.entries.filter((e) => e.type === 'AWS' || e.type === 'Service').flatMap((e) => e.values)
    const services = principal.entries.filter((e) => e.type === 'Service').flatMap((e) => e.values)
    const covered = coveredStsActions(facts)
    const actionAt = st.action?.key ?? st.notAction?.key
    if (st.action && actionAt) {
      const saml = federated.find((v) => SAML_PROVIDER.test(v.value))
      const oidc = federated.find((v) => oidcHost(v.value) !== undefined)
      // Only the statement's assume-role action must fit the principal: a statement that grants the provider
      // just sts:TagSession or sts:SetSourceIdentity beside the assume statement is the documented layout.
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_adding-assume-role-saml
      const assumes = ASSUME_ACTIONS.some((a) => covered.has(a))
      if (saml && assumes && !covered.has('sts:assumerolewithsaml')) {
        ctx.report('MISMATCHED_ACTION_FOR_PRINCIPAL', actionAt, `A SAML provider principal assumes a role with sts:AssumeRoleWithSAML, which this statement does not allow.`)
      }
      if (oidc && assumes && !covered.has('sts:assumerolewithwebidentity')) {
        ctx.report('MISMATCHED_ACTION_FOR_PRINCIPAL', actionAt, `An OIDC provider principal assumes a role with sts:AssumeRoleWithWebIdentity, which this statement does not allow.`)
      }
      if (federated.length === 0 && others.length > 0 && !covered.has('sts:assumerole') && (covered.has('sts:assumerolewithsaml') || covered.has('sts:assumerolewithwebidentity'))) {
        ctx.report(
          'MISMATCHED_ACTION_FOR_PRINCIPAL',
          actionAt,
          'AWS accounts, roles, users and services assume a role with sts:AssumeRole; AssumeRoleWithSAML and AssumeRoleWithWebIdentity are only for federated principals.',
        )
      }
      if (services.some((v) => v.value === 'rolesanywhere.amazonaws.com')) {
        const gap = rolesAnywhereGap(ctx, facts)
        if (gap.missing.length > 0) {
          ctx.report(
            'MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY',
            actionAt,
            `IAM Roles Anywhere needs sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession in the trust policy to create sessions; ${gap.missing.join(', ')} ${gap.missing.length > 1 ? 'are' : 'is'} missing.`,
            gap.fix ? [gap.fix] : undefined,
          )
        }
      }
    }
    checkRedundantSessions(ctx, facts)
    checkOidcConditions(ctx, facts, federated)
  }
}

function checkRedundantSessions(ctx: ValidationContext, facts: StatementFacts): void {
  const entry = facts.st.principal?.entries.find((e) => e.type === 'AWS')
  if (!entry) return
  const roles = new Set<string>()
  for (const v of entry.values) {
    const m = ROLE_ARN.exec(v.value)
    if (m) roles.add(`${m[1]}:${m[2]}:${m[3]}`)
  }
  if (roles.size === 0) return
  entry.values.forEach((v) => {
    const m = SESSION_ARN.exec(v.value)
    if (!m || !roles.has(`${m[1]}:${m[2]}:${m[3]}`)) return
    const node = entry.node
    const idx = v.path[v.path.length - 1]
    const fix = node.type === 'array' && typeof idx === 'number' ? [{ title: 'Remove the session ARN', edits: [ctx.edits.removeArrayItem(node, idx)] }] : undefined
    ctx.report(
      'REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY',
      v,
      `The role ${m[3]} is already a principal here, which covers all of its sessions; this session ARN adds nothing.`,
      fix,
    )
  })
}

function checkOidcConditions(ctx: ValidationContext, facts: StatementFacts, federated: Located<string>[]): void {
  for (const v of federated) {
    const host = oidcHost(v.value)
    if (!host) continue
    const prefix = host.toLowerCase() + ':'
    const keys = facts.conditions.filter((c) => c.lower.startsWith(prefix))
    const isGitHub = host.toLowerCase() === GITHUB || host.toLowerCase().startsWith(GITHUB + '/')
    if (isGitHub) {
      const subs = keys.filter((c) => c.lower === prefix + 'sub')
      if (subs.length === 0) {
        ctx.report(
          'MISSING_GITHUB_REPO_CONDITION_KEY',
          v,
          `Without a condition on "${host}:sub", any GitHub Actions workflow, in any repository, can assume this role. Add "StringEquals" or "StringLike" on "${host}:sub" with your repository, such as "repo:my-org/my-repo:ref:refs/heads/main".`,
        )
      }
      for (const use of subs) {
        for (const value of use.entry.values) {
          if (hasValueWildcard(value.value) && use.block.parsed.base?.like)
            ctx.report(
              'SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED',
              value,
              `"${value.value}" uses a wildcard, so more repositories or branches than you intend may assume the role. Name the repository and branch (or environment) exactly.`,
            )
        }
      }
    } else if (keys.length === 0) {
      ctx.report(
        'MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL',
        v,
        `Without a condition on a "${host}:" claim (such as "${host}:aud" or "${host}:sub"), any identity this provider issues tokens to can assume the role. Add one.`,
      )
    }
  }
}
