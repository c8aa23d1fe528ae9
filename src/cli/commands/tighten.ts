import type { Catalogue } from '../../engine/catalogue'
import { describeAccess, parseLastAccessed, tightenToUsage } from '../../engine/tighten'
import { flagValue, formatOf, UsageError, type ParsedArgs } from '../args'
import { InputError, readInput, type CliIO } from '../io'

/**
 * `tighten --last-accessed FILE [--days 90] [--now ISO] POLICY...`: one policy built from POLICY (the
 * principal's identity policies) keeping only the services and tracked actions the last accessed report
 * (`aws iam get-service-last-accessed-details` JSON) shows used within the period, proven narrower by
 * the simulator. Text: the policy on stdout, the per-service summary on stderr. Exit 1 when the proof fails.
 */
export function runTighten(args: ParsedArgs, io: CliIO, catalogue: Catalogue): number {
  const format = formatOf(args)
  const reportFile = flagValue(args, 'last-accessed')
  if (!reportFile) throw new UsageError('tighten needs --last-accessed FILE (the output of aws iam get-service-last-accessed-details)')
  if (!args.positionals.length) throw new UsageError('tighten needs at least one POLICY file (the principal’s identity policies)')
  const daysText = flagValue(args, 'days') ?? '90'
  const days = Number(daysText)
  if (!Number.isInteger(days) || days <= 0 || days > 400) throw new UsageError(`--days must be a whole number of days from 1 to 400, not "${daysText}"`)
  const nowText = flagValue(args, 'now')
  const now = nowText === undefined ? undefined : Date.parse(nowText)
  if (now !== undefined && !Number.isFinite(now)) throw new UsageError(`--now must be a date such as 2026-12-01T00:00:00Z, not "${nowText}"`)
  const parsed = parseLastAccessed(readInput(reportFile, io))
  if (!parsed.report) throw new InputError(`${reportFile}: ${parsed.error}`)
  const report = parsed.report
  const reference = now ?? (report.generatedAt ? Date.parse(report.generatedAt) : Date.now())
  const policies = args.positionals.map((file) => {
    const text = readInput(file, io)
    try {
      JSON.parse(text)
    } catch (e) {
      throw new InputError(`${file}: not JSON (${(e as Error).message})`)
    }
    return { name: file, document: text }
  })
  const result = tightenToUsage(policies, report, { catalogue, days, now: reference })
  if (result.error) throw new InputError(result.error)
  if (format === 'json') {
    io.stdout(
      JSON.stringify(
        {
          days,
          now: new Date(reference).toISOString(),
          granularity: report.granularity,
          policy: result.policy,
          removed: result.removed,
          services: result.services.filter((s) => s.status !== 'unused' || s.lastAccessed !== undefined || s.before > 0),
          proof: result.proof,
          warnings: result.warnings,
        },
        null,
        2,
      ) + '\n',
    )
  } else {
    io.stdout(result.text + '\n')
    for (const w of result.warnings) io.stderr(`iam-sidekick: ${w}\n`)
    const changed = result.services.filter((s) => s.removed > 0)
    io.stderr(`Tightened to what was used in the last ${days} days (${report.granularity}-level data): ${result.removed} actions removed from ${changed.length} services.\n`)
    for (const s of changed.slice(0, 40))
      io.stderr(`  ${s.service}: -${s.removed} of ${s.before}${s.status === 'unused' ? ` (${describeAccess(s.lastAccessed, reference).toLowerCase()})` : ''}\n`)
    if (changed.length > 40) io.stderr(`  … and ${changed.length - 40} more services\n`)
    io.stderr(
      result.proof.ok
        ? `Proven narrower: ${result.proof.checked} action/resource pairs decided by the simulator, none newly allowed.\n`
        : `NOT proven narrower: ${result.proof.error ?? result.proof.newlyAllowed.join(', ')}\n`,
    )
  }
  return result.proof.ok ? 0 : 1
}
