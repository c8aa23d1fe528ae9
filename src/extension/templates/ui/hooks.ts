import { useEffect, useState } from 'preact/hooks'
import type { StoreSnapshot, TemplateStore } from '../store'
import { validationCounts, type SeverityCounts } from '../validation'
import type { TemplateEntry } from './entries'

export interface StoreState {
  store?: TemplateStore
  snapshot?: StoreSnapshot
  error?: string
}

/** Opens the template store once and follows its changes. */
export function useTemplateStore(open: () => Promise<TemplateStore>): StoreState {
  const [state, setState] = useState<StoreState>({})
  useEffect(() => {
    let live = true
    let unsubscribe: (() => void) | undefined
    open().then(
      (store) => {
        if (!live) return
        setState({ store, snapshot: store.snapshot() })
        unsubscribe = store.subscribe((snapshot) => live && setState({ store, snapshot }))
      },
      (e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e) }),
    )
    return () => {
      live = false
      unsubscribe?.()
    }
  }, [open])
  return state
}

export type CountsState = { state: 'pending' } | { state: 'done'; counts: SeverityCounts } | { state: 'unavailable'; error: string }

/** The validation status of a template (computed lazily, cached by the validation module). */
export function useCounts(entry: Pick<TemplateEntry, 'document' | 'policyType' | 'resourceType'>): CountsState {
  const [result, setResult] = useState<CountsState>({ state: 'pending' })
  useEffect(() => {
    let live = true
    setResult({ state: 'pending' })
    validationCounts(entry.document, entry.policyType, entry.resourceType).then(
      (counts) => live && setResult({ state: 'done', counts }),
      (e: unknown) => live && setResult({ state: 'unavailable', error: e instanceof Error ? e.message : String(e) }),
    )
    return () => {
      live = false
    }
  }, [entry.document, entry.policyType, entry.resourceType])
  return result
}

/** A value that follows `value` after it has been stable for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return v
}

/** A ref callback that focuses its element once, when it mounts (the autofocus attribute only works on page load). */
export function focusOnMount(el: HTMLElement | null): void {
  if (el && !el.dataset.focused) {
    el.dataset.focused = '1'
    queueMicrotask(() => el.focus())
  }
}
