import { loadCatalogue } from '../engine/catalogue/bundled'
import { parseArgs, UsageError, type ParsedArgs } from './args'
import { InputError, nodeIO, type CliIO } from './io'

export const USAGE = `Usage: iam-sidekick <command> [options] [FILE ...]

Commands:
  validate [--type TYPE] FILE...     Check policies as IAM Access Analyzer does (and more)
  suggest  [--type TYPE] FILE        Least-privilege suggestions and a plain-language summary
  simulate [--fail-on-deny] CASES    Decide simulation cases (shared/specs/simulation-case.md)
  expand   PATTERN...                Actions an action pattern such as s3:Get* grants
  generate FILE                      A least-privilege policy from API activity or CloudTrail records
  tighten --last-accessed FILE [--days 90] POLICY...  Keep only what Access Advisor shows was used

Options:
  --format json|text                 Output format (default text)
  --type TYPE                        identity (default), resource, trust, scp, rcp, boundary, session, auto
  --suppress CODE[,CODE]             Drop findings with these codes (validate)
  --config FILE                      JSON {"suppress": [...], "files": {"path": [...]}} (validate)
  --resource-type TYPE               For resource policies: AWS::S3::Bucket, AWS::DynamoDB::Table, ...
  --account ID --region R            Fill ARN templates in suggestions
  --fail-on-deny                     simulate: exit 1 when a case is not Allowed
FILE may be - for standard input. Exit codes: 0 ok, 1 ERROR findings or denied, 2 usage or input error.
`

type Runner = (args: ParsedArgs, io: CliIO, catalogue: Awaited<ReturnType<typeof loadCatalogue>>) => number

async function commandRunner(command: string): Promise<Runner | undefined> {
  switch (command) {
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
    case 'tighten':
      return (await import('./commands/tighten')).runTighten
    default:
      return undefined
  }
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  try {
    const args = parseArgs(argv)
    if (args.flags.has('version')) {
      const catalogue = await loadCatalogue()
      io.stdout(`iam-sidekick 0.1.0 (AWS catalogue ${catalogue.version})\n`)
      return 0
    }
    if (!args.command || args.flags.has('help') || args.command === 'help') {
      ;(args.command || args.flags.has('help') ? io.stdout : io.stderr)(USAGE)
      return args.command || args.flags.has('help') ? 0 : 2
    }
    const run = await commandRunner(args.command)
    if (!run) throw new UsageError(`unknown command "${args.command}"`)
    return run(args, io, await loadCatalogue())
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`iam-sidekick: ${e.message}\n\n${USAGE}`)
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
