import { parseArn } from '../../arn/arn'
import type { Fix, Suggestion } from '../../findings/types'
import type { Located, StatementModel } from '../../model/types'
import { nameList, readsByName, suggestion, type SuggestContext } from '../context'
import { EXAMPLE_ACCOUNT, EXAMPLE_ORG_ID } from '../placeholders'
import { conditionValues, hasConditionKey, type StatementInfo } from '../statements'

const MFA_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html'
const DEPUTY_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html'
const ORG_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid'
const TLS_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html'
const GITHUB_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub'
const PUBLIC_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status'

const MFA_KEYS = ['aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge']
const SOURCE_KEYS = ['aws:SourceArn', 'aws:SourceAccount', 'aws:SourceOrgID', 'aws:SourceOrgPaths', 'aws:SourceOwner']
/** Keys that tie a request to known callers or networks, so a `*` principal is not public (AWS's "public" test). */
const CALLER_KEYS = [
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:PrincipalServiceName',
  'aws:SourceArn',
  'aws:SourceAccount',
  'aws:SourceOwner',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
  'aws:SourceVpc',
  'aws:SourceVpce',
  'aws:SourceIp',
  'aws:VpceAccount',
  'aws:VpceOrgID',
  'aws:VpceOrgPaths',
  'aws:userid',
  'aws:username',
  'kms:CallerAccount',
  's3:DataAccessPointAccount',
  's3:DataAccessPointArn',
]
const ORG_KEYS = ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths', 'sts:ExternalId']
const GITHUB = 'token.actions.githubusercontent.com'

/** Is one of the keys tested with a positive operator and a value that is not just `*`? */
function restrictedBy(s: StatementModel, keys: readonly string[]): boolean {
  return keys.some((k) => conditionValues(s, k).some((c) => !c.negated && c.values.some((v) => v !== '*')))
}

function capital(label: string): string {
  return label[0]!.toUpperCase() + label.slice(1)
}

/** MFA for "Permissions management" actions in identity policies. */
function mfa(ctx: SuggestContext): Suggestion[] {
  if (ctx.policyType !== 'identity') return []
  // a policy-wide Deny on MFA (AWS's "require MFA" pattern) already covers every statement
  if (ctx.statements.some((s) => s.effect === 'Deny' && hasConditionKey(s.model, MFA_KEYS))) return []
  const out: Suggestion[] = []
  for (const s of ctx.statements) {
    if (s.effect !== 'Allow' || s.fullyDenied || s.inactiveBecause || hasConditionKey(s.model, MFA_KEYS)) continue
    let at: Located<string> | undefined
    const pm: string[] = []
    if (s.notAction) {
      const el = s.model.notAction!
      for (const a of ctx.catalogue.allActions())
        if (a.accessLevel === 'Permissions management' && !readsByName(a.key) && !s.itemsFor(a.service).some((i) => i.match(a.key))) pm.push(a.key)
      if (pm.length) at = { value: 'NotAction', range: el.key.range, path: el.key.path }
    } else
      for (const i of s.actionItems) {
        const hits = ctx.catalogue.expand(i.item.value).filter((a) => a.accessLevel === 'Permissions management' && !readsByName(a.key))
        if (hits.length && !at) at = i.item
        pm.push(...hits.map((a) => a.key))
      }
    if (!at || pm.length === 0) continue
    const edit = ctx.editor.addCondition(s.model, 'Bool', { 'aws:MultiFactorAuthPresent': 'true' })
    out.push(
      suggestion({
        code: 'MISSING_MFA_CONDITION',
        severity: 'SUGGESTION',
        category: 'missing-condition',
        message: `${capital(s.label)} allows permission changes (${nameList(pm, 4)}) without requiring MFA. For people who sign in, add a Bool condition aws:MultiFactorAuthPresent = true so a stolen password or access key alone cannot change permissions; roles used by applications and services never carry MFA, so leave it out for them.`,
        at,
        actions: pm.slice(0, 50),
        fixes: [edit && { title: 'Require MFA (Bool aws:MultiFactorAuthPresent = true)', edits: [edit] }],
        learnMore: MFA_DOC,
      }),
    )
  }
  return out
}

