/**
 * The validation service: every check Access Analyzer runs that can be decided from the policy text and
 * the AWS catalogue, with its issue codes and severities, plus checks of our own. Pure and offline.
 */
import type { Catalogue } from '../catalogue'
import { Budget, truncatedFinding } from '../findings/budget'
import { sortFindings, type Finding, type PolicyType } from '../findings/types'
import { buildPolicyModel } from '../model/build'
import { guessPolicyType, type PolicyTypeGuess } from '../model/policy-type'
import type { PolicyModel } from '../model/types'
import { catalogueIndex } from './catalogue-index'
import { CHECKS, type CheckInfo } from './checks-info'
import { ValidationContext, type Check } from './context'
import { checkActions } from './checks/actions'
import { checkArns } from './checks/arns'
import { checkConditionAdvice } from './checks/condition-advice'
import { checkConditionValues } from './checks/condition-values'
import { checkConditions } from './checks/conditions'
import { checkEmpty } from './checks/empty'
import { checkMfaPatterns } from './checks/mfa'
import { checkPolicyGrammar, checkStatementGrammar } from './checks/grammar'
import { checkPassRoleAndSlr } from './checks/passrole-slr'
import { checkPrincipals } from './checks/principals'
import { checkReachability } from './checks/reachability'
import { checkRedundancy } from './checks/redundancy'
import { checkRcp } from './checks/scp-rcp'
import { checkServicePrincipals } from './checks/service-principals'
import { checkSids } from './checks/sids'
import { checkSize } from './checks/size'
import { checkTagKeys } from './checks/tags'
import { checkTrustPolicy } from './checks/trust'
import { checkVariables } from './checks/variables'

export { CHECKS, checkInfo, type CheckInfo } from './checks-info'
export { guessPolicyType, type PolicyTypeGuess } from '../model/policy-type'

export type ResourcePolicyType =
  | 'AWS::S3::Bucket'
  | 'AWS::S3::AccessPoint'
  | 'AWS::S3::MultiRegionAccessPoint'
  | 'AWS::S3ObjectLambda::AccessPoint'
  | 'AWS::DynamoDB::Table'
  | 'AWS::KMS::Key'
  | 'AWS::SQS::Queue'
  | 'AWS::SNS::Topic'

export interface ValidateOptions {
  catalogue: Catalogue
  /** Default 'identity'. 'auto' guesses from the document (see detectPolicyType). */
  policyType?: PolicyType | 'auto'
  /** The kind of resource a resource-based policy is attached to; enables that resource's specific checks. */
  resourceType?: ResourcePolicyType | (string & {})
  /** Issue codes to drop from the result. */
  suppress?: string[]
  /**
   * Milliseconds the checks may take; past it the remaining checks are skipped and an ANALYSIS_TRUNCATED
   * finding says which. Default: no limit (every check runs; the result is deterministic).
   */
  budgetMs?: number
}

export interface ValidationResult {
  policyType: PolicyType
  /** With policyType 'auto': how the type was guessed, and whether another type fits as well. */
  guess?: PolicyTypeGuess
  findings: Finding[]
  /** How many findings the `suppress` option removed. */
  suppressed: number
}

/** Every check, in the order they run. Each pushes findings into the context. */
export const CHECK_FUNCTIONS: readonly Check[] = [
  checkPolicyGrammar,
  checkStatementGrammar,
  checkSids,
  checkEmpty,
  checkActions,
  checkArns,
  checkConditions,
  checkConditionValues,
  checkConditionAdvice,
  checkVariables,
  checkPrincipals,
  checkTrustPolicy,
  checkServicePrincipals,
  checkRcp,
  checkPassRoleAndSlr,
  checkTagKeys,
  checkRedundancy,
  checkReachability,
  checkSize,
  checkMfaPatterns,
]

/**
 * Guesses the policy type: a Principal together with sts:AssumeRole* actions is a role trust policy, any other
 * Principal a resource-based policy; without a Principal, only Deny statements (or organization guardrails)
 * suggest an SCP, else an identity-based policy. See guessPolicyType for how sure the guess is.
 */
export function detectPolicyType(model: PolicyModel): PolicyType {
  return guessPolicyType(model).policyType
}

const TRUST_RESOURCE_TYPE = 'AWS::IAM::AssumeRolePolicyDocument'

function resolveType(model: PolicyModel, options: ValidateOptions): PolicyType {
  const t = options.policyType ?? 'identity'
  if (t === 'auto') return detectPolicyType(model)
  if (t === 'resource' && options.resourceType === TRUST_RESOURCE_TYPE) return 'trust'
  return t
}

/** Validates a policy model already built with buildPolicyModel. Never throws. */
export function validateModel(model: PolicyModel, options: ValidateOptions): ValidationResult {
  let policyType: PolicyType = 'identity'
  let guess: PolicyTypeGuess | undefined
  try {
    if (options.policyType === 'auto') guess = guessPolicyType(model)
    policyType = guess ? guess.policyType : resolveType(model, options)
  } catch {
    // keep identity
  }
  const findings: Finding[] = [...model.problems]
  const budget = new Budget(options.budgetMs)
  try {
    const ctx = new ValidationContext(model, catalogueIndex(options.catalogue), { policyType, resourceType: options.resourceType }, budget)
    for (const check of CHECK_FUNCTIONS) {
      const name = check.name.replace(/^check/, '')
      if (budget.expired()) {
        budget.skipped.push(name)
        continue
      }
      try {
        check(ctx)
      } catch (e) {
        ctx.findings.push(internalError(e))
      }
      // a check that saw the budget run out part-way is incomplete
      if (budget.truncated) budget.skipped.push(name)
    }
    findings.push(...ctx.findings)
  } catch (e) {
    findings.push(internalError(e))
  }
  if (budget.truncated) findings.push(truncatedFinding('validate', options.budgetMs, budget.skipped))
  const suppress = new Set((options.suppress ?? []).map((c) => c.trim().toUpperCase()))
  const kept = suppress.size ? findings.filter((f) => !suppress.has(f.code)) : findings
  return { policyType, ...(guess ? { guess } : {}), findings: sortFindings(kept), suppressed: findings.length - kept.length }
}

/** Validates a policy given as text (positions refer to it) or as an object (printed first). Never throws. */
export function validatePolicy(input: string | object, options: ValidateOptions): ValidationResult {
  let model: PolicyModel
  try {
    model = buildPolicyModel(input)
  } catch (e) {
    return { policyType: options.policyType && options.policyType !== 'auto' ? options.policyType : 'identity', findings: [internalError(e)], suppressed: 0 }
  }
  return validateModel(model, options)
}

/** A check that failed must not hide the others: report it as a finding instead of throwing. */
function internalError(e: unknown): Finding {
  return {
    code: 'INTERNAL_ERROR',
    severity: 'WARNING',
    message: `A validation check failed unexpectedly (${e instanceof Error ? e.message : String(e)}); the other checks still ran. Please report this policy.`,
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    path: [],
  }
}

export function checksFor(policyType: PolicyType): CheckInfo[] {
  return CHECKS.filter((c) => !c.policyTypes || c.policyTypes.includes(policyType))
}
