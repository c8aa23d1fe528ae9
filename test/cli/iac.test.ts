/**
 * CloudFormation templates and Terraform plans: every policy found with its type, intrinsics resolved as
 * AWS's cfn-policy-validator documents, unknown values never causing findings, findings at the template's
 * line and column (or the plan's resource address, attribute and JSON pointer).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDocument } from 'yaml'
import { describe, expect, it } from 'vitest'
import { CfnResolver } from '../../src/cli/sources/cfn-intrinsics'
import { extractCloudFormationPolicies } from '../../src/cli/sources/cloudformation'
import { detectKind } from '../../src/cli/sources/detect'
import { runCli } from './harness'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/iac/${name}`, import.meta.url))
const YAML_T = fixture('app-stack.yaml')
const JSON_T = fixture('queue-stack.json')
const PLAN = fixture('plan.json')
const dir = mkdtempSync(join(tmpdir(), 'iam-sidekick-iac-'))

interface Entry {
  file: string
  kind?: string
  name?: string
  policyType: string
  location?: Record<string, unknown>
  findings: { code: string; severity: string; range: { start: { line: number; column: number } }; pointer?: string; path: (string | number)[] }[]
}

/** 1-based line and column of the n-th occurrence of `needle` in a file. */
function positionOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1)
  expect(at).toBeGreaterThanOrEqual(0)
  const before = text.slice(0, at)
  const line = before.split('\n').length
  return { line, column: at - before.lastIndexOf('\n') }
}

async function check(file: string, extra: string[] = []): Promise<{ code: number; entries: Entry[] }> {
  const r = await runCli(['check', '--no-config', '--format', 'json', ...extra, file])
  expect(r.stderr).toBe('')
  return { code: r.code, entries: JSON.parse(r.stdout) as Entry[] }
}