/** Confused deputy: service principals in resource policies without aws:SourceArn / aws:SourceAccount. */
function serviceSource(ctx: SuggestContext): Suggestion[] {
  if (ctx.policyType !== 'resource') return []
  const out: Suggestion[] = []
  for (const s of ctx.statements) {
    if (s.effect !== 'Allow' || hasConditionKey(s.model, SOURCE_KEYS)) continue
    const svc = s.model.principal?.entries.find((e) => e.type === 'Service')
    const v = svc?.values.find((x) => x.value.endsWith('.amazonaws.com') || x.value.endsWith('.amazonaws.com.cn'))
    if (!v) continue
    const account = ctx.arn.account ?? EXAMPLE_ACCOUNT
    const edit = ctx.editor.addCondition(s.model, 'StringEquals', { 'aws:SourceAccount': account })
    const note = ctx.arn.account ? '' : ` (replace the example account ${EXAMPLE_ACCOUNT} with yours)`
    out.push(
      suggestion({
        code: 'MISSING_SOURCE_CONDITION_FOR_SERVICE_PRINCIPAL',
        severity: 'WARNING',
        category: 'missing-condition',
        message: `${capital(s.label)} lets the service ${v.value} act without aws:SourceArn or aws:SourceAccount, so the service could be used on behalf of anyone's resources (the confused deputy problem). Add aws:SourceArn (the resource that calls) or aws:SourceAccount (your account).`,
        at: v,
        fixes: [edit && { title: `Require aws:SourceAccount = ${account}${note}`, edits: [edit] }],
        learnMore: DEPUTY_DOC,
      }),
    )
  }
  return out
}

function accountOf(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return value
  const a = parseArn(value)
  return a && /^\d{12}$/.test(a.account) ? a.account : undefined
}

/** The policy's own account: given, or read from the account field of its resource ARNs. */
function ownAccount(ctx: SuggestContext): string | undefined {
  if (ctx.arn.account) return ctx.arn.account
  for (const s of ctx.statements) for (const r of s.resources ?? []) {
    const a = parseArn(r)
    if (a && /^\d{12}$/.test(a.account)) return a.account
  }
  return undefined
}

function orgFix(ctx: SuggestContext, s: StatementInfo): Fix | undefined {
  const edit = ctx.editor.addCondition(s.model, 'StringEquals', { 'aws:PrincipalOrgID': EXAMPLE_ORG_ID })
  return edit && { title: `Allow only principals in your organization (aws:PrincipalOrgID; replace ${EXAMPLE_ORG_ID} with your organization ID)`, edits: [edit] }
}

/** Public and cross-account grants in resource and trust policies. */
function principals(ctx: SuggestContext): Suggestion[] {
  if (ctx.policyType !== 'resource' && ctx.policyType !== 'trust') return []
  const out: Suggestion[] = []
  const own = ownAccount(ctx)
  for (const s of ctx.statements) {
    if (s.effect !== 'Allow' || !s.model.principal) continue
    const p = s.model.principal
    const star = p.wildcard ?? p.entries.find((e) => e.type === 'AWS')?.values.find((v) => v.value === '*')
    if (star) {
      if (restrictedBy(s.model, CALLER_KEYS)) continue
      const who = ctx.policyType === 'trust' ? 'anyone can assume this role' : 'anyone, including anonymous users, gets this access'
      out.push(
        suggestion({
          code: 'PUBLIC_ACCESS',
          severity: 'SECURITY_WARNING',
          category: 'resource-exposure',
          message: `${capital(s.label)} allows Principal "*" with no condition that limits the caller, so ${who}. Unless that is intended (a public website), limit it with aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceVpce.`,
          at: star,
          fixes: [orgFix(ctx, s)],
          learnMore: PUBLIC_DOC,
        }),
      )
      continue
    }
    if (restrictedBy(s.model, ORG_KEYS)) continue
    const aws = p.entries.filter((e) => e.type === 'AWS').flatMap((e) => e.values)
    const foreign = aws.filter((v) => {
      const a = accountOf(v.value)
      return a !== undefined && own !== undefined && a !== own
    })
    if (foreign.length === 0) continue
    const accounts = [...new Set(foreign.map((v) => accountOf(v.value)!))]
    const extra = ctx.policyType === 'trust' ? ' For a third party that assumes the role, require sts:ExternalId instead.' : ''
    out.push(
      suggestion({
        code: 'MISSING_PRINCIPAL_ORG_CONDITION',
        severity: 'SUGGESTION',
        category: 'missing-condition',
        message: `${capital(s.label)} grants access to another account (${nameList(accounts, 3)}). If it belongs to your organization, add aws:PrincipalOrgID so the grant stops working if the account leaves it.${extra}`,
        at: foreign[0]!,
        fixes: [orgFix(ctx, s)],
        learnMore: ORG_DOC,
      }),
    )
  }
  return out
}

