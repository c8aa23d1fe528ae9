/** The custom-policy-check commands: arguments, exit codes (0 PASS, 1 FAIL, 2 usage, 3 UNKNOWN), JSON, text and SARIF. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { runCli } from './harness'

const dir = mkdtempSync(join(tmpdir(), 'sidekick-checks-'))
function file(name: string, doc: object): string {
  const p = join(dir, name)
  writeFileSync(p, JSON.stringify(doc, null, 2))
  return p
}
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement })
const OLD = file('old.json', doc({ Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::prod-data/*' }))
const NEW = file('new.json', doc({ Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::prod-data/*' }, { Sid: 'Wide', Effect: 'Allow', Action: 's3:Delete*', Resource: 'arn:aws:s3:::prod-data/*' }))
const VARS = file('vars.json', doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }))
const BUCKET = file('bucket.json', doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }))
const BUCKET_ORG = file('bucket-org.json', doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }))

describe('check-no-new-access', () => {
  test('PASS exits 0, FAIL exits 1 with the JSON contract', async () => {
    expect((await runCli(['check-no-new-access', '--existing', OLD, OLD])).code).toBe(0)
    const r = await runCli(['check-no-new-access', '--existing', OLD, NEW, '--format', 'json'])
    expect(r.code).toBe(1)
    const json = JSON.parse(r.stdout)
    expect(json.result).toBe('FAIL')
    expect(json.reasons[0].statements[0]).toMatchObject({ policy: 'new', index: 1, sid: 'Wide' })
    expect(json.reasons[0].witness).toMatchObject({ principal: null, resource: expect.stringMatching(/^arn:aws:s3:::prod-data\//), context: {} })
    expect(json.reasons[0].witness.action).toMatch(/^s3:Delete/)
  })
  test('UNKNOWN exits 3 and says why', async () => {
    const r = await runCli(['check-no-new-access', '--existing', NEW, VARS, '--format', 'json'])
    expect(r.code).toBe(3)
    expect(JSON.parse(r.stdout).unknown.join()).toMatch(/policy variable/)
  })
  test('text names the statement and the witness', async () => {
    const r = await runCli(['check-no-new-access', '--existing', OLD, NEW])
    expect(r.stdout).toMatch(/^FAIL/)
    expect(r.stdout).toContain('new statement 1 (Wide)')
    expect(r.stdout).toContain('witness:')
  })
  test('SARIF 2.1.0 with the statement region', async () => {
    const r = await runCli(['check-no-new-access', '--existing', OLD, NEW, '--format', 'sarif'])
    expect(r.code).toBe(1)
    const log = JSON.parse(r.stdout)
    expect(log.version).toBe('2.1.0')
    const res = log.runs[0].results[0]
    expect(res.ruleId).toBe('check-no-new-access')
    expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1)
  })
  test('usage errors exit 2', async () => {
    expect((await runCli(['check-no-new-access', NEW])).code).toBe(2)
    expect((await runCli(['check-no-new-access', '--existing', OLD, NEW, '--format', 'xml'])).code).toBe(2)
    expect((await runCli(['check-no-new-access', '--existing', join(dir, 'missing.json'), NEW])).code).toBe(2)
    expect((await runCli(['check-no-new-access', '--existing', OLD, '-'], '{oops')).code).toBe(2)
  })
})

describe('check-access-not-granted', () => {
  test('actions and resources', async () => {
    expect((await runCli(['check-access-not-granted', '--actions', 's3:DeleteObject', NEW])).code).toBe(1)
    expect((await runCli(['check-access-not-granted', '--actions', 'iam:CreateUser,organizations:LeaveOrganization', NEW])).code).toBe(0)
    expect((await runCli(['check-access-not-granted', '--resources', 'arn:aws:s3:::other/x', NEW])).code).toBe(0)
    expect((await runCli(['check-access-not-granted', '--actions', 's3:GetObject', '--resources', 'arn:aws:s3:::prod-data/a.csv', NEW])).code).toBe(1)
  })
  test('no list is a usage error', async () => {
    expect((await runCli(['check-access-not-granted', NEW])).code).toBe(2)
  })
})

describe('check-no-public-access', () => {
  test('public, limited by organization, and an unsupported type', async () => {
    const r = await runCli(['check-no-public-access', '--resource-type', 'AWS::S3::Bucket', BUCKET, '--format', 'json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).reasons[0].witness.principal).toBe('anonymous')
    expect((await runCli(['check-no-public-access', '--resource-type', 'AWS::S3::Bucket', BUCKET_ORG])).code).toBe(0)
    expect((await runCli(['check-no-public-access', '--resource-type', 'AWS::ECR::Repository', BUCKET])).code).toBe(2)
    expect((await runCli(['check-no-public-access', BUCKET])).code).toBe(2)
  })
})
