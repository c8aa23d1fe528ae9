import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildPolicyModel, parseOperator } from '../../src/engine/model'

const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Principal": { "AWS": ["arn:aws:iam::111122223333:root", "444455556666"], "Service": "ec2.amazonaws.com" },
      "Action": ["s3:GetObject", "s3:List*"],
      "Resource": "arn:aws:s3:::logs/*",
      "Condition": {
        "ForAnyValue:StringLikeIfExists": { "aws:TagKeys": ["team", "env"] },
        "Bool": { "aws:SecureTransport": true },
        "NumericLessThan": { "s3:max-keys": 10 }
      }
    },
    { "Effect": "Deny", "NotAction": "iam:*", "NotResource": ["*"], "NotPrincipal": "*" }
  ]
}`

describe('buildPolicyModel', () => {
  const m = buildPolicyModel(policy)

  it('covers the whole grammar with ranges', () => {
    expect(m.problems).toEqual([])
    expect(m.version?.value).toBe('2012-10-17')
    expect(m.statementIsArray).toBe(true)
    const [s0, s1] = m.statements
    expect(s0!.sid?.value).toBe('Read')
    expect(s0!.effect?.range.start).toEqual({ line: 6, column: 17 })
    expect(s0!.action?.items.map((a) => a.value)).toEqual(['s3:GetObject', 's3:List*'])
    expect(s0!.resource?.isArray).toBe(false)
    expect(s0!.principal?.entries.map((e) => e.type)).toEqual(['AWS', 'Service'])
    expect(s0!.principal?.entries[0]!.values[1]!.value).toBe('444455556666')
    const ops = s0!.condition!.operators
    expect(ops.map((o) => o.parsed.base?.name)).toEqual(['StringLike', 'Bool', 'NumericLessThan'])
    expect(ops[0]!.parsed).toMatchObject({ qualifier: 'ForAnyValue', ifExists: true, valid: true })
    expect(ops[1]!.entries[0]!.values[0]).toMatchObject({ value: 'true', jsonType: 'boolean' })
    expect(ops[2]!.entries[0]!.values[0]).toMatchObject({ value: '10', jsonType: 'number' })
    expect(s1!.notAction?.items[0]!.value).toBe('iam:*')
    expect(s1!.notPrincipal?.wildcard?.value).toBe('*')
    expect(s1!.path).toEqual(['Statement', 1])
  })

  it('accepts a policy given as an object', () => {
    const o = buildPolicyModel({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' } })
    expect(o.problems).toEqual([])
    expect(o.statementIsArray).toBe(false)
    expect(o.statements[0]!.index).toBeUndefined()
    expect(o.statements[0]!.action!.items[0]!.range.start.line).toBeGreaterThan(1)
  })

  it('reports wrong JSON types as DATA_TYPE_MISMATCH with the node range', () => {
    const t = buildPolicyModel('{"Version": 2012, "Statement": [{"Effect": "Allow", "Action": [1, "s3:*"], "Resource": {}}]}')
    const codes = t.problems.map((p) => p.code)
    expect(codes).toEqual(['DATA_TYPE_MISMATCH', 'DATA_TYPE_MISMATCH', 'DATA_TYPE_MISMATCH'])
    expect(t.problems[1]!.path).toEqual(['Statement', 0, 'Action', 0])
  })

  it('reports duplicate keys and unknown or mis-cased elements, with fixes', () => {
    const t = buildPolicyModel('{"Version": "2012-10-17", "Statement": {"effect": "Allow", "Action": "s3:*", "Action": "ec2:*", "Resouce": "*"}}')
    const byCode: Record<string, typeof t.problems> = {}
    for (const p of t.problems) (byCode[p.code] ??= []).push(p)
    expect(byCode.DUPLICATE_JSON_KEY?.length).toBe(1)
    expect(byCode.INVALID_POLICY_ELEMENT?.length).toBe(2)
    expect(byCode.INVALID_POLICY_ELEMENT?.[0]?.fixes?.[0]?.edits[0]?.newText).toBe('"Effect"')
    expect(t.statements[0]!.effect?.value).toBe('Allow')
  })

  it('rejects a non-object document and a bare principal string', () => {
    expect(buildPolicyModel('[]').problems[0]!.code).toBe('DATA_TYPE_MISMATCH')
    const p = buildPolicyModel('{"Statement": {"Principal": "arn:aws:iam::111122223333:root"}}')
    expect(p.problems[0]!.code).toBe('INVALID_PRINCIPAL_FORMAT')
  })

  it('never throws and keeps every range inside the text (property)', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('Effect', 'Action', 'NotAction', 'Resource', 'Principal', 'Condition', 'StringEquals', 'AWS', 'Sid', 'x'), tie('v'), { maxKeys: 4 })),
    })).v
    fc.assert(
      fc.property(fc.record({ Version: value, Statement: value }, { requiredKeys: [] }), (doc) => {
        const m = buildPolicyModel(doc)
        for (const p of m.problems) expect(p.range.start.line).toBeGreaterThanOrEqual(1)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('parseOperator', () => {
  it('parses qualifiers, IfExists and case problems', () => {
    expect(parseOperator('StringEquals')).toMatchObject({ valid: true, ifExists: false })
    expect(parseOperator('ForAllValues:StringNotLikeIfExists')).toMatchObject({ valid: true, qualifier: 'ForAllValues', ifExists: true })
    expect(parseOperator('stringequals')).toMatchObject({ valid: false, problem: 'case', corrected: 'StringEquals' })
    expect(parseOperator('NullIfExists')).toMatchObject({ valid: false, problem: 'null-if-exists' })
    expect(parseOperator('StringEqualz')).toMatchObject({ valid: false, problem: 'unknown' })
    expect(parseOperator('ForSomeValues:StringEquals').valid).toBe(false)
    expect(parseOperator('IfExists').valid).toBe(false)
  })
  it('never throws (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseOperator(s)), { numRuns: 2000 })
  })
})
