/**
 * Output formats for validate, suggest and check: text (terminal, 100 columns), json (the contract of
 * shared/specs/cli.md for plain policy files; templates and plans add their location), GitHub Actions
 * workflow commands, and SARIF (./sarif.ts).
 */
import type { Severity } from '../../engine/findings/types'
import { countBySeverity, type FileReport, type Mode, type PolicyReport, type ReportFinding } from '../analyze'
import { colours } from '../io'

export const WIDTH = 100

/** Greedy word wrap; the first line has `first` columns, the rest `rest`. */
export function wrap(text: string, first: number, rest: number): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  let width = first
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line)
      line = w
      width = rest
    } else line = line ? `${line} ${w}` : w
  }
  if (line || lines.length === 0) lines.push(line)
  return lines
}

type Colours = ReturnType<typeof colours>

function sevText(s: Severity, c: Colours): string {
  return s === 'ERROR' ? c.red(s) : s === 'SECURITY_WARNING' ? c.magenta(s) : s === 'WARNING' ? c.yellow(s) : c.cyan(s)
}

function heading(p: PolicyReport): string {
  const type = p.kind === 'unrecognized' ? 'not checked' : `${p.policyType} policy`
  return p.name ? `${p.file}: ${p.name} (${type})` : `${p.file} (${type})`
}

function findingLines(p: PolicyReport, f: ReportFinding, c: Colours): string[] {
  const head = `${p.file}:${f.range.start.line}:${f.range.start.column} `
  const tag = f.category ? ` [${f.category}]` : ''
  const label = `${f.severity} ${f.code}${tag} `
  const indent = '      '
  const firstWidth = Math.max(30, WIDTH - 2 - head.length - label.length)
  const msg = wrap(f.message, firstWidth, WIDTH - indent.length)
  const out = [`  ${head}${sevText(f.severity, c)} ${c.bold(f.code)}${tag ? c.dim(tag) : ''} ${msg[0]}`]
  for (const m of msg.slice(1)) out.push(indent + m)
  if (f.pointer) out.push(indent + c.dim(`at ${f.pointer || '/'} in the policy`))
  const fix = f.fixes?.[0]
  if (fix) for (const [i, m] of wrap(`fix: ${fix.title}`, WIDTH - indent.length, WIDTH - indent.length - 5).entries()) out.push((i ? indent + '     ' : indent) + c.green(m))
  return out
}

export interface TextExtras {
  /** Lines printed under a policy's heading before its findings (suggest: the plain-language summary). */
  before?: (p: PolicyReport) => string[]
  skipped?: number
}

export function renderText(reports: FileReport[], mode: Mode, colour: boolean, extras: TextExtras = {}): string {
  const c = colours(colour)
  const out: string[] = []
  let policies = 0
  for (const r of reports) {
    if (r.policies.length === 0) {
      if (r.kind === 'cloudformation' || r.kind === 'terraform') out.push(`${c.bold(r.file)}: ${c.dim(`no policies in this ${r.kind === 'terraform' ? 'plan' : 'template'}`)}`)
      else if (r.kind === 'simulation-cases') out.push(`${c.bold(r.file)}: ${c.dim('simulation cases (use iam-sidekick simulate)')}`)
    }
    for (const p of r.policies) {
      policies += p.kind === 'unrecognized' ? 0 : 1
      out.push(c.bold(heading(p)))
      if (extras.before) for (const l of extras.before(p)) out.push('  ' + l)
      if (p.findings.length === 0) out.push(`  ${c.green(mode === 'suggest' ? 'no suggestions' : 'no findings')}`)
      for (const f of p.findings) out.push(...findingLines(p, f, c))
    }
    for (const u of r.unknown) out.push(`  ${c.dim(`${r.file}: ${u}: known only after apply, not checked`)}`)
    for (const n of r.notes) out.push(`  ${c.dim(`${r.file}: note: ${n}`)}`)
  }
  const counts = countBySeverity(reports)
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  const parts = (Object.entries(counts) as [Severity, number][]).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`)
  const noun = mode === 'suggest' ? 'suggestion' : 'finding'
  const files = reports.length
  const skipped = extras.skipped ? `, ${extras.skipped} file${extras.skipped === 1 ? '' : 's'} skipped (not a policy, template or plan)` : ''
  out.push(
    `${total} ${noun}${total === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''} in ${policies} polic${policies === 1 ? 'y' : 'ies'}, ${files} file${files === 1 ? '' : 's'}${skipped}`,
  )
  return out.join('\n') + '\n'
}

/** JSON entries: exactly the contract's keys for plain policy files; embedded policies add kind and location. */
export function jsonEntries(reports: FileReport[], key: 'findings' | 'suggestions'): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (const r of reports)
    for (const p of r.policies) {
      if (p.kind === 'policy') out.push({ file: p.file, policyType: p.policyType, [key]: p.findings })
      else
        out.push({
          file: p.file,
          kind: p.kind,
          ...(p.name ? { name: p.name } : {}),
          policyType: p.policyType,
          ...(p.location ? { location: p.location } : {}),
          [key]: p.findings,
        })
    }
  return out
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. */
export function renderGithub(reports: FileReport[]): string {
  const out: string[] = []
  for (const r of reports)
    for (const p of r.policies)
      for (const f of p.findings) {
        const level = f.severity === 'ERROR' || f.severity === 'SECURITY_WARNING' ? 'error' : f.severity === 'WARNING' ? 'warning' : 'notice'
        const props = [
          `file=${escapeProperty(p.file)}`,
          `line=${f.range.start.line}`,
          `col=${f.range.start.column}`,
          `endLine=${f.range.end.line}`,
          `endColumn=${f.range.end.column}`,
          `title=${escapeProperty(`${f.code}${p.name ? ` (${p.name})` : ''}`)}`,
        ]
        out.push(`::${level} ${props.join(',')}::${escapeData(`${f.severity} ${f.code}: ${f.message}`)}`)
      }
  const counts = countBySeverity(reports)
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  out.push(`iam-sidekick: ${total} finding${total === 1 ? '' : 's'} in ${reports.length} file${reports.length === 1 ? '' : 's'}`)
  return out.join('\n') + '\n'
}
