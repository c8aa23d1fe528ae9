import { loadCatalogue } from '../engine/catalogue/bundled'
import { closest } from '../engine/catalogue/similar'
import { parseArgs, UsageError, type ParsedArgs } from './args'
import { commandHelp, USAGE, VERSION } from './help'
import { InputError, nodeIO, type CliIO } from './io'

export { USAGE }

type Runner = (args: ParsedArgs, io: CliIO, catalogue: Awaited<ReturnType<typeof loadCatalogue>>) => number | Promise<number>

/** The commands: one line each. A command module exports its runner; its help lives in help.ts. */
async function commandRunner(command: string): Promise<Runner | undefined> {
  switch (command) {
    case 'check':
      return (await import('./commands/check')).runCheck
    case 'validate':
      return (await import('./commands/validate')).runValidate
    case 'suggest':
      return (await import('./commands/suggest')).runSuggest
    case 'simulate':
      return (await import('./commands/simulate')).runSimulate
    case 'expand':
      return (await import('./commands/expand')).runExpand
    case 'generate':
      return (await import('./commands/generate')).runGenerate
    case 'check-no-new-access':
      return (await import('./commands/check-no-new-access')).runCheckNoNewAccess
    case 'check-access-not-granted':
      return (await import('./commands/check-access-not-granted')).runCheckAccessNotGranted
    case 'check-no-public-access':
      return (await import('./commands/check-no-public-access')).runCheckNoPublicAccess
    case 'tighten':
      return (await import('./commands/tighten')).runTighten
    default:
      return undefined
  }
}

const KNOWN_COMMANDS = ['check', 'validate', 'suggest', 'simulate', 'expand', 'generate', 'check-no-new-access', 'check-access-not-granted', 'check-no-public-access', 'tighten', 'help']

function usageFor(command: string | undefined): string {
  return (command && commandHelp(command)) || USAGE
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  let command: string | undefined
  try {
    command = argv.find((a) => !a.startsWith('-'))
    const args = parseArgs(argv)
    command = args.command
    if (args.flags.has('version')) {
      const catalogue = await loadCatalogue()
      io.stdout(`iam-sidekick ${VERSION} (AWS catalogue ${catalogue.version})\n`)
      return 0
    }
    if (!args.command) {
      ;(args.flags.has('help') ? io.stdout : io.stderr)(USAGE)
      return args.flags.has('help') ? 0 : 2
    }
    if (args.command === 'help') {
      const topic = args.positionals[0]
      if (!topic) {
        io.stdout(USAGE)
        return 0
      }
      const h = commandHelp(topic)
      if (!h && !(await commandRunner(topic))) throw new UsageError(`no help for "${topic}": not a command${didYouMean(topic)}`)
      io.stdout(h ?? USAGE)
      return 0
    }
    const run = await commandRunner(args.command)
    if (!run) {
      command = undefined
      throw new UsageError(`unknown command "${args.command}"${didYouMean(args.command)}`)
    }
    if (args.flags.has('help')) {
      io.stdout(usageFor(args.command))
      return 0
    }
    return await run(args, io, await loadCatalogue())
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`iam-sidekick: ${e.message}\n\n${usageFor(command)}`)
      return 2
    }
    if (e instanceof InputError) {
      io.stderr(`iam-sidekick: ${e.message}\n`)
      return 2
    }
    io.stderr(`iam-sidekick: internal error: ${(e as Error)?.message ?? String(e)}\n`)
    return 2
  }
}

function didYouMean(name: string): string {
  const near = closest(name, KNOWN_COMMANDS, 1)
  return near.length ? ` (did you mean "${near[0]}"?)` : ''
}
