/**
 * The one span where two texts differ (common prefix and suffix kept). Writing only that span into an
 * editor keeps its undo delta small and leaves the cursor and scroll position of untouched text alone.
 */
export interface ChangedSpan {
  /** Offset where the texts start to differ. */
  start: number
  /** End of the differing span in the old text (exclusive). */
  oldEnd: number
  /** The replacement for old[start, oldEnd). */
  text: string
}

export function changedSpan(old: string, next: string): ChangedSpan {
  let p = 0
  const max = Math.min(old.length, next.length)
  while (p < max && old.charCodeAt(p) === next.charCodeAt(p)) p++
  let s = 0
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === next.charCodeAt(next.length - 1 - s)) s++
  return { start: p, oldEnd: old.length - s, text: next.slice(p, next.length - s) }
}
