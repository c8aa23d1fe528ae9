/**
 * A policy waiting to be written into the next policy editor that appears in this tab ("Open in the
 * policy editor" from the What-if card). Held in the content script's memory only, for a short while.
 */
let pending: { text: string; until: number } | undefined

export function setPendingPolicy(text: string, ttlMs = 60_000): void {
  pending = { text, until: Date.now() + ttlMs }
}

/** The waiting policy, once; undefined when none or expired. */
export function takePendingPolicy(): string | undefined {
  const p = pending
  pending = undefined
  return p && Date.now() <= p.until ? p.text : undefined
}
