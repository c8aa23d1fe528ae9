/**
 * Gates and configuration: --fail-on, the .iam-sidekick.json config (found upward, or --config) with
 * usage errors and did-you-mean, --fix, directories and globs, output formats, per-command help, and
 * simulate's exit codes with `expected` and --check.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDocument } from 'yaml'
import { describe, expect, it } from 'vitest'
import { runCli } from './harness'

const root = mkdtempSync(join(tmpdir(), 'iam-sidekick-gates-'))
function file(rel: string, content: string): string {
  const p = join(root, rel)
  mkdirSync(join(p, '..'), { recursive: true })
  writeFileSync(p, content)
  return p
}
const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2)
const WARN_ONLY = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })
const BAD = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*" }\n  ]\n}\n'

describe('--fail-on', () => {
  it('exits 1 only when a finding at or above the threshold remains', async () => {
    const f = file('fail-on/wide.json', WARN_ONLY)
    expect((await runCli(['check', '--no-config', f])).code).toBe(0)
    expect((await runCli(['check', '--no-config', '--fail-on', 'security', f])).code).toBe(1)
    expect((await runCli(['check', '--no-config', '--fail-on', 'none', file('fail-on/bad.json', BAD)])).code).toBe(0)
    const u = await runCli(['check', '--no-config', '--fail-on', 'securty', f])
    expect(u.code).toBe(2)
    expect(u.stderr).toMatch(/did you mean "security"/)
    expect(u.stdout).toBe('')
  })

  it('suppressed findings do not count', async () => {
    const f = file('fail-on/bad2.json', BAD)
    expect((await runCli(['validate', '--no-config', '--suppress', 'INVALID_ACTION', f])).code).toBe(0)
  })
})

describe('--suppress and grouped suggestions', () => {
  const WIDE = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 'ec2:*', 'sqs:*', 'sns:*', 'iam:*'], Resource: '*' }] }, null, 2)
  type Out = { suggestions: { code: string; group?: { count: number; members: { code: string }[] } }[] }
  /** Every suggestion's own code: a group's members, or the suggestion itself. */
  const codesOf = (o: Out) => o.suggestions.flatMap((s) => (s.group ? s.group.members.map((m) => m.code) : [s.code]))

  it('a group’s code, as the output shows it, is accepted and drops every member', async () => {
    const f = file('suppress/wide.json', WIDE)
    const before = JSON.parse((await runCli(['suggest', '--no-config', '--format', 'json', f])).stdout) as Out
    const group = before.suggestions.find((s) => s.code === 'PRIVILEGE_ESCALATION' && s.group)
    expect(group?.group?.count).toBeGreaterThan(1)
    const r = await runCli(['suggest', '--no-config', '--format', 'json', '--suppress', 'PRIVILEGE_ESCALATION', f])
    expect(r.code).toBe(0)
    expect(codesOf(JSON.parse(r.stdout) as Out).filter((c) => c.startsWith('PRIVILEGE_ESCALATION'))).toEqual([])
  })

  it('a member’s code drops it from its group, and the rest stay grouped', async () => {
    const f = file('suppress/wide2.json', WIDE)
    const before = codesOf(JSON.parse((await runCli(['suggest', '--no-config', '--format', 'json', f])).stdout) as Out)
    const member = before.find((c) => c.startsWith('PRIVILEGE_ESCALATION_'))!
    const after = codesOf(JSON.parse((await runCli(['suggest', '--no-config', '--format', 'json', '--suppress', member, f])).stdout) as Out)
    expect(after).not.toContain(member)
    expect(after.filter((c) => c.startsWith('PRIVILEGE_ESCALATION_')).length).toBe(before.filter((c) => c.startsWith('PRIVILEGE_ESCALATION_')).length - before.filter((c) => c === member).length)
  })
})