/** Buckets named by a bucket policy's resources: `arn:aws:s3:::name` or `arn:aws:s3:::name/key`. */
function buckets(ctx: SuggestContext): { partition: string; name: string }[] {
  const out = new Map<string, { partition: string; name: string }>()
  for (const s of ctx.statements)
    for (const r of s.resources ?? []) {
      const a = parseArn(r)
      if (!a || a.service !== 's3' || a.region || a.account) continue
      const name = a.resource.split('/')[0]!
      if (!name || /[*?$]/.test(name)) continue
      out.set(`${a.partition}:${name}`, { partition: a.partition, name })
    }
  return [...out.values()]
}

/** Bucket policies without a Deny on aws:SecureTransport = false. */
function secureTransport(ctx: SuggestContext): Suggestion[] {
  if (ctx.policyType !== 'resource') return []
  const list = buckets(ctx)
  if (list.length === 0 || !ctx.model.statementKey) return []
  if (ctx.statements.some((s) => s.effect === 'Deny' && hasConditionKey(s.model, ['aws:SecureTransport', 's3:TlsVersion']))) return []
  const stmt = {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: list.flatMap((b) => [`arn:${b.partition}:s3:::${b.name}`, `arn:${b.partition}:s3:::${b.name}/*`]),
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  }
  const edits = ctx.editor.appendStatements([stmt])
  return [
    suggestion({
      code: 'MISSING_SECURE_TRANSPORT_DENY',
      severity: 'SUGGESTION',
      category: 'missing-condition',
      message: `This bucket policy does not refuse plain-HTTP requests. Add a statement that denies every S3 action on ${nameList(list.map((b) => b.name), 3)} when aws:SecureTransport is false, so data only travels encrypted.`,
      at: { range: ctx.model.statementKey.range, path: ctx.model.statementKey.path },
      actions: ['s3:*'],
      fixes: [edits && { title: 'Add a statement that denies requests not sent over HTTPS', edits }],
      learnMore: TLS_DOC,
    }),
  ]
}

/** GitHub Actions OIDC trust without a specific `sub`. */
function github(ctx: SuggestContext): Suggestion[] {
  const out: Suggestion[] = []
  for (const s of ctx.statements) {
    if (s.effect !== 'Allow') continue
    const fed = s.model.principal?.entries.find((e) => e.type === 'Federated')?.values.find((v) => v.value.includes(GITHUB))
    if (!fed) continue
    const subs = conditionValues(s.model, `${GITHUB}:sub`).filter((c) => !c.negated)
    if (subs.length === 0) {
      const keys: Record<string, string> = { [`${GITHUB}:sub`]: 'repo:my-org/my-repo:ref:refs/heads/main' }
      if (!hasConditionKey(s.model, [`${GITHUB}:aud`])) keys[`${GITHUB}:aud`] = 'sts.amazonaws.com'
      const edit = ctx.editor.addCondition(s.model, 'StringEquals', keys)
      out.push(
        suggestion({
          code: 'MISSING_GITHUB_SUB_CONDITION',
          severity: 'SECURITY_WARNING',
          category: 'missing-condition',
          message: `${capital(s.label)} trusts GitHub Actions without a condition on ${GITHUB}:sub, so a workflow in any GitHub repository, anyone's, can assume this role. Name your repository and branch or environment in a StringEquals condition on ${GITHUB}:sub.`,
          at: fed,
          fixes: [edit && { title: 'Allow only one repository and branch (replace my-org/my-repo and main with yours)', edits: [edit] }],
          learnMore: GITHUB_DOC,
        }),
      )
      continue
    }
    const values = subs.flatMap((c) => (c.like ? c.values : []))
    const broad = values.filter((v) => /^(\*|repo:\*.*|repo:[^/]*\*.*)$/.test(v))
    const orgWide = values.filter((v) => !broad.includes(v) && /^repo:[^/*]+\/\*$/.test(v))
    if (broad.length || orgWide.length) {
      const v = broad[0] ?? orgWide[0]!
      out.push(
        suggestion({
          code: 'GITHUB_SUB_TOO_BROAD',
          severity: broad.length ? 'WARNING' : 'SUGGESTION',
          category: 'missing-condition',
          message: `The ${GITHUB}:sub condition "${v}" ${broad.length ? 'matches repositories of any owner' : 'matches every repository of the organization and every branch'}. Name the repository and the branch or environment, e.g. repo:my-org/my-repo:ref:refs/heads/main.`,
          at: fed,
          learnMore: GITHUB_DOC,
        }),
      )
    }
  }
  return out
}

export function checkConditions(ctx: SuggestContext): Suggestion[] {
  return [...mfa(ctx), ...serviceSource(ctx), ...principals(ctx), ...secureTransport(ctx), ...github(ctx)]
}

