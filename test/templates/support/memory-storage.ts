/**
 * An in-memory stand-in for browser.storage with Chrome's sync quotas (per item: key + JSON value in
 * UTF-8 bytes; total; item count), a configurable local quota and injectable failures. Values are stored
 * as JSON, like the real areas, so nothing the store keeps can alias what it wrote.
 */
import type { StorageArea, StorageBackend } from '../../../src/extension/templates/store'
import { utf8Bytes } from '../../../src/extension/templates/import-export'

export interface AreaLimits {
  total?: number
  perItem?: number
  maxItems?: number
}

export class MemoryArea implements StorageArea {
  readonly data = new Map<string, string>()
  /** Makes the next calls fail (set/remove) with this message. */
  failWith: string | undefined
  writes = 0
  constructor(
    private readonly name: string,
    private readonly limits: AreaLimits,
    private readonly notify: (area: string, changes: Record<string, { newValue?: unknown }>) => void,
  ) {}

  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {}
    const wanted = keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys
    for (const k of wanted) if (this.data.has(k)) out[k] = JSON.parse(this.data.get(k)!)
    return out
  }

  private bytes(data: Map<string, string>): number {
    let total = 0
    for (const [k, v] of data) total += utf8Bytes(k) + utf8Bytes(v)
    return total
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failWith) throw new Error(this.failWith)
    const next = new Map(this.data)
    for (const [k, v] of Object.entries(items)) {
      const json = JSON.stringify(v)
      if (this.limits.perItem !== undefined && utf8Bytes(k) + utf8Bytes(json) > this.limits.perItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded')
      next.set(k, json)
    }
    if (this.limits.total !== undefined && this.bytes(next) > this.limits.total) throw new Error('QUOTA_BYTES quota exceeded')
    if (this.limits.maxItems !== undefined && next.size > this.limits.maxItems) throw new Error('MAX_ITEMS quota exceeded')
    this.data.clear()
    for (const [k, v] of next) this.data.set(k, v)
    this.writes++
    this.notify(this.name, Object.fromEntries(Object.keys(items).map((k) => [k, { newValue: JSON.parse(this.data.get(k)!) }])))
  }

  async remove(keys: string | string[]): Promise<void> {
    if (this.failWith) throw new Error(this.failWith)
    const list = typeof keys === 'string' ? [keys] : keys
    for (const k of list) this.data.delete(k)
    this.writes++
    this.notify(this.name, Object.fromEntries(list.map((k) => [k, {}])))
  }

  raw(key: string): unknown {
    const v = this.data.get(key)
    return v === undefined ? undefined : JSON.parse(v)
  }

  setRaw(key: string, value: unknown): void {
    this.data.set(key, JSON.stringify(value))
  }
}

export class MemoryBackend implements StorageBackend {
  private listeners = new Set<(area: string, changes: Record<string, { newValue?: unknown }>) => void>()
  readonly local: MemoryArea
  readonly sync: MemoryArea
  constructor(limits: { local?: AreaLimits; sync?: AreaLimits } = {}) {
    const notify = (area: string, changes: Record<string, { newValue?: unknown }>) => {
      for (const l of this.listeners) l(area, changes)
    }
    this.local = new MemoryArea('local', limits.local ?? { total: 10 * 1024 * 1024 }, notify)
    this.sync = new MemoryArea('sync', limits.sync ?? { total: 102_400, perItem: 8192, maxItems: 512 }, notify)
  }

  /** A second browser sharing this one's sync area (its own local area). */
  static sharingSync(other: MemoryBackend): MemoryBackend {
    const b = new MemoryBackend()
    ;(b as { sync: MemoryArea }).sync = other.sync
    return b
  }

  onChanged(listener: (area: string, changes: Record<string, { newValue?: unknown }>) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
