/**
 * What the enhanced editor knows about a position in a policy: hovers (actions, condition keys, operators,
 * ARNs from the catalogue) and completions (actions, operators, keys, ARN templates, elements). Pure: text
 * and offsets in, plain data out; ./language.ts turns it into Monaco providers.
 */
import { findNodeAtLocation, getLocation, parseTree, type Location, type Node } from 'jsonc-parser'
import { compileArnFormat, resourceMatchesFormat } from '../../engine/arn/format'
import type { Catalogue, CatalogueDocs } from '../../engine/catalogue'
import { BASE_OPERATORS, parseOperator } from '../../engine/model/operators'

export interface Hover {
  markdown: string
  /** Offsets of the hovered token in the text. */
  start: number
  end: number
}

export type CompletionKind = 'action' | 'service' | 'operator' | 'key' | 'arn' | 'element' | 'value'
export interface Completion {
  label: string
  insertText: string
  kind: CompletionKind
  detail?: string
  documentation?: string
}
export interface Completions {
  items: Completion[]
  /** Offsets of the text the completion replaces (inside the quotes). */
  start: number
  end: number
}

const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']
const OPERATOR_DOC: Record<string, string> = {
  String: 'Compares strings',
  Numeric: 'Compares numbers',
  Date: 'Compares dates and times (ISO 8601 or epoch seconds)',
  Bool: 'Compares true or false',
  Binary: 'Compares base64-encoded binary values',
  IpAddress: 'Compares IP addresses with CIDR ranges',
  Arn: 'Compares ARNs (with wildcards)',
  Null: 'Tests whether the key is absent (true) or present (false)',
}

/**
 * Text from the policy, made inert for Markdown: every ASCII punctuation character backslash-escaped
 * (CommonMark allows it for all of them), so policy text can never become an image, a link, an
 * autolink (`https://…`, `www.…`, `a@b.c`), HTML or an entity. Line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-\/:-@[-`{-~]/g, '\\$&')
}

/** The page of the Service Authorization Reference for a service, named as AWS names it. */
export function serviceDocUrl(serviceName: string): string {
  return `https://docs.aws.amazon.com/service-authorization/latest/reference/list_${serviceName.toLowerCase().replace(/[^a-z0-9]/g, '')}.html`
}

function statementPath(path: Location['path']): { inStatement: boolean; rest: Location['path']; base: Location['path'] } {
  if (path[0] !== 'Statement') return { inStatement: false, rest: [], base: [] }
  if (typeof path[1] === 'number') return { inStatement: true, rest: path.slice(2), base: path.slice(0, 2) }
  return { inStatement: true, rest: path.slice(1), base: path.slice(0, 1) }
}

/** The string token (with its quotes' inner offsets) at `offset`, from the location's previous node. */
function tokenAt(loc: Location, offset: number): { value: string; start: number; end: number } | undefined {
  const n = loc.previousNode
  // Values come as `string` nodes, property names as `property` nodes holding the key.
  if (!n || (n.type !== 'string' && n.type !== 'property') || typeof n.value !== 'string') return undefined
  if (offset < n.offset || offset > n.offset + n.length) return undefined
  return { value: n.value, start: n.offset + 1, end: n.offset + n.length - 1 }
}

function statementActions(root: Node | undefined, base: Location['path']): string[] {
  if (!root) return []
  const out: string[] = []
  for (const el of ['Action', 'NotAction']) {
    const n = findNodeAtLocation(root, [...base, el])
    if (!n) continue
    if (n.type === 'string' && typeof n.value === 'string') out.push(n.value)
    for (const c of n.children ?? []) if (c.type === 'string' && typeof c.value === 'string') out.push(c.value)
  }
  return out
}

function actionHover(cat: Catalogue, docs: CatalogueDocs | undefined, pattern: string): string | undefined {
  const matched = cat.expand(pattern)
  if (matched.length === 0) return undefined
  if (matched.length === 1 && !/[*?]/.test(pattern)) {
    const a = matched[0]!
    const svc = cat.service(a.service)
    const lines = [`**${a.key}**  ·  ${a.accessLevel}`]
    const d = docs?.actions[a.key]
    if (d) lines.push('', d)
    if (a.resourceTypes.length) lines.push('', `Resource types: ${a.resourceTypes.map((r) => `\`${r.name}\`${r.required ? ' (required)' : ''}`).join(', ')}`)
    if (a.conditionKeys.length) lines.push('', `Condition keys: ${a.conditionKeys.map((k) => `\`${k}\``).join(', ')}`)
    if (svc) lines.push('', `[${svc.name} in the Service Authorization Reference](${serviceDocUrl(svc.name)})`)
    return lines.join('\n')
  }
  const byLevel = new Map<string, number>()
  for (const a of matched) byLevel.set(a.accessLevel, (byLevel.get(a.accessLevel) ?? 0) + 1)
  const sample = matched.slice(0, 12).map((a) => `\`${a.key}\``)
  return [
    `**${escapeMarkdown(pattern)}** matches ${matched.length} action${matched.length === 1 ? '' : 's'}`,
    '',
    [...byLevel].map(([l, n]) => `${l}: ${n}`).join(' · '),
    '',
    sample.join(', ') + (matched.length > 12 ? ', …' : ''),
  ].join('\n')
}

