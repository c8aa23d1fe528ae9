/**
 * What the first view needs beyond validation and suggestions: policy-type sense, and how bad each public
 * grant is (public write or permissions management is worse than public read). Computed with the
 * suggestions, where the engine runs (./analysis.ts, in the extension's background), on the same model.
 */
import type { Catalogue } from '../../engine/catalogue'
import type { Finding, PolicyType, Suggestion } from '../../engine/findings/types'
import type { PolicyModel } from '../../engine/model'
import { policyKindFinding } from '../../engine/validate/policy-kind'

export type PublicLevel = 'permissions' | 'write' | 'read'

export interface VerdictExtras {
  text: string
  /** The text is clearly another kind of policy than the editor holds. */
  kindFinding?: Finding
  /** PUBLIC_ACCESS suggestions by `line:column` of their start: the worst access level the public gets. */
  publicLevels: Record<string, PublicLevel>
}

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

export function verdictExtras(text: string, model: PolicyModel, cat: Catalogue, holds: PolicyType | undefined, suggestions: readonly Suggestion[]): VerdictExtras {
  const out: VerdictExtras = { text, publicLevels: {} }
  try {
    if (holds) {
      const k = policyKindFinding(model, holds)
      if (k) out.kindFinding = k
    }
  } catch {
    /* no policy-type sense for this text */
  }
  for (const s of suggestions) {
    if (s.code !== 'PUBLIC_ACCESS') continue
    try {
      out.publicLevels[`${s.range.start.line}:${s.range.start.column}`] = levelOf(model, cat, s)
    } catch {
      /* level unknown: plain public access */
    }
  }
  return out
}
