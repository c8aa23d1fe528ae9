import { readFileSync } from 'node:fs'
import type { Catalogue } from '../../engine/catalogue'
import type { Finding, PolicyType } from '../../engine/findings/types'
import { POLICY_TYPES } from '../../engine/findings/types'
import { validatePolicy } from '../../engine/validate'
import { flagValue, formatOf, UsageError, type ParsedArgs } from '../args'
import { colours, InputError, readInput, type CliIO } from '../io'

export function policyTypeOf(args: ParsedArgs): PolicyType | 'auto' {
  const t = flagValue(args, 'type') ?? 'identity'
  if (t !== 'auto' && !(POLICY_TYPES as readonly string[]).includes(t))
    throw new UsageError(`--type must be one of ${[...POLICY_TYPES, 'auto'].join(', ')}, not "${t}"`)
  return t as PolicyType | 'auto'
}

interface SuppressConfig {
  suppress?: string[]
  files?: Record<string, string[]>
}

/** Suppressed codes: --suppress A,B plus a config file ({"suppress": [...], "files": {"path": [...]}}). */
export function suppressionFor(args: ParsedArgs, file: string): string[] {
  const codes = (flagValue(args, 'suppress') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const configPath = flagValue(args, 'config')
  if (configPath) {
    let config: SuppressConfig
    try {
      config = JSON.parse(readFileSync(configPath, 'utf8')) as SuppressConfig
    } catch (e) {
      throw new InputError(`${configPath}: cannot read the config file: ${(e as Error).message}`)
    }
    if (Array.isArray(config.suppress)) codes.push(...config.suppress.map(String))
    const perFile = config.files?.[file]
    if (Array.isArray(perFile)) codes.push(...perFile.map(String))
  }
  return codes
}

export function formatFindingLine(file: string, f: Finding, c: ReturnType<typeof colours>): string {
  const sev =
    f.severity === 'ERROR' ? c.red(f.severity) : f.severity === 'SECURITY_WARNING' ? c.magenta(f.severity) : f.severity === 'WARNING' ? c.yellow(f.severity) : c.cyan(f.severity)
  return `${file}:${f.range.start.line}:${f.range.start.column} ${sev} ${c.bold(f.code)} ${f.message}`
}

export function runValidate(args: ParsedArgs, io: CliIO, catalogue: Catalogue): number {
  const format = formatOf(args)
  const policyType = policyTypeOf(args)
  if (args.positionals.length === 0) throw new UsageError('validate needs at least one FILE (or - for standard input)')
  const resourceType = flagValue(args, 'resource-type')
  // Read everything first: an unreadable file is a usage error and nothing goes to stdout.
  const inputs = args.positionals.map((file) => ({ file, text: readInput(file, io), suppress: suppressionFor(args, file) }))
  const results = inputs.map(({ file, text, suppress }) => {
    const r = validatePolicy(text, { catalogue, policyType, suppress, ...(resourceType ? { resourceType } : {}) })
    return { file, policyType: r.policyType, guess: r.guess, findings: r.findings }
  })
  const hasError = results.some((r) => r.findings.some((f) => f.severity === 'ERROR'))
  if (format === 'json') io.stdout(JSON.stringify(results.map(({ guess: _guess, ...r }) => r), null, 2) + '\n')
  else {
    const c = colours(io.isTTY && !args.flags.has('no-color'))
    for (const r of results) {
      if (r.guess && !r.guess.confident) io.stdout(`${r.file}: validated as ${r.policyType === 'scp' ? 'an SCP' : `a ${r.policyType} policy`} (a guess: ${r.guess.reason}; pass --type to be sure)\n`)
      if (r.findings.length === 0) io.stdout(`${r.file}: ${c.green('no findings')} (${r.policyType} policy)\n`)
      for (const f of r.findings) io.stdout(formatFindingLine(r.file, f, c) + '\n')
    }
    const total = results.reduce((n, r) => n + r.findings.length, 0)
    io.stdout(`${total} finding${total === 1 ? '' : 's'} in ${results.length} file${results.length === 1 ? '' : 's'}\n`)
  }
  return hasError ? 1 : 0
}
