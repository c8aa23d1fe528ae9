import { parseArn } from '../../../engine/arn/arn'
import { MAX_JSON_DEPTH, tooDeep, valueDepth } from '../../shared/json-limits'
import { isTrustAction, principalInfo } from './arns'
import { basketReducer, parseQuestion, type NewItem } from './reducer'
import { ROLE_LABELS } from './roles'
import { emptyBasket, LIMITS, SOURCE_KINDS, type Basket, type PolicyRole, type Question, type SourceKind } from './types'

export type ImportResult =
  | { ok: true; basket: Basket; cases: number; added: number; warnings: string[] }
  | { ok: false; errors: string[] }

type Obj = Record<string, unknown>
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x)

function typeName(x: unknown): string {
  if (x === null) return 'null'
  if (Array.isArray(x)) return 'an array'
  return typeof x === 'object' ? 'an object' : `a ${typeof x}`
}

/** A policy document from a case: an object, or its JSON text. Returns its text, or an error. */
function documentText(x: unknown, where: string, errors: string[]): string | undefined {
  if (isObj(x)) {
    const text = JSON.stringify(x, null, 2)
    if (text.length > LIMITS.document) errors.push(`${where}: the policy is larger than ${LIMITS.document} characters.`)
    else return text
    return undefined
  }
  if (typeof x === 'string') {
    let v: unknown
    try {
      v = JSON.parse(x)
    } catch (e) {
      errors.push(`${where}: the policy text is not valid JSON (${(e as Error).message}).`)
      return undefined
    }
    if (!isObj(v)) {
      errors.push(`${where}: the policy text is ${typeName(v)}, not a policy document object.`)
      return undefined
    }
    if (x.length > LIMITS.document) {
      errors.push(`${where}: the policy is larger than ${LIMITS.document} characters.`)
      return undefined
    }
    return x
  }
  errors.push(`${where}: expected a policy document (an object or its JSON text), got ${typeName(x)}.`)
  return undefined
}

function sourceNote(x: unknown): { name?: string; kind?: SourceKind; arn?: string; attachedTo?: string } {
  if (!isObj(x)) return {}
  const out: { name?: string; kind?: SourceKind; arn?: string; attachedTo?: string } = {}
  if (typeof x.name === 'string' && x.name.trim()) out.name = x.name.trim().slice(0, LIMITS.name)
  if (typeof x.kind === 'string' && (SOURCE_KINDS as readonly string[]).includes(x.kind)) out.kind = x.kind as SourceKind
  if (typeof x.arn === 'string' && parseArn(x.arn)) out.arn = x.arn
  if (typeof x.attachedTo === 'string' && parseArn(x.attachedTo)) out.attachedTo = x.attachedTo
  return out
}

function at(x: unknown, ...path: (string | number)[]): unknown {
  let v = x
  for (const p of path) {
    if (typeof p === 'number') v = Array.isArray(v) ? v[p] : undefined
    else v = isObj(v) ? v[p] : undefined
  }
  return v
}

/** The bucket of an S3 object ARN (bucket policies are attached to buckets); other ARNs unchanged. */
function attachmentOf(resource: string): string {
  const a = parseArn(resource)
  if (a?.service === 's3' && a.resource.includes('/')) return `arn:${a.partition}:s3:::${a.resource.slice(0, a.resource.indexOf('/'))}`
  return resource
}

function contextOf(x: unknown, where: string, errors: string[]): Record<string, string | string[]> | undefined {
  if (x === undefined) return undefined
  if (!isObj(x)) {
    errors.push(`${where}.request.context: expected an object of condition keys, got ${typeName(x)}.`)
    return undefined
  }
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(x)) {
    if (typeof v === 'string') out[k] = v
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v)
    else if (Array.isArray(v) && v.every((e) => typeof e === 'string' || typeof e === 'number' || typeof e === 'boolean')) out[k] = v.map(String)
    else errors.push(`${where}.request.context["${k}"]: expected a string or an array of strings, got ${typeName(v)}.`)
  }
  return out
}

