import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalogue } from '../../src/engine/catalogue'
import { applyEdits } from '../../src/engine/findings/edits'
import { SEVERITIES, type Finding, type PolicyType } from '../../src/engine/findings/types'
import { buildPolicyModel } from '../../src/engine/model/build'
import { validateModel, validatePolicy } from '../../src/engine/validate'
import { CASES } from './cases'
import { getCatalogue } from './helpers'

let catalogue: Catalogue
beforeAll(async () => {
  catalogue = await getCatalogue()
})

const TYPES: (PolicyType | 'auto')[] = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session', 'auto']
const RESOURCE_TYPES = [undefined, 'AWS::S3::Bucket', 'AWS::S3::AccessPoint', 'AWS::DynamoDB::Table', 'AWS::KMS::Key', 'AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::Unknown::Thing']

function wellFormed(findings: Finding[], text: string): void {
  const lines = text.split(/\r\n|\r|\n/).length
  let prev: Finding | undefined
  for (const f of findings) {
    expect(SEVERITIES).toContain(f.severity)
    expect(typeof f.code).toBe('string')
    expect(typeof f.message).toBe('string')
    expect(f.range.start.line).toBeGreaterThanOrEqual(1)
    expect(f.range.start.line).toBeLessThanOrEqual(lines)
    expect(f.range.end.line).toBeLessThanOrEqual(lines)
    expect(f.code).not.toBe('INTERNAL_ERROR')
    if (prev) {
      const order = prev.range.start.line - f.range.start.line || prev.range.start.column - f.range.start.column
      expect(order).toBeLessThanOrEqual(0)
    }
    prev = f
  }
}

function run(input: string | object, type: PolicyType | 'auto', resourceType?: string): Finding[] {
  const opts = resourceType ? { catalogue, policyType: type, resourceType } : { catalogue, policyType: type }
  const r = validatePolicy(input, opts)
  return r.findings
}

const documents = (): string[] => CASES.flatMap((c) => [c.raise, c.near]).map((p) => (typeof p === 'string' ? p : JSON.stringify(p, null, 2)))

/** Values that make checks work hard: element names, operators, keys, ARNs, variables, odd characters. */
const token = fc.constantFrom(
  'Version', 'Statement', 'Sid', 'Effect', 'Allow', 'Deny', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition',
  'AWS', 'Service', 'Federated', 'CanonicalUser', '*', '', 's3:GetObject', 's3:*', 'iam:PassRole', 'sts:AssumeRole', 'iam:*Role', '*:Get*', 'foo:Bar',
  'arn:aws:s3:::bucket/*', 'arn:aws:iam::111122223333:role/x', 'arn:aws:sqs::1:q', 'arn:', 'arn:aws:*', '${aws:username}', '${', '${}', "${aws:x, 'd'}",
  'StringEquals', 'StringLike', 'ForAllValues:StringEquals', 'ForAnyValue:StringNotLike', 'NullIfExists', 'Null', 'Bool', 'IpAddress', 'NotIpAddress',
  'NumericLessThan', 'DateGreaterThan', 'ArnLike', 'BinaryEquals', 'aws:SourceIp', 'aws:TagKeys', 'aws:ResourceTag/team', 'aws:ResourceTag', 's3:prefix',
  'aws:PrincipalOrgID', 'aws:userid', 'token.actions.githubusercontent.com:sub', '10.0.0.0/8', '203.0.113.5/24', '::1', 'true', 'false', '2012-10-17',
  '2008-10-17', 'lambda.amazonaws.com', 'rolesanywhere.amazonaws.com', 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
  'AROA1234567890EXAMPLE', '1700000000', '2024-01-01', 'vpc-123', 'vpce-12345678',
)
const scalar = fc.oneof(token, fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null))
const policyish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(token, tie('value'), { maxKeys: 5 }),
})).value