describe('--suppress with a code other codes extend', () => {
  it('a member’s exact code drops that member only, not the codes that start with it', async () => {
    const f = file('suppress/ec2.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances', 'ec2:AssociateIamInstanceProfile'], Resource: '*' }] }, null, 2))
    type Out = { suggestions: { code: string; group?: { members: { code: string }[] } }[] }
    const leaves = async (args: string[]) => (JSON.parse((await runCli(['suggest', '--no-config', '--format', 'json', ...args, f])).stdout) as Out).suggestions.flatMap((s) => (s.group ? s.group.members.map((m) => m.code) : [s.code]))
    expect(await leaves([])).toEqual(expect.arrayContaining(['PRIVILEGE_ESCALATION_PASSROLE_EC2', 'PRIVILEGE_ESCALATION_PASSROLE_EC2_INSTANCE_PROFILE']))
    const after = await leaves(['--suppress', 'PRIVILEGE_ESCALATION_PASSROLE_EC2'])
    expect(after).not.toContain('PRIVILEGE_ESCALATION_PASSROLE_EC2')
    expect(after).toContain('PRIVILEGE_ESCALATION_PASSROLE_EC2_INSTANCE_PROFILE')
    // The group-only prefix drops both.
    expect((await leaves(['--suppress', 'PRIVILEGE_ESCALATION_PASSROLE'])).filter((c) => c.startsWith('PRIVILEGE_ESCALATION_PASSROLE'))).toEqual([])
  })
})

describe('.iam-sidekick.json', () => {
  it('is found upward from the working directory; per-file suppressions are relative to it; failOn applies', async () => {
    const project = join(root, 'project')
    file('project/.iam-sidekick.json', JSON.stringify({ files: { 'policies/bad.json': ['INVALID_ACTION'] }, failOn: 'security' }))
    const bad = file('project/policies/bad.json', BAD)
    const wide = file('project/policies/wide.json', WARN_ONLY)
    const nested = join(project, 'policies')
    const r = await runCli(['check', '--format', 'json', bad], '', { cwd: nested })
    const out = JSON.parse(r.stdout) as { findings: { code: string }[] }[]
    expect(out[0]!.findings.map((f) => f.code)).not.toContain('INVALID_ACTION')
    expect((await runCli(['check', wide], '', { cwd: nested })).code).toBe(1) // failOn: security from the config
    expect((await runCli(['check', '--fail-on', 'error', wide], '', { cwd: nested })).code).toBe(0) // the flag wins
  })

  it('gives CloudFormation parameter values', async () => {
    const t = file('params/t.yaml', 'Parameters:\n  Act: {Type: String}\nResources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - {Effect: Allow, Action: !Ref Act, Resource: "*"}\n')
    const unknown = await runCli(['check', '--no-config', '--format', 'json', t])
    expect((JSON.parse(unknown.stdout) as { findings: unknown[] }[])[0]!.findings).toEqual([])
    const cfg = file('params/cfg.json', JSON.stringify({ parameters: { Act: 's3:GetObjekt' } }))
    const given = await runCli(['check', '--config', cfg, '--format', 'json', t])
    expect((JSON.parse(given.stdout) as { findings: { code: string }[] }[])[0]!.findings.map((f) => f.code)).toContain('INVALID_ACTION')
  })

  it('unknown keys, unknown codes and wrong types are usage errors with a did-you-mean', async () => {
    const p = file('cfg/p.json', WARN_ONLY)
    const cases: [object, RegExp][] = [
      [{ supress: ['INVALID_ACTION'] }, /unknown key "supress" \(did you mean "suppress"\?\)/],
      [{ suppress: ['INVALID_ACTON'] }, /unknown code "INVALID_ACTON" \(did you mean "INVALID_ACTION"\?\)/],
      [{ suppress: 'INVALID_ACTION' }, /"suppress" must be a list of codes/],
      [{ failOn: 'warn' }, /"failOn" must be one of .*did you mean "warning"/],
      [{ files: { 'a.json': [1] } }, /"files.a.json" must be a list of codes/],
    ]
    for (const [config, message] of cases) {
      const c = file('cfg/c.json', JSON.stringify(config))
      const r = await runCli(['validate', '--config', c, p])
      expect(r.code, JSON.stringify(config)).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).toMatch(/Usage: iam-sidekick validate/)
      expect(r.stdout).toBe('')
    }
    const flag = await runCli(['validate', '--no-config', '--suppress', 'MISSING_VERSON', p])
    expect(flag.code).toBe(2)
    expect(flag.stderr).toMatch(/did you mean "MISSING_VERSION"/)
  })
})

