/**
 * Which saved templates fit in `storage.sync`. Chrome's sync area allows 8,192 bytes per item (key plus
 * JSON value), 102,400 bytes in total and 512 items; Firefox documents the same numbers. Each template is
 * one item; a template that does not fit stays in `storage.local` only, and the UI says which and why.
 */
import { utf8Bytes } from './import-export'
import { SCHEMA_VERSION, type SavedTemplate } from './schema'

export const SYNC_QUOTA = {
  perItem: 8192,
  total: 102_400,
  maxItems: 512,
  /** Left free for the extension's other synced settings. */
  reserve: 4096,
} as const

export const SYNC_PREFIX = 'iamSidekick.t.'

/** A live template or the marker that it was deleted (so other browsers delete their copy too). */
export type SyncItem = { schemaVersion: number; template: SavedTemplate } | { schemaVersion: number; deleted: true; id: string; updatedAt: number }

export function syncKey(id: string): string {
  return SYNC_PREFIX + id
}

export function syncItemFor(template: SavedTemplate): SyncItem {
  return { schemaVersion: SCHEMA_VERSION, template }
}

export function tombstoneFor(id: string, updatedAt: number): SyncItem {
  return { schemaVersion: SCHEMA_VERSION, deleted: true, id, updatedAt }
}

/** Bytes an item counts against the sync quotas (key + JSON of the value, in UTF-8). */
export function syncItemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value))
}

export type LocalOnlyReason = 'too-large' | 'sync-full' | 'sync-error'

export interface SyncPlan {
  /** Templates that go to storage.sync, in list order. */
  fits: SavedTemplate[]
  localOnly: { template: SavedTemplate; reason: LocalOnlyReason; bytes: number }[]
}

/**
 * Fills the sync budget in list order (so adding or editing one template never pushes an older one out).
 * `reservedBytes` and `reservedItems` count what is already committed elsewhere (deletion markers).
 */
export function planSync(templates: readonly SavedTemplate[], reservedBytes = 0, reservedItems = 0): SyncPlan {
  const plan: SyncPlan = { fits: [], localOnly: [] }
  let total = reservedBytes
  let items = reservedItems
  const budget = SYNC_QUOTA.total - SYNC_QUOTA.reserve
  for (const template of templates) {
    const bytes = syncItemBytes(syncKey(template.id), syncItemFor(template))
    if (bytes > SYNC_QUOTA.perItem) plan.localOnly.push({ template, reason: 'too-large', bytes })
    else if (total + bytes > budget || items + 1 > SYNC_QUOTA.maxItems - 16) plan.localOnly.push({ template, reason: 'sync-full', bytes })
    else {
      plan.fits.push(template)
      total += bytes
      items++
    }
  }
  return plan
}
