import type { ConsolePage } from './types'

/** Any other Ace JSON editor whose text looks like a policy document: the engine infers the type. */
export const genericPolicy: ConsolePage = {
  id: 'generic-policy',
  description: 'Policy document',
  matches: (ctx) => looksLikePolicy(ctx.text),
  policyType: () => 'auto',
}

/** Cheap test, before any parsing: a JSON object naming Statement (or an empty editor on a policy page). */
export function looksLikePolicy(text: string): boolean {
  const t = text.trimStart()
  return t.startsWith('{') && /"(Statement|Version)"\s*:/.test(text.slice(0, 100_000))
}
