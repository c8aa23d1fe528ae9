import type { Catalogue } from '../../engine/catalogue'
import type { ParsedArgs } from '../args'
import type { CliIO } from '../io'
import { runPolicyCommand } from './policies'

/** Validation and least-privilege findings together: one report, one exit code (the command for CI). */
export function runCheck(args: ParsedArgs, io: CliIO, catalogue: Catalogue): number {
  return runPolicyCommand(args, io, { mode: 'check', catalogue, defaultType: 'auto', defaultOperands: ['.'] })
}
