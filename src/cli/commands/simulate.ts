import type { Catalogue } from '../../engine/catalogue'
import { simulateCases, type SimulationResult } from '../../engine/simulate'
import { formatOf, UsageError, type ParsedArgs } from '../args'
import { colours, InputError, readInput, type CliIO } from '../io'

export function runSimulate(args: ParsedArgs, io: CliIO, catalogue: Catalogue): number {
  const format = formatOf(args)
  if (args.positionals.length !== 1) throw new UsageError('simulate takes exactly one CASES.json file (or - for standard input)')
  const file = args.positionals[0]!
  const text = readInput(file, io)
  let input: unknown
  try {
    input = JSON.parse(text)
  } catch (e) {
    throw new InputError(`${file}: not valid JSON: ${(e as Error).message}`)
  }
  const results: SimulationResult[] = simulateCases(input, { catalogue })
  if (format === 'json') io.stdout(JSON.stringify(results, null, 2) + '\n')
  else {
    const c = colours(io.isTTY && !args.flags.has('no-color'))
    for (const r of results) {
      if (r.error) {
        io.stdout(`${c.bold(r.id)}: ${c.red('error')} ${r.error}\n`)
        continue
      }
      const d = r.decision === 'Allowed' ? c.green(r.decision) : c.red(String(r.decision))
      io.stdout(`${c.bold(r.id)}: ${d}\n`)
      for (const line of r.explanation ?? []) io.stdout(`  ${line.text}\n`)
    }
  }
  const denied = results.some((r) => r.decision !== undefined && r.decision !== 'Allowed')
  return args.flags.has('fail-on-deny') && denied ? 1 : 0
}
