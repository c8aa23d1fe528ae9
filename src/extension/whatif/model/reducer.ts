import { isAssigned, parseRole, roleTargetKind, sameRole } from './roles'
import {
  emptyBasket,
  LIMITS,
  SOURCE_KINDS,
  type Basket,
  type BasketItem,
  type PolicyRole,
  type PolicySource,
  type Question,
  type SourceKind,
} from './types'

/** A policy to add; the reducer gives it its id and time. */
export interface NewItem {
  name: string
  role: PolicyRole
  document?: string
  source: PolicySource
}

export type BasketOp =
  | { op: 'add'; items: NewItem[]; now?: number }
  | { op: 'remove'; ids: string[] }
  | { op: 'rename'; id: string; name: string }
  | { op: 'set-role'; id: string; role: PolicyRole }
  | { op: 'clear' }
  | { op: 'note'; principals?: string[]; resources?: string[] }
  | { op: 'set-question'; question: Question | null }
  | { op: 'replace'; basket: Basket }
  | { op: 'mark-saved'; name: string }
  | { op: 'set-groups'; user: string; groups: string[] }

/** Roles of which a target has only one policy: a later one replaces the earlier. */
function singleton(role: PolicyRole): boolean {
  return role.kind === 'trust' || role.kind === 'resource' || role.kind === 'boundary' || role.kind === 'session'
}

function sameSlot(a: BasketItem, b: NewItem): boolean {
  if (!sameRole(a.role, b.role) || !isAssigned(b.role)) return false
  if (singleton(b.role)) return true
  if (a.source.arn && b.source.arn) return a.source.arn === b.source.arn
  if (a.source.arn || b.source.arn) return false
  return a.source.kind === b.source.kind && a.name === b.name && b.source.kind !== 'imported' && b.source.kind !== 'editor'
}

function addItems(state: Basket, items: NewItem[], now: number): Basket {
  let list = state.items
  let nextId = state.nextId
  let changed = false
  for (const raw of items) {
    const item = normaliseNewItem(raw)
    if (!item) continue
    // A document seen for a policy ARN fills every entry still waiting for it.
    if (item.document !== undefined && item.source.arn) {
      const arn = item.source.arn
      if (list.some((i) => i.source.arn === arn && i.document === undefined)) {
        list = list.map((i) =>
          i.source.arn === arn && i.document === undefined
            ? { ...i, document: item.document, source: { ...i.source, url: item.source.url ?? i.source.url, versionId: item.source.versionId ?? i.source.versionId } }
            : i,
        )
        changed = true
      }
    }
    if (!isAssigned(item.role) && item.source.arn && list.some((i) => i.source.arn === item.source.arn)) continue
    const slot = list.findIndex((i) => sameSlot(i, item))
    if (slot >= 0) {
      const old = list[slot]!
      const sameArn = (old.source.arn ?? '') === (item.source.arn ?? '')
      if (sameArn && (item.document === undefined || item.document === old.document)) continue
      const { document: _old, ...rest } = old
      const document = item.document ?? (sameArn ? old.document : undefined)
      const updated: BasketItem = sameArn
        ? { ...rest, source: { ...old.source, ...item.source }, ...(document !== undefined ? { document } : {}) }
        : { ...rest, name: item.name, source: item.source, ...(document !== undefined ? { document } : {}) }
      list = list.map((i, k) => (k === slot ? updated : i))
      changed = true
      continue
    }
    if (item.document !== undefined && list.some((i) => sameRole(i.role, item.role) && i.document === item.document)) continue
    if (list.length >= LIMITS.items) continue
    list = [...list, { id: `p${nextId}`, name: item.name, role: item.role, ...(item.document !== undefined ? { document: item.document } : {}), source: item.source, addedAt: now }]
    nextId++
    changed = true
  }
  return changed ? { ...state, items: list, nextId } : state
}

function noteSeen(existing: string[], added: string[] | undefined): string[] {
  if (!added?.length) return existing
  const clean = added.filter((s) => typeof s === 'string' && s.length > 0 && s.length <= LIMITS.arn).map((s) => s.trim())
  const out = [...new Set([...clean.filter(Boolean), ...existing])].slice(0, LIMITS.seen)
  return out.length === existing.length && out.every((s, i) => s === existing[i]) ? existing : out
}

