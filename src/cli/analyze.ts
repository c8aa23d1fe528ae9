/**
 * One pipeline for validate, suggest and check: read each file, detect what it is, find its policies,
 * run the engine's services over each, and bring findings back to positions in the file.
 */
import type { Catalogue } from '../engine/catalogue'
import { SEVERITIES, sortFindings, type PolicyType, type Severity, type Suggestion } from '../engine/findings/types'
import { LineIndex } from '../engine/json/positions'
import { categoryCode, codePrefixes, groupSuggestions, suggestPolicy } from '../engine/suggest'
import { validatePolicy } from '../engine/validate'
import type { FailOn } from './config'
import { readInput, type CliIO } from './io'
import { allRules } from './rules'
import { extractCloudFormationPolicies } from './sources/cloudformation'
import { detectKind } from './sources/detect'
import type { InputFile } from './sources/files'
import { jsonPointer, touchesUnknown, type EmbeddedPolicy, type PolicyLocation } from './sources/resolved'
import { extractTerraformPolicies } from './sources/terraform'

export type Mode = 'validate' | 'suggest' | 'check'
export type FileKind = 'policy' | 'cloudformation' | 'terraform' | 'simulation-cases' | 'unrecognized'

/** A finding or suggestion as reported: for embedded policies the range is in the template or plan. */
export interface ReportFinding extends Suggestion {
  /** JSON pointer of the node inside the policy (embedded policies). */
  pointer?: string
}

export interface PolicyReport {
  file: string
  kind: FileKind
  /** Heading for embedded policies: `MyRole Policies[0].PolicyDocument`. */
  name?: string
  location?: PolicyLocation
  policyType: PolicyType
  findings: ReportFinding[]
  suppressed: number
  /** The text of a plain policy file (for --fix and SARIF fixes). */
  text?: string
}

export interface FileReport {
  file: string
  kind: FileKind
  policies: PolicyReport[]
  notes: string[]
  /** Embedded policies whose value is known only at deployment. */
  unknown: string[]
}

export interface AnalyzeOptions {
  catalogue: Catalogue
  mode: Mode
  /** --type, when given. */
  policyType?: PolicyType | 'auto'
  /** Used for files named on the command line when --type is not given. */
  defaultPolicyType: PolicyType | 'auto'
  resourceType?: string
  account?: string
  region?: string
  partition?: string
  parameters?: Record<string, string | string[]>
  suppressFor: (file: string) => string[]
}

/**
 * Is this suggestion suppressed: by its own code, by its category's group code, or by a group-only code that
 * prefixes its code? (A member's exact code drops that member alone, even where other codes extend it.)
 */
function suppressedBy(s: Suggestion, codes: ReadonlySet<string>, groupOnly: ReadonlySet<string>): boolean {
  if (codes.has(s.code) || (s.category && codes.has(categoryCode(s.category)))) return true
  return groupOnly.size > 0 && codePrefixes(s.code).some((p) => groupOnly.has(p))
}

function runServices(input: string | object, policyType: PolicyType | 'auto', resourceType: string | undefined, o: AnalyzeOptions, suppress: string[]) {
  const findings: Suggestion[] = []
  let resolved: PolicyType = policyType === 'auto' ? 'identity' : policyType
  let suppressed = 0
  if (o.mode !== 'suggest') {
    const r = validatePolicy(input, { catalogue: o.catalogue, policyType, suppress, ...(resourceType ? { resourceType } : {}) })
    resolved = r.policyType
    suppressed += r.suppressed
    findings.push(...r.findings)
  }
  if (o.mode !== 'validate') {
    const kept = new Set(suppress.map((c) => c.trim().toUpperCase()))
    // Suppressed before grouping: a member's code drops it from its group, a group's code drops every member.
    const all = suggestPolicy(input, {
      group: false,
      catalogue: o.catalogue,
      policyType: o.mode === 'check' ? resolved : policyType,
      ...(o.account ? { account: o.account } : {}),
      ...(o.region ? { region: o.region } : {}),
      ...(o.partition ? { partition: o.partition } : {}),
      // Date conditions are judged at the moment the command runs (the engine itself never reads the clock).
      now: Date.now(),
    })
    const rules = allRules()
    const groupOnly = new Set([...kept].filter((c) => rules.get(c)?.group))
    const shown = kept.size ? all.filter((f) => !suppressedBy(f, kept, groupOnly)) : all
    suppressed += all.length - shown.length
    findings.push(...groupSuggestions(shown))
  }
  return { policyType: resolved, findings: o.mode === 'check' ? sortFindings(findings) : findings, suppressed }
}