describe('CloudFormation YAML (short-form intrinsics)', () => {
  const text = readFileSync(YAML_T, 'utf8')

  it('finds every policy with its policy type, skips policies whose Condition is false and non-IAM Organizations policies', async () => {
    const { entries } = await check(YAML_T)
    expect(entries.map((e) => [e.name, e.policyType])).toEqual([
      ['DataBucketPolicy PolicyDocument', 'resource'],
      ['FunctionRole AssumeRolePolicyDocument', 'trust'],
      ['FunctionRole Policies[0].PolicyDocument', 'identity'],
      ['FunctionRole Policies[1].PolicyDocument', 'identity'],
      ['Boundary PolicyDocument', 'boundary'],
      ['OrgGuardrail Content', 'scp'],
    ])
    expect(entries[0]!.location).toEqual({ logicalId: 'DataBucketPolicy', resourceType: 'AWS::S3::BucketPolicy', property: ['Properties', 'PolicyDocument'] })
    for (const e of entries) expect(e.kind).toBe('cloudformation')
  })

  it('reports a misspelled action at its line and column in the template', async () => {
    const { code, entries } = await check(YAML_T)
    expect(code).toBe(1)
    const f = entries[0]!.findings.find((x) => x.code === 'INVALID_ACTION')!
    expect(f.range.start).toEqual(positionOf(text, 's3:GetObjekt'))
    expect(f.pointer).toBe('/Statement/1/Action')
  })

  it('an unknown parameter (no Default) and Fn::ImportValue never cause a finding', async () => {
    const { entries } = await check(YAML_T)
    const putLine = positionOf(text, 's3:PutObject').line
    const role = entries[2]!
    expect(role.findings.filter((f) => f.range.start.line >= putLine - 1 && f.range.start.line <= putLine + 1)).toEqual([])
    expect(entries[4]!.findings).toEqual([])
  })

  it('the privilege-escalation statement is reported where it is written', async () => {
    const { entries } = await check(YAML_T)
    const esc = entries[3]!.findings.find((f) => f.code.startsWith('PRIVILEGE_ESCALATION'))!
    expect(esc.range.start).toEqual(positionOf(text, 'iam:PassRole'))
  })

  it('resolves !Sub, !GetAtt, !Join, !FindInMap, !If, !Select/!Split, pseudo parameters and flags', () => {
    const doc = parseDocument(
      [
        'Parameters:',
        '  Env: {Type: String, Default: dev}',
        '  Subnets: {Type: CommaDelimitedList, Default: "a,b,c"}',
        'Conditions:',
        '  Dev: !Equals [!Ref Env, dev]',
        'Resources:',
        '  Role: {Type: AWS::IAM::Role, Properties: {Path: /svc/}}',
        '  Fn: {Type: AWS::Lambda::Function, Properties: {FunctionName: !Sub "fn-${Env}"}}',
        'Values:',
        '  - !Sub "arn:${AWS::Partition}:s3:::b-${AWS::Region}-${AWS::AccountId}/${!Literal}"',
        '  - !GetAtt Role.Arn',
        '  - !GetAtt [Fn, Arn]',
        '  - !Join [":", [a, !Select [1, !Ref Subnets], !Select [0, !Split ["/", "x/y"]]]]',
        '  - !If [Dev, yes, no]',
        '  - {"Fn::If": ["Dev", {"Ref": "AWS::NoValue"}, "no"]}',
        '  - !Base64 hi',
        '  - !GetAZs ""',
        '  - !ImportValue other',
        '  - !Sub ["${A}-${B}", {A: x, B: !Ref Env}]',
      ].join('\n'),
    )
    const r = new CfnResolver(doc, { account: '999988887777', region: 'cn-north-1' })
    const values = r.resolve(doc.get('Values', true) as never, [], null) as unknown[]
    expect(values.slice(0, 4)).toEqual([
      'arn:aws-cn:s3:::b-cn-north-1-999988887777/${Literal}',
      'arn:aws-cn:iam::999988887777:role/svc/Role',
      'arn:aws-cn:lambda:cn-north-1:999988887777:function:fn-dev',
      'a:b:x',
    ])
    expect(values[4]).toBe('yes')
    expect(values.length).toBe(9) // 10 entries; the AWS::NoValue branch is removed
    expect(values[5]).toBe('aGk=')
    expect(values[6]).toEqual(['cn-north-1a', 'cn-north-1b', 'cn-north-1c'])
    expect(values[7]).toMatchObject({ placeholder: '*' })
    expect(values[8]).toBe('x-dev')
  })

  it('--parameters gives a value to a parameter without Default, and then it is checked', async () => {
    const { entries } = await check(YAML_T, ['--parameters', 'ExternalBucket=partner-drop'])
    expect(entries[2]!.findings.some((f) => f.code === 'INFRASTRUCTURE_MODIFICATION')).toBe(false)
  })

  it('a policy written as a JSON string (!Sub |) is parsed; a string that is not JSON gets one finding', async () => {
    const t = join(dir, 'string-policy.yaml')
    writeFileSync(
      t,
      [
        'Resources:',
        '  P:',
        '    Type: AWS::IAM::ManagedPolicy',
        '    Properties:',
        '      PolicyDocument: !Sub |',
        '        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:${AWS::Partition}:s3:::b/*"}]}',
        '  Q:',
        '    Type: AWS::IAM::ManagedPolicy',
        '    Properties:',
        '      PolicyDocument: "not json"',
      ].join('\n'),
    )
    const { entries } = await check(t)
    expect(entries[0]!.findings.map((f) => f.code)).toContain('INVALID_ACTION')
    expect(entries[0]!.findings[0]!.range.start.line).toBe(5)
    expect(entries[1]!.findings.map((f) => f.code)).toEqual(['POLICY_NOT_JSON'])
  })

  it('a template with a YAML syntax error gets one TEMPLATE_SYNTAX_ERROR at its position', async () => {
    const t = join(dir, 'broken.yaml')
    writeFileSync(t, 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  R:\n    Type: [unclosed\n')
    const { code, entries } = await check(t)
    expect(code).toBe(1)
    expect(entries.map((e) => e.findings.map((f) => f.code))).toEqual([['TEMPLATE_SYNTAX_ERROR']])
  })
})

describe('CloudFormation JSON (long-form intrinsics)', () => {
  const text = readFileSync(JSON_T, 'utf8')

  it('finds queue, trust and key policies; positions are in the JSON template', async () => {
    const { entries } = await check(JSON_T)
    expect(entries.map((e) => [e.name, e.policyType])).toEqual([
      ['AlertQueuePolicy PolicyDocument', 'resource'],
      ['KeyAdminRole AssumeRolePolicyDocument', 'trust'],
      ['DataKey KeyPolicy', 'resource'],
    ])
    expect(entries[0]!.findings).toEqual([])
    // The trust policy names a whole account: only the least-privilege note that every principal of it is trusted (issue 14).
    expect(entries[1]!.findings.map((f) => f.code)).toEqual(['TRUSTS_WHOLE_ACCOUNT'])
    const f = entries[2]!.findings.find((x) => x.code === 'INVALID_ACTION')!
    expect(f.range.start).toEqual(positionOf(text, '"kms:Decryptt"'))
  })

  it('the resolver and extractor also work on the parsed document directly', () => {
    const doc = parseDocument(text)
    const { policies } = extractCloudFormationPolicies(doc, text, {})
    const trust = policies.find((p) => p.policyType === 'trust')!
    expect(JSON.stringify(trust.document)).toContain('arn:aws:iam::123456789012:root')
    const key = policies.find((p) => p.location.logicalId === 'DataKey')!
    expect(JSON.stringify(key.document)).toContain('arn:aws:iam::123456789012:role/KeyAdminRole')
  })
})

describe('Terraform plans (terraform show -json)', () => {
  const text = readFileSync(PLAN, 'utf8')

  it('names each policy by resource address and attribute, child modules included', async () => {
    const { entries } = await check(PLAN)
    expect(entries.map((e) => [e.location?.address, e.location?.attribute, e.policyType])).toEqual([
      ['aws_iam_role.app', 'assume_role_policy', 'trust'],
      ['aws_iam_role.app', 'inline_policy[0].policy', 'identity'],
      ['aws_iam_policy.deploy', 'policy', 'identity'],
      ['module.queue.aws_sqs_queue_policy.this', 'policy', 'resource'],
      ['module.queue.aws_organizations_policy.guard', 'content', 'scp'],
    ])
  })

  it('locates a finding by address, attribute and JSON pointer, and at the attribute in the file', async () => {
    const { entries } = await check(PLAN)
    const f = entries[1]!.findings.find((x) => x.code === 'INVALID_ACTION')!
    expect(f.pointer).toBe('/Statement/0/Action/1')
    const attr = text.indexOf('"policy":', text.indexOf('"inline_policy"')) + '"policy":'.length
    expect(f.range.start).toEqual({ line: 1, column: attr + 1 })
    // A pretty-printed plan gives real lines.
    const pretty = join(dir, 'plan-pretty.json')
    writeFileSync(pretty, JSON.stringify(JSON.parse(text), null, 2))
    const p = await check(pretty)
    const g = p.entries[1]!.findings.find((x) => x.code === 'INVALID_ACTION')!
    const prettyText = readFileSync(pretty, 'utf8')
    const at = positionOf(prettyText, '"policy": "{\\"Version')
    expect(g.range.start).toEqual({ line: at.line, column: at.column + '"policy": '.length })
    expect(at.line).toBeGreaterThan(10)
  })

  it('a policy known only after apply is listed, never a finding', async () => {
    const r = await runCli(['check', '--no-config', PLAN])
    expect(r.stdout).toMatch(/aws_s3_bucket_policy\.data policy: known only after apply, not checked/)
    const { entries } = await check(PLAN)
    expect(entries.some((e) => e.location?.address === 'aws_s3_bucket_policy.data')).toBe(false)
  })
})

describe('kind detection', () => {
  it('tells policies, templates, plans, cases and other files apart', () => {
    expect(detectKind('{"Version":"2012-10-17","Statement":[]}', false).kind).toBe('policy')
    expect(detectKind('Resources:\n  A:\n    Type: AWS::S3::Bucket\n', false).kind).toBe('cloudformation')
    expect(detectKind('{"format_version":"1.2","planned_values":{}}', false).kind).toBe('terraform')
    expect(detectKind('[{"request":{"action":"s3:GetObject","resource":"*"},"identityPolicies":[]}]', false).kind).toBe('simulation-cases')
    expect(detectKind('{"name":"x","scripts":{}}', false)).toMatchObject({ kind: 'unrecognized', lookedLike: 'an npm package.json' })
    expect(detectKind('{ "Statement": [ ', true).kind).toBe('policy')
    expect(detectKind('# Title\n\nsome words', true).kind).toBe('unrecognized')
  })

  it('a named file that is none of these gets exactly one clear finding', async () => {
    const f = join(dir, 'notes.yaml')
    writeFileSync(f, 'name: build\non: [push]\njobs: {}\n')
    const r = await runCli(['validate', '--no-config', '--format', 'json', f])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as Entry[]
    expect(out).toHaveLength(1)
    expect(out[0]!.findings).toHaveLength(1)
    expect(out[0]!.findings[0]).toMatchObject({ code: 'UNRECOGNIZED_FILE', severity: 'ERROR' })
    expect((out[0]!.findings[0] as unknown as { message: string }).message).toMatch(/YAML: an object with the keys "name", "on", "jobs"/)
  })
})
