// TEMPORARY while src/engine/validate and src/engine/explain are being written: same signatures.
import type { Catalogue } from '../../engine/catalogue'
import type { Finding, PolicyType } from '../../engine/findings/types'
import { buildPolicyModel } from '../../engine/model'

export function validatePolicy(text: string, opts: { catalogue: Catalogue; policyType: PolicyType }): { policyType: PolicyType; findings: Finding[] } {
  const m = buildPolicyModel(text)
  const findings = [...m.problems]
  for (const st of m.statements) {
    if (st.effect && st.effect.value !== 'Allow' && st.effect.value !== 'Deny')
      findings.push({
        code: 'INVALID_EFFECT',
        severity: 'ERROR',
        message: 'Effect must be Allow or Deny',
        range: st.effect.range,
        path: st.effect.path,
        fixes: [{ title: 'Change to "Allow"', edits: [{ range: st.effect.range, newText: '"Allow"' }] }],
      })
  }
  for (const st of m.statements)
    for (const a of st.action?.items ?? []) {
      if (!/[*?]/.test(a.value) && !opts.catalogue.action(a.value))
        findings.push({ code: 'INVALID_ACTION', severity: 'ERROR', message: `The action ${a.value} does not exist.`, range: a.range, path: a.path, fixes: [] })
    }
  return { policyType: opts.policyType, findings }
}

export function explainPolicy(text: string, _opts: { catalogue: Catalogue }): { summary: string; statements: { index: number; sid?: string; text: string }[] } {
  const m = buildPolicyModel(text)
  return { summary: `${m.statements.length} statements`, statements: [] }
}
