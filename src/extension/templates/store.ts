/**
 * The saved-template store: pure logic over a small storage interface (browser.storage in the extension,
 * an in-memory fake with the same quotas in unit tests).
 *
 * - `storage.local` holds everything (key LOCAL_KEY): the source of truth on this browser.
 * - With sync on, each template that fits is mirrored to `storage.sync` as its own item; deletions leave a
 *   small marker so other browsers delete their copy. What does not fit stays local, and the snapshot says
 *   which and why.
 * - Every change is computed first and written in one `storage.local.set`; only when that succeeds does the
 *   store's state change. A failed write (quota, storage error) leaves the previous state and throws a
 *   StoreError with a message for the user. Sync problems never undo a local change; they are reported.
 * - Operations run one at a time, in order.
 */
import { exportTemplates, mergeImported, parseImport } from './import-export'
import { migrate, schemaVersionOf } from './migrations'
import {
  LIMITS,
  MAX_TIME,
  ID_PATTERN,
  SCHEMA_VERSION,
  SchemaError,
  checkTemplateInput,
  isRecord,
  normaliseTags,
  own,
  readTemplate,
  type SavedTemplate,
  type TemplateInput,
} from './schema'
import { SYNC_PREFIX, planSync, syncItemBytes, syncItemFor, syncKey, tombstoneFor, type LocalOnlyReason, type SyncItem } from './sync-plan'

export const LOCAL_KEY = 'iamSidekick.templates'
/** Deletion markers older than this are removed from storage.sync. */
export const TOMBSTONE_TTL_MS = 30 * 24 * 3600 * 1000

export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>
  set(items: Record<string, unknown>): Promise<void>
  remove(keys: string | string[]): Promise<void>
}

export interface StorageBackend {
  local: StorageArea
  sync: StorageArea
  /** Calls back when storage changed (from any page) with the new values; returns a function that stops listening. */
  onChanged?(listener: (area: string, changes: Record<string, { newValue?: unknown }>) => void): () => void
}

export class StoreError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StoreError'
  }
}

export interface LocalOnlyEntry {
  id: string
  name: string
  reason: LocalOnlyReason
  bytes: number
}

export interface StoreSnapshot {
  templates: readonly SavedTemplate[]
  sync: boolean
  /** With sync on: the templates kept on this browser only, and why. */
  localOnly: readonly LocalOnlyEntry[]
  /** The last sync problem, if the last write could not reach storage.sync. */
  syncError?: string
  /** Saved entries that could not be read (kept as they are, never overwritten). */
  unreadable: number
  /** Set when the stored data cannot be written safely (e.g. written by a newer version); nothing is saved then. */
  readOnly?: string
}

export interface DeletedTemplate {
  template: SavedTemplate
  index: number
}

export interface StoreOptions {
  now?: () => number
  newId?: () => string
}

interface State {
  templates: SavedTemplate[]
  sync: boolean
  unreadable: unknown[]
  /** Templates deleted here: id → version of the deletion (kept TOMBSTONE_TTL_MS, so sync never brings them back). */
  deleted: Record<string, number>
}

function emptyState(): State {
  return { templates: [], sync: false, unreadable: [], deleted: {} }
}

