/**
 * The shared body of validate, suggest and check: operands → files → reports → one output and one exit code.
 */
import { writeFileSync } from 'node:fs'
import type { Catalogue } from '../../engine/catalogue'
import { applyEdits } from '../../engine/findings/edits'
import type { TextEdit } from '../../engine/findings/types'
import { POLICY_TYPES, type PolicyType } from '../../engine/findings/types'
import { explainPolicy } from '../../engine/explain'
import { validatePolicy } from '../../engine/validate'
import { analyzeFiles, analyzeText, failsGate, type AnalyzeOptions, type FileReport, type Mode } from '../analyze'
import { flagValue, formatOf, UsageError, type OutputFormat, type ParsedArgs } from '../args'
import { checkCodes, configMatches, didYouMean, emptyConfig, FAIL_ON_LEVELS, loadConfig, suppressedFor, type Config, type FailOn } from '../config'
import { VERSION } from '../help'
import type { CliIO } from '../io'
import { jsonEntries, renderGithub, renderText } from '../report/formats'
import { toSarif } from '../report/sarif'
import { knownCodes } from '../rules'
import { expandOperands } from '../sources/files'

export function policyTypeOf(args: ParsedArgs, fallback: PolicyType | 'auto' = 'identity'): PolicyType | 'auto' {
  const t = flagValue(args, 'type') ?? fallback
  if (t !== 'auto' && !(POLICY_TYPES as readonly string[]).includes(t))
    throw new UsageError(`--type must be one of ${[...POLICY_TYPES, 'auto'].join(', ')}, not "${t}"${didYouMean(t, [...POLICY_TYPES, 'auto'])}`)
  return t as PolicyType | 'auto'
}

function parseParameters(text: string | undefined): Record<string, string | string[]> {
  const out: Record<string, string> = {}
  if (!text) return out
  for (const line of text.split('\n'))
    for (const pair of line.split(/,(?=[^,=]+=)/)) {
      const eq = pair.indexOf('=')
      if (eq <= 0) throw new UsageError(`--parameters takes Name=Value pairs, not "${pair}"`)
      out[pair.slice(0, eq).trim()] = pair.slice(eq + 1)
    }
  return out
}

function failOnOf(args: ParsedArgs, config: Config): FailOn {
  const f = flagValue(args, 'fail-on') ?? config.failOn ?? 'error'
  if (!(FAIL_ON_LEVELS as readonly string[]).includes(f)) throw new UsageError(`--fail-on must be one of ${FAIL_ON_LEVELS.join(', ')}, not "${f}"${didYouMean(f, FAIL_ON_LEVELS)}`)
  return f as FailOn
}

export interface PolicyCommandOptions {
  mode: Mode
  catalogue: Catalogue
  /** Default --type for files named on the command line. */
  defaultType: PolicyType | 'auto'
  /** With no operand: check the current directory. */
  defaultOperands?: string[]
}

/** Applies the first fix of every finding that has one, edits that do not overlap, until nothing changes. */
export function fixPolicyText(text: string, validate: (t: string) => { fixes: TextEdit[][]; titles: string[] }): { text: string; applied: string[] } {
  let current = text
  const applied: string[] = []
  for (let pass = 0; pass < 5; pass++) {
    const { fixes, titles } = validate(current)
    const chosen: TextEdit[] = []
    const taken: [number, number][] = []
    const lines = current.split(/\r\n|\r|\n/)
    const offset = (l: number, c: number) => {
      let o = 0
      for (let i = 0; i < l - 1 && i < lines.length; i++) o += lines[i]!.length + 1
      return o + c - 1
    }
    fixes.forEach((edits, i) => {
      const spans = edits.map((e) => [offset(e.range.start.line, e.range.start.column), offset(e.range.end.line, e.range.end.column)] as [number, number])
      if (spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e) || (s === e && taken.some(([ts, te]) => ts <= s && s <= te)))) return
      taken.push(...spans)
      chosen.push(...edits)
      applied.push(titles[i]!)
    })
    if (chosen.length === 0) break
    let next: string
    try {
      next = applyEdits(current, chosen)
      JSON.parse(next)
    } catch {
      applied.splice(applied.length - chosen.length)
      break
    }
    if (next === current) break
    current = next
  }
  return { text: current, applied }
}

