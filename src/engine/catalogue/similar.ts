/** "Did you mean" suggestions: bounded edit distance, case-insensitive. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      cur.push(v)
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    prev = cur
  }
  return prev[b.length]!
}

/** Up to `limit` candidates closest to `name` (case-insensitive), within a distance that grows with length. */
export function closest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = name.toLowerCase()
  const max = Math.max(1, Math.min(4, Math.floor(name.length / 4)))
  const scored: [number, string][] = []
  for (const c of candidates) {
    const cl = c.toLowerCase()
    if (cl === lower) return [c]
    const d = editDistance(lower, cl, max)
    if (d <= max) scored.push([d, c])
    else if (lower.length >= 5 && (cl.startsWith(lower) || cl.includes(lower))) scored.push([max + 0.5, c])
  }
  scored.sort((x, y) => x[0] - y[0] || x[1].length - y[1].length || (x[1] < y[1] ? -1 : 1))
  return scored.slice(0, limit).map((s) => s[1])
}
