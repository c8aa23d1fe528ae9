import type { Catalogue } from '../../engine/catalogue'
import type { Finding } from '../../engine/findings/types'
import { flagValue, type ParsedArgs } from '../args'
import { loadConfig, suppressedFor } from '../config'
import type { colours, CliIO } from '../io'
import { knownCodes } from '../rules'
import { policyTypeOf, runPolicyCommand } from './policies'

export { policyTypeOf }

/** Suppressed codes for one file: --suppress A,B plus the config file's `suppress` and `files` entries. */
export function suppressionFor(args: ParsedArgs, file: string, cwd = process.cwd()): string[] {
  const codes = (flagValue(args, 'suppress') ?? '')
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
  const config = loadConfig(flagValue(args, 'config'), cwd, knownCodes())
  return [...codes, ...suppressedFor(config, file)]
}

/** One finding as a line: `file:line:col SEVERITY CODE message`. */
export function formatFindingLine(file: string, f: Finding, c: ReturnType<typeof colours>): string {
  const sev =
    f.severity === 'ERROR' ? c.red(f.severity) : f.severity === 'SECURITY_WARNING' ? c.magenta(f.severity) : f.severity === 'WARNING' ? c.yellow(f.severity) : c.cyan(f.severity)
  return `${file}:${f.range.start.line}:${f.range.start.column} ${sev} ${c.bold(f.code)} ${f.message}`
}

export function runValidate(args: ParsedArgs, io: CliIO, catalogue: Catalogue): number {
  return runPolicyCommand(args, io, { mode: 'validate', catalogue, defaultType: 'identity' })
}