export function runPolicyCommand(args: ParsedArgs, io: CliIO, o: PolicyCommandOptions): number {
  const format = formatOf<OutputFormat>(args, ['text', 'json', 'sarif', 'github'])
  const policyTypeFlag = args.flags.has('type') ? policyTypeOf(args) : undefined
  const known = knownCodes()
  const config = args.flags.has('no-config') ? emptyConfig() : loadConfig(flagValue(args, 'config'), io.cwd ?? process.cwd(), known)
  const flagSuppress = checkCodes(
    (flagValue(args, 'suppress') ?? '')
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
    known,
    '--suppress',
  )
  const failOn = failOnOf(args, config)
  const operands = args.positionals.length ? args.positionals : (o.defaultOperands ?? [])
  if (operands.length === 0) throw new UsageError(`${o.mode} needs at least one FILE, directory or glob (or - for standard input)`)
  const fix = args.flags.has('fix')
  if (fix && o.mode === 'suggest') throw new UsageError('--fix applies validation fixes: use it with validate or check')
  const skipOthers = args.flags.has('skip-other-files')
  const files = expandOperands(operands)
    .map((f) => (skipOthers ? { ...f, explicit: false } : f))
    .filter((f) => f.explicit || !config.exclude.some((g) => configMatches(g, f.path, config)))
  const analyze: AnalyzeOptions = {
    catalogue: o.catalogue,
    mode: o.mode,
    ...(policyTypeFlag ? { policyType: policyTypeFlag } : {}),
    defaultPolicyType: o.defaultType,
    ...(flagValue(args, 'resource-type') ? { resourceType: flagValue(args, 'resource-type')! } : {}),
    ...pick('account', args, config),
    ...pick('region', args, config),
    ...pick('partition', args, config),
    parameters: { ...config.parameters, ...parseParameters(flagValue(args, 'parameters')) },
    suppressFor: (file) => [...flagSuppress, ...suppressedFor(config, file)],
  }
  let reports = analyzeFiles(files, io, analyze)

  const messages: string[] = []
  if (fix) reports = applyFixes(reports, files, io, analyze, messages)

  const skipped = reports.filter((r) => r.policies.length === 0 && r.kind === 'unrecognized').length
  const shown = reports.filter((r) => !(r.policies.length === 0 && r.kind === 'unrecognized'))
  const colour = io.isTTY && !args.flags.has('no-color') && !io.env.NO_COLOR
  const say = format === 'text' ? io.stdout : io.stderr
  for (const m of messages) say(m + '\n')
  switch (format) {
    case 'json': {
      if (o.mode === 'suggest') {
        const entries = jsonEntries(shown, 'suggestions')
        const single = files.length === 1 && entries.length === 1 && shown[0]?.kind === 'policy'
        io.stdout(JSON.stringify(single ? { file: entries[0]!.file, suggestions: entries[0]!.suggestions } : entries, null, 2) + '\n')
      } else io.stdout(JSON.stringify(jsonEntries(shown, 'findings'), null, 2) + '\n')
      break
    }
    case 'sarif':
      io.stdout(JSON.stringify(toSarif(shown, { version: VERSION, cwd: io.cwd ?? process.cwd() }), null, 2) + '\n')
      break
    case 'github':
      io.stdout(renderGithub(shown))
      break
    default: {
      const before =
        o.mode === 'suggest'
          ? (p: FileReport['policies'][number]) => {
              if (p.kind === 'unrecognized') return []
              const e = explainPolicy(p.text ?? '{}', { catalogue: o.catalogue })
              return p.text ? [`What this policy does: ${e.summary}`, ...e.statements.map((s) => `  - ${s.text}`)] : []
            }
          : undefined
      io.stdout(renderText(shown, o.mode, colour, { ...(before ? { before } : {}), skipped }))
    }
  }
  return failsGate(shown, failOn) ? 1 : 0
}

function pick(name: 'account' | 'region' | 'partition', args: ParsedArgs, config: Config): Record<string, string> {
  const v = flagValue(args, name) ?? config[name]
  return v ? { [name]: v } : {}
}

function applyFixes(reports: FileReport[], files: { path: string; explicit: boolean }[], io: CliIO, analyze: AnalyzeOptions, messages: string[]): FileReport[] {
  return reports.map((r, i) => {
    const p = r.policies[0]
    if (r.kind !== 'policy' || !p?.text || r.file === '-') return r
    const suppress = analyze.suppressFor(r.file)
    const { text, applied } = fixPolicyText(p.text, (t) => {
      const v = validatePolicy(t, { catalogue: analyze.catalogue, policyType: p.policyType, suppress, ...(analyze.resourceType ? { resourceType: analyze.resourceType } : {}) })
      const withFix = v.findings.filter((f) => f.fixes?.length)
      return { fixes: withFix.map((f) => f.fixes![0]!.edits), titles: withFix.map((f) => `${f.code}: ${f.fixes![0]!.title}`) }
    })
    if (applied.length === 0 || text === p.text) return r
    try {
      JSON.parse(text)
      writeFileSync(r.file, text)
    } catch (e) {
      messages.push(`iam-sidekick: ${r.file}: not fixed (${(e as Error).message})`)
      return r
    }
    messages.push(`fixed ${r.file}: ${applied.length} change${applied.length === 1 ? '' : 's'}`)
    for (const a of applied) messages.push(`  - ${a}`)
    return analyzeText(r.file, text, files[i]!.explicit, analyze)
  })
}
