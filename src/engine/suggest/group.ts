/**
 * Grouping suggestions that share one cause, so one `"*"` reads as one item ("covers 45
 * privilege-escalation methods") with the detail kept inside `group.members`:
 * 1. suggestions of one category at the same place (the same Action entry) become one;
 * 2. the same code at several places (twenty `service:*` entries) becomes one;
 * 3. if a policy still has more than MAX_TOP_LEVEL items, its categories with several items become one each.
 */
import { sortFindings, SEVERITIES, SUGGESTION_CATEGORIES, type Fix, type Suggestion, type SuggestionCategory } from '../findings/types'
import { lazyFixes, nameList } from './context'

/** Above this many top-level items, same-category items are folded too. */
export const MAX_TOP_LEVEL = 12
const SAME_CODE_MIN = 3
/**
 * A group offers the fixes every member shares. Members at different places almost never share one, and
 * finding out means building every member's fixes: above this many members the group offers none (each
 * member keeps its own), so grouping 10,000 suggestions stays linear.
 */
const COMMON_FIX_MAX_MEMBERS = 50

const NOUNS: Record<SuggestionCategory, [string, string]> = {
  'privilege-escalation': ['privilege-escalation method', 'privilege-escalation methods'],
  'data-exfiltration': ['data-exfiltration risk', 'data-exfiltration risks'],
  'resource-exposure': ['resource-exposure risk', 'resource-exposure risks'],
  'credentials-exposure': ['credentials-exposure risk', 'credentials-exposure risks'],
  'infrastructure-modification': ['infrastructure-modification risk', 'infrastructure-modification risks'],
  wildcard: ['wildcard', 'wildcards'],
  redundant: ['redundancy', 'redundancies'],
  'missing-condition': ['missing condition', 'missing conditions'],
}

function rank(s: Suggestion): number {
  return SEVERITIES.indexOf(s.severity)
}

function flatten(s: Suggestion): Suggestion[] {
  return s.group ? s.group.members : [s]
}

/** The code a group carries: the members' common code prefix, else the category's name. */
function groupCode(members: Suggestion[], category: SuggestionCategory | undefined): string {
  const codes = [...new Set(members.map((m) => m.code))]
  if (codes.length === 1) return codes[0]!
  let prefix = codes[0]!
  for (const c of codes) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1)
  prefix = prefix.replace(/_[^_]*$/, '').replace(/_$/, '')
  if (prefix.length >= GROUP_PREFIX_MIN) return prefix
  return categoryCode(category)
}

/** A group's code is its members' common code prefix (cut at `_`) when at least this long. */
export const GROUP_PREFIX_MIN = 6

/** The code of a group that spans a whole category: `privilege-escalation` → `PRIVILEGE_ESCALATION`. */
export function categoryCode(category: SuggestionCategory | undefined): string {
  return (category ?? 'suggestion').toUpperCase().replace(/-/g, '_')
}

/**
 * The codes a group of these member codes may carry: every category's code, and every `_`-cut prefix of a
 * member code at least GROUP_PREFIX_MIN long (for a command line that accepts them in --suppress).
 */
export function groupCodes(memberCodes: Iterable<string>): Set<string> {
  const out = new Set<string>(SUGGESTION_CATEGORIES.map(categoryCode))
  for (const code of memberCodes) for (const p of codePrefixes(code)) out.add(p)
  return out
}

/** The `_`-cut proper prefixes of a code that could be a group's code: `A_BB_CC` → `A_BB` (if long enough). */
export function codePrefixes(code: string): string[] {
  const out: string[] = []
  for (let i = code.indexOf('_'); i > 0; i = code.indexOf('_', i + 1)) if (i >= GROUP_PREFIX_MIN) out.push(code.slice(0, i))
  return out
}

/** What one member is about, in a few words: the part of its code after the group's code. */
function memberLabel(m: Suggestion, code: string): string {
  const rest = m.code.startsWith(code + '_') ? m.code.slice(code.length + 1) : m.code
  return rest.toLowerCase().replace(/_/g, ' ')
}

function sameFix(a: Fix, b: Fix): boolean {
  return a.title === b.title && JSON.stringify(a.edits) === JSON.stringify(b.edits)
}

function makeGroup(members: Suggestion[], how: 'place' | 'code' | 'category'): Suggestion {
  const flat = members.flatMap(flatten)
  sortFindings(flat)
  const strongest = [...flat].sort((a, b) => rank(a) - rank(b))[0]!
  const category = strongest.category
  const code = groupCode(flat, category)
  const [one, many] = category ? NOUNS[category] : ['finding', 'findings']
  const count = flat.length
  const noun = count === 1 ? one : many
  const labels = [...new Set(flat.map((m) => memberLabel(m, code)))]
  const where =
    how === 'place'
      ? `This one entry brings ${count} ${noun}`
      : how === 'code'
        ? `The same finding appears at ${count} places`
        : `${count} ${noun} in this policy`
  const detail = how === 'code' ? '' : `: ${nameList(labels, 5)}`
  const message = `${where}${detail}. The most severe: ${strongest.message}`
  const actions = [...new Set(flat.flatMap((m) => m.actions ?? []))]
  const head = how === 'place' ? flat[0]! : strongest
  const g: Suggestion = {
    code,
    severity: strongest.severity,
    message,
    range: head.range,
    path: head.path,
    group: { count, noun, members: flat },
  }
  if (category) g.category = category
  if (actions.length) g.actions = actions
  // Built when read, like a member's own fixes.
  if (count <= COMMON_FIX_MAX_MEMBERS) lazyFixes(g, () => (flat[0]!.fixes ?? []).filter((f) => flat.every((m) => (m.fixes ?? []).some((h) => sameFix(f, h)))))
  if (strongest.learnMore) g.learnMore = strongest.learnMore
  return g
}

function foldBy(list: Suggestion[], keyOf: (s: Suggestion) => string | undefined, min: number, how: 'place' | 'code' | 'category'): Suggestion[] {
  const buckets = new Map<string, Suggestion[]>()
  const out: (Suggestion | string)[] = []
  for (const s of list) {
    const k = keyOf(s)
    if (k === undefined) {
      out.push(s)
      continue
    }
    const b = buckets.get(k)
    if (b) b.push(s)
    else {
      buckets.set(k, [s])
      out.push(k)
    }
  }
  const result: Suggestion[] = []
  for (const item of out) {
    if (typeof item !== 'string') {
      result.push(item)
      continue
    }
    const b = buckets.get(item)!
    const size = b.reduce((n, s) => n + (s.group ? s.group.count : 1), 0)
    if (b.length >= 2 && size >= min) result.push(makeGroup(b, how))
    else result.push(...b)
  }
  return sortFindings(result)
}

/** Groups a sorted list of suggestions; members stay sorted inside their group. */
export function groupSuggestions(list: Suggestion[]): Suggestion[] {
  let out = foldBy(list, (s) => (s.category ? `${s.category}\u0000${JSON.stringify(s.path)}` : undefined), 2, 'place')
  out = foldBy(out, (s) => (s.group ? undefined : s.code), SAME_CODE_MIN, 'code')
  if (out.length > MAX_TOP_LEVEL) out = foldBy(out, (s) => s.category, 2, 'category')
  return out
}
