/** A line diff (longest common subsequence) of two texts, for showing a tightened policy. Pure. */
export interface DiffLine {
  op: ' ' | '-' | '+'
  text: string
}

/** Lines of `a` and `b` as kept (' '), removed ('-') and added ('+'). Inputs past `maxLines` are compared as a whole. */
export function lineDiff(a: string, b: string, maxLines = 3000): DiffLine[] {
  const x = a.split('\n')
  const y = b.split('\n')
  if (x.length > maxLines || y.length > maxLines) return [...x.map((text) => ({ op: '-' as const, text })), ...y.map((text) => ({ op: '+' as const, text }))]
  const n = x.length
  const m = y.length
  const w = m + 1
  const L = new Uint16Array((n + 1) * w)
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i * w + j] = x[i] === y[j] ? L[(i + 1) * w + j + 1]! + 1 : Math.max(L[(i + 1) * w + j]!, L[i * w + j + 1]!)
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ op: ' ', text: x[i]! })
      i++
      j++
    } else if (L[(i + 1) * w + j]! >= L[i * w + j + 1]!) out.push({ op: '-', text: x[i++]! })
    else out.push({ op: '+', text: y[j++]! })
  }
  while (i < n) out.push({ op: '-', text: x[i++]! })
  while (j < m) out.push({ op: '+', text: y[j++]! })
  return out
}
