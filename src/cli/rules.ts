/**
 * Every code the CLI can report, with a title, a default severity and a documentation page: the validator's
 * checks, the least-privilege assistant's suggestions and the CLI's own input codes. Used for SARIF rules
 * and to reject unknown codes in --suppress and the config file.
 */
import type { Severity } from '../engine/findings/types'
import { SEVERITIES } from '../engine/findings/types'
import { groupCodes, PRIVESC_METHODS } from '../engine/suggest'
import { CHECKS } from '../engine/validate'

export interface Rule {
  code: string
  title: string
  severity: Severity
  helpUri: string
  /** Only ever a group's code (a common prefix of member codes), never one a check emits itself. */
  group?: true
}

const UG = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/'
const LEAST_PRIVILEGE = UG + 'best-practices.html#grant-least-privilege'

/** The least-privilege assistant's codes (src/engine/suggest). */
const SUGGEST_RULES: [string, Severity, string, string][] = [
  ['DATA_EXFILTRATION', 'SECURITY_WARNING', 'Actions that can read data out of the account', LEAST_PRIVILEGE],
  ['RESOURCE_EXPOSURE', 'SECURITY_WARNING', 'Actions that can change who may access a resource', LEAST_PRIVILEGE],
  ['CREDENTIALS_EXPOSURE', 'SECURITY_WARNING', 'Actions that return credentials', LEAST_PRIVILEGE],
  ['INFRASTRUCTURE_MODIFICATION', 'WARNING', 'Actions that change infrastructure on every resource', LEAST_PRIVILEGE],
  ['PUBLIC_ACCESS', 'SECURITY_WARNING', 'The policy grants access to anyone', UG + 'reference_policies_elements_principal.html'],
  ['ALLOW_WITH_NOT_ACTION', 'WARNING', 'Allow with NotAction grants every other action', UG + 'reference_policies_elements_notaction.html'],
  ['WILDCARD_ALL_ACTIONS', 'SECURITY_WARNING', 'Every action of every service', LEAST_PRIVILEGE],
  ['WILDCARD_SERVICE_ACTIONS', 'WARNING', 'Every action of a service', LEAST_PRIVILEGE],
  ['WILDCARD_ACTION_PATTERN', 'SUGGESTION', 'An action pattern that grants more than it names', LEAST_PRIVILEGE],
  ['RESOURCE_STAR_SCOPABLE', 'SUGGESTION', 'Resource "*" where the actions accept a narrower ARN', UG + 'reference_policies_elements_resource.html'],
  ['MISSING_MFA_CONDITION', 'SUGGESTION', 'Sensitive actions without an MFA condition', UG + 'id_credentials_mfa_configure-api-require.html'],
  ['MISSING_PRINCIPAL_ORG_CONDITION', 'SUGGESTION', 'Cross-account access without aws:PrincipalOrgID', UG + 'reference_policies_condition-keys.html#condition-keys-principalorgid'],
  ['MISSING_SECURE_TRANSPORT_DENY', 'SUGGESTION', 'No Deny of requests without TLS', UG + 'reference_policies_condition-keys.html#condition-keys-securetransport'],
  ['MISSING_SOURCE_CONDITION_FOR_SERVICE_PRINCIPAL', 'SECURITY_WARNING', 'A service principal without aws:SourceArn or aws:SourceAccount', UG + 'confused-deputy.html'],
  ['MISSING_GITHUB_SUB_CONDITION', 'SECURITY_WARNING', 'GitHub OIDC trust without a sub condition', UG + 'id_roles_create_for-idp_oidc.html'],
  ['GITHUB_SUB_TOO_BROAD', 'SECURITY_WARNING', 'GitHub OIDC sub condition matches too many repositories', UG + 'id_roles_create_for-idp_oidc.html'],
  ['REDUNDANT_ACTION_COVERED', 'SUGGESTION', 'An action another entry already covers', LEAST_PRIVILEGE],
  ['REDUNDANT_ACTION_DUPLICATE', 'SUGGESTION', 'A duplicate action', LEAST_PRIVILEGE],
  ['REDUNDANT_RESOURCE_COVERED', 'SUGGESTION', 'A resource another entry already covers', LEAST_PRIVILEGE],
  ['REDUNDANT_RESOURCE_DUPLICATE', 'SUGGESTION', 'A duplicate resource', LEAST_PRIVILEGE],
  ['REDUNDANT_STATEMENT_DUPLICATE', 'SUGGESTION', 'A duplicate statement', LEAST_PRIVILEGE],
  ['REDUNDANT_STATEMENT_SUBSUMED', 'SUGGESTION', 'A statement another statement already covers', LEAST_PRIVILEGE],
  ['STATEMENTS_CAN_MERGE', 'SUGGESTION', 'Statements that can be merged', LEAST_PRIVILEGE],
  ['TRUSTS_WHOLE_ACCOUNT', 'SUGGESTION', 'A principal that trusts every user and role of an account', UG + 'reference_policies_elements_principal.html#principal-accounts'],
]


