/**
 * Shared output of the three custom-policy-check commands: text, JSON (`{result, reasons: [{statements,
 * witness}]}`) and SARIF 2.1.0; exit codes 0 PASS, 1 FAIL, 3 UNKNOWN (2 is a usage or input error).
 */
import type { Log, Result } from 'sarif'
import type { CheckOutcome, ReasonPolicyType } from '../../engine/reason'
import { flagValue, UsageError, type ParsedArgs } from '../args'
import { colours, InputError, type CliIO } from '../io'

export type CheckFormat = 'text' | 'json' | 'sarif'

export function checkFormatOf(args: ParsedArgs): CheckFormat {
  const f = flagValue(args, 'format') ?? 'text'
  if (f !== 'json' && f !== 'text' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}"`)
  return f
}

const TYPES = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session', 'auto'] as const

function looksLikeResourcePolicy(text: string): boolean {
  try {
    const doc = JSON.parse(text) as { Statement?: unknown }
    const st = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]
    return st.some((s) => typeof s === 'object' && s !== null && ('Principal' in s || 'NotPrincipal' in s))
  } catch {
    return false
  }
}

/** `--type` as the reasoning service's policy type (trust policies are resource policies). */
export function checkTypeOf(args: ParsedArgs, texts: string[]): ReasonPolicyType {
  const t = flagValue(args, 'type') ?? 'auto'
  if (!(TYPES as readonly string[]).includes(t)) throw new UsageError(`--type must be one of ${TYPES.join(', ')}, not "${t}"`)
  if (t === 'auto') return texts.some(looksLikeResourcePolicy) ? 'resource' : 'identity'
  if (t === 'trust') return 'resource'
  return t as ReasonPolicyType
}

export function listFlag(args: ParsedArgs, name: string): string[] {
  return (flagValue(args, name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

const EXIT = { PASS: 0, FAIL: 1, UNKNOWN: 3 } as const

function sarif(check: string, outcome: CheckOutcome, file: string): Log {
  const results: Result[] = []
  for (const r of outcome.reasons) {
    const st = r.statements[0]
    const res: Result = {
      ruleId: check,
      level: 'error',
      message: { text: r.description },
      properties: { witness: r.witness, statements: r.statements },
    }
    const range = r.statements.find((s) => s.policy !== 'existing')?.range ?? st?.range
    res.locations = [
      {
        physicalLocation: {
          artifactLocation: { uri: file },
          ...(range ? { region: { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column } } : {}),
        },
      },
    ]
    results.push(res)
  }
  if (outcome.result === 'UNKNOWN')
    results.push({ ruleId: check, level: 'warning', message: { text: outcome.message }, locations: [{ physicalLocation: { artifactLocation: { uri: file } } }] })
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'iam-sidekick', informationUri: 'https://github.com/', rules: [{ id: check, shortDescription: { text: `IAM Access Analyzer custom policy check ${check}, decided offline` } }] } },
        results,
        properties: { result: outcome.result },
      },
    ],
  }
}

/** Prints the outcome and returns the exit code. */
export function printOutcome(check: string, outcome: CheckOutcome, file: string, format: CheckFormat, args: ParsedArgs, io: CliIO): number {
  if (outcome.error !== undefined) throw new InputError(`${file}: ${outcome.error}`)
  if (format === 'json') {
    const json = {
      result: outcome.result,
      message: outcome.message,
      reasons: outcome.reasons.map((r) => ({ description: r.description, statements: r.statements, witness: { principal: r.witness.principal ?? null, action: r.witness.action, resource: r.witness.resource, context: r.witness.context } })),
      ...(outcome.unknown.length ? { unknown: outcome.unknown } : {}),
    }
    io.stdout(JSON.stringify(json, null, 2) + '\n')
  } else if (format === 'sarif') io.stdout(JSON.stringify(sarif(check, outcome, file), null, 2) + '\n')
  else {
    const c = colours(io.isTTY && !args.flags.has('no-color'))
    const head = outcome.result === 'PASS' ? c.green('PASS') : outcome.result === 'FAIL' ? c.red('FAIL') : c.yellow('UNKNOWN')
    io.stdout(`${head} ${outcome.message}\n`)
    for (const r of outcome.reasons) {
      const where = r.statements.map((s) => `${s.policy} statement ${s.index}${s.sid ? ` (${s.sid})` : ''}${s.range ? ` at ${s.range.start.line}:${s.range.start.column}` : ''}`).join(', ')
      io.stdout(`  - ${r.description}\n    ${c.dim(`statements: ${where}`)}\n    ${c.dim(`witness: ${JSON.stringify(r.witness)}`)}\n`)
    }
    for (const u of outcome.unknown) io.stdout(`  ? ${u}\n`)
  }
  return EXIT[outcome.result]
}