/** The basket's one state transition. Total: an op it cannot apply leaves the state as it is. */
export function basketReducer(state: Basket, op: BasketOp): Basket {
  switch (op.op) {
    case 'add':
      return addItems(state, op.items, op.now ?? 0)
    case 'remove': {
      const ids = new Set(op.ids)
      const items = state.items.filter((i) => !ids.has(i.id))
      return items.length === state.items.length ? state : { ...state, items }
    }
    case 'rename': {
      const name = cleanName(op.name)
      if (!name) return state
      const at = state.items.findIndex((i) => i.id === op.id)
      if (at < 0 || state.items[at]!.name === name) return state
      return { ...state, items: state.items.map((i, k) => (k === at ? { ...i, name } : i)) }
    }
    case 'set-role': {
      const role = parseRole(op.role)
      const at = state.items.findIndex((i) => i.id === op.id)
      if (!role || at < 0) return state
      return { ...state, items: state.items.map((i, k) => (k === at ? { ...i, role } : i)) }
    }
    case 'clear':
      if (!state.items.length && !state.question && !state.principals.length && !state.resources.length && !state.savedAs && !state.memberships) return state
      return { ...emptyBasket(), nextId: state.nextId }
    case 'note': {
      const principals = noteSeen(state.principals, op.principals)
      const resources = noteSeen(state.resources, op.resources)
      return principals === state.principals && resources === state.resources ? state : { ...state, principals, resources }
    }
    case 'set-question': {
      if (op.question === null) {
        if (!state.question) return state
        const { question: _q, ...rest } = state
        return rest
      }
      const q = parseQuestion(op.question)
      return q ? { ...state, question: q } : state
    }
    case 'replace': {
      const b = parseBasket(op.basket)
      return b ? { ...b, nextId: Math.max(b.nextId, state.nextId) } : state
    }
    case 'mark-saved': {
      const name = cleanName(op.name)
      return name ? { ...state, savedAs: name } : state
    }
    case 'set-groups': {
      const m = setGroups(state.memberships, op.user, op.groups)
      return m === state.memberships ? state : { ...state, memberships: m }
    }
  }
}

const USER_ARN = /^arn:[\w-]+:iam::\d{12}:user\/[\w+=,.@/-]+$/
const GROUP_ARN = /^arn:[\w-]+:iam::\d{12}:group\/[\w+=,.@/-]+$/

/** A user's groups replaced (an IAM user belongs to at most 10 groups); the same object when nothing changes. */
function setGroups(m: Record<string, string[]> | undefined, user: unknown, groups: unknown): Record<string, string[]> | undefined {
  if (typeof user !== 'string' || !USER_ARN.test(user) || !Array.isArray(groups)) return m
  const list = [...new Set(groups.filter((g): g is string => typeof g === 'string' && GROUP_ARN.test(g) && g.length <= LIMITS.arn))].slice(0, LIMITS.groups)
  const old = m?.[user]
  if (old && old.length === list.length && old.every((g, i) => g === list[i])) return m
  const next = { ...(m ?? {}), [user]: list }
  const keys = Object.keys(next)
  if (keys.length > LIMITS.users) delete next[keys[0]!]
  return next
}

// ---------------------------------------------------------------- validation of untrusted input

function cleanName(x: unknown): string {
  return typeof x === 'string' ? x.replace(/\s+/g, ' ').trim().slice(0, LIMITS.name) : ''
}

function cleanString(x: unknown, max: number): string | undefined {
  return typeof x === 'string' && x.length > 0 && x.length <= max ? x : undefined
}

function parseSource(x: unknown): PolicySource | undefined {
  if (typeof x !== 'object' || x === null) return undefined
  const s = x as Record<string, unknown>
  if (typeof s.kind !== 'string' || !(SOURCE_KINDS as readonly string[]).includes(s.kind)) return undefined
  const out: PolicySource = { kind: s.kind as SourceKind }
  const arn = cleanString(s.arn, LIMITS.arn)
  const url = cleanString(s.url, LIMITS.url)
  const pageKind = cleanString(s.pageKind, 100)
  const versionId = cleanString(s.versionId, 100)
  if (arn) out.arn = arn
  if (url) out.url = url
  if (pageKind) out.pageKind = pageKind
  if (versionId) out.versionId = versionId
  return out
}

function normaliseNewItem(x: unknown): NewItem | undefined {
  if (typeof x !== 'object' || x === null) return undefined
  const i = x as Record<string, unknown>
  const role = parseRole(i.role)
  const source = parseSource(i.source)
  const name = cleanName(i.name) || source?.arn?.slice(source.arn.lastIndexOf('/') + 1) || ''
  if (!role || !source || !name) return undefined
  if (i.document !== undefined && (typeof i.document !== 'string' || i.document.length > LIMITS.document)) return undefined
  return { name, role, source, ...(typeof i.document === 'string' ? { document: i.document } : {}) }
}

