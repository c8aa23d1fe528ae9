import type { Catalogue } from '../../engine/catalogue'
import { splitAction } from '../../engine/catalogue'
import { hasWildcard } from '../../engine/patterns/glob'
import { formatOf, UsageError, type ParsedArgs } from '../args'
import { colours, type CliIO } from '../io'

export interface ExpandEntry {
  pattern: string
  actions: { action: string; accessLevel: string }[]
}

export function expandPatterns(patterns: string[], catalogue: Catalogue): { entries: ExpandEntry[]; messages: string[] } {
  const messages: string[] = []
  const entries = patterns.map((pattern) => {
    const actions = catalogue
      .expand(pattern)
      .map((a) => ({ action: a.key, accessLevel: a.accessLevel }))
      .sort((x, y) => (x.action < y.action ? -1 : x.action > y.action ? 1 : 0))
    if (actions.length === 0) {
      const parts = splitAction(pattern)
      if (!parts) messages.push(`${pattern}: not an action pattern; write service:Action, e.g. s3:Get*`)
      else if (!hasWildcard(parts.service) && !catalogue.service(parts.service.toLowerCase()))
        messages.push(`${pattern}: unknown service "${parts.service}" (catalogue ${catalogue.version})`)
      else messages.push(`${pattern}: matches no action of the catalogue`)
    }
    return { pattern, actions }
  })
  return { entries, messages }
}

export function runExpand(args: ParsedArgs, io: CliIO, catalogue: Catalogue): number {
  const format = formatOf(args)
  if (args.positionals.length === 0) throw new UsageError('expand needs at least one PATTERN, e.g. iam-sidekick expand "s3:Get*"')
  const { entries, messages } = expandPatterns(args.positionals, catalogue)
  for (const m of messages) io.stderr(`iam-sidekick: ${m}\n`)
  if (format === 'json') {
    io.stdout(JSON.stringify(entries, null, 2) + '\n')
    return 0
  }
  const c = colours(io.isTTY && !args.flags.has('no-color'))
  for (const e of entries) {
    const counts = new Map<string, number>()
    for (const a of e.actions) counts.set(a.accessLevel, (counts.get(a.accessLevel) ?? 0) + 1)
    const summary = [...counts].map(([l, n]) => `${n} ${l}`).join(', ')
    io.stdout(`${c.bold(e.pattern)}: ${e.actions.length} action${e.actions.length === 1 ? '' : 's'}${summary ? ` (${summary})` : ''}\n`)
    for (const a of e.actions) io.stdout(`  ${a.action}  ${c.dim(a.accessLevel)}\n`)
  }
  return 0
}
