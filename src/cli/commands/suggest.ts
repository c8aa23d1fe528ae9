import type { Catalogue } from '../../engine/catalogue'
import { explainPolicy } from '../../engine/explain'
import { suggestPolicy } from '../../engine/suggest'
import { flagValue, formatOf, UsageError, type ParsedArgs } from '../args'
import { colours, readInput, type CliIO } from '../io'
import { formatFindingLine, policyTypeOf } from './validate'

export function runSuggest(args: ParsedArgs, io: CliIO, catalogue: Catalogue): number {
  const format = formatOf(args)
  const policyType = policyTypeOf(args)
  if (args.positionals.length !== 1) throw new UsageError('suggest takes exactly one FILE (or - for standard input)')
  const file = args.positionals[0]!
  const text = readInput(file, io)
  const account = flagValue(args, 'account')
  const region = flagValue(args, 'region')
  const partition = flagValue(args, 'partition')
  const suggestions = suggestPolicy(text, {
    catalogue,
    policyType,
    ...(account ? { account } : {}),
    ...(region ? { region } : {}),
    ...(partition ? { partition } : {}),
    // Date conditions are judged at the moment the command runs (the engine itself never reads the clock).
    now: Date.now(),
  })
  if (format === 'json') {
    io.stdout(JSON.stringify({ file, suggestions }, null, 2) + '\n')
    return 0
  }
  const c = colours(io.isTTY && !args.flags.has('no-color'))
  const explained = explainPolicy(text, { catalogue })
  io.stdout(`${c.bold('What this policy does')}\n${explained.summary}\n`)
  for (const s of explained.statements) io.stdout(`  - ${s.text}\n`)
  io.stdout('\n')
  for (const s of suggestions)
    io.stdout(formatFindingLine(file, s, c) + (s.category ? c.dim(` [${s.category}]`) : '') + (s.group ? c.dim(` (${s.group.count} ${s.group.noun}; --format json lists each)`) : '') + '\n')
  io.stdout(`${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'}\n`)
  return 0
}
