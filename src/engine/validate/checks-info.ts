/**
 * Metadata of every code the validator can emit: severity, a short title, the documentation page,
 * and the policy types the check applies to (all when absent).
 */
import type { PolicyType, Severity } from '../findings/types'

export interface CheckInfo {
  code: string
  severity: Severity
  title: string
  learnMore: string
  /** Policy types the check runs for; every type when absent. */
  policyTypes?: PolicyType[]
  /** `access-analyzer`: same code and meaning as IAM Access Analyzer; `iam-sidekick`: the project's own. */
  origin: 'access-analyzer' | 'iam-sidekick'
}

const UG = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/'
const AA_REF = UG + 'access-analyzer-reference-policy-checks.html'
export const DOCS = {
  grammar: UG + 'reference_policies_grammar.html',
  version: UG + 'reference_policies_elements_version.html',
  statement: UG + 'reference_policies_elements_statement.html',
  sid: UG + 'reference_policies_elements_sid.html',
  effect: UG + 'reference_policies_elements_effect.html',
  action: UG + 'reference_policies_elements_action.html',
  notAction: UG + 'reference_policies_elements_notaction.html',
  resource: UG + 'reference_policies_elements_resource.html',
  principal: UG + 'reference_policies_elements_principal.html',
  notPrincipal: UG + 'reference_policies_elements_notprincipal.html',
  condition: UG + 'reference_policies_elements_condition.html',
  operators: UG + 'reference_policies_elements_condition_operators.html',
  multivalued: UG + 'reference_policies_condition-single-vs-multi-valued-context-keys.html',
  globalKeys: UG + 'reference_policies_condition-keys.html',
  variables: UG + 'reference_policies_variables.html',
  arns: UG + 'reference-arns.html',
  quotas: UG + 'reference_iam-quotas.html',
  evaluation: UG + 'reference_policies_evaluation-logic.html',
  serviceAuth: 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
  scp: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html',
  rcp: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html',
  orgQuotas: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html',
  passRole: UG + 'id_roles_use_passrole.html',
  confusedDeputy: UG + 'confused-deputy.html',
  oidc: UG + 'id_roles_create_for-idp_oidc.html',
  tags: UG + 'access_tags.html',
} as const

const TYPE_SLUG: Record<Severity, string> = {
  ERROR: 'error',
  SECURITY_WARNING: 'security-warning',
  WARNING: 'general-warning',
  SUGGESTION: 'suggestion',
}

function titleOf(code: string): string {
  const words = code.toLowerCase().split('_')
  return words.map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ')
}

const list: CheckInfo[] = []

/** An Access Analyzer check: its documentation anchor is derived from the title, as on AWS's page. */
function aa(code: string, severity: Severity, policyTypes?: PolicyType[], title = titleOf(code)): void {
  const anchor = `access-analyzer-reference-policy-checks-${TYPE_SLUG[severity]}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  const info: CheckInfo = { code, severity, title, learnMore: `${AA_REF}#${anchor}`, origin: 'access-analyzer' }
  if (policyTypes) info.policyTypes = policyTypes
  list.push(info)
}

function own(code: string, severity: Severity, title: string, learnMore: string, policyTypes?: PolicyType[]): void {
  const info: CheckInfo = { code, severity, title, learnMore, origin: 'iam-sidekick' }
  if (policyTypes) info.policyTypes = policyTypes
  list.push(info)
}

const NO_PRINCIPAL_TYPES: PolicyType[] = ['identity', 'boundary', 'session']
const PRINCIPAL_TYPES: PolicyType[] = ['resource', 'trust', 'rcp']
/** Policy types that grant access (SCPs, RCPs, boundaries and session policies only limit it). */
const GRANTING: PolicyType[] = ['identity', 'resource']
const NOT_TRUST: PolicyType[] = ['identity', 'resource', 'scp', 'rcp', 'boundary', 'session']
const NOT_RESOURCE: PolicyType[] = ['identity', 'trust', 'scp', 'rcp', 'boundary', 'session']

