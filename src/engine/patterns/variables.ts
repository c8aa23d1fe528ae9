/**
 * Linear scans over `${...}` spans. The regular expression `/\$\{[^}]*\}/g` these replace is quadratic on
 * text with many `${` and no closing `}` (each `${` scans to the end before failing), which a 6 KB policy
 * turned into seconds of work per action and ARN format (issue 17).
 */

/**
 * `text.replace(/\$\{[^}]*\}/g, by)` in one pass: each `${` up to the first `}` after it becomes `by`.
 * When no `}` follows a `${`, none follows any later one either, so the scan stops there.
 */
export function replaceVariables(text: string, by: string): string {
  let open = text.indexOf('${')
  if (open < 0) return text
  let out = ''
  let at = 0
  while (open >= 0) {
    const close = text.indexOf('}', open + 2)
    if (close < 0) break
    out += text.slice(at, open) + by
    at = close + 1
    open = text.indexOf('${', at)
  }
  return at === 0 ? text : out + text.slice(at)
}
