/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), as GitHub code scanning
 * reads it (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
 * one run, every rule with its help URI and default level, results located in the original files (template
 * lines included, with a logical location naming the resource and property), fixes where we have them.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as Sarif from 'sarif'
import type { Range, Severity } from '../../engine/findings/types'
import type { FileReport, PolicyReport, ReportFinding } from '../analyze'
import { allRules, ruleFor, type Rule } from '../rules'
import { dottedPath } from '../sources/resolved'

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { ERROR: 'error', SECURITY_WARNING: 'warning', WARNING: 'warning', SUGGESTION: 'note' }
/** GitHub's security severity (0–10) for security findings. */
const SECURITY_SEVERITY: Partial<Record<Severity, string>> = { SECURITY_WARNING: '7.0', ERROR: '5.0' }

function region(r: Range): Sarif.Region {
  const out: Sarif.Region = { startLine: r.start.line, startColumn: r.start.column }
  if (r.end.line > r.start.line || (r.end.line === r.start.line && r.end.column > r.start.column)) {
    out.endLine = r.end.line
    out.endColumn = r.end.column
  }
  return out
}

/** A region with its end always given (an insertion has end = start). */
function exactRegion(r: Range): Sarif.Region {
  return { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column }
}

function uriOf(file: string, cwd: string): Sarif.ArtifactLocation {
  if (file === '-') return { uri: 'stdin' }
  const abs = resolve(cwd, file)
  const rel = relative(cwd, abs)
  if (!rel.startsWith('..') && !isAbsolute(rel)) return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }
  return { uri: pathToFileURL(abs).href }
}

function logicalName(p: PolicyReport): string | undefined {
  const l = p.location
  if (!l) return undefined
  if (l.address) return `${l.address}.${l.attribute ?? ''}`
  if (l.logicalId) return `Resources.${l.logicalId}.${dottedPath(l.property ?? [])}`
  return undefined
}

function ruleDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  const security = rule.severity === 'SECURITY_WARNING' || rule.code.startsWith('PRIVILEGE_ESCALATION')
  return {
    id: rule.code,
    name: rule.code
      .toLowerCase()
      .split('_')
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: rule.title },
    helpUri: rule.helpUri,
    help: { text: `${rule.title}. See ${rule.helpUri}` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: security ? ['security', 'iam'] : ['iam'], ...(SECURITY_SEVERITY[rule.severity] ? { 'security-severity': SECURITY_SEVERITY[rule.severity] } : {}) },
  }
}

export function toSarif(reports: FileReport[], opts: { version: string; cwd: string }): Sarif.Log {
  const rules = new Map(allRules())
  const results: Sarif.Result[] = []
  for (const r of reports)
    for (const p of r.policies)
      for (const f of p.findings) {
        if (!rules.has(f.code)) rules.set(f.code, ruleFor(f.code, f.severity, f.learnMore))
        results.push(result(p, f, opts.cwd))
      }
  const ordered = [...rules.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  const index = new Map(ordered.map((rule, i) => [rule.code, i]))
  for (const res of results) res.ruleIndex = index.get(res.ruleId!)!
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iam-sidekick',
            semanticVersion: opts.version,
            version: opts.version,
            rules: ordered.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(opts.cwd.endsWith(sep) ? opts.cwd : opts.cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
}

function result(p: PolicyReport, f: ReportFinding, cwd: string): Sarif.Result {
  const artifact = uriOf(p.file, cwd)
  const logical = logicalName(p)
  const location: Sarif.Location = { physicalLocation: { artifactLocation: artifact, region: region(f.range) } }
  if (logical) location.logicalLocations = [{ fullyQualifiedName: f.pointer ? `${logical}#${f.pointer}` : logical, kind: 'resource' }]
  const out: Sarif.Result = {
    ruleId: f.code,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location],
    partialFingerprints: { 'iamSidekick/v1': fingerprint(`${p.file}|${p.name ?? ''}|${f.code}|${JSON.stringify(f.path)}`) },
  }
  if (f.fixes?.length && p.kind === 'policy')
    out.fixes = f.fixes.map((fix) => ({
      description: { text: fix.title },
      artifactChanges: [{ artifactLocation: artifact, replacements: fix.edits.map((e) => ({ deletedRegion: exactRegion(e.range), insertedContent: { text: e.newText } })) }],
    }))
  if (f.category) out.properties = { category: f.category, ...(f.actions ? { actions: f.actions } : {}) }
  return out
}

/** A short stable hash (FNV-1a, 32 bit) so code scanning can follow a result across runs. */
function fingerprint(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}