// ── ERROR ──────────────────────────────────────────────────────────────────────────────────────
aa('ARN_ACCOUNT_NOT_ALLOWED', 'ERROR')
aa('ARN_REGION_NOT_ALLOWED', 'ERROR', undefined, 'ARN region not allowed')
aa('DATA_TYPE_MISMATCH', 'ERROR')
aa('DUPLICATE_KEYS_WITH_DIFFERENT_CASE', 'ERROR')
aa('INVALID_ACTION', 'ERROR')
aa('INVALID_ARN_ACCOUNT', 'ERROR')
aa('INVALID_ARN_PREFIX', 'ERROR')
aa('INVALID_ARN_REGION', 'ERROR')
aa('INVALID_ARN_SERVICE_CASE', 'ERROR')
aa('INVALID_CONDITION_DATA_TYPE', 'ERROR')
aa('INVALID_CONDITION_KEY_FORMAT', 'ERROR')
aa('INVALID_CONDITION_MULTIPLE_BOOLEAN', 'ERROR')
aa('INVALID_CONDITION_OPERATOR', 'ERROR')
aa('INVALID_EFFECT', 'ERROR')
aa('INVALID_GLOBAL_CONDITION_KEY', 'ERROR')
aa('INVALID_PARTITION', 'ERROR')
aa('INVALID_POLICY_ELEMENT', 'ERROR')
aa('INVALID_PRINCIPAL_FORMAT', 'ERROR')
aa('INVALID_PRINCIPAL_KEY', 'ERROR', PRINCIPAL_TYPES)
aa('INVALID_REGION', 'ERROR')
aa('INVALID_SERVICE', 'ERROR')
aa('INVALID_SERVICE_CONDITION_KEY', 'ERROR')
aa('INVALID_SERVICE_IN_ACTION', 'ERROR')
aa('INVALID_VARIABLE_FOR_OPERATOR', 'ERROR')
aa('INVALID_VERSION', 'ERROR')
aa('JSON_SYNTAX_ERROR', 'ERROR', undefined, 'Json syntax error')
aa('MISSING_ACTION', 'ERROR')
aa('MISSING_ARN_FIELD', 'ERROR')
aa('MISSING_ARN_REGION', 'ERROR', undefined, 'Missing ARN region')
aa('MISSING_EFFECT', 'ERROR')
aa('MISSING_PRINCIPAL', 'ERROR', PRINCIPAL_TYPES)
aa('MISSING_QUALIFIER', 'ERROR')
aa('MISSING_RESOURCE', 'ERROR', NOT_TRUST)
aa('MISSING_STATEMENT', 'ERROR')
aa('NULL_WITH_IF_EXISTS', 'ERROR')
aa('SCP_SYNTAX_ERROR_ACTION_WILDCARD', 'ERROR', ['scp', 'rcp'], 'SCP syntax error action wildcard')
aa('SCP_SYNTAX_ERROR_PRINCIPAL', 'ERROR', ['scp'], 'SCP syntax error principal')
aa('UNIQUE_SIDS_REQUIRED', 'ERROR', NOT_RESOURCE)
aa('UNSUPPORTED_ACTION_IN_POLICY', 'ERROR', ['resource', 'trust'])
aa('UNSUPPORTED_ELEMENT_COMBINATION', 'ERROR')
aa('UNSUPPORTED_GLOBAL_CONDITION_KEY', 'ERROR', ['resource', 'trust', 'rcp'])
aa('UNSUPPORTED_PRINCIPAL', 'ERROR', NO_PRINCIPAL_TYPES)
aa('UNSUPPORTED_RESOURCE_ARN_IN_POLICY', 'ERROR', ['resource'], 'Unsupported resource ARN in policy')
aa('UNSUPPORTED_SID', 'ERROR', NOT_RESOURCE)
aa('UNSUPPORTED_WILDCARD_IN_PRINCIPAL', 'ERROR', PRINCIPAL_TYPES)
aa('MISSING_BRACE_IN_VARIABLE', 'ERROR')
aa('UNSUPPORTED_SYMBOL_IN_VARIABLE', 'ERROR')
aa('MISSING_QUOTE_IN_VARIABLE', 'ERROR')
aa('UNSUPPORTED_SPACE_IN_VARIABLE', 'ERROR')
aa('EMPTY_VARIABLE', 'ERROR')
aa('VARIABLE_UNSUPPORTED_IN_ELEMENT', 'ERROR')
aa('VARIABLE_UNSUPPORTED_IN_VERSION', 'ERROR')
aa('PRIVATE_IP_ADDRESS', 'ERROR', undefined, 'Private IP address')
aa('PRIVATE_NOT_IP_ADDRESS', 'ERROR', undefined, 'Private NotIpAddress')
aa('POLICY_SIZE_EXCEEDS_SCP_QUOTA', 'ERROR', ['scp'], 'Policy size exceeds SCP quota')
aa('INVALID_SERVICE_PRINCIPAL_FORMAT', 'ERROR')
aa('MISSING_TAG_KEY_IN_CONDITION', 'ERROR')
aa('INVALID_VPC_FORMAT', 'ERROR', undefined, 'Invalid VPC format')
aa('INVALID_VPCE_FORMAT', 'ERROR', undefined, 'Invalid VPCE format')
aa('FEDERATED_PRINCIPAL_NOT_SUPPORTED', 'ERROR', ['resource'])
aa('UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL', 'ERROR', ['resource', 'trust'])
aa('ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL', 'ERROR', ['trust'], 'Role trust policy syntax error NotPrincipal')
aa('ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL', 'ERROR', ['trust'])
aa('ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE', 'ERROR', ['trust'])
aa('TYPE_MISMATCH_IP_RANGE', 'ERROR', undefined, 'Type mismatch IP range')
aa('MISSING_ACTION_FOR_CONDITION_KEY', 'ERROR')
aa('INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY', 'ERROR', ['trust'])
aa('MISMATCHED_ACTION_FOR_PRINCIPAL', 'ERROR', ['trust'])
aa('MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY', 'ERROR', ['trust'])
aa('POLICY_SIZE_EXCEEDS_RCP_QUOTA', 'ERROR', ['rcp'], 'Policy size exceeds RCP quota')
aa('RCP_SYNTAX_ERROR_PRINCIPAL', 'ERROR', ['rcp'], 'RCP syntax error principal')
aa('RCP_SYNTAX_ERROR_ALLOW', 'ERROR', ['rcp'], 'RCP syntax error allow')
aa('RCP_SYNTAX_ERROR_NOTACTION', 'ERROR', ['rcp'], 'RCP syntax error NotAction')
aa('RCP_SYNTAX_ERROR_ACTION', 'ERROR', ['rcp'], 'RCP syntax error action')
aa('MISSING_ARN_ACCOUNT', 'ERROR', undefined, 'Missing ARN account')
aa('INVALID_KMS_KEY_VALUE', 'ERROR', undefined, 'Invalid KMS key value')
aa('VARIABLE_USAGE_TOO_PERMISSIVE', 'ERROR')
aa('WILDCARD_USAGE_TOO_PERMISSIVE', 'ERROR')