/** A statement-shaped object built from the tokens above. */
const statement = fc.record(
  {
    Sid: token,
    Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), token),
    Action: fc.oneof(token, fc.array(token, { maxLength: 4 })),
    NotAction: fc.oneof(token, fc.array(token, { maxLength: 3 })),
    Resource: fc.oneof(token, fc.array(token, { maxLength: 4 })),
    NotResource: token,
    Principal: fc.oneof(token, fc.dictionary(fc.constantFrom('AWS', 'Service', 'Federated', 'CanonicalUser', 'aws'), fc.oneof(token, fc.array(token, { maxLength: 3 })), { maxKeys: 3 })),
    NotPrincipal: fc.dictionary(fc.constantFrom('AWS', 'Service'), token, { maxKeys: 2 }),
    Condition: fc.dictionary(token, fc.dictionary(token, fc.oneof(token, fc.array(token, { maxLength: 3 }), fc.integer(), fc.boolean()), { maxKeys: 3 }), { maxKeys: 3 }),
  },
  { requiredKeys: [] },
)
const policy = fc.record({ Version: fc.oneof(fc.constant('2012-10-17'), token), Statement: fc.oneof(statement, fc.array(statement, { maxLength: 5 })) }, { requiredKeys: [] })

describe('validatePolicy never throws and returns well-formed findings', () => {
  it('on random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom(...TYPES), (s, t) => {
        wellFormed(run(s, t), s)
      }),
      { numRuns: 400 },
    )
  })

  it('on random unicode and JSON-ish text', () => {
    const jsonish = fc.stringMatching(/^[{}[\]",:\s a-zA-Z0-9*$?\\]{0,200}$/)
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 100 }), jsonish), fc.constantFrom(...TYPES), (s, t) => {
        wellFormed(run(s, t), s)
      }),
      { numRuns: 300 },
    )
  })

  it('on random JSON values, as text and as objects', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(...TYPES), (v, t) => {
        const text = JSON.stringify(v, null, 2) ?? ''
        wellFormed(run(text, t), text)
        if (v !== null && typeof v === 'object') run(v as object, t)
      }),
      { numRuns: 300 },
    )
  })

  it('on policy-shaped documents of every type, and their fixes keep JSON valid', () => {
    fc.assert(
      fc.property(policy, fc.constantFrom(...TYPES), fc.constantFrom(...RESOURCE_TYPES), (p, t, rt) => {
        const text = JSON.stringify(p, null, 2)
        const fs = run(text, t, rt)
        wellFormed(fs, text)
        for (const f of fs) for (const fix of f.fixes ?? []) expect(() => JSON.parse(applyEdits(text, fix.edits)), `${f.code}: ${fix.title}`).not.toThrow()
      }),
      { numRuns: 300 },
    )
  })

  it('on nested policy-like values', () => {
    fc.assert(
      fc.property(policyish, fc.constantFrom(...TYPES), (v, t) => {
        const text = JSON.stringify(v) ?? ''
        wellFormed(run(text, t), text)
      }),
      { numRuns: 300 },
    )
  })

  it('on mutated valid policies (characters deleted, inserted, swapped)', () => {
    const docs = documents()
    const mutation = fc.record({
      doc: fc.integer({ min: 0, max: docs.length - 1 }),
      edits: fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 8 }), insert: fc.oneof(fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '*', '${', '\\', ' ', 'arn:'), fc.string({ maxLength: 5 })) }), { minLength: 1, maxLength: 4 }),
      type: fc.constantFrom(...TYPES),
    })
    fc.assert(
      fc.property(mutation, ({ doc, edits, type }) => {
        let text = docs[doc]!
        for (const e of edits) {
          const at = e.at % (text.length + 1)
          text = text.slice(0, at) + e.insert + text.slice(at + e.len)
        }
        wellFormed(run(text, type), text)
      }),
      { numRuns: 500 },
    )
  })

  it('validateModel agrees with validatePolicy', () => {
    for (const text of documents().slice(0, 40)) {
      const a = validatePolicy(text, { catalogue, policyType: 'auto' })
      const b = validateModel(buildPolicyModel(text), { catalogue, policyType: 'auto' })
      expect(b).toEqual(a)
    }
  })
})
