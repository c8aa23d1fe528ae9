/**
 * Checks made on a JSON text before anything parses it: how deep it nests. Recursive parsers and
 * walkers (jsonc-parser, our schema checks, JSON.stringify) overflow the stack on deep input and throw
 * a raw RangeError; a linear scan answers first, with a message a person can act on.
 */

/** Deeper than any policy, template export or case file needs (a policy is about 8 levels deep). */
export const MAX_JSON_DEPTH = 64

/** The deepest `[`/`{` nesting in the text (outside strings), scanning no further than `limit` + 1. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) {
        max = depth
        if (max > limit) return max
      }
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1)
  }
  return max
}

/** The nesting of an already parsed value, without recursion (a page or a file can hand us anything). */
export function valueDepth(value: unknown, limit = Infinity): number {
  let max = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [v, d] = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    const depth = d + 1
    if (depth > max) {
      max = depth
      if (max > limit) return max
    }
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth])
  }
  return max
}

/** A message when the text nests deeper than `MAX_JSON_DEPTH`, else undefined. */
export function tooDeep(text: string, what: string): string | undefined {
  return jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH ? `${what} nests brackets more than ${MAX_JSON_DEPTH} levels deep, which no valid file does; nothing was changed.` : undefined
}