export function defaultNewId(): string {
  return `t-${crypto.randomUUID()}`
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** A user-facing description of a failed storage write. */
export function describeStorageError(e: unknown, area: 'local' | 'sync'): string {
  const text = errorText(e)
  if (area === 'sync' && /MAX_WRITE_OPERATIONS/i.test(text)) return `Too many sync writes in a short time (${text}); the templates will sync with your next change.`
  if (/quota|QUOTA_BYTES|exceeded|full/i.test(text)) {
    return area === 'local'
      ? `Browser storage is full, so nothing was saved and your templates are unchanged. Delete or export some templates and try again. (${text})`
      : `Browser sync storage is full (${text}); the templates stay on this browser.`
  }
  return area === 'local' ? `Could not save to browser storage, so nothing was changed: ${text}` : `Could not sync: ${text}`
}

/** Reads the stored local document. Unreadable templates are kept aside (never dropped). */
export function readLocalDoc(raw: unknown): State {
  if (raw === undefined) return emptyState()
  const doc = migrate(raw, '$')
  const list = own(doc, 'templates')
  const templates: SavedTemplate[] = []
  const unreadable: unknown[] = []
  const previous = own(doc, 'unreadable')
  if (Array.isArray(previous)) unreadable.push(...previous)
  const seen = new Set<string>()
  if (Array.isArray(list)) {
    list.forEach((t: unknown, i) => {
      try {
        const template = readTemplate(t, `$.templates[${i}]`)
        if (seen.has(template.id)) throw new SchemaError(`$.templates[${i}].id`, 'duplicate id')
        seen.add(template.id)
        templates.push(template)
      } catch {
        unreadable.push(t)
      }
    })
  } else if (list !== undefined) unreadable.push(list)
  const settings = own(doc, 'settings')
  const sync = isRecord(settings) && own(settings, 'sync') === true
  const deleted: Record<string, number> = {}
  const deletedRaw = own(doc, 'deleted')
  if (isRecord(deletedRaw)) {
    for (const [id, version] of Object.entries(deletedRaw)) {
      if (ID_PATTERN.test(id) && typeof version === 'number' && Number.isFinite(version)) deleted[id] = version
    }
  }
  return { templates, sync, unreadable, deleted }
}

function toLocalDoc(state: State): Record<string, unknown> {
  const doc: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION, settings: { sync: state.sync }, templates: state.templates }
  if (Object.keys(state.deleted).length) doc.deleted = state.deleted
  if (state.unreadable.length) doc.unreadable = state.unreadable
  return doc
}

/** A sync item as stored (migrated and checked), or undefined when it is not one we can read. */
export function readSyncItem(raw: unknown): SyncItem | undefined {
  try {
    if (!isRecord(raw)) return undefined
    if (own(raw, 'deleted') === true) {
      const id = own(raw, 'id')
      const updatedAt = own(raw, 'updatedAt')
      if (typeof id !== 'string' || typeof updatedAt !== 'number' || !Number.isFinite(updatedAt)) return undefined
      schemaVersionOf(raw) // throws for a version this one cannot read
      return tombstoneFor(id, updatedAt)
    }
    const doc = migrate({ schemaVersion: own(raw, 'schemaVersion'), templates: [own(raw, 'template')] })
    const list = own(doc, 'templates')
    return Array.isArray(list) ? syncItemFor(readTemplate(list[0], '$.template')) : undefined
  } catch {
    return undefined
  }
}

function versionOf(item: SyncItem): number {
  return 'template' in item ? item.template.updatedAt : item.updatedAt
}

function copyName(name: string): string {
  const base = name.replace(/ \(copy( \d+)?\)$/, '')
  const suffix = ' (copy)'
  return (base.length + suffix.length > LIMITS.name ? base.slice(0, LIMITS.name - suffix.length) : base) + suffix
}

export class TemplateStore {
  private state: State = emptyState()
  private readOnly: string | undefined
  private localOnly: LocalOnlyEntry[] = []
  private syncError: string | undefined
  /** What storage.sync holds, as far as this page knows: id → version (updatedAt) and kind. */
  private remote = new Map<string, { version: number; deleted: boolean }>()
  private queue: Promise<unknown> = Promise.resolve()
  private listeners = new Set<(s: StoreSnapshot) => void>()
  private stopListening: (() => void) | undefined
  private readonly now: () => number
  private readonly newId: () => string
  private snap: StoreSnapshot | undefined
  /** What this store last wrote, by area and key (JSON; null for a removal), to tell its own changes from others'. */
  private written = { local: new Map<string, string | null>(), sync: new Map<string, string | null>() }