function keyHover(cat: Catalogue, docs: CatalogueDocs | undefined, key: string): string | undefined {
  const info = cat.conditionKey(key)
  if (!info) return undefined
  const lines = [`**${escapeMarkdown(key)}**  ·  ${info.type}${info.global ? '  ·  global key' : ''}`]
  const d = docs?.conditionKeys[info.key] ?? docs?.conditionKeys[key]
  if (d) lines.push('', d)
  if (info.multivalued) lines.push('', 'Multivalued: use `ForAllValues:` or `ForAnyValue:` with this key.')
  const svc = info.global ? undefined : cat.service(info.key.slice(0, info.key.indexOf(':')))
  lines.push(
    '',
    svc
      ? `[${svc.name} in the Service Authorization Reference](${serviceDocUrl(svc.name)})`
      : '[Global condition context keys](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html)',
  )
  return lines.join('\n')
}

function operatorHover(op: string): string | undefined {
  const p = parseOperator(op)
  if (!p.base) return undefined
  const parts = [`**${escapeMarkdown(op)}**  ·  ${OPERATOR_DOC[p.base.family] ?? p.base.family}`]
  if (p.base.negated) parts.push('', 'Negated: true when no value matches.')
  if (p.base.like) parts.push('', 'Values may use `*` and `?` wildcards.')
  if (p.ifExists) parts.push('', '…IfExists: also true when the key is absent from the request.')
  if (p.qualifier === 'ForAllValues') parts.push('', 'ForAllValues: every value in the request must match (true when the key is absent or empty).')
  if (p.qualifier === 'ForAnyValue') parts.push('', 'ForAnyValue: at least one value in the request must match.')
  parts.push('', '[Condition operators](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html)')
  return parts.join('\n')
}

function arnHover(cat: Catalogue, arn: string): string | undefined {
  const service = arn.split(':')[2]
  if (!service) return undefined
  const svc = cat.service(service)
  if (!svc) return `**${escapeMarkdown(arn)}**\n\nNo service ${escapeMarkdown(service)} in the catalogue.`
  const types = [...svc.resourceTypes.values()].filter((rt) => rt.arns.some((f) => resourceMatchesFormat(arn, compileArnFormat(f))))
  if (types.length === 0) return `**${svc.name}** ARN\n\nMatches none of the service's resource types.`
  return [`**${svc.name}** resource`, '', ...types.map((t) => `- \`${t.name}\`: \`${t.arns[0]}\``), '', `[${svc.name} in the Service Authorization Reference](${serviceDocUrl(svc.name)})`].join('\n')
}

export function hoverAt(text: string, offset: number, cat: Catalogue, docs?: CatalogueDocs): Hover | undefined {
  const loc = getLocation(text, offset)
  const tok = tokenAt(loc, offset)
  if (!tok) return undefined
  const { inStatement, rest } = statementPath(loc.path)
  let md: string | undefined
  if (inStatement && (rest[0] === 'Action' || rest[0] === 'NotAction') && !loc.isAtPropertyKey) md = actionHover(cat, docs, tok.value)
  else if (inStatement && rest[0] === 'Condition' && loc.isAtPropertyKey && rest.length === 2) md = operatorHover(tok.value)
  else if (inStatement && rest[0] === 'Condition' && loc.isAtPropertyKey && rest.length === 3) md = keyHover(cat, docs, tok.value)
  else if (/^arn:[^:]*:[^:]*:/.test(tok.value)) md = arnHover(cat, tok.value)
  else if (/^[a-z0-9-]+:[A-Za-z0-9*?]+$/.test(tok.value) && cat.action(tok.value)) md = actionHover(cat, docs, tok.value)
  return md ? { markdown: md, start: tok.start, end: tok.end } : undefined
}

function operatorNames(): string[] {
  const out: string[] = []
  for (const o of BASE_OPERATORS) {
    out.push(o.name)
    if (o.family !== 'Null') out.push(`${o.name}IfExists`)
  }
  for (const o of BASE_OPERATORS) if (o.family === 'String' || o.family === 'Arn') out.push(`ForAnyValue:${o.name}`, `ForAllValues:${o.name}`)
  return out
}

