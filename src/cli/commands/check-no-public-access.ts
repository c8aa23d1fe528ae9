/** `check-no-public-access --resource-type AWS::S3::Bucket FILE` (CheckNoPublicAccess, offline). */
import type { Catalogue } from '../../engine/catalogue'
import { checkNoPublicAccess, PUBLIC_ACCESS_RESOURCE_TYPES } from '../../engine/reason'
import { flagValue, UsageError, type ParsedArgs } from '../args'
import { readInput, type CliIO } from '../io'
import { checkFormatOf, printOutcome } from './check-output'

export function runCheckNoPublicAccess(args: ParsedArgs, io: CliIO, catalogue: Catalogue): number {
  const format = checkFormatOf(args)
  const resourceType = flagValue(args, 'resource-type')
  if (!resourceType) throw new UsageError(`check-no-public-access needs --resource-type (one of ${PUBLIC_ACCESS_RESOURCE_TYPES.join(', ')})`)
  if (!PUBLIC_ACCESS_RESOURCE_TYPES.includes(resourceType))
    throw new UsageError(`--resource-type "${resourceType}" is not one Access Analyzer checks for public access; use one of ${PUBLIC_ACCESS_RESOURCE_TYPES.join(', ')}`)
  if (args.positionals.length !== 1) throw new UsageError('check-no-public-access takes exactly one FILE (or - for standard input)')
  const file = args.positionals[0]!
  const text = readInput(file, io)
  return printOutcome('check-no-public-access', checkNoPublicAccess(text, resourceType, { catalogue }), file, format, args, io)
}
