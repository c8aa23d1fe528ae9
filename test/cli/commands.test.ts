import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runCli } from './harness'

const dir = mkdtempSync(join(tmpdir(), 'iam-sidekick-cli-'))
function file(name: string, content: string): string {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}

const GOOD = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*' }] }, null, 2)
const BAD = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*" }\n  ]\n}'
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
})

interface FileResult {
  file: string
  policyType: string
  findings: { code: string; severity: string; message: string; range: { start: { line: number; column: number } }; path: (string | number)[] }[]
}

describe('iam-sidekick validate (shared/specs/cli.md)', () => {
  it('prints one JSON document with findings sorted by position, and exits 1 on ERROR', async () => {
    const good = file('good.json', GOOD)
    const bad = file('bad.json', BAD)
    const r = await runCli(['validate', '--format', 'json', good, bad])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as FileResult[]
    expect(out.map((o) => o.file)).toEqual([good, bad])
    expect(out[0]!.policyType).toBe('identity')
    expect(out[0]!.findings.filter((f) => f.severity === 'ERROR')).toEqual([])
    const invalid = out[1]!.findings.find((f) => f.code === 'INVALID_ACTION')!
    expect(invalid).toMatchObject({ severity: 'ERROR', path: ['Statement', 0, 'Action'], range: { start: { line: 4, column: 36 } } })
    expect(invalid.message).toMatch(/s3:GetObject/)
    const starts = out[1]!.findings.map((f) => f.range.start.line * 10_000 + f.range.start.column)
    expect([...starts].sort((a, b) => a - b)).toEqual(starts)
  })

  it('exits 0 when only warnings or suggestions are present', async () => {
    const r = await runCli(['validate', '--format', 'json', file('ok.json', GOOD)])
    expect(r.code).toBe(0)
  })

  it('reports JSON_SYNTAX_ERROR at the exact line and column, never a stack trace', async () => {
    const r = await runCli(['validate', '--format', 'json', file('syntax.json', '{\n  "Version": "2012-10-17"\n  "Statement": []\n}')])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as FileResult[]
    expect(out[0]!.findings[0]).toMatchObject({ code: 'JSON_SYNTAX_ERROR', severity: 'ERROR', range: { start: { line: 3, column: 3 } } })
    expect(r.stderr).toBe('')
  })

  it('reads standard input for -', async () => {
    const r = await runCli(['validate', '--format', 'json', '-'], BAD)
    expect(r.code).toBe(1)
    expect((JSON.parse(r.stdout) as FileResult[])[0]!.file).toBe('-')
  })

  it('selects the rules with --type, and guesses with --type auto', async () => {
    const t = file('trust.json', TRUST)
    const asTrust = JSON.parse((await runCli(['validate', '--format', 'json', '--type', 'trust', t])).stdout) as FileResult[]
    expect(asTrust[0]!.policyType).toBe('trust')
    expect(asTrust[0]!.findings.filter((f) => f.severity === 'ERROR')).toEqual([])
    const asIdentity = JSON.parse((await runCli(['validate', '--format', 'json', t])).stdout) as FileResult[]
    expect(asIdentity[0]!.findings.map((f) => f.code)).toContain('UNSUPPORTED_PRINCIPAL')
    const auto = JSON.parse((await runCli(['validate', '--format', 'json', '--type', 'auto', t])).stdout) as FileResult[]
    expect(auto[0]!.policyType).toBe('trust')
    const bucket = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] })
    const autoResource = JSON.parse((await runCli(['validate', '--format', 'json', '--type', 'auto', file('bucket.json', bucket)])).stdout) as FileResult[]
    expect(autoResource[0]!.policyType).toBe('resource')
  })

  it('suppresses codes with --suppress and a config file', async () => {
    const bad = file('bad2.json', BAD)
    const r = await runCli(['validate', '--format', 'json', '--suppress', 'INVALID_ACTION', bad])
    expect((JSON.parse(r.stdout) as FileResult[])[0]!.findings.map((f) => f.code)).not.toContain('INVALID_ACTION')
    const config = file('config.json', JSON.stringify({ files: { [bad]: ['INVALID_ACTION'] } }))
    const c = await runCli(['validate', '--format', 'json', '--config', config, bad])
    expect((JSON.parse(c.stdout) as FileResult[])[0]!.findings.map((f) => f.code)).not.toContain('INVALID_ACTION')
  })

  it('an unreadable file or a usage error exits 2, names the file on stderr and prints nothing on stdout', async () => {
    const missing = join(dir, 'missing.json')
    const r = await runCli(['validate', '--format', 'json', file('fine.json', GOOD), missing])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(missing)
    expect(r.stderr).toMatch(/no such file/)
    for (const args of [['validate'], ['validate', '--type', 'nonsense', missing], ['validate', '--format']]) {
      const u = await runCli(args)
      expect(u.code).toBe(2)
      expect(u.stdout).toBe('')
    }
  })

  it('text output names file, line, column, severity and code', async () => {
    const bad = file('bad3.json', BAD)
    const r = await runCli(['validate', bad])
    expect(r.stdout).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:36 ERROR INVALID_ACTION`))
  })

  it('never crashes on random input files (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 4 })), async (text) => {
        const r = await runCli(['validate', '--format', 'json', '-'], text)
        expect([0, 1]).toContain(r.code)
        expect(JSON.parse(r.stdout)).toHaveLength(1)
      }),
      { numRuns: 150 },
    )
  })
})

describe('iam-sidekick suggest', () => {
  it('names the category and the actions of each risk, as JSON', async () => {
    const admin = file('admin.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances', 's3:GetObject'], Resource: '*' }] }, null, 2))
    const r = await runCli(['suggest', '--format', 'json', admin])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { file: string; suggestions: { code: string; category?: string; actions?: string[]; range: unknown; path: unknown }[] }
    expect(out.file).toBe(admin)
    const esc = out.suggestions.find((s) => s.category === 'privilege-escalation')!
    expect(esc.actions).toEqual(expect.arrayContaining(['iam:PassRole', 'ec2:RunInstances']))
    expect(out.suggestions.some((s) => s.category === 'data-exfiltration')).toBe(true)
    for (const s of out.suggestions) expect(s.range).toBeDefined()
  })

  it('explains the policy in text mode', async () => {
    const r = await runCli(['suggest', file('good2.json', GOOD)])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/What this policy does/)
  })

  it('takes exactly one file', async () => {
    expect((await runCli(['suggest'])).code).toBe(2)
  })
})

describe('iam-sidekick simulate', () => {
  const examples = new URL('../fixtures/simulation-cases.json', import.meta.url)

  it('decides one case or an array, in order, with explanations; a malformed case errors alone', async () => {
    const cases = [
      { id: 'allowed', request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: 'arn:aws:iam::111111111111:user/alice' }, identityPolicies: [JSON.parse(GOOD.replace('logs/*', 'b/*'))] },
      { id: 'broken', request: { resource: 'arn:aws:s3:::b/k' } },
      { request: { action: 's3:PutObject', resource: 'arn:aws:s3:::b/k', principal: 'arn:aws:iam::111111111111:user/alice' }, identityPolicies: [GOOD] },
    ]
    const r = await runCli(['simulate', '--format', 'json', file('cases.json', JSON.stringify(cases))])
    expect(r.code).toBe(2) // issue 12: a malformed case exits 2, after the others are decided and printed
    const out = JSON.parse(r.stdout) as { id: string; decision?: string; error?: string; explanation?: unknown[] }[]
    expect(out.map((o) => o.id)).toEqual(['allowed', 'broken', '2'])
    expect(out[0]).toMatchObject({ decision: 'Allowed' })
    expect(out[0]!.explanation!.length).toBeGreaterThan(0)
    expect(out[1]!.error).toBeTruthy()
    expect(out[2]).toMatchObject({ decision: 'ImplicitDeny' })
    const one = await runCli(['simulate', '--format', 'json', file('one.json', JSON.stringify(cases[0]))])
    expect((JSON.parse(one.stdout) as unknown[]).length).toBe(1)
    const fail = await runCli(['simulate', '--format', 'json', '--fail-on-deny', file('cases2.json', JSON.stringify([cases[0], cases[2]]))])
    expect(fail.code).toBe(1)
  })

  it('decides every shared example as expected', async () => {
    const r = await runCli(['simulate', '--format', 'json', examples.pathname])
    const expected = (JSON.parse(readFileSync(examples, 'utf8')) as { expected: string }[]).map((c) => c.expected)
    expect((JSON.parse(r.stdout) as { decision: string }[]).map((o) => o.decision)).toEqual(expected)
  })

  it('a file that is not JSON exits 2 with nothing on stdout', async () => {
    const r = await runCli(['simulate', '--format', 'json', file('nojson.json', '{')])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/nojson\.json/)
  })
})

describe('the built binary (npx iam-sidekick after npm run build)', () => {
  it('runs from the repository root with exit codes and clean stdout', () => {
    const bin = new URL('../../bin/iam-sidekick.mjs', import.meta.url).pathname
    const ok = spawnSync(process.execPath, [bin, 'expand', '--format', 'json', 's3:GetObject'], { encoding: 'utf8' })
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout)[0].actions).toEqual([{ action: 's3:GetObject', accessLevel: 'Read' }])
    const bad = spawnSync(process.execPath, [bin, 'validate', '--format', 'json', '-'], { encoding: 'utf8', input: BAD })
    expect(bad.status).toBe(1)
    expect((JSON.parse(bad.stdout) as FileResult[])[0]!.findings.map((f) => f.code)).toContain('INVALID_ACTION')
    const usage = spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8' })
    expect(usage.status).toBe(2)
    expect(usage.stdout).toBe('')
  })
})
