/**
 * SARIF output validated against the SARIF 2.1.0 JSON schema (draft-04, so ajv-draft-04 with ajv-formats,
 * strict: false). The schema file is test/fixtures/sarif/sarif-schema-2.1.0.json, copied from the npm
 * package @microsoft/jest-sarif (MIT), which ships the 2.1.0 schema as sarif-2.1.0-rtm.5.json.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import type * as Sarif from 'sarif'
import { describe, expect, it } from 'vitest'
import { runCli } from './harness'

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url)), 'utf8')) as object
// unicodeRegExp: false because the 2.1.0 schema's `language` pattern ends in a lone "]", which JavaScript
// accepts only without the u flag (the errata fixed the pattern; its meaning is unchanged).
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false })
addFormats(ajv)
const validateSarif = ajv.compile(schema)

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/iac/${name}`, import.meta.url))
const repo = fileURLToPath(new URL('../..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'iam-sidekick-sarif-'))
const BAD = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*" }\n  ]\n}\n'

describe('--format sarif', () => {
  it('validates against the SARIF 2.1.0 schema: one run, every rule, results in the original files', async () => {
    const plain = join(dir, 'bad.json')
    writeFileSync(plain, BAD)
    const r = await runCli(['check', '--no-config', '--format', 'sarif', plain, fixture('app-stack.yaml'), fixture('plan.json')], '', { cwd: repo })
    expect(r.code).toBe(1)
    const log = JSON.parse(r.stdout) as Sarif.Log
    const ok = validateSarif(log)
    expect(validateSarif.errors ?? []).toEqual([])
    expect(ok).toBe(true)
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    const run = log.runs[0]!
    const rules = run.tool.driver.rules!
    expect(rules.length).toBeGreaterThan(150)
    const ids = rules.map((x) => x.id)
    expect(ids).toContain('INVALID_ACTION')
    expect(ids).toContain('UNRECOGNIZED_FILE')
    for (const rule of rules) {
      expect(rule.helpUri).toMatch(/^https:\/\//)
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration!.level)
    }
    const results = run.results!
    for (const res of results) expect(rules[res.ruleIndex!]!.id).toBe(res.ruleId)
    // In the template: a relative URI and the template line, with the resource as logical location.
    const inTemplate = results.find((x) => x.ruleId === 'INVALID_ACTION' && x.locations![0]!.physicalLocation!.artifactLocation!.uri!.endsWith('app-stack.yaml'))!
    expect(inTemplate.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'test/fixtures/iac/app-stack.yaml', uriBaseId: '%SRCROOT%' })
    const yamlText = readFileSync(fixture('app-stack.yaml'), 'utf8')
    expect(inTemplate.locations![0]!.physicalLocation!.region!.startLine).toBe(yamlText.slice(0, yamlText.indexOf('s3:GetObjekt')).split('\n').length)
    expect(inTemplate.locations![0]!.logicalLocations![0]!.fullyQualifiedName).toBe('Resources.DataBucketPolicy.Properties.PolicyDocument#/Statement/1/Action')
    // In the plan: the resource address and attribute.
    const inPlan = results.find((x) => x.locations![0]!.physicalLocation!.artifactLocation!.uri!.endsWith('plan.json'))!
    expect(inPlan.locations![0]!.logicalLocations![0]!.fullyQualifiedName).toMatch(/^aws_iam_role\.app\.inline_policy\[0\]\.policy#\/Statement/)
    // In the plain file: a fix as SARIF replacements.
    const fixed = results.find((x) => x.ruleId === 'INVALID_ACTION' && x.locations![0]!.physicalLocation!.artifactLocation!.uri!.startsWith('file:'))!
    expect(fixed.locations![0]!.physicalLocation!.region).toMatchObject({ startLine: 4, startColumn: 36 })
    expect(fixed.fixes![0]!.artifactChanges[0]!.replacements[0]!.insertedContent!.text).toContain('s3:GetObject')
    // Security findings carry GitHub's security-severity.
    const esc = rules.find((x) => x.id.startsWith('PRIVILEGE_ESCALATION'))!
    expect(esc.properties!['security-severity']).toBe('7.0')
  })

  it('an empty result set is valid SARIF too', async () => {
    const good = join(dir, 'good.json')
    writeFileSync(good, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/k' }] }))
    const r = await runCli(['validate', '--no-config', '--format', 'sarif', good])
    expect(r.code).toBe(0)
    expect(validateSarif(JSON.parse(r.stdout))).toBe(true)
  })
})