/** The CLI's own codes, about inputs rather than policies. */
export const CLI_RULES: Rule[] = [
  { code: 'UNRECOGNIZED_FILE', title: 'Not a policy, a CloudFormation template or a Terraform plan', severity: 'ERROR', helpUri: UG + 'access_policies.html' },
  { code: 'TEMPLATE_SYNTAX_ERROR', title: 'The template is not valid JSON or YAML', severity: 'ERROR', helpUri: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html' },
  { code: 'POLICY_NOT_JSON', title: 'A policy written as text that is not JSON', severity: 'ERROR', helpUri: UG + 'reference_policies_grammar.html' },
]

let cached: Map<string, Rule> | undefined

/** Every rule by code. */
export function allRules(): Map<string, Rule> {
  if (cached) return cached
  const map = new Map<string, Rule>()
  for (const c of CHECKS) map.set(c.code, { code: c.code, title: c.title, severity: c.severity, helpUri: c.learnMore })
  for (const [code, severity, title, helpUri] of SUGGEST_RULES) if (!map.has(code)) map.set(code, { code, title, severity, helpUri })
  for (const m of PRIVESC_METHODS) {
    const code = `PRIVILEGE_ESCALATION_${m.id}`
    if (!map.has(code)) map.set(code, { code, title: `Privilege escalation: the holder can ${m.how}`, severity: 'SECURITY_WARNING', helpUri: m.learnMore })
  }
  // The codes a group of suggestions carries (a category, or its members' common prefix): `--suppress` takes
  // them too, and drops every member.
  const suggestionCodes = [...SUGGEST_RULES.map(([code]) => code), ...PRIVESC_METHODS.map((m) => `PRIVILEGE_ESCALATION_${m.id}`)]
  for (const code of groupCodes(suggestionCodes)) {
    if (map.has(code)) continue
    const members = suggestionCodes.filter((c) => c.startsWith(code + '_')).map((c) => map.get(c)?.severity ?? 'SUGGESTION')
    const severity = SEVERITIES.find((sev) => members.includes(sev)) ?? 'WARNING'
    map.set(code, { code, title: `Grouped findings: ${code.toLowerCase().replace(/_/g, ' ')} (several places or methods with one cause)`, severity, helpUri: LEAST_PRIVILEGE, group: true })
  }
  for (const r of CLI_RULES) map.set(r.code, r)
  cached = map
  return map
}

/** Codes that --suppress and the config accept (unknown ones are usage errors). */
export function knownCodes(): Set<string> {
  return new Set(allRules().keys())
}

/** A rule for a code met at run time that no table names (e.g. a check added later): from the finding itself. */
export function ruleFor(code: string, severity: Severity, helpUri?: string): Rule {
  return allRules().get(code) ?? { code, title: code.toLowerCase().replace(/_/g, ' '), severity, helpUri: helpUri ?? LEAST_PRIVILEGE }
}
