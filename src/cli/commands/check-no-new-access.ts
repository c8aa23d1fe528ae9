/** `check-no-new-access --existing OLD NEW`: does NEW allow anything OLD does not? (CheckNoNewAccess, offline.) */
import type { Catalogue } from '../../engine/catalogue'
import { checkNoNewAccess } from '../../engine/reason'
import { flagValue, UsageError, type ParsedArgs } from '../args'
import { readInput, type CliIO } from '../io'
import { checkFormatOf, checkTypeOf, printOutcome } from './check-output'

export function runCheckNoNewAccess(args: ParsedArgs, io: CliIO, catalogue: Catalogue): number {
  const format = checkFormatOf(args)
  const existing = flagValue(args, 'existing')
  if (!existing) throw new UsageError('check-no-new-access needs --existing OLD')
  if (args.positionals.length !== 1) throw new UsageError('check-no-new-access takes exactly one NEW policy file (or - for standard input)')
  const file = args.positionals[0]!
  const oldText = readInput(existing, io)
  const newText = readInput(file, io)
  const type = checkTypeOf(args, [oldText, newText])
  return printOutcome('check-no-new-access', checkNoNewAccess(newText, oldText, { type, catalogue }), file, format, args, io)
}
