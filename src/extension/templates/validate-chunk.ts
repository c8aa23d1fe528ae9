/** The engine part the template lists need, in its own lazily loaded chunk (with the catalogue). */
import { loadCatalogue } from '../../engine/catalogue/bundled'
import type { PolicyType, Severity } from '../../engine/findings/types'
import { validatePolicy } from '../../engine/validate'

export async function findingSeverities(text: string, policyType: PolicyType, resourceType?: string): Promise<Severity[]> {
  const catalogue = await loadCatalogue()
  return validatePolicy(text, { catalogue, policyType, ...(resourceType ? { resourceType } : {}) }).findings.map((f) => f.severity)
}