/** Where the cursor stands inside a string or a property name: the typed prefix and what it replaces. */
function typedAt(text: string, offset: number): { prefix: string; start: number; end: number } | undefined {
  let s = offset
  while (s > 0 && text[s - 1] !== '"' && text[s - 1] !== '\n') s--
  if (text[s - 1] !== '"') return undefined
  let e = offset
  while (e < text.length && text[e] !== '"' && text[e] !== '\n') e++
  return { prefix: text.slice(s, offset), start: s, end: text[e] === '"' ? e : offset }
}

export function completionsAt(text: string, offset: number, cat: Catalogue): Completions | undefined {
  const typed = typedAt(text, offset)
  if (!typed) return undefined
  const loc = getLocation(text, offset)
  const { inStatement, rest, base } = statementPath(loc.path)
  const items: Completion[] = []
  const p = typed.prefix.toLowerCase()
  if (!inStatement) {
    if (loc.isAtPropertyKey && loc.path.length <= 1) for (const k of ['Version', 'Id', 'Statement']) items.push({ label: k, insertText: k, kind: 'element' })
    else if (loc.path[0] === 'Version') items.push({ label: '2012-10-17', insertText: '2012-10-17', kind: 'value', detail: 'The current policy language version' })
  } else if (loc.isAtPropertyKey && rest.length <= 1) {
    for (const k of STATEMENT_ELEMENTS) items.push({ label: k, insertText: k, kind: 'element' })
  } else if (rest[0] === 'Effect') {
    items.push({ label: 'Allow', insertText: 'Allow', kind: 'value' }, { label: 'Deny', insertText: 'Deny', kind: 'value' })
  } else if ((rest[0] === 'Action' || rest[0] === 'NotAction') && !loc.isAtPropertyKey) {
    const colon = p.indexOf(':')
    if (colon < 0) {
      for (const s of cat.services.values()) if (s.prefix.startsWith(p)) items.push({ label: `${s.prefix}:`, insertText: `${s.prefix}:`, kind: 'service', detail: s.name })
      items.splice(200)
    } else {
      const svc = cat.service(p.slice(0, colon))
      const name = p.slice(colon + 1)
      for (const a of svc?.actions ?? []) if (a.name.toLowerCase().startsWith(name)) items.push({ label: a.key, insertText: a.key, kind: 'action', detail: a.accessLevel })
      if (svc) items.push({ label: `${svc.prefix}:*`, insertText: `${svc.prefix}:*`, kind: 'action', detail: `every ${svc.name} action` })
    }
  } else if (rest[0] === 'Condition' && loc.isAtPropertyKey && rest.length === 2) {
    for (const o of operatorNames()) items.push({ label: o, insertText: o, kind: 'operator' })
  } else if (rest[0] === 'Condition' && loc.isAtPropertyKey && rest.length === 3) {
    const seen = new Set<string>()
    const add = (key: string, detail: string) => {
      if (seen.has(key.toLowerCase())) return
      seen.add(key.toLowerCase())
      items.push({ label: key, insertText: key.replace(/\$\{[^}]*\}|<[^>]*>/g, ''), kind: 'key', detail })
    }
    for (const pattern of statementActions(parseTree(text), base))
      for (const a of cat.expand(pattern).slice(0, 400)) {
        for (const k of a.conditionKeys) add(k, cat.conditionKey(k)?.type ?? 'String')
        for (const rt of a.resourceTypes) for (const k of cat.resourceType(a.service, rt.name)?.conditionKeys ?? []) add(k, cat.conditionKey(k)?.type ?? 'String')
      }
    for (const k of cat.globalKeys()) add(k.key, `${k.type} · global`)
  } else if ((rest[0] === 'Resource' || rest[0] === 'NotResource') && !loc.isAtPropertyKey) {
    const seen = new Set<string>()
    for (const pattern of statementActions(parseTree(text), base))
      for (const a of cat.expand(pattern).slice(0, 200))
        for (const rt of a.resourceTypes)
          for (const f of cat.resourceType(a.service, rt.name)?.arns ?? []) {
            if (seen.has(f)) continue
            seen.add(f)
            items.push({ label: f, insertText: f.replace(/\$\{Partition\}/g, 'aws'), kind: 'arn', detail: `${a.service} ${rt.name}` })
          }
    items.push({ label: '*', insertText: '*', kind: 'arn', detail: 'every resource' })
  }
  return { items: items.slice(0, 500), start: typed.start, end: typed.end }
}