  private constructor(
    private readonly backend: StorageBackend,
    options: StoreOptions,
  ) {
    this.now = options.now ?? Date.now
    this.newId = options.newId ?? defaultNewId
  }

  /** Opens the store: reads storage (and merges storage.sync when sync is on) and follows later changes. */
  static async open(backend: StorageBackend, options: StoreOptions = {}): Promise<TemplateStore> {
    const store = new TemplateStore(backend, options)
    await store.reload()
    store.stopListening = backend.onChanged?.((area, changes) => {
      if (store.isOwnChange(area, changes)) return
      if ((area === 'local' && LOCAL_KEY in changes) || (area === 'sync' && Object.keys(changes).some((k) => k.startsWith(SYNC_PREFIX)))) {
        void store.reload().catch(() => undefined)
      }
    })
    return store
  }

  dispose(): void {
    this.stopListening?.()
    this.listeners.clear()
  }

  /** True when every change is one this store wrote itself (so there is nothing new to read). */
  private isOwnChange(area: string, changes: Record<string, { newValue?: unknown }>): boolean {
    const mine = area === 'local' ? this.written.local : area === 'sync' ? this.written.sync : undefined
    if (!mine) return false
    return Object.entries(changes).every(([key, c]) => mine.has(key) && mine.get(key) === (c.newValue === undefined ? null : JSON.stringify(c.newValue)))
  }

  private async writeLocal(state: State): Promise<void> {
    const doc = toLocalDoc(state)
    // Recorded first: some storage implementations report the change before the write resolves.
    this.written.local.set(LOCAL_KEY, JSON.stringify(doc))
    await this.backend.local.set({ [LOCAL_KEY]: doc })
  }

  snapshot(): StoreSnapshot {
    this.snap ??= {
      templates: this.state.templates,
      sync: this.state.sync,
      localOnly: this.localOnly,
      unreadable: this.state.unreadable.length,
      ...(this.syncError ? { syncError: this.syncError } : {}),
      ...(this.readOnly ? { readOnly: this.readOnly } : {}),
    }
    return this.snap
  }

