/**
 * Principal and NotPrincipal: principal types, AWS account/ARN formats, service principal names,
 * federated providers, unique IDs, wildcards, empty values.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
import { PRINCIPAL_TYPES, type PrincipalElement, type PrincipalEntry } from '../../model/types'
import type { ValidationContext } from '../context'

export const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*\.(amazonaws\.com|amazonaws\.com\.cn|amazon\.com|amazonaws\.eu|c2s\.ic\.gov|sc2s\.sgov\.gov)$/
const VIA_SERVICE = /^[a-z0-9-]+\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/
const ROLE_ID = /^AROA[A-Z0-9]{12,}$/
const USER_ID = /^AIDA[A-Z0-9]{12,}$/
const ACCOUNT_ID = /^\d{12}$/
const CANONICAL_USER = /^[0-9a-f]{64}$/
const PRINCIPAL_ARN = /^arn:[a-z-]+:(iam|sts)::(\d{12}|cloudfront|\*):(.+)$/
const SAML_PROVIDER = /^arn:[a-z-]+:iam::\d{12}:saml-provider\/[\w+=,.@-]+$/
const OIDC_PROVIDER = /^arn:[a-z-]+:iam::\d{12}:oidc-provider\/[^\s]+$/
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^\s]*)?$/i

function awsPrincipalProblem(value: string): string | undefined {
  if (value === '*' || ACCOUNT_ID.test(value)) return undefined
  const m = PRINCIPAL_ARN.exec(value)
  if (!m) {
    return value.startsWith('arn:')
      ? `"${value}" is not an IAM principal ARN. AWS principals are IAM or STS ARNs with a 12-digit account, such as "arn:aws:iam::111122223333:role/MyRole".`
      : `"${value}" is not a valid AWS principal. Use a 12-digit account ID, an account root ARN ("arn:aws:iam::111122223333:root"), or a user, role or assumed-role session ARN.`
  }
  const [, service, , resource] = m as unknown as [string, string, string, string]
  if (service === 'iam') {
    if (resource === 'root' || /^(user|role)\/./.test(resource)) return undefined
    if (resource.startsWith('group/')) return `IAM groups cannot be principals ("${value}"). Name the users, or grant the group access with an identity-based policy.`
    return `"${value}" is not a principal: IAM principals are "root", "user/..." or "role/..." ARNs.`
  }
  if (/^(assumed-role\/[^/]+\/.|federated-user\/.)/.test(resource)) return undefined
  return `"${value}" is not a principal: STS principals are "assumed-role/ROLE/SESSION" or "federated-user/NAME" ARNs.`
}

function checkEntry(ctx: ValidationContext, el: PrincipalElement, entry: PrincipalEntry): void {
  const type = ctx.policyType
  if (!(PRINCIPAL_TYPES as readonly string[]).includes(entry.type)) {
    const proper = PRINCIPAL_TYPES.find((t) => t.toLowerCase() === entry.type.toLowerCase())
    const exists = proper && el.entries.some((e) => e.type === proper)
    ctx.report(
      'INVALID_PRINCIPAL_KEY',
      entry.key,
      proper ? `Principal types are case-sensitive: write "${proper}", not "${entry.type}".` : `"${entry.type}" is not a principal type. Use "AWS", "Service", "Federated" or "CanonicalUser".`,
      proper && !exists ? [{ title: `Change to "${proper}"`, edits: [ctx.edits.replaceWithString(entry.key, proper)] }] : undefined,
    )
    return
  }
  if (entry.isArray && entry.values.length === 0 && entry.node.type === 'array' && entry.node.items.length === 0) {
    ctx.report('EMPTY_ARRAY_PRINCIPAL', entry.key, `The ${entry.type} principal list is empty, so it names nobody. Add principals or remove the entry.`)
    return
  }
  for (const v of entry.values) {
    const value = v.value
    switch (entry.type) {
      case 'AWS': {
        if (value !== '*' && /[*?]/.test(value)) {
          ctx.report(
            'UNSUPPORTED_WILDCARD_IN_PRINCIPAL',
            v,
            `Wildcards cannot be part of a principal ("${value}"); only "*" on its own is allowed. To match a set of principals, use "*" with a condition such as ArnLike on aws:PrincipalArn.`,
          )
          break
        }
        if (ROLE_ID.test(value)) {
          ctx.report('INVALID_ROLE_REFERENCE', v, `"${value}" is a role's unique ID. IAM shows this when the role was deleted; a new role with the same name will not match. Use the role ARN.`)
          break
        }
        if (USER_ID.test(value)) {
          ctx.report('INVALID_USER_REFERENCE', v, `"${value}" is a user's unique ID. IAM shows this when the user was deleted; a new user with the same name will not match. Use the user ARN.`)
          break
        }
        const problem = awsPrincipalProblem(value)
        if (problem) ctx.report('INVALID_PRINCIPAL_FORMAT', v, problem)
        break
      }
      case 'Service':
        if (/[*?]/.test(value)) {
          ctx.report('UNSUPPORTED_WILDCARD_IN_PRINCIPAL', v, `Service principals cannot contain wildcards ("${value}"). Name each service, such as "lambda.amazonaws.com".`)
        } else if (!SERVICE_PRINCIPAL.test(value)) {
          ctx.report(
            'INVALID_SERVICE_PRINCIPAL_FORMAT',
            v,
            `"${value}" is not a service principal. Service principals are lowercase names ending in ".amazonaws.com", such as "lambda.amazonaws.com".`,
            /[A-Z]/.test(value) && SERVICE_PRINCIPAL.test(value.toLowerCase()) ? [{ title: `Change to "${value.toLowerCase()}"`, edits: [ctx.edits.replaceWithString(v, value.toLowerCase())] }] : undefined,
          )
        }
        break
      case 'Federated':
        if (type === 'resource') {
          ctx.report('FEDERATED_PRINCIPAL_NOT_SUPPORTED', v, 'Federated principals are only allowed in role trust policies: federated users act through the role they assume.')
        } else if (type === 'trust' && !SAML_PROVIDER.test(value) && !OIDC_PROVIDER.test(value) && !(DOMAIN.test(value) && !value.startsWith('arn:'))) {
          ctx.report(
            'INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY',
            v,
            `"${value}" is not an identity provider. Use a SAML provider ARN ("arn:aws:iam::111122223333:saml-provider/Name"), an OIDC provider ARN ("arn:aws:iam::111122223333:oidc-provider/host"), or a provider domain such as "cognito-identity.amazonaws.com".`,
          )
        }
        break
      case 'CanonicalUser':
        if (!CANONICAL_USER.test(value) && value !== '*') {
          ctx.report('INVALID_PRINCIPAL_FORMAT', v, `"${value}" is not an S3 canonical user ID (64 hexadecimal characters).`)
        }
        break
    }
  }
}

function checkElement(ctx: ValidationContext, el: PrincipalElement | undefined): void {
  if (!el) return
  if (el.node.type === 'object' && el.node.properties.length === 0) {
    ctx.report('EMPTY_OBJECT_PRINCIPAL', el.key, `"${el.key.name}" is an empty object, so it names nobody. Add principals such as {"AWS": "arn:aws:iam::111122223333:root"}.`)
    return
  }
  for (const entry of el.entries) checkEntry(ctx, el, entry)
}

export function checkPrincipals(ctx: ValidationContext): void {
  const type = ctx.policyType
  const principalsAllowed = type === 'resource' || type === 'trust' || type === 'rcp'
  for (const facts of ctx.statements) {
    const st = facts.st
    if (principalsAllowed) {
      checkElement(ctx, st.principal)
      checkElement(ctx, st.notPrincipal)
      if (st.notPrincipal && facts.effect === 'Allow') {
        ctx.report(
          'ALLOW_WITH_NOT_PRINCIPAL',
          st.notPrincipal.key,
          'Allow with NotPrincipal grants access to every principal except those listed, including anonymous users. Name the principals to allow in "Principal" instead.',
        )
      }
    }
    for (const use of facts.conditions) {
      if (use.lower !== 'kms:viaservice' || use.block.parsed.base?.family !== 'String') continue
      for (const v of use.entry.values) {
        if (/[*?$]/.test(v.value) || VIA_SERVICE.test(v.value)) continue
        ctx.report(
          'INVALID_SERVICE_PRINCIPAL_FORMAT',
          v,
          `kms:ViaService takes a service endpoint with its Region, such as "s3.us-east-1.amazonaws.com"; "${v.value}" never matches.`,
        )
      }
    }
  }
}
