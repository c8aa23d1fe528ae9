/**
 * The account settings page "Edit password policy": recognise it, read the form into the engine's
 * settings, and fill in a compliant setting the way a person would (clicking checkboxes, typing numbers),
 * so the console's own form state follows. Options: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
import type { PasswordPolicySettings } from '../../engine/password-policy'
import { clean, headings } from './readers/dom'

export const PASSWORD_POLICY_PAGE = { id: 'iam-password-policy', description: 'IAM account settings: edit password policy' } as const

/** Is this the Edit password policy form? A heading says so and the form has its minimum-length field. */
export function isPasswordPolicyPage(doc: Document): boolean {
  if (!/\/iam(v2)?\/home/.test(doc.location.pathname) && !/account_settings|password/i.test(doc.location.hash)) return false
  return headings(doc, /^(edit )?password policy$/i).length > 0 && !!field(doc, /minimum length/i, 'number')
}

/** The text that labels an input: its <label>, aria-labelledby, aria-label, or the nearest label-like wrapper. */
function labelOf(input: HTMLInputElement): string {
  const parts: string[] = []
  for (const l of input.labels ?? []) parts.push(l.textContent ?? '')
  const by = input.getAttribute('aria-labelledby')
  if (by) for (const id of by.split(/\s+/)) parts.push(input.ownerDocument.getElementById(id)?.textContent ?? '')
  parts.push(input.getAttribute('aria-label') ?? '')
  if (!clean(parts.join(' '))) {
    const wrap = input.closest('label, [class*="awsui_checkbox"], [class*="awsui_form-field"]')
    parts.push(wrap?.textContent ?? '')
  }
  return clean(parts.join(' '), 400)
}

/** The input of a kind whose label matches. */
export function field(doc: ParentNode, label: RegExp, type: 'number' | 'checkbox' | 'radio'): HTMLInputElement | undefined {
  for (const el of doc.querySelectorAll<HTMLInputElement>(`input[type="${type}"]`)) if (label.test(labelOf(el))) return el
  return undefined
}

const F = {
  custom: /^custom\b/i,
  iamDefault: /^iam default\b/i,
  length: /minimum length/i,
  upper: /uppercase/i,
  lower: /lowercase/i,
  numbers: /at least one number/i,
  symbols: /non-?alphanumeric|symbol/i,
  expire: /(turn on|enable) password expiration/i,
  maxAge: /expire passwords in|expiration period/i,
  hardExpiry: /administrator reset/i,
  allowChange: /change their own password/i,
  reuse: /prevent password reuse/i,
  remember: /remember|number of passwords/i,
}

function num(el: HTMLInputElement | undefined): number | undefined {
  if (!el) return undefined
  const v = Number(el.value)
  return el.value.trim() !== '' && Number.isFinite(v) ? v : undefined
}

/** The form's current settings. The IAM default (no custom policy) reads as minimum length 8 and nothing else. */
export function readPasswordForm(doc: Document): PasswordPolicySettings {
  const def = field(doc, F.iamDefault, 'radio')
  if (def?.checked) return { minimumLength: 8 }
  const checked = (re: RegExp) => field(doc, re, 'checkbox')?.checked ?? false
  const s: PasswordPolicySettings = {
    requireUppercase: checked(F.upper),
    requireLowercase: checked(F.lower),
    requireNumbers: checked(F.numbers),
    requireSymbols: checked(F.symbols),
    allowUsersToChange: checked(F.allowChange),
    hardExpiry: checked(F.hardExpiry),
  }
  const len = num(field(doc, F.length, 'number'))
  if (len !== undefined) s.minimumLength = len
  if (checked(F.expire)) {
    const age = num(field(doc, F.maxAge, 'number'))
    if (age !== undefined) s.maxAgeDays = age
  }
  if (checked(F.reuse)) {
    const r = num(field(doc, F.remember, 'number'))
    if (r !== undefined) s.reusePrevention = r
  }
  return s
}

const tick = () => new Promise((r) => setTimeout(r, 60))

async function setChecked(doc: Document, re: RegExp, want: boolean, type: 'checkbox' | 'radio' = 'checkbox'): Promise<void> {
  const el = field(doc, re, type)
  if (el && el.checked !== want) {
    el.click()
    await tick()
  }
}

async function setNumber(doc: Document, re: RegExp, value: number): Promise<boolean> {
  let el = field(doc, re, 'number')
  for (let i = 0; !el && i < 10; i++) {
    await tick()
    el = field(doc, re, 'number')
  }
  if (!el) return false
  el.focus()
  // The native setter, then an input event: the console's (React) form takes it as typing.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, String(value))
  el.dispatchEvent(new Event('input', { bubbles: true }))
  el.dispatchEvent(new Event('change', { bubbles: true }))
  el.blur()
  await tick()
  return true
}

/** Fills the form with `s` (Custom, then each field); returns the fields it could not find. */
export async function fillPasswordForm(doc: Document, s: PasswordPolicySettings): Promise<string[]> {
  const missed: string[] = []
  await setChecked(doc, F.custom, true, 'radio')
  if (s.minimumLength !== undefined && !(await setNumber(doc, F.length, s.minimumLength))) missed.push('minimum length')
  await setChecked(doc, F.upper, !!s.requireUppercase)
  await setChecked(doc, F.lower, !!s.requireLowercase)
  await setChecked(doc, F.numbers, !!s.requireNumbers)
  await setChecked(doc, F.symbols, !!s.requireSymbols)
  await setChecked(doc, F.expire, s.maxAgeDays !== undefined)
  if (s.maxAgeDays !== undefined && !(await setNumber(doc, F.maxAge, s.maxAgeDays))) missed.push('expiration days')
  await setChecked(doc, F.reuse, s.reusePrevention !== undefined)
  if (s.reusePrevention !== undefined && !(await setNumber(doc, F.remember, s.reusePrevention))) missed.push('passwords remembered')
  return missed
}
