/**
 * The first view's one truthful verdict: validation findings and the least-privilege assistant's security
 * risks in ONE list ordered by severity, so "is this policy OK?" has one answer. Pure: the panel renders it.
 */
import { SEVERITIES, type Finding, type Fix, type Severity, type Suggestion } from '../../engine/findings/types'

import type { PublicLevel, VerdictExtras } from '../shared/verdict-extras'

export type { PublicLevel, VerdictExtras }

/** One card: a finding, or one cause standing for `group.count` members. */
export interface Card {
  key: string
  finding: Finding
  source: 'validation' | 'security'
  title: string
  group?: { count: number; noun: string; members: Finding[] }
  publicLevel?: PublicLevel
}

export interface Verdict {
  cards: Card[]
  counts: Record<Severity, number>
  /** Cards of severity WARNING or above: "No findings" only when this is 0 and nothing is pending. */
  serious: number
  /** Security risks are still being computed for this text (never claim "No findings" then). */
  pending: boolean
  hidden: number
}

/** The engine's grouping (issue 15: `Suggestion.group`), read without depending on its type having landed. */
interface EngineGroup {
  count: number
  noun: string
  members: Suggestion[]
}
export function engineGroup(s: Finding): EngineGroup | undefined {
  const g = (s as Suggestion & { group?: unknown }).group
  if (!g || typeof g !== 'object') return undefined
  const o = g as Partial<EngineGroup>
  return typeof o.count === 'number' && typeof o.noun === 'string' && Array.isArray(o.members) ? (o as EngineGroup) : undefined
}

const TITLES: Record<string, string> = {
  JSON_SYNTAX_ERROR: 'The text is not valid JSON',
  POLICY_TYPE_MISMATCH: 'Another kind of policy than this editor holds',
  INVALID_ACTION: 'Unknown action',
  INVALID_EFFECT: 'Effect must be "Allow" or "Deny"',
  MISSING_VERSION: 'No policy language version',
  INVALID_VERSION: 'Unknown policy language version',
  MISSING_RESOURCE: 'No Resource',
  MISSING_ACTION: 'No Action',
  MISSING_PRINCIPAL: 'No Principal',
  PASS_ROLE_WITH_STAR_IN_RESOURCE: 'iam:PassRole on every role',
  PRIVILEGE_ESCALATION: 'Privilege escalation',
  DATA_EXFILTRATION: 'Data can leave the account',
  RESOURCE_EXPOSURE: 'Can open resources to others',
  CREDENTIALS_EXPOSURE: 'Can reveal credentials',
  INFRASTRUCTURE_MODIFICATION: 'Can change infrastructure',
  FULL_WILDCARD: 'Every action on every resource',
  RESOURCE_STAR_SCOPABLE: 'Resource "*" could be narrowed',
  MISSING_SECURE_TRANSPORT_DENY: 'HTTP (not HTTPS) requests allowed',
}

const PUBLIC_TITLE: Record<PublicLevel, string> = {
  permissions: 'Public can change permissions',
  write: 'Public write access',
  read: 'Public read access',
}

const PUBLIC_NOTE: Record<PublicLevel, string> = {
  permissions: 'Worst case: anyone on the internet can change who has access (permissions management).',
  write: 'Worse than public read: anyone on the internet can write, overwrite or delete.',
  read: '',
}

