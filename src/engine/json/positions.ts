import type { Position, Range } from '../findings/types'

/** Maps string offsets to 1-based line/column positions (columns count UTF-16 code units, as editors do). */
export class LineIndex {
  private readonly starts: number[]

  constructor(readonly text: string) {
    const starts = [0]
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) starts.push(i + 1)
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++
        starts.push(i + 1)
      }
    }
    this.starts = starts
  }

  /** The line of the previous lookup: lookups mostly walk forward through the text, so try it first. */
  private lastLine = 0

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length))
    const starts = this.starts
    const n = starts.length
    let lo = this.lastLine
    if (!(starts[lo]! <= o && (lo + 1 >= n || starts[lo + 1]! > o))) {
      if (lo + 1 < n && starts[lo + 1]! <= o && (lo + 2 >= n || starts[lo + 2]! > o)) lo = lo + 1
      else {
        lo = 0
        let hi = n - 1
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1
          if (starts[mid]! <= o) lo = mid
          else hi = mid - 1
        }
      }
      this.lastLine = lo
    }
    return { line: lo + 1, column: o - starts[lo]! + 1 }
  }

  offset(pos: Position): number {
    const start = this.starts[Math.max(0, Math.min(pos.line - 1, this.starts.length - 1))]!
    return Math.min(this.text.length, start + Math.max(0, pos.column - 1))
  }

  range(offset: number, length: number): Range {
    return { start: this.position(offset), end: this.position(offset + length) }
  }

  get lineCount(): number {
    return this.starts.length
  }
}
