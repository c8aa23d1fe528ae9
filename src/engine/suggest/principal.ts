/**
 * Least privilege across a principal: privilege escalation and the other risk categories judged over all
 * of a principal's identity policies together (its own and its groups'), since a risk can need actions
 * from two policies (iam:PassRole in one, ec2:RunInstances in another). Pure; never throws.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_evaluation-logic.html (identity policies of a
 * user and its groups are evaluated together)
 */
import type { Severity, SuggestionCategory } from '../findings/types'
import { compileGlob } from '../patterns/glob'
import { runSuggestions } from './run'
import type { SuggestOptions } from './types'

export interface PrincipalPolicy {
  /** The policy's name ("developers-deploy"). */
  name: string
  document: string | object
  /** How the principal has it, for people: "group developers"; absent for its own policies. */
  via?: string
}

export interface PrincipalRisk {
  code: string
  severity: Severity
  category: SuggestionCategory
  message: string
  actions: string[]
  /** The policies that grant the actions involved ("group developers → developers-deploy"). */
  policies: string[]
  /** The risk appears only when the policies are taken together: no single one has it. */
  combined: boolean
}

export const RISK_CATEGORIES: readonly SuggestionCategory[] = ['privilege-escalation', 'data-exfiltration', 'resource-exposure', 'credentials-exposure', 'infrastructure-modification']

type Json = Record<string, unknown>

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** "group developers → developers-deploy" or the policy's own name. */
export function policyLabel(p: PrincipalPolicy): string {
  return p.via ? `${p.via} → ${p.name}` : p.name
}

interface Parsed {
  label: string
  statements: Json[]
}

function parse(p: PrincipalPolicy): Parsed | undefined {
  let doc: unknown = p.document
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc) as unknown
    } catch {
      return undefined
    }
  }
  if (!isRecord(doc)) return undefined
  const st = doc.Statement
  const list = (Array.isArray(st) ? st : isRecord(st) ? [st] : []).filter(isRecord)
  return { label: policyLabel(p), statements: list }
}

function grants(statements: Json[], action: string): boolean {
  return statements.some((s) => {
    if (s.Effect !== 'Allow') return false
    const a = s.Action
    const list = typeof a === 'string' ? [a] : Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : undefined
    if (list) return list.some((p) => compileGlob(p, true)(action))
    const n = s.NotAction
    const not = typeof n === 'string' ? [n] : Array.isArray(n) ? n.filter((x): x is string => typeof x === 'string') : undefined
    return not ? !not.some((p) => compileGlob(p, true)(action)) : false
  })
}

function keyOf(code: string, actions: string[]): string {
  return `${code}|${[...actions].map((a) => a.toLowerCase()).sort().join(',')}`
}

/**
 * The risk suggestions for the principal's identity policies taken together, each naming the policies
 * that grant its actions and whether it arises only from the combination.
 */
export function suggestAcrossPolicies(policies: PrincipalPolicy[], options: SuggestOptions): PrincipalRisk[] {
  try {
    const parsed = policies.map(parse).filter((p): p is Parsed => p !== undefined)
    if (!parsed.length) return []
    const combined = {
      Version: '2012-10-17',
      Statement: parsed.flatMap((p) =>
        p.statements.map((s, i) => ({ ...s, Sid: `${p.label} → ${typeof s.Sid === 'string' && s.Sid ? s.Sid : `#${i + 1}`}` })),
      ),
    }
    const opts: SuggestOptions = { ...options, policyType: 'identity' }
    const risky = (input: object) => runSuggestions(input, opts).filter((s) => s.category && RISK_CATEGORIES.includes(s.category))
    const alone = new Set<string>()
    for (const p of parsed) for (const s of risky({ Version: '2012-10-17', Statement: p.statements })) alone.add(keyOf(s.code, s.actions ?? []))
    const out: PrincipalRisk[] = []
    const seen = new Set<string>()
    for (const s of risky(combined)) {
      const actions = s.actions ?? []
      const key = keyOf(s.code, actions)
      if (seen.has(key)) continue
      seen.add(key)
      const from = parsed.filter((p) => actions.some((a) => grants(p.statements, a))).map((p) => p.label)
      out.push({ code: s.code, severity: s.severity, category: s.category!, message: s.message, actions, policies: from, combined: !alone.has(key) && from.length > 1 })
    }
    const rank: Record<Severity, number> = { ERROR: 0, SECURITY_WARNING: 1, WARNING: 2, SUGGESTION: 3 }
    return out.sort((a, b) => Number(b.combined) - Number(a.combined) || rank[a.severity] - rank[b.severity] || a.code.localeCompare(b.code))
  } catch {
    return []
  }
}
