/**
 * What the first view needs beyond validation and suggestions, computed in the engine chunk (loaded
 * lazily with it): policy-type sense, and how bad each public grant is (public write or permissions
 * management is worse than public read).
 */
import { loadCatalogue } from '../../engine/catalogue/bundled'
import type { Catalogue } from '../../engine/catalogue'
import type { Finding, PolicyType, Suggestion } from '../../engine/findings/types'
import { buildPolicyModel, type PolicyModel } from '../../engine/model'
import { policyKindFinding } from '../../engine/validate/policy-kind'
import type { PublicLevel, VerdictExtras } from './verdict'

function containsPoint(r: Finding['range'], p: Finding['range']['start']): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.column >= r.start.column)
  const before = p.line < r.end.line || (p.line === r.end.line && p.column <= r.end.column)
  return after && before
}

function levelOf(model: PolicyModel, cat: Catalogue, s: Suggestion): PublicLevel {
  const st = model.statements.find((x) => containsPoint(x.range, s.range.start))
  if (!st) return 'read'
  if (st.notAction) return 'permissions'
  let worst: PublicLevel = 'read'
  for (const item of st.action?.items ?? []) {
    for (const a of cat.expand(item.value)) {
      if (a.accessLevel === 'Permissions management') return 'permissions'
      if (a.accessLevel === 'Write' || a.accessLevel === 'Tagging') worst = 'write'
    }
  }
  return worst
}

export async function verdictExtras(text: string, holds: PolicyType | undefined, suggestions: Suggestion[] | undefined): Promise<VerdictExtras> {
  const out: VerdictExtras = { text, publicLevels: {} }
  let model: PolicyModel
  try {
    model = buildPolicyModel(text)
  } catch {
    return out
  }
  try {
    if (holds) {
      const k = policyKindFinding(model, holds)
      if (k) out.kindFinding = k
    }
  } catch {
    /* no policy-type sense for this text */
  }
  const publics = (suggestions ?? []).filter((s) => s.code === 'PUBLIC_ACCESS')
  if (publics.length) {
    try {
      const cat = await loadCatalogue()
      for (const s of publics) out.publicLevels[`${s.range.start.line}:${s.range.start.column}`] = levelOf(model, cat, s)
    } catch {
      /* levels unknown: plain public access */
    }
  }
  return out
}