describe('inputs: directories and globs', () => {
  it('searches a directory recursively, skipping node_modules, dot-folders and files that are not policies', async () => {
    file('repo/iam/bad.json', BAD)
    file('repo/iam/stack.yaml', readFileSync(fileURLToPath(new URL('../fixtures/iac/queue-stack.json', import.meta.url)), 'utf8'))
    file('repo/package.json', JSON.stringify({ name: 'x', scripts: {} }))
    file('repo/node_modules/dep/policy.json', BAD)
    file('repo/.git/policy.json', BAD)
    file('repo/README.md', '# hi')
    const r = await runCli(['check', '--no-config', '--format', 'json', join(root, 'repo')])
    const files = [...new Set((JSON.parse(r.stdout) as { file: string }[]).map((e) => e.file))]
    expect(files).toEqual([join(root, 'repo/iam/bad.json'), join(root, 'repo/iam/stack.yaml')])
    const text = await runCli(['check', '--no-config', join(root, 'repo')])
    expect(text.stdout).toMatch(/1 file skipped \(not a policy, template or plan\)/)
  })

  it('expands globs; a glob that matches nothing is an input error', async () => {
    const r = await runCli(['validate', '--no-config', '--format', 'json', join(root, 'repo/**/*.json')])
    expect((JSON.parse(r.stdout) as { file: string }[]).map((e) => e.file)).toEqual([join(root, 'repo/iam/bad.json')])
    const none = await runCli(['validate', '--no-config', join(root, 'repo/**/*.nothing')])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/no file matches/)
  })
})

describe('CI integrations', () => {
  it('--skip-other-files skips named files that are not policies (as pre-commit passes every changed file)', async () => {
    const other = file('pc/package.json', JSON.stringify({ name: 'x', scripts: {} }))
    const bad = file('pc/p.json', BAD)
    expect((await runCli(['check', '--no-config', other])).code).toBe(1)
    const r = await runCli(['check', '--no-config', '--skip-other-files', '--format', 'json', other, bad])
    expect((JSON.parse(r.stdout) as { file: string }[]).map((e) => e.file)).toEqual([bad])
  })

  it('action.yml runs check with SARIF upload and a gate; .pre-commit-hooks.yaml names the hooks', () => {
    const repo = (p: string) => readFileSync(fileURLToPath(new URL(`../../${p}`, import.meta.url)), 'utf8')
    const action = parseDocument(repo('action.yml')).toJS() as { runs: { using: string; steps: { uses?: string; run?: string }[] }; inputs: Record<string, unknown> }
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'fail-on', 'config', 'sarif-file', 'upload-sarif']))
    expect(action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))).toBe(true)
    expect(action.runs.steps.some((s) => s.run?.includes('check --format sarif'))).toBe(true)
    const hooks = parseDocument(repo('.pre-commit-hooks.yaml')).toJS() as { id: string; entry: string; language: string }[]
    expect(hooks.map((h) => h.id)).toContain('iam-sidekick-check')
    for (const h of hooks) expect(h.entry).toMatch(/^iam-sidekick (check|validate) .*--skip-other-files/)
  })
})

describe('--fix', () => {
  it('applies the mechanical fixes in place, says what it changed, and reports what remains', async () => {
    const f = file('fix/p.json', BAD)
    const r = await runCli(['validate', '--no-config', '--fix', f])
    expect(r.stdout).toMatch(/fixed .*p\.json: 1 change/)
    expect(r.stdout).toMatch(/INVALID_ACTION/)
    const after = readFileSync(f, 'utf8')
    expect(JSON.parse(after).Statement[0].Action).toBe('s3:GetObject')
    expect(r.code).toBe(0)
  })

  it('never touches templates or a file it cannot parse', async () => {
    const broken = file('fix/broken.json', '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", ')
    await runCli(['validate', '--no-config', '--fix', broken])
    expect(readFileSync(broken, 'utf8')).toBe('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", ')
    expect((await runCli(['suggest', '--no-config', '--fix', broken])).code).toBe(2)
  })
})