// ── WARNING ────────────────────────────────────────────────────────────────────────────────────
aa('CREATE_SLR_WITH_NOT_RESOURCE', 'WARNING', GRANTING, 'Create SLR with NotResource')
aa('CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE', 'WARNING', GRANTING, 'Create SLR with star in action and NotResource')
aa('CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE', 'WARNING', GRANTING, 'Create SLR with NotAction and NotResource')
aa('CREATE_SLR_WITH_STAR_IN_RESOURCE', 'WARNING', GRANTING, 'Create SLR with star in resource')
aa('CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE', 'WARNING', GRANTING, 'Create SLR with star in action and resource')
aa('CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION', 'WARNING', GRANTING, 'Create SLR with star in resource and NotAction')
aa('DEPRECATED_GLOBAL_CONDITION_KEY', 'WARNING', ['identity', 'boundary', 'session', 'scp'])
aa('INVALID_DATE_VALUE', 'WARNING')
aa('INVALID_ROLE_REFERENCE', 'WARNING', PRINCIPAL_TYPES)
aa('INVALID_USER_REFERENCE', 'WARNING', PRINCIPAL_TYPES)
aa('MISSING_VERSION', 'WARNING')
aa('UNIQUE_SIDS_RECOMMENDED', 'WARNING', ['resource'])
aa('WILDCARD_WITHOUT_LIKE_OPERATOR', 'WARNING')
aa('POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA', 'WARNING', ['identity', 'boundary', 'session'])
aa('POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA', 'WARNING', ['resource'])
aa('TYPE_MISMATCH', 'WARNING')
aa('TYPE_MISMATCH_BOOLEAN', 'WARNING')
aa('TYPE_MISMATCH_DATE', 'WARNING')
aa('TYPE_MISMATCH_NUMBER', 'WARNING')
aa('TYPE_MISMATCH_STRING', 'WARNING')
aa('SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED', 'WARNING', ['trust'], 'Specific GitHub repo and branch recommended')
aa('POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA', 'WARNING', ['trust'])
aa('RCP_MISSING_RELATED_PRINCIPAL_CONDITION_KEY', 'WARNING', ['rcp'], 'RCP missing related principal condition key')
aa('RCP_MISSING_RELATED_SERVICE_PRINCIPAL_CONDITION_KEY', 'WARNING', ['rcp'], 'RCP missing related service principal condition key')
aa('RCP_MISSING_SERVICE_CONDITION_KEY_NULL_CHECK', 'WARNING', ['rcp'], 'RCP missing service condition key null check')

