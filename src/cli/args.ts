/** Minimal argument parsing for the CLI contract (shared/specs/cli.md): flags with values, booleans, positionals. */
export class UsageError extends Error {}

export interface ParsedArgs {
  command: string | undefined
  flags: Map<string, string | true>
  positionals: string[]
}

const VALUE_FLAGS = new Set(['format', 'type', 'suppress', 'resource-type', 'account', 'region', 'partition', 'service', 'resource', 'config', 'last-accessed', 'days', 'now'])
const BOOL_FLAGS = new Set(['fail-on-deny', 'help', 'version', 'no-color', 'explain'])

export function parseArgs(argv: string[]): ParsedArgs {
  const flags = new Map<string, string | true>()
  const positionals: string[] = []
  let command: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = a.slice(2, eq < 0 ? undefined : eq)
      if (VALUE_FLAGS.has(name)) {
        const value = eq >= 0 ? a.slice(eq + 1) : argv[++i]
        if (value === undefined) throw new UsageError(`--${name} needs a value`)
        flags.set(name, value)
      } else if (BOOL_FLAGS.has(name)) {
        if (eq >= 0) throw new UsageError(`--${name} takes no value`)
        flags.set(name, true)
      } else throw new UsageError(`unknown option --${name}`)
    } else if (a === '-h') flags.set('help', true)
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`)
    else if (command === undefined) command = a
    else positionals.push(a)
  }
  return { command, flags, positionals }
}

export function flagValue(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name)
  return typeof v === 'string' ? v : undefined
}

export function formatOf(args: ParsedArgs): 'json' | 'text' {
  const f = flagValue(args, 'format') ?? 'text'
  if (f !== 'json' && f !== 'text') throw new UsageError(`--format must be json or text, not "${f}"`)
  return f
}
