/**
 * The account password policy checked against the CIS AWS Foundations Benchmark and AWS Security Hub's
 * IAM controls. Pure: settings in (as the console's Edit password policy form or
 * `aws iam get-account-password-policy` hold them), one result per control out.
 * - CIS AWS Foundations Benchmark v3.0.0, recommendations 1.8 (minimum length 14) and 1.9 (prevent reuse);
 *   v1.2.0 recommendations 1.5–1.11 for the character classes and expiry that later versions dropped.
 * - Security Hub IAM.7, IAM.11–IAM.17: https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html
 * - The settings: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */

export interface PasswordPolicySettings {
  /** Characters (6–128). */
  minimumLength?: number
  requireUppercase?: boolean
  requireLowercase?: boolean
  requireNumbers?: boolean
  requireSymbols?: boolean
  /** Days a password is valid (1–1095); undefined: passwords do not expire. */
  maxAgeDays?: number
  /** Previous passwords remembered (1–24); undefined: reuse is not prevented. */
  reusePrevention?: number
  allowUsersToChange?: boolean
  hardExpiry?: boolean
}

export type ControlStatus = 'pass' | 'fail'

export interface ControlResult {
  /** `IAM.15`, `CIS 1.8`. */
  id: string
  standard: string
  title: string
  status: ControlStatus
  /** Why, in one sentence with the values. */
  detail: string
  url: string
  /** The setting that makes it pass. */
  setting: keyof PasswordPolicySettings | 'characterClasses'
}

const SH = 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html'
const CIS = 'https://www.cisecurity.org/benchmark/amazon_web_services'
export const CIS_VERSION = 'CIS AWS Foundations Benchmark v3.0.0'
export const SECURITY_HUB = 'AWS Security Hub (IAM controls)'

/** Security Hub IAM.7's default parameters. */
const IAM7 = { minimumLength: 8, reusePrevention: 12, maxAgeDays: 90 }

function n(v: number | undefined): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

export function checkPasswordPolicy(s: PasswordPolicySettings): ControlResult[] {
  const len = n(s.minimumLength)
  const reuse = n(s.reusePrevention)
  const age = n(s.maxAgeDays)
  const lenText = len === undefined ? 'no minimum length set' : `minimum length ${len}`
  const reuseText = reuse === undefined ? 'password reuse is not prevented' : `${reuse} previous passwords remembered`
  const ageText = age === undefined ? 'passwords never expire' : `passwords expire after ${age} days`
  const cls = (v: boolean | undefined, what: string) => (v ? `requires ${what}` : `does not require ${what}`)
  const r = (id: string, standard: string, title: string, ok: boolean, detail: string, setting: ControlResult['setting'], url: string): ControlResult => ({
    id,
    standard,
    title,
    status: ok ? 'pass' : 'fail',
    detail,
    setting,
    url,
  })
  const classes = [s.requireUppercase, s.requireLowercase, s.requireNumbers, s.requireSymbols].every(Boolean)
  const missing = [
    !s.requireUppercase && 'an uppercase letter',
    !s.requireLowercase && 'a lowercase letter',
    !s.requireNumbers && 'a number',
    !s.requireSymbols && 'a symbol',
  ].filter((x): x is string => !!x)
  const iam7 = classes && (len ?? 0) >= IAM7.minimumLength && (reuse ?? 0) >= IAM7.reusePrevention && age !== undefined && age <= IAM7.maxAgeDays
  return [
    r('CIS 1.8', CIS_VERSION, 'Ensure IAM password policy requires minimum length of 14 or greater', (len ?? 0) >= 14, `${lenText}; 14 or more is required.`, 'minimumLength', CIS),
    r('CIS 1.9', CIS_VERSION, 'Ensure IAM password policy prevents password reuse', (reuse ?? 0) >= 24, `${reuseText}; the benchmark asks for 24.`, 'reusePrevention', CIS),
    r('IAM.15', SECURITY_HUB, 'Ensure IAM password policy requires minimum password length of 14 or greater', (len ?? 0) >= 14, `${lenText}; 14 or more passes.`, 'minimumLength', `${SH}#iam-15`),
    r('IAM.16', SECURITY_HUB, 'Ensure IAM password policy prevents password reuse', (reuse ?? 0) >= 24, `${reuseText}; 24 passes.`, 'reusePrevention', `${SH}#iam-16`),
    r('IAM.11', SECURITY_HUB, 'Ensure IAM password policy requires at least one uppercase letter', !!s.requireUppercase, `The policy ${cls(s.requireUppercase, 'an uppercase letter')}.`, 'requireUppercase', `${SH}#iam-11`),
    r('IAM.12', SECURITY_HUB, 'Ensure IAM password policy requires at least one lowercase letter', !!s.requireLowercase, `The policy ${cls(s.requireLowercase, 'a lowercase letter')}.`, 'requireLowercase', `${SH}#iam-12`),
    r('IAM.13', SECURITY_HUB, 'Ensure IAM password policy requires at least one symbol', !!s.requireSymbols, `The policy ${cls(s.requireSymbols, 'a symbol')}.`, 'requireSymbols', `${SH}#iam-13`),
    r('IAM.14', SECURITY_HUB, 'Ensure IAM password policy requires at least one number', !!s.requireNumbers, `The policy ${cls(s.requireNumbers, 'a number')}.`, 'requireNumbers', `${SH}#iam-14`),
    r('IAM.17', SECURITY_HUB, 'Ensure IAM password policy expires passwords within 90 days or less', age !== undefined && age <= 90, `${ageText[0]!.toUpperCase()}${ageText.slice(1)}; 90 days or less passes.`, 'maxAgeDays', `${SH}#iam-17`),
    r(
      'IAM.7',
      SECURITY_HUB,
      'Password policies for IAM users should have strong configurations',
      iam7,
      iam7
        ? 'Every character class, length 8 or more, 12 or more remembered and expiry within 90 days (the default parameters).'
        : `With the default parameters it needs every character class${missing.length ? ` (missing ${missing.join(', ')})` : ''}, length 8 or more, 12 or more remembered and expiry within 90 days.`,
      'characterClasses',
      `${SH}#iam-7`,
    ),
  ]
}

/** The current settings made to pass every control above, changing only what fails (never weakening). */
export function compliantSettings(s: PasswordPolicySettings): PasswordPolicySettings {
  const len = n(s.minimumLength)
  const reuse = n(s.reusePrevention)
  const age = n(s.maxAgeDays)
  return {
    ...s,
    minimumLength: Math.min(128, Math.max(len ?? 0, 14)),
    requireUppercase: true,
    requireLowercase: true,
    requireNumbers: true,
    requireSymbols: true,
    reusePrevention: 24,
    maxAgeDays: age !== undefined && age >= 1 && age <= 90 ? age : 90,
    ...(reuse !== undefined && reuse > 24 ? { reusePrevention: 24 } : {}),
  }
}

export function summary(results: ControlResult[]): { pass: number; fail: number } {
  return { pass: results.filter((r) => r.status === 'pass').length, fail: results.filter((r) => r.status === 'fail').length }
}