// ── SECURITY_WARNING ───────────────────────────────────────────────────────────────────────────
aa('UNTRUSTWORTHY_CONDITION_KEY', 'SECURITY_WARNING')
aa('ALLOW_WITH_NOT_PRINCIPAL', 'SECURITY_WARNING', ['resource'], 'Allow with NotPrincipal')
aa('FORALLVALUES_WITH_SINGLE_VALUED_KEY', 'SECURITY_WARNING', undefined, 'ForAllValues with single valued key')
aa('PASS_ROLE_WITH_NOT_RESOURCE', 'SECURITY_WARNING', GRANTING, 'Pass role with NotResource')
aa('PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE', 'SECURITY_WARNING', GRANTING, 'Pass role with star in action and NotResource')
aa('PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE', 'SECURITY_WARNING', GRANTING, 'Pass role with NotAction and NotResource')
aa('PASS_ROLE_WITH_STAR_IN_RESOURCE', 'SECURITY_WARNING', GRANTING)
aa('PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE', 'SECURITY_WARNING', GRANTING)
aa('PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION', 'SECURITY_WARNING', GRANTING, 'Pass role with star in resource and NotAction')
aa('MISSING_PAIRED_CONDITION_KEYS', 'SECURITY_WARNING')
aa('DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', 'SECURITY_WARNING')
aa('DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', 'SECURITY_WARNING', undefined, 'Deny NotAction with unsupported tag condition key for service')
aa('RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL', 'SECURITY_WARNING', ['resource'])
aa('MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL', 'SECURITY_WARNING', ['trust'], 'Missing condition key for OIDC principal')
aa('MISSING_GITHUB_REPO_CONDITION_KEY', 'SECURITY_WARNING', ['trust'], 'Missing GitHub repo condition key')
aa('STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS', 'SECURITY_WARNING', undefined, 'String like operator with ARN condition keys')
aa('DYNAMODB_ATTRIBUTES_WITHOUT_SELECT', 'SECURITY_WARNING', undefined, 'DynamoDB attributes without select')
aa('S3_PREFIX_IN_NEGATIVE_CONTEXT', 'SECURITY_WARNING', undefined, 'S3 prefix in negative context')
aa('FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE', 'SECURITY_WARNING', undefined, 'ForAnyValue with audience claim type')