export function parseQuestion(x: unknown): Question | undefined {
  if (typeof x !== 'object' || x === null) return undefined
  const q = x as Record<string, unknown>
  const str = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, LIMITS.arn) : undefined)
  const principal = str(q.principal)
  const action = str(q.action)
  const resource = str(q.resource)
  if (principal === undefined || action === undefined || resource === undefined) return undefined
  const out: Question = { principal, action, resource }
  if (typeof q.context === 'object' && q.context !== null && !Array.isArray(q.context)) {
    const ctx: Record<string, string | string[]> = {}
    for (const [k, v] of Object.entries(q.context as Record<string, unknown>).slice(0, LIMITS.context)) {
      if (typeof v === 'string') ctx[k] = v
      else if (Array.isArray(v) && v.every((e) => typeof e === 'string')) ctx[k] = v as string[]
    }
    if (Object.keys(ctx).length) out.context = ctx
  }
  return out
}

function parseItem(x: unknown): BasketItem | undefined {
  const n = normaliseNewItem(x)
  if (!n) return undefined
  const i = x as Record<string, unknown>
  const id = cleanString(i.id, 40)
  if (!id) return undefined
  const addedAt = typeof i.addedAt === 'number' && Number.isFinite(i.addedAt) ? i.addedAt : 0
  return { id, ...n, addedAt }
}

/** Validates a basket read from storage, a message or a file; undefined when it is not one. */
export function parseBasket(x: unknown): Basket | undefined {
  if (typeof x !== 'object' || x === null) return undefined
  const b = x as Record<string, unknown>
  if (b.v !== 1 || !Array.isArray(b.items)) return undefined
  const items: BasketItem[] = []
  const ids = new Set<string>()
  for (const raw of b.items.slice(0, LIMITS.items)) {
    const item = parseItem(raw)
    if (item && !ids.has(item.id)) {
      ids.add(item.id)
      items.push(item)
    }
  }
  const maxId = items.reduce((m, i) => Math.max(m, Number(/^p(\d+)$/.exec(i.id)?.[1] ?? 0)), 0)
  const nextId = typeof b.nextId === 'number' && Number.isSafeInteger(b.nextId) && b.nextId > maxId ? b.nextId : maxId + 1
  const seen = (v: unknown) => (Array.isArray(v) ? noteSeen([], v.filter((s): s is string => typeof s === 'string')) : [])
  const out: Basket = { v: 1, items, nextId, principals: seen(b.principals), resources: seen(b.resources) }
  const question = parseQuestion(b.question)
  if (question) out.question = question
  const savedAs = cleanName(b.savedAs)
  if (savedAs) out.savedAs = savedAs
  if (typeof b.memberships === 'object' && b.memberships !== null && !Array.isArray(b.memberships)) {
    let m: Record<string, string[]> | undefined
    for (const [user, groups] of Object.entries(b.memberships as Record<string, unknown>).slice(0, LIMITS.users)) m = setGroups(m, user, groups)
    if (m && Object.keys(m).length) out.memberships = m
  }
  return out
}

/** Validates an op from a message; undefined when it is not one. */
export function parseBasketOp(x: unknown): BasketOp | undefined {
  if (typeof x !== 'object' || x === null) return undefined
  const o = x as Record<string, unknown>
  switch (o.op) {
    case 'add': {
      if (!Array.isArray(o.items)) return undefined
      const items = o.items.slice(0, LIMITS.items).map(normaliseNewItem).filter((i): i is NewItem => i !== undefined)
      const now = typeof o.now === 'number' && Number.isFinite(o.now) ? o.now : undefined
      return now === undefined ? { op: 'add', items } : { op: 'add', items, now }
    }
    case 'remove':
      return Array.isArray(o.ids) ? { op: 'remove', ids: o.ids.filter((i): i is string => typeof i === 'string') } : undefined
    case 'rename':
      return typeof o.id === 'string' && typeof o.name === 'string' ? { op: 'rename', id: o.id, name: o.name } : undefined
    case 'set-role': {
      const role = parseRole(o.role)
      return typeof o.id === 'string' && role ? { op: 'set-role', id: o.id, role } : undefined
    }
    case 'clear':
      return { op: 'clear' }
    case 'note': {
      const list = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined)
      const principals = list(o.principals)
      const resources = list(o.resources)
      return { op: 'note', ...(principals ? { principals } : {}), ...(resources ? { resources } : {}) }
    }
    case 'set-question': {
      if (o.question === null) return { op: 'set-question', question: null }
      const q = parseQuestion(o.question)
      return q ? { op: 'set-question', question: q } : undefined
    }
    case 'replace': {
      const b = parseBasket(o.basket)
      return b ? { op: 'replace', basket: b } : undefined
    }
    case 'mark-saved':
      return typeof o.name === 'string' ? { op: 'mark-saved', name: o.name } : undefined
    case 'set-groups':
      return typeof o.user === 'string' && Array.isArray(o.groups) ? { op: 'set-groups', user: o.user, groups: o.groups.filter((g): g is string => typeof g === 'string') } : undefined
    default:
      return undefined
  }
}

/** Targets that need a principal, for the role editor's choices. */
export function needsPrincipal(role: PolicyRole): boolean {
  return roleTargetKind(role.kind) === 'principal'
}