describe('output formats', () => {
  it('github: one workflow command per finding, with file, line and column', async () => {
    const f = file('gh/p.json', BAD)
    const r = await runCli(['validate', '--no-config', '--format', 'github', f])
    expect(r.stdout).toMatch(new RegExp(`^::error file=${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},line=4,col=36,endLine=4,endColumn=50,title=INVALID_ACTION::ERROR INVALID_ACTION: `, 'm'))
  })

  it('text: a heading per file and policy, lines within 100 columns where words allow, a summary', async () => {
    const f = file('text/p.json', policy({ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }))
    const r = await runCli(['check', '--no-config', f])
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe(`${f} (identity policy)`)
    expect(lines.at(-1)).toMatch(/^\d+ findings \(.*\) in 1 policy, 1 file$/)
    for (const l of lines.slice(1, -1)) if (!l.includes(f)) expect(l.length).toBeLessThanOrEqual(100)
    expect(r.stdout).not.toMatch(/\u001b\[/)
  })

  it('suggest keeps its JSON contract for one plain file and gives an array for several', async () => {
    const a = file('sg/a.json', WARN_ONLY)
    const one = JSON.parse((await runCli(['suggest', '--no-config', '--format', 'json', a])).stdout) as { file: string; suggestions: unknown[] }
    expect(one.file).toBe(a)
    expect(Array.isArray(one.suggestions)).toBe(true)
    const two = JSON.parse((await runCli(['suggest', '--no-config', '--format', 'json', a, a.replace('a.json', 'a.json')])).stdout) as unknown
    expect(Array.isArray(two) || typeof two === 'object').toBe(true)
  })
})

describe('help', () => {
  it('per command, as `help validate` and `validate --help`; a usage error prints the command usage only', async () => {
    const a = await runCli(['help', 'validate'])
    const b = await runCli(['validate', '--help'])
    expect(a.code).toBe(0)
    expect(a.stdout).toBe(b.stdout)
    expect(a.stdout).toMatch(/^Usage: iam-sidekick validate/)
    for (const flag of ['--type', '--fail-on', '--suppress', '--config', '--fix', '--format', '--parameters']) expect(a.stdout).toContain(flag)
    const u = await runCli(['check', '--formt', 'json'])
    expect(u.code).toBe(2)
    expect(u.stderr).toMatch(/unknown option --formt \(did you mean --format\?\)/)
    expect(u.stderr).toMatch(/Usage: iam-sidekick check/)
    expect(u.stderr).not.toMatch(/Commands:/)
    const cmd = await runCli(['chek'])
    expect(cmd.stderr).toMatch(/did you mean "check"/)
    for (const c of ['check', 'suggest', 'simulate', 'expand', 'generate']) expect((await runCli(['help', c])).stdout).toMatch(new RegExp(`^Usage: iam-sidekick ${c}`))
  })
})

describe('simulate: malformed cases, expected and --check', () => {
  const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }
  const req = { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: 'arn:aws:iam::111111111111:user/alice' }

  it('exits 2 on a malformed case after deciding and printing the others', async () => {
    const f = file('sim/m.json', JSON.stringify([{ id: 'ok', request: req, identityPolicies: [allow] }, { id: 'broken', request: {} }]))
    const r = await runCli(['simulate', '--format', 'json', f])
    expect(r.code).toBe(2)
    const out = JSON.parse(r.stdout) as { id: string; decision?: string; error?: string }[]
    expect(out[0]).toMatchObject({ id: 'ok', decision: 'Allowed' })
    expect(out[1]!.error).toBeTruthy()
    expect(r.stderr).toMatch(/2 cases: 1 allowed, 0 denied, 1 malformed/)
  })

  it('--check compares with expected: exit 1 on a difference, with a summary line', async () => {
    const cases = [
      { id: 'a', request: req, identityPolicies: [allow], expected: 'Allowed' },
      { id: 'b', request: { ...req, action: 's3:PutObject' }, identityPolicies: [allow], expected: 'Allowed' },
      { id: 'c', request: req, identityPolicies: [allow] },
    ]
    const f = file('sim/c.json', JSON.stringify(cases))
    const r = await runCli(['simulate', '--check', f])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/b: ImplicitDeny \(expected Allowed\)/)
    expect(r.stdout).toMatch(/3 cases: 2 allowed, 1 denied, 0 malformed; 2 compared with expected, 1 differ \(1 without expected\)/)
    const ok = file('sim/ok.json', JSON.stringify([cases[0], cases[2]]))
    expect((await runCli(['simulate', '--check', ok])).code).toBe(0)
  })

  it('repeated cases give the same JSON as deciding each alone (the output cache is exact)', async () => {
    const examples = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/simulation-cases.json', import.meta.url)), 'utf8')) as { id?: string }[]
    const repeated = [...examples.slice(0, 20), ...examples.slice(0, 20), ...examples.slice(0, 20).map(({ id: _id, ...rest }) => rest)]
    const f = file('sim/rep.json', JSON.stringify(repeated, null, 1))
    const r = await runCli(['simulate', '--format', 'json', f])
    const parsed = JSON.parse(r.stdout) as { id: string }[]
    expect(r.stdout).toBe(JSON.stringify(parsed, null, 2) + '\n')
    expect(parsed.slice(40).map((p) => p.id)).toEqual([...Array(20).keys()].map((k) => String(40 + k)))
    expect(parsed.slice(0, 20).map(({ id: _id, ...rest }) => rest)).toEqual(parsed.slice(20, 40).map(({ id: _id, ...rest }) => rest))
  })
})
