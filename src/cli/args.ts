/** Argument parsing for the CLI (shared/specs/cli.md): flags with values, booleans, positionals. */
import { closest } from '../engine/catalogue/similar'

export class UsageError extends Error {}

export interface ParsedArgs {
  command: string | undefined
  flags: Map<string, string | true>
  positionals: string[]
}

const VALUE_FLAGS = new Set([
  'format',
  'type',
  'suppress',
  'resource-type',
  'account',
  'region',
  'partition',
  'service',
  'resource',
  'config',
  'fail-on',
  'parameters',
  'existing',
  'actions',
  'resources',
  'last-accessed',
  'days',
  'now',
])
const BOOL_FLAGS = new Set(['fail-on-deny', 'help', 'version', 'no-color', 'explain', 'fix', 'check', 'no-config', 'skip-other-files'])
/** Flags that may be given more than once; their values are joined with a newline. */
const REPEATABLE = new Set(['suppress', 'parameters'])

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
        const prev = flags.get(name)
        flags.set(name, REPEATABLE.has(name) && typeof prev === 'string' ? `${prev}\n${value}` : value)
      } else if (BOOL_FLAGS.has(name)) {
        if (eq >= 0) throw new UsageError(`--${name} takes no value`)
        flags.set(name, true)
      } else {
        const near = closest(name, [...VALUE_FLAGS, ...BOOL_FLAGS], 1)
        throw new UsageError(`unknown option --${name}${near.length ? ` (did you mean --${near[0]}?)` : ''}`)
      }
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

export type OutputFormat = 'json' | 'text' | 'sarif' | 'github'

export function formatOf<F extends OutputFormat = 'json' | 'text'>(args: ParsedArgs, allowed: readonly F[] = ['json', 'text'] as F[]): F {
  const f = flagValue(args, 'format') ?? 'text'
  if (!(allowed as readonly string[]).includes(f)) {
    const near = closest(f, allowed, 1)
    throw new UsageError(`--format must be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}, not "${f}"${near.length ? ` (did you mean ${near[0]}?)` : ''}`)
  }
  return f as F
}