function embeddedReport(file: string, kind: FileKind, p: EmbeddedPolicy, o: AnalyzeOptions, suppress: string[]): PolicyReport {
  const base = { file, kind, name: p.name, location: p.location }
  if (typeof p.document === 'string' && !p.unknownPaths.length) {
    const range = p.locate([])
    return {
      ...base,
      policyType: p.policyType,
      suppressed: 0,
      findings: suppress.includes('POLICY_NOT_JSON')
        ? []
        : [{ code: 'POLICY_NOT_JSON', severity: 'ERROR', message: 'This policy is written as text, and the text is not a JSON policy document.', range, path: [], pointer: '' }],
    }
  }
  const r = runServices(p.document as object, p.policyType, p.validationResourceType, o, suppress)
  const findings: ReportFinding[] = []
  for (const f of r.findings) {
    if (touchesUnknown(f.path, p.unknownPaths, f.code)) continue
    const { fixes: _fixes, ...rest } = f
    void _fixes
    findings.push({ ...rest, range: p.locate(f.path), pointer: jsonPointer(f.path) })
  }
  return { ...base, policyType: r.policyType, findings, suppressed: r.suppressed }
}

/** Analyzes one file's text. `explicit`: named on the command line (broken JSON is then a policy). */
export function analyzeText(file: string, text: string, explicit: boolean, o: AnalyzeOptions): FileReport {
  const suppress = o.suppressFor(file)
  const detected = detectKind(text, explicit)
  const report: FileReport = { file, kind: detected.kind, policies: [], notes: [], unknown: [] }
  switch (detected.kind) {
    case 'policy': {
      const type = o.policyType ?? (explicit ? o.defaultPolicyType : 'auto')
      const r = runServices(text, type, o.resourceType, o, suppress)
      report.policies.push({ file, kind: 'policy', policyType: r.policyType, findings: r.findings, suppressed: r.suppressed, text })
      break
    }
    case 'cloudformation': {
      if (detected.syntaxError) {
        const at = new LineIndex(text).position(detected.syntaxError.offset)
        report.policies.push({
          file,
          kind: 'cloudformation',
          policyType: 'identity',
          suppressed: 0,
          findings: suppress.includes('TEMPLATE_SYNTAX_ERROR')
            ? []
            : [{ code: 'TEMPLATE_SYNTAX_ERROR', severity: 'ERROR', message: `The CloudFormation template cannot be parsed: ${detected.syntaxError.message}`, range: { start: at, end: at }, path: [] }],
        })
        break
      }
      const t = extractCloudFormationPolicies(detected.doc, text, {
        ...(o.account ? { account: o.account } : {}),
        ...(o.region ? { region: o.region } : {}),
        ...(o.partition ? { partition: o.partition } : {}),
        ...(o.parameters ? { parameters: o.parameters } : {}),
      })
      report.notes.push(...t.notes)
      for (const p of t.policies) report.policies.push(embeddedReport(file, 'cloudformation', p, o, suppress))
      break
    }
    case 'terraform': {
      const t = extractTerraformPolicies(detected.plan, detected.tree)
      report.notes.push(...t.notes)
      report.unknown.push(...t.unknown)
      for (const p of t.policies) report.policies.push(embeddedReport(file, 'terraform', p, o, suppress))
      break
    }
    case 'simulation-cases':
      report.notes.push('simulation cases: run them with `iam-sidekick simulate`')
      break
    case 'unrecognized': {
      if (!explicit) break
      const at = { line: 1, column: 1 }
      report.policies.push({
        file,
        kind: 'unrecognized',
        policyType: 'identity',
        suppressed: 0,
        findings: suppress.includes('UNRECOGNIZED_FILE')
          ? []
          : [
              {
                code: 'UNRECOGNIZED_FILE',
                severity: 'ERROR',
                message: `This file is not an IAM policy, a CloudFormation template or a Terraform plan (terraform show -json): it looks like ${detected.lookedLike}.`,
                range: { start: at, end: at },
                path: [],
              },
            ],
      })
      break
    }
  }
  return report
}

/** Reads and analyzes every file; unreadable files throw InputError before anything is printed. */
export function analyzeFiles(files: InputFile[], io: CliIO, o: AnalyzeOptions): FileReport[] {
  const texts = files.map((f) => ({ ...f, text: readInput(f.path, io) }))
  return texts.map((f) => analyzeText(f.path, f.text, f.explicit, o))
}

const RANK: Record<Severity, number> = { ERROR: 0, SECURITY_WARNING: 1, WARNING: 2, SUGGESTION: 3 }
const THRESHOLD: Record<FailOn, number> = { error: 0, security: 1, warning: 2, suggestion: 3, none: -1 }

/** Exit 1 when a finding at or above the threshold remains. */
export function failsGate(reports: FileReport[], failOn: FailOn): boolean {
  const limit = THRESHOLD[failOn]
  return reports.some((r) => r.policies.some((p) => p.findings.some((f) => RANK[f.severity] <= limit)))
}

export function countBySeverity(reports: FileReport[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>
  for (const r of reports) for (const p of r.policies) for (const f of p.findings) counts[f.severity]++
  return counts
}