interface CaseImport {
  items: NewItem[]
  question: Question
  principals: string[]
  resources: string[]
}

function importCase(c: unknown, where: string, errors: string[], warnings: string[]): CaseImport | undefined {
  if (!isObj(c)) {
    errors.push(`${where}: expected a simulation case (an object with "request"), got ${typeName(c)}.`)
    return undefined
  }
  const before = errors.length
  const req = c.request
  if (!isObj(req)) {
    errors.push(`${where}: "request" is ${req === undefined ? 'missing' : typeName(req)}; a case needs {"request": {"action", "resource"}}.`)
    return undefined
  }
  const action = req.action
  const resource = req.resource
  const principal = req.principal
  if (typeof action !== 'string' || !/^[^:\s]+:[^:\s]+$/.test(action))
    errors.push(`${where}.request.action: expected "service:Action" such as "s3:GetObject", got ${typeof action === 'string' ? JSON.stringify(action) : typeName(action)}.`)
  if (typeof resource !== 'string' || !resource) errors.push(`${where}.request.resource: expected a resource ARN or "*", got ${typeName(resource)}.`)
  if (principal !== undefined && typeof principal !== 'string') errors.push(`${where}.request.principal: expected an ARN or a service principal name, got ${typeName(principal)}.`)
  const context = contextOf(req.context, where, errors)
  if (errors.length > before) return undefined

  const p = (principal as string | undefined) ?? ''
  const r = resource as string
  const a = action as string
  const sources = c.policySources
  const items: NewItem[] = []
  const caseId = typeof c.id === 'string' ? c.id : undefined
  const add = (role: PolicyRole, doc: unknown, docWhere: string, fallbackName: string, noteValue: unknown) => {
    const text = documentText(doc, docWhere, errors)
    if (text === undefined) return
    const n = sourceNote(noteValue)
    items.push({
      name: n.name ?? fallbackName,
      role,
      document: text,
      source: { kind: n.kind ?? 'imported', ...(n.arn ? { arn: n.arn } : {}) },
    })
  }
  const suffix = caseId ? ` (${caseId})` : ''

  if (c.identityPolicies !== undefined) {
    if (!Array.isArray(c.identityPolicies)) errors.push(`${where}.identityPolicies: expected an array of policy documents, got ${typeName(c.identityPolicies)}.`)
    else
      c.identityPolicies.forEach((d, i) =>
        add({ kind: 'identity', target: p }, d, `${where}.identityPolicies[${i}]`, `Identity policy ${i + 1}${suffix}`, at(sources, 'identityPolicies', i)),
      )
  }
  if (c.permissionsBoundary !== undefined)
    add({ kind: 'boundary', target: p }, c.permissionsBoundary, `${where}.permissionsBoundary`, `Permissions boundary${suffix}`, at(sources, 'permissionsBoundary'))
  if (c.sessionPolicy !== undefined) add({ kind: 'session', target: p }, c.sessionPolicy, `${where}.sessionPolicy`, `Session policy${suffix}`, at(sources, 'sessionPolicy'))
  if (c.resourcePolicy !== undefined) {
    const n = sourceNote(at(sources, 'resourcePolicy'))
    const roleArn = principalInfo(r)?.kind === 'role'
    const role: PolicyRole =
      isTrustAction(a) && roleArn ? { kind: 'trust', target: r } : { kind: 'resource', target: n.attachedTo ?? (r === '*' ? '' : attachmentOf(r)) }
    add(role, c.resourcePolicy, `${where}.resourcePolicy`, role.kind === 'trust' ? `Trust policy${suffix}` : `Resource policy${suffix}`, at(sources, 'resourcePolicy'))
  }
  for (const kind of ['scps', 'rcps'] as const) {
    const v = c[kind]
    if (v === undefined) continue
    if (!Array.isArray(v)) {
      errors.push(`${where}.${kind}: expected an array with one element per level of the organization (a policy or an array of policies), got ${typeName(v)}.`)
      continue
    }
    const label = kind === 'scps' ? ROLE_LABELS.scp : ROLE_LABELS.rcp
    v.forEach((level, l) => {
      const docs = Array.isArray(level) ? level : [level]
      docs.forEach((d, k) =>
        add(
          { kind: kind === 'scps' ? 'scp' : 'rcp', target: '', level: Math.min(l, 10) },
          d,
          `${where}.${kind}[${l}]${Array.isArray(level) ? `[${k}]` : ''}`,
          `${label} ${l + 1}.${k + 1}${suffix}`,
          at(sources, kind, l, k),
        ),
      )
    })
  }
  if (errors.length > before) return undefined
  if (!p && items.some((i) => i.role.kind === 'identity' || i.role.kind === 'boundary' || i.role.kind === 'session'))
    warnings.push(`${where} names no principal: its identity policies are added without one; assign them in the basket.`)
  const question = parseQuestion({ principal: p, action: a, resource: r, ...(context ? { context } : {}) })!
  const principals = p && parseArn(p) ? [p] : []
  const resources = r !== '*' && parseArn(r) ? [r] : []
  return { items, question, principals, resources }
}

