/** What the page's React state holds, exposed for tests as `window.__replicaState` (the real console has no such thing). */
export interface ReplicaState {
  /** The page module's title. */
  page: string
  /** The CodeEditor's `value` prop as React holds it (updated by onChange). */
  value: string
  /** The last value seen by onDelayedChange. */
  delayedValue: string
  /** How many onChange events React saw. */
  changes: number
  /** The text of the last "Save" / "Next" click. */
  saved?: string
  readOnly: boolean
}

declare global {
  interface Window {
    __replicaState?: ReplicaState
    __replicaNavigate?: (to: string) => void
  }
}

export function publishState(state: ReplicaState): void {
  window.__replicaState = state
}
