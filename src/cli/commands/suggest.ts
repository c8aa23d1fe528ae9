import type { Catalogue } from '../../engine/catalogue'
import type { ParsedArgs } from '../args'
import type { CliIO } from '../io'
import { runPolicyCommand } from './policies'

export function runSuggest(args: ParsedArgs, io: CliIO, catalogue: Catalogue): number {
  return runPolicyCommand(args, io, { mode: 'suggest', catalogue, defaultType: 'identity' })
}