// ── SUGGESTION ─────────────────────────────────────────────────────────────────────────────────
aa('EMPTY_ARRAY_ACTION', 'SUGGESTION')
aa('EMPTY_ARRAY_CONDITION', 'SUGGESTION')
aa('EMPTY_ARRAY_CONDITION_FORALLVALUES', 'SUGGESTION', undefined, 'Empty array condition ForAllValues')
aa('EMPTY_ARRAY_CONDITION_FORANYVALUE', 'SUGGESTION', undefined, 'Empty array condition ForAnyValue')
aa('EMPTY_ARRAY_CONDITION_IFEXISTS', 'SUGGESTION', undefined, 'Empty array condition IfExists')
aa('EMPTY_ARRAY_PRINCIPAL', 'SUGGESTION', PRINCIPAL_TYPES)
aa('EMPTY_ARRAY_RESOURCE', 'SUGGESTION')
aa('EMPTY_OBJECT_CONDITION', 'SUGGESTION')
aa('EMPTY_OBJECT_PRINCIPAL', 'SUGGESTION', PRINCIPAL_TYPES)
aa('EMPTY_SID_VALUE', 'SUGGESTION', undefined, 'Empty Sid value')
aa('EQUIVALENT_TO_NULL_FALSE', 'SUGGESTION')
aa('EQUIVALENT_TO_NULL_TRUE', 'SUGGESTION')
aa('IMPROVE_IP_RANGE', 'SUGGESTION', undefined, 'Improve IP range')
aa('NULL_WITH_QUALIFIER', 'SUGGESTION')
aa('PRIVATE_IP_ADDRESS_SUBSET', 'SUGGESTION', undefined, 'Private IP address subset')
aa('PRIVATE_NOT_IP_ADDRESS_SUBSET', 'SUGGESTION', undefined, 'Private NotIpAddress subset')
aa('REDUNDANT_ACTION', 'SUGGESTION')
aa('REDUNDANT_CONDITION_VALUE_NUM', 'SUGGESTION')
aa('REDUNDANT_RESOURCE', 'SUGGESTION')
aa('REDUNDANT_STATEMENT', 'SUGGESTION')
aa('WILDCARD_IN_SERVICE_NAME', 'SUGGESTION')
aa('ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', 'SUGGESTION')
aa('ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', 'SUGGESTION', undefined, 'Allow NotAction with unsupported tag condition key for service')
aa('RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL', 'SUGGESTION', ['resource', 'trust'])
aa('IRRELEVANT_CONDITION_KEY_IN_POLICY', 'SUGGESTION', ['resource'])
aa('REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION', 'SUGGESTION')
aa('REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY', 'SUGGESTION', ['trust'])
aa('REDUNDANT_STATEMENT_DUE_TO_WILDCARD_IN_CONDITION', 'SUGGESTION')
aa('CONFIRM_AUDIENCE_CLAIM_TYPE', 'SUGGESTION')

// ── The project's own checks ───────────────────────────────────────────────────────────────────
own('INTERNAL_ERROR', 'WARNING', 'A check failed unexpectedly', DOCS.grammar)
own('ANALYSIS_TRUNCATED', 'WARNING', 'Analysis cut short by its time budget', DOCS.grammar)
own('DUPLICATE_JSON_KEY', 'ERROR', 'Duplicate JSON key', DOCS.grammar)
own('ACTION_CASE_MISMATCH', 'SUGGESTION', 'Action written in a different case', DOCS.action)
own('OLD_POLICY_VERSION', 'SUGGESTION', 'Old policy language version', DOCS.version)
own('UNKNOWN_ARN_SERVICE', 'WARNING', 'Unknown service in ARN', DOCS.arns)
own('UNKNOWN_ARN_RESOURCE_TYPE', 'WARNING', 'ARN matches no known resource type', DOCS.serviceAuth)
own('ACTION_IGNORES_CONDITION_KEY', 'WARNING', 'Some listed actions do not support a condition key', DOCS.serviceAuth)
own('ACTION_RESOURCE_MISMATCH', 'WARNING', 'Action can never match the listed resources', DOCS.serviceAuth)
own('UNKNOWN_CONDITION_FOR_ACTION', 'WARNING', 'Condition key not supported by any listed action', DOCS.serviceAuth)
own('DENY_NEVER_APPLIES', 'SECURITY_WARNING', 'Deny statement that never applies', DOCS.evaluation)
own('STATEMENT_NEVER_MATCHES', 'WARNING', 'Statement that can never match a request', DOCS.evaluation)
own('BAD_PATTERN_FOR_MFA', 'WARNING', 'MFA condition that misses requests without MFA information', UG + 'reference_policies_condition-keys.html#condition-keys-multifactorauthpresent')

export const CHECKS: readonly CheckInfo[] = list

const byCode = new Map(list.map((c) => [c.code, c]))

export function checkInfo(code: string): CheckInfo | undefined {
  return byCode.get(code)
}