/**
 * Reads a case file (simulation-case.md: one case or an array of them, as text or parsed) into a basket:
 * identity policies of the request's principal, its boundary and session policy, the resource policy of
 * the resource (a role's trust policy for sts:AssumeRole*), SCPs and RCPs by level. The first case's
 * request becomes the question. Any invalid case fails the whole import with messages naming where.
 */
export function casesToBasket(input: unknown, base: Basket = emptyBasket(), now = 0): ImportResult {
  try {
    return readCases(input, base, now)
  } catch (e) {
    // Nothing escapes: whatever the input, the basket stays as it was.
    return { ok: false, errors: [`The case file could not be read: ${e instanceof Error ? e.message.slice(0, 200) : 'unexpected input'}.`] }
  }
}

/** Largest case file read (a case holds at most a few policies of up to 20 KB each). */
export const MAX_CASE_FILE_BYTES = 2 * 1024 * 1024

function readCases(input: unknown, base: Basket, now: number): ImportResult {
  let value = input
  if (typeof input === 'string') {
    if (!input.trim()) return { ok: false, errors: ['The file is empty.'] }
    if (input.length > MAX_CASE_FILE_BYTES) return { ok: false, errors: [`The case file is larger than ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB; nothing was changed.`] }
    const deep = tooDeep(input, 'The case file')
    if (deep) return { ok: false, errors: [deep] }
    try {
      value = JSON.parse(input)
    } catch (e) {
      return { ok: false, errors: [`The file is not valid JSON: ${(e as Error).message}.`] }
    }
  } else if (valueDepth(input, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return { ok: false, errors: [`The cases nest more than ${MAX_JSON_DEPTH} levels deep, which no valid case does; nothing was changed.`] }
  const list = Array.isArray(value) ? value : [value]
  if (list.length === 0) return { ok: false, errors: ['The file holds an empty array: no simulation case to import.'] }
  const errors: string[] = []
  const warnings: string[] = []
  const imported: CaseImport[] = []
  list.forEach((c, i) => {
    const where = Array.isArray(value) ? `case ${i + 1}${isObj(c) && typeof c.id === 'string' ? ` ("${c.id.slice(0, 80)}")` : ''}` : 'the case'
    const r = importCase(c, where, errors, warnings)
    if (r) imported.push(r)
  })
  if (errors.length) return { ok: false, errors: errors.slice(0, 50) }
  let basket = base
  const before = basket.items.length
  for (const r of imported) {
    basket = basketReducer(basket, { op: 'add', items: r.items, now })
    basket = basketReducer(basket, { op: 'note', principals: r.principals, resources: r.resources })
  }
  basket = basketReducer(basket, { op: 'set-question', question: imported[0]!.question })
  return { ok: true, basket, cases: imported.length, added: basket.items.length - before, warnings }
}
