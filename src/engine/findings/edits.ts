/** Applying text edits (from finding fixes) to a document. */
import { LineIndex } from '../json/positions'
import type { TextEdit } from './types'

export class OverlappingEditsError extends Error {}

/**
 * Applies edits to `text`. Edits are given with 1-based positions (end exclusive), must not overlap,
 * and are applied from last to first so earlier offsets stay valid. Insertions at the same offset
 * are applied in the order given.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text)
  const spans = edits.map((e, i) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: e.newText, i }))
  spans.sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i)
  for (let k = 1; k < spans.length; k++) {
    if (spans[k]!.start < spans[k - 1]!.end) throw new OverlappingEditsError('Text edits overlap')
  }
  let out = text
  for (let k = spans.length - 1; k >= 0; k--) {
    const s = spans[k]!
    out = out.slice(0, s.start) + s.text + out.slice(Math.max(s.start, s.end))
  }
  return out
}
