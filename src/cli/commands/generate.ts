import type { Catalogue } from '../../engine/catalogue'
import { policyFromActivity } from '../../engine/generate'
import { formatOf, UsageError, type ParsedArgs } from '../args'
import { readInput, type CliIO } from '../io'

/** Extra command (not in the contract): a least-privilege policy from observed API calls or CloudTrail records. */
export function runGenerate(args: ParsedArgs, io: CliIO, catalogue: Catalogue): number {
  const format = formatOf(args)
  if (args.positionals.length !== 1) throw new UsageError('generate takes exactly one FILE of activity (service:Action [ARN] lines or CloudTrail JSON)')
  const file = args.positionals[0]!
  const result = policyFromActivity(readInput(file, io), { catalogue })
  for (const u of result.unknown) io.stderr(`iam-sidekick: ${file}: skipped ${u}\n`)
  if (format === 'json') io.stdout(JSON.stringify({ file, policy: result.policy, unknown: result.unknown }, null, 2) + '\n')
  else io.stdout(result.text + '\n')
  return 0
}
