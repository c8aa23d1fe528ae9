import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalogue } from '../../src/engine/catalogue'
import { POLICY_TYPES, SEVERITIES } from '../../src/engine/findings/types'
import { buildPolicyModel } from '../../src/engine/model/build'
import { CHECKS, detectPolicyType, validateModel, validatePolicy } from '../../src/engine/validate'
import { C, getCatalogue, P, R, S, T } from './helpers'

let catalogue: Catalogue
beforeAll(async () => {
  catalogue = await getCatalogue()
})

describe('validatePolicy options and result', () => {
  it('defaults to identity and reports the type used', () => {
    expect(validatePolicy(P(S()), { catalogue }).policyType).toBe('identity')
    expect(validatePolicy(P(S()), { catalogue, policyType: 'scp' }).policyType).toBe('scp')
  })

  it('detects trust, resource and identity policies with "auto"', () => {
    expect(validatePolicy(P(T()), { catalogue, policyType: 'auto' }).policyType).toBe('trust')
    expect(validatePolicy(P(T({ Action: 'sts:AssumeRoleWithWebIdentity' })), { catalogue, policyType: 'auto' }).policyType).toBe('trust')
    expect(validatePolicy(P(R()), { catalogue, policyType: 'auto' }).policyType).toBe('resource')
    expect(validatePolicy(P(S()), { catalogue, policyType: 'auto' }).policyType).toBe('identity')
    expect(detectPolicyType(buildPolicyModel('not json'))).toBe('identity')
  })

  it('treats the AWS::IAM::AssumeRolePolicyDocument resource type as a trust policy', () => {
    const r = validatePolicy(P(T({ Resource: '*' })), { catalogue, policyType: 'resource', resourceType: 'AWS::IAM::AssumeRolePolicyDocument' })
    expect(r.policyType).toBe('trust')
    expect(r.findings.map((f) => f.code)).toContain('ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE')
  })

  it('suppresses codes and counts what it dropped (like a linter\'s disable list)', () => {
    const policy = { Statement: [S({ Action: ['s3:GetObject', 's3:getobject'] })] }
    const all = validatePolicy(policy, { catalogue })
    const codes = all.findings.map((f) => f.code)
    expect(codes).toEqual(expect.arrayContaining(['MISSING_VERSION', 'REDUNDANT_ACTION']))
    const r = validatePolicy(policy, { catalogue, suppress: ['MISSING_VERSION', ' redundant_action '] })
    expect(r.findings.map((f) => f.code)).not.toContain('MISSING_VERSION')
    expect(r.findings.map((f) => f.code)).not.toContain('REDUNDANT_ACTION')
    expect(r.suppressed).toBe(all.findings.length - r.findings.length)
    expect(r.suppressed).toBeGreaterThanOrEqual(2)
  })

  it('includes the model problems (JSON errors, wrong types, unknown elements)', () => {
    const r = validatePolicy('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Foo": 1}]}', { catalogue })
    expect(r.findings.map((f) => f.code)).toContain('INVALID_POLICY_ELEMENT')
    expect(validatePolicy('{', { catalogue }).findings[0]!.code).toBe('JSON_SYNTAX_ERROR')
  })

  it('sorts findings by position', () => {
    const r = validatePolicy({ Statement: [S({ Effect: 'allow', Action: 's3:GetObjekt', Resource: 'arn:aws:S3:::b/*' })] }, { catalogue })
    const keys = r.findings.map((f) => f.range.start.line * 10_000 + f.range.start.column)
    expect(keys).toEqual([...keys].sort((a, b) => a - b))
  })

  it('accepts an object and reports positions in its pretty-printed text', () => {
    const r = validatePolicy(C({ StringEqualz: { 'aws:SourceVpc': 'vpc-1a2b3c4d' } }), { catalogue })
    const f = r.findings.find((x) => x.code === 'INVALID_CONDITION_OPERATOR')!
    expect(f.path).toEqual(['Statement', 0, 'Condition', 'StringEqualz'])
    expect(f.range.start.line).toBeGreaterThan(1)
  })

  it('validateModel gives the same result as validatePolicy', () => {
    const text = JSON.stringify(P(S({ Action: 's3:GetObjekt' })))
    expect(validateModel(buildPolicyModel(text), { catalogue })).toEqual(validatePolicy(text, { catalogue }))
  })

  it('gives findings a plain message, a precise range, a path and a documentation link', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]\n}'
    const f = validatePolicy(text, { catalogue }).findings.find((x) => x.code === 'INVALID_ACTION')!
    expect(f.range).toEqual({ start: { line: 3, column: 47 }, end: { line: 3, column: 61 } })
    expect(f.path).toEqual(['Statement', 0, 'Action'])
    expect(f.message).toMatch(/GetObjekt/)
    expect(f.message).toMatch(/Did you mean "s3:GetObject"/)
    expect(f.learnMore).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
    expect(f.fixes?.[0]?.edits[0]?.newText).toBe('"s3:GetObject"')
  })
})

describe('CHECKS metadata', () => {
  it('describes each code once, with a severity, a title and an AWS documentation link', () => {
    const codes = CHECKS.map((c) => c.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const c of CHECKS) {
      expect(SEVERITIES).toContain(c.severity)
      expect(c.title.length).toBeGreaterThan(3)
      expect(c.learnMore).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
      for (const t of c.policyTypes ?? []) expect(POLICY_TYPES).toContain(t)
    }
  })

  it('uses Access Analyzer severities for Access Analyzer codes', () => {
    const sev = (code: string): string | undefined => CHECKS.find((c) => c.code === code)?.severity
    expect(sev('MISSING_VERSION')).toBe('WARNING')
    expect(sev('INVALID_ACTION')).toBe('ERROR')
    expect(sev('PASS_ROLE_WITH_STAR_IN_RESOURCE')).toBe('SECURITY_WARNING')
    expect(sev('REDUNDANT_ACTION')).toBe('SUGGESTION')
    expect(sev('TYPE_MISMATCH_IP_RANGE')).toBe('ERROR')
  })

  it('every finding a policy raises is described in CHECKS with the same severity', () => {
    const bySeverity = new Map(CHECKS.map((c) => [c.code, c.severity]))
    const docs = [P(S({ Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::b' })), { Statement: [R()] }, '{"a":', P(T({ Resource: '*' }))]
    for (const d of docs) for (const f of validatePolicy(d, { catalogue, policyType: 'auto' }).findings) expect(bySeverity.get(f.code), f.code).toBe(f.severity)
  })
})
