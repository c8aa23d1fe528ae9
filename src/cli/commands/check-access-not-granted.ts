/** `check-access-not-granted --actions a,b [--resources r,s] FILE` (CheckAccessNotGranted, offline). */
import type { Catalogue } from '../../engine/catalogue'
import { checkAccessNotGranted } from '../../engine/reason'
import { UsageError, type ParsedArgs } from '../args'
import { readInput, type CliIO } from '../io'
import { checkFormatOf, checkTypeOf, listFlag, printOutcome } from './check-output'

export function runCheckAccessNotGranted(args: ParsedArgs, io: CliIO, catalogue: Catalogue): number {
  const format = checkFormatOf(args)
  const actions = listFlag(args, 'actions')
  const resources = listFlag(args, 'resources')
  if (!actions.length && !resources.length) throw new UsageError('check-access-not-granted needs --actions and/or --resources')
  if (args.positionals.length !== 1) throw new UsageError('check-access-not-granted takes exactly one FILE (or - for standard input)')
  const file = args.positionals[0]!
  const text = readInput(file, io)
  const out = checkAccessNotGranted(text, { actions, resources }, { type: checkTypeOf(args, [text]), catalogue })
  if (out.error && /^(give at least|at most|".*" is not an action)/.test(out.error)) throw new UsageError(out.error)
  return printOutcome('check-access-not-granted', out, file, format, args, io)
}