  subscribe(listener: (s: StoreSnapshot) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get(id: string): SavedTemplate | undefined {
    return this.state.templates.find((t) => t.id === id)
  }

  private emit(): void {
    this.snap = undefined
    const s = this.snapshot()
    for (const l of this.listeners) l(s)
  }

  private run<T>(op: () => Promise<T>): Promise<T> {
    const p = this.queue.then(op)
    this.queue = p.catch(() => undefined)
    return p
  }

  /** A strictly increasing time, so every change gets a new version. */
  /** A version newer than `previous` (and not older than now), clamped to the largest time the schema allows. */
  private stamp(previous = 0): number {
    return Math.min(MAX_TIME, Math.max(this.now(), previous + 1))
  }

  /** Re-reads storage (another page or browser may have changed it). */
  reload(): Promise<void> {
    return this.run(async () => {
      let raw: unknown
      try {
        raw = own(await this.backend.local.get(LOCAL_KEY), LOCAL_KEY)
      } catch (e) {
        this.readOnly = `Could not read saved templates: ${errorText(e)}`
        this.emit()
        return
      }
      let state: State
      try {
        state = readLocalDoc(raw)
        this.readOnly = undefined
      } catch (e) {
        this.readOnly =
          e instanceof SchemaError
            ? `Your saved templates cannot be read by this version (${e.problem}); nothing will be changed.`
            : `Your saved templates cannot be read: ${errorText(e)}`
        this.state = emptyState()
        this.emit()
        return
      }
      this.state = state
      if (state.sync) await this.mergeRemote()
      this.emit()
    })
  }

  /** Merges storage.sync into the local state; then pushes what is newer here. Never throws. */
  private async mergeRemote(): Promise<void> {
    let items: Record<string, unknown>
    try {
      items = await this.backend.sync.get(null)
    } catch (e) {
      this.syncError = describeStorageError(e, 'sync')
      return
    }
    this.remote.clear()
    let templates = [...this.state.templates]
    let changed = false
    for (const [key, raw] of Object.entries(items)) {
      if (!key.startsWith(SYNC_PREFIX)) continue
      const item = readSyncItem(raw)
      if (!item) continue
      const id = key.slice(SYNC_PREFIX.length)
      const version = versionOf(item)
      this.remote.set(id, { version, deleted: !('template' in item) })
      const at = templates.findIndex((t) => t.id === id)
      const local = at >= 0 ? templates[at] : undefined
      if ('template' in item) {
        if (item.template.id !== id) continue
        if (!local) {
          // Deleted here after that version: keep it deleted (the marker is pushed below).
          const deletedAt = this.state.deleted[id]
          if (deletedAt !== undefined && deletedAt >= version) continue
          if (templates.length < LIMITS.templates) {
            templates.push(item.template)
            changed = true
          }
        } else if (version > local.updatedAt) {
          templates[at] = item.template
          changed = true
        }
      } else if (local && local.updatedAt <= version) {
        templates = templates.filter((t) => t.id !== id)
        changed = true
      }
    }
    if (changed) {
      const next = { ...this.state, templates }
      try {
        await this.writeLocal(next)
        this.state = next
      } catch {
        // Keep showing what is stored locally; the merge is tried again on the next load.
        return
      }
    }
    await this.pushSync()
  }

  /** Mirrors the current templates to storage.sync (best effort; problems are reported, never thrown). */
  private async pushSync(): Promise<void> {
    this.localOnly = []
    this.syncError = undefined
    if (!this.state.sync) return
    const now = this.now()
    // Deletion markers for templates deleted here that storage.sync still holds (live, or with an older marker).
    const tombstones = new Map<string, SyncItem>()
    for (const [id, version] of Object.entries(this.state.deleted)) {
      const r = this.remote.get(id)
      if (!r || r.version > version || (r.deleted && r.version === version) || this.get(id)) continue
      tombstones.set(syncKey(id), tombstoneFor(id, version))
    }
    // Markers already in storage.sync count against its quotas until they expire.
    const expired: string[] = []
    let markerBytes = 0
    let markerItems = tombstones.size
    for (const [key, item] of tombstones) markerBytes += syncItemBytes(key, item)
    for (const [id, r] of this.remote) {
      if (!r.deleted || tombstones.has(syncKey(id))) continue
      if (now - r.version > TOMBSTONE_TTL_MS) expired.push(syncKey(id))
      else {
        markerBytes += syncItemBytes(syncKey(id), tombstoneFor(id, r.version))
        markerItems++
      }
    }
    const plan = planSync(this.state.templates, markerBytes, markerItems)
    this.localOnly = plan.localOnly.map(({ template, reason, bytes }) => ({ id: template.id, name: template.name, reason, bytes }))
    const writes: Record<string, unknown> = Object.fromEntries(tombstones)
    for (const t of plan.fits) if (this.remote.get(t.id)?.version !== t.updatedAt || this.remote.get(t.id)?.deleted) writes[syncKey(t.id)] = syncItemFor(t)
    // A template that no longer fits: drop the stale remote copy (other browsers keep theirs; no marker).
    const removals = [...expired]
    for (const { template } of plan.localOnly) if (this.remote.has(template.id) && !this.remote.get(template.id)!.deleted) removals.push(syncKey(template.id))
    if (Object.keys(writes).length) {
      try {
        for (const [key, value] of Object.entries(writes)) this.written.sync.set(key, JSON.stringify(value))
        await this.backend.sync.set(writes)
        for (const item of Object.values(writes) as SyncItem[]) {
          const id = 'template' in item ? item.template.id : item.id
          this.remote.set(id, { version: versionOf(item), deleted: !('template' in item) })
        }
      } catch (e) {
        this.syncError = describeStorageError(e, 'sync')
        const failed = new Set(Object.keys(writes))
        for (const t of plan.fits) {
          if (failed.has(syncKey(t.id))) this.localOnly.push({ id: t.id, name: t.name, reason: 'sync-error', bytes: syncItemBytes(syncKey(t.id), syncItemFor(t)) })
        }
      }
    }
    if (removals.length) {
      try {
        for (const key of removals) this.written.sync.set(key, null)
        await this.backend.sync.remove(removals)
        for (const key of removals) this.remote.delete(key.slice(SYNC_PREFIX.length))
      } catch (e) {
        this.syncError ??= describeStorageError(e, 'sync')
      }
    }
  }

  /** Writes a new state; the state changes only if the local write succeeds. */
  private async commit(proposed: State): Promise<void> {
    if (this.readOnly) throw new StoreError(this.readOnly)
    const next = this.revive(proposed)
    // Never write what could not be read back: every template passes the same checks as on load.
    next.templates.forEach((t, i) => {
      try {
        readTemplate(t, `templates[${i}]`)
      } catch (e) {
        throw new StoreError(`Nothing was changed: ${e instanceof SchemaError ? `${e.path}: ${e.problem}` : 'a template is invalid'}.`)
      }
    })
    try {
      await this.writeLocal(next)
    } catch (e) {
      throw new StoreError(describeStorageError(e, 'local'))
    }
    this.state = next
    await this.pushSync()
    this.emit()
  }

  /**
   * Keeps the deletion bookkeeping consistent with the templates: a template that is present (restored,
   * re-imported) is no longer deleted, and gets a version newer than any deletion marker for its id, so
   * no browser's marker can take it away again. Old markers are forgotten.
   */
  private revive(state: State): State {
    const now = this.now()
    const deleted = { ...state.deleted }
    for (const [id, version] of Object.entries(deleted)) if (now - version > TOMBSTONE_TTL_MS) delete deleted[id]
    const templates = state.templates.map((t) => {
      const marker = Math.max(deleted[t.id] ?? 0, this.remote.get(t.id)?.deleted ? this.remote.get(t.id)!.version : 0)
      delete deleted[t.id]
      return marker >= t.updatedAt ? { ...t, updatedAt: this.stamp(marker) } : t
    })
    return { ...state, templates, deleted }
  }

  private build(input: TemplateInput, id: string, createdAt: number, updatedAt: number): SavedTemplate {
    const problem = checkTemplateInput(input)
    if (problem) throw new StoreError(problem)
    const t: SavedTemplate = {
      id,
      name: input.name.trim(),
      description: input.description.trim(),
      policyType: input.policyType,
      tags: normaliseTags(input.tags),
      document: input.document,
      createdAt,
      updatedAt,
    }
    if (input.origin) t.origin = input.origin.ref === undefined ? { kind: input.origin.kind } : { kind: input.origin.kind, ref: input.origin.ref }
    // The same checks as for stored data, so nothing the store writes can fail to load.
    readTemplate(t, '$')
    return t
  }

  private requireRoom(extra = 1): void {
    if (this.state.templates.length + extra > LIMITS.templates) throw new StoreError(`You can keep at most ${LIMITS.templates} templates; delete some first.`)
  }

  private find(id: string): SavedTemplate {
    const t = this.get(id)
    if (!t) throw new StoreError('That template no longer exists (it may have been deleted in another window).')
    return t
  }

  create(input: TemplateInput): Promise<SavedTemplate> {
    return this.run(async () => {
      this.requireRoom()
      const now = this.stamp()
      const t = this.build(input, this.newId(), now, now)
      await this.commit({ ...this.state, templates: [...this.state.templates, t] })
      return t
    })
  }

  update(id: string, patch: Partial<TemplateInput>): Promise<SavedTemplate> {
    return this.run(async () => {
      const old = this.find(id)
      const t = this.build({ ...old, ...patch }, id, old.createdAt, this.stamp(old.updatedAt))
      await this.commit({ ...this.state, templates: this.state.templates.map((x) => (x.id === id ? t : x)) })
      return t
    })
  }

  rename(id: string, name: string): Promise<SavedTemplate> {
    return this.update(id, { name })
  }

  setTags(id: string, tags: string[]): Promise<SavedTemplate> {
    return this.update(id, { tags })
  }

  duplicate(id: string): Promise<SavedTemplate> {
    return this.run(async () => {
      const old = this.find(id)
      this.requireRoom()
      const now = this.stamp()
      const t = this.build({ ...old, name: copyName(old.name), origin: { kind: 'copy', ref: old.id } }, this.newId(), now, now)
      const at = this.state.templates.indexOf(old)
      const templates = [...this.state.templates]
      templates.splice(at + 1, 0, t)
      await this.commit({ ...this.state, templates })
      return t
    })
  }

  /** Deletes a template; keep the result to undo. */
  delete(id: string): Promise<DeletedTemplate> {
    return this.run(async () => {
      const template = this.find(id)
      const index = this.state.templates.indexOf(template)
      const deleted = { ...this.state.deleted, [id]: this.stamp(Math.max(template.updatedAt, this.remote.get(id)?.version ?? 0)) }
      await this.commit({ ...this.state, templates: this.state.templates.filter((t) => t.id !== id), deleted })
      return { template, index }
    })
  }

  /** Puts a deleted template back where it was. */
  restore(deleted: DeletedTemplate): Promise<SavedTemplate> {
    return this.run(async () => {
      this.requireRoom()
      const old = deleted.template
      const id = this.state.templates.some((t) => t.id === old.id) ? this.newId() : old.id
      const templates = [...this.state.templates]
      templates.splice(Math.min(Math.max(0, deleted.index), templates.length), 0, { ...old, id })
      // commit() gives it a version newer than the deletion marker, so other browsers take it back too.
      await this.commit({ ...this.state, templates })
      return this.get(id)!
    })
  }

  /** Imports an export file: all or nothing. Throws StoreError naming the first problem. */
  importText(text: string): Promise<{ added: SavedTemplate[]; skipped: number }> {
    return this.run(async () => {
      if (this.readOnly) throw new StoreError(this.readOnly)
      const parsed = parseImport(text)
      if (!parsed.ok) throw new StoreError(`Nothing was imported. ${parsed.error}`)
      const merged = mergeImported(this.state.templates, parsed.templates, this.newId)
      if (merged.templates.length > LIMITS.templates) {
        throw new StoreError(`Nothing was imported: that would make ${merged.templates.length} templates; at most ${LIMITS.templates} can be kept.`)
      }
      if (merged.added.length) await this.commit({ ...this.state, templates: merged.templates })
      return { added: merged.added, skipped: merged.skipped }
    })
  }

  exportText(ids?: readonly string[]): string {
    const chosen = ids ? this.state.templates.filter((t) => ids.includes(t.id)) : this.state.templates
    return exportTemplates(chosen, this.now())
  }

  /** Turns syncing on or off. Turning it off keeps every template here and leaves other browsers' copies alone. */
  setSync(enabled: boolean): Promise<void> {
    return this.run(async () => {
      if (this.readOnly) throw new StoreError(this.readOnly)
      if (this.state.sync === enabled) return
      const next = { ...this.state, sync: enabled }
      try {
        await this.writeLocal(next)
      } catch (e) {
        throw new StoreError(describeStorageError(e, 'local'))
      }
      this.state = next
      this.remote.clear()
      this.localOnly = []
      this.syncError = undefined
      // Take in what other browsers synced before pushing anything from here.
      if (enabled) await this.mergeRemote()
      this.emit()
    })
  }
}