/** A plain title for a finding code: our wording for the common ones, else the code in words. */
export function plainTitle(code: string): string {
  const t = TITLES[code]
  if (t) return t
  const words = code.toLowerCase().replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const NOUNS: Record<string, string> = {
  'privilege-escalation': 'privilege-escalation methods',
  'data-exfiltration': 'exfiltration risks',
  'resource-exposure': 'exposure risks',
  'credentials-exposure': 'credential risks',
  'infrastructure-modification': 'infrastructure risks',
}

const at = (f: Finding) => `${f.range.start.line}:${f.range.start.column}`
const SEV_RANK = (s: Severity) => SEVERITIES.indexOf(s)
const PUBLIC_RANK: Record<PublicLevel, number> = { permissions: 0, write: 1, read: 2 }

export function buildVerdict(input: {
  findings: Finding[]
  /** Undefined while the least-privilege phase has not run for this text. */
  suggestions: Suggestion[] | undefined
  extras?: VerdictExtras | undefined
  isHidden: (code: string) => boolean
}): Verdict {
  const hiddenOk = (f: Finding) => f.code === 'JSON_SYNTAX_ERROR' || f.code === 'POLICY_TYPE_MISMATCH' || !input.isHidden(f.code)
  const kind = input.extras?.kindFinding
  const strip = (f: Finding): Finding => {
    if (!kind || !f.fixes) return f
    const { fixes: _fixes, ...rest } = f
    return rest
  }
  const cards: Card[] = []
  let hidden = 0
  if (kind) cards.push({ key: `kind`, finding: kind, source: 'validation', title: plainTitle(kind.code) })
  const seen = new Set<string>()
  input.findings.forEach((f, i) => {
    if (!hiddenOk(f)) return void hidden++
    seen.add(`${f.code}@${at(f)}`)
    cards.push({ key: `v${i}-${f.code}-${at(f)}`, finding: strip(f), source: 'validation', title: plainTitle(f.code) })
  })
  // Security risks and warnings from the least-privilege assistant; plain suggestions stay in their tab.
  const risky = (input.suggestions ?? []).filter((s) => SEV_RANK(s.severity) <= SEV_RANK('WARNING'))
  const byCause = new Map<string, Suggestion[]>()
  for (const s of risky) {
    if (seen.has(`${s.code}@${at(s)}`)) continue
    if (!input.isHidden(s.code)) {
      const k = engineGroup(s) ? `g${byCause.size}-${s.code}@${at(s)}` : `${s.code}@${at(s)}`
      byCause.set(k, [...(byCause.get(k) ?? []), s])
    } else hidden++
  }
  for (const [k, list] of byCause) {
    const s = list[0]!
    const g = engineGroup(s)
    const card: Card = { key: `s-${k}`, finding: strip(s), source: 'security', title: plainTitle(s.code) }
    if (g) card.group = { count: g.count, noun: g.noun, members: g.members }
    else if (list.length > 1) card.group = { count: list.length, noun: NOUNS[s.category ?? ''] ?? 'related findings', members: list }
    if (s.code === 'PUBLIC_ACCESS') {
      const level = input.extras?.publicLevels[at(s)]
      if (level) {
        card.publicLevel = level
        card.title = PUBLIC_TITLE[level]
        if (PUBLIC_NOTE[level]) card.finding = { ...card.finding, message: `${PUBLIC_NOTE[level]} ${card.finding.message}` }
      } else card.title = 'Public access'
    }
    cards.push(card)
  }
  const pos = (c: Card) => c.finding.range.start.line * 1e6 + c.finding.range.start.column
  cards.sort(
    (a, b) =>
      Number(b.key === 'kind') - Number(a.key === 'kind') ||
      SEV_RANK(a.finding.severity) - SEV_RANK(b.finding.severity) ||
      (a.publicLevel ? PUBLIC_RANK[a.publicLevel] : 3) - (b.publicLevel ? PUBLIC_RANK[b.publicLevel] : 3) ||
      pos(a) - pos(b),
  )
  const counts: Record<Severity, number> = { ERROR: 0, SECURITY_WARNING: 0, WARNING: 0, SUGGESTION: 0 }
  for (const c of cards) counts[c.finding.severity]++
  return {
    cards,
    counts,
    serious: counts.ERROR + counts.SECURITY_WARNING + counts.WARNING,
    pending: input.suggestions === undefined,
    hidden,
  }
}

/** Codes whose one fix is mechanical (case, a typo with one candidate, a missing Version): "Fix all safe". */
const SAFE_CODES = new Set(['MISSING_VERSION', 'INVALID_VERSION', 'INVALID_EFFECT', 'INVALID_ACTION', 'INVALID_SERVICE_IN_ACTION', 'INVALID_ARN_SERVICE_CASE', 'INVALID_POLICY_ELEMENT'])

export function isSafeFix(f: Finding): boolean {
  return SAFE_CODES.has(f.code) && f.fixes?.length === 1 && f.fixes[0]!.edits.length > 0 && !/^Remove/i.test(f.fixes[0]!.title)
}

/** The safe fixes of the cards, without overlapping edits (one undo step when applied together). */
export function safeFixes(cards: Card[]): Fix[] {
  const out: Fix[] = []
  const taken: Finding['range'][] = []
  const before = (a: Finding['range']['start'], b: Finding['range']['start']) => a.line < b.line || (a.line === b.line && a.column <= b.column)
  const overlaps = (r: Finding['range']) => taken.some((t) => !(before(r.end, t.start) || before(t.end, r.start)))
  for (const c of cards) {
    if (c.source !== 'validation' || !isSafeFix(c.finding)) continue
    const fix = c.finding.fixes![0]!
    if (fix.edits.some((e) => overlaps(e.range))) continue
    taken.push(...fix.edits.map((e) => e.range))
    out.push(fix)
  }
  return out
}

/** Security codes: hiding one everywhere asks first. */
export function isSecurityCode(f: Finding, source: Card['source']): boolean {
  return source === 'security' || f.severity === 'SECURITY_WARNING'
}
