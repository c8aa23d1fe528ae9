import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalogue } from '../../src/engine/catalogue'
import { applyEdits } from '../../src/engine/findings/edits'
import type { Finding } from '../../src/engine/findings/types'
import { CASES } from './cases'
import { C, findings, getCatalogue, P, R, S, T, type RunOptions } from './helpers'

let catalogue: Catalogue
beforeAll(async () => {
  catalogue = await getCatalogue()
})

/** Extra documents whose findings carry fixes the code cases do not reach. */
const FIX_FIXTURES: { name: string; policy: string | object; opts?: RunOptions }[] = [
  { name: 'Effect in the wrong case', policy: P(S({ Effect: 'allow' })) },
  { name: 'operator in the wrong case', policy: C({ stringequals: { 'aws:SourceVpc': 'vpc-1a2b3c4d' } }) },
  { name: 'qualified operator in the wrong case', policy: C({ 'forallvalues:StringEquals': { 'aws:TagKeys': ['team'] } }, { Action: 'ec2:CreateTags', Resource: '*' }) },
  { name: 'multivalued key next to a single-valued one', policy: C({ StringEquals: { 'aws:TagKeys': ['team'], 'aws:RequestedRegion': 'us-east-1' } }, { Action: 'ec2:CreateTags', Resource: '*' }) },
  { name: 'multivalued key when ForAnyValue block exists', policy: C({ StringEquals: { 'aws:TagKeys': 'team' }, 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/' } }, { Action: 'ec2:CreateTags', Resource: '*' }) },
  { name: 'Null equivalent beside another block', policy: C({ StringLike: { 'aws:ResourceTag/team': '*', 'aws:ResourceTag/env': 'prod' }, Bool: { 'aws:SecureTransport': 'true' } }, { Action: 'ec2:StartInstances', Resource: '*' }) },
  { name: 'Null equivalent when a Null block exists', policy: C({ StringNotLike: { 'aws:ResourceTag/team': '*' }, Null: { 'aws:ResourceTag/env': 'false' } }, { Action: 'ec2:StartInstances', Resource: '*' }) },
  { name: 'duplicate action at the end of a list', policy: P(S({ Action: ['s3:PutObject', 's3:GetObject', 's3:getobject'] })) },
  { name: 'duplicate statement, three statements', policy: P(S({ Sid: 'A' }), S({ Sid: 'B', Action: 's3:PutObject' }), S({ Sid: 'C' })) },
  { name: 'wrong-case ARN prefix', policy: P(S({ Resource: 'ARN:aws:s3:::amzn-s3-demo-bucket/*' })) },
  { name: 'ARN resource type in the wrong case', policy: P(S({ Action: 'iam:GetRole', Resource: 'arn:aws:iam::111122223333:Role/Example' })) },
  { name: 'ForAllValues on a single-valued key beside another key', policy: C({ 'ForAllValues:StringEquals': { 'aws:SourceVpc': 'vpc-1a2b3c4d', 'aws:TagKeys': 'team' } }) },
  { name: 'minified SCP fits', policy: JSON.stringify(JSON.parse(JSON.stringify(P(...Array.from({ length: 30 }, (_, i) => S({ Sid: `D${i}`, Effect: 'Deny', Resource: `arn:aws:s3:::amzn-s3-demo-bucket-${i}/*` }))))), null, 8), opts: { type: 'scp' } },
  { name: 'service principal in upper case', policy: P(T({ Principal: { Service: 'Lambda.amazonaws.com' } })), opts: { type: 'trust' } },
  { name: 'principal key in the wrong case', policy: P(R({ Principal: { aws: '111122223333' } })), opts: { type: 'resource' } },
  { name: 'Roles Anywhere with a single action string', policy: P(T({ Principal: { Service: 'rolesanywhere.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] })), opts: { type: 'trust' } },
  { name: 'RCP missing all companion keys', policy: P({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:SourceAccount': '111122223333', 'aws:PrincipalAccount': '111122223333' } } }), opts: { type: 'rcp' } },
  { name: 'RCP principal key with no Condition companions', policy: P({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' }, BoolIfExists: { 'aws:ViaAWSService': 'false' } } }), opts: { type: 'rcp' } },
  { name: 'missing Resource', policy: P({ Effect: 'Allow', Action: 's3:GetObject' }) },
  { name: 'empty Condition block', policy: C({ StringEquals: {}, Bool: { 'aws:SecureTransport': 'true' } }) },
  { name: 'single empty Condition block', policy: C({ StringEquals: {} }) },
  { name: 'Principal in an identity policy, minified', policy: JSON.stringify(P(R())) },
  { name: 'missing Version, minified', policy: JSON.stringify({ Statement: [S()] }) },
  { name: 'missing Version, empty policy object', policy: '{}' },
  { name: 'variables without Version', policy: { Statement: [S({ Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/${aws:username}/*' })] } },
  { name: 'ARN Region where none is allowed, and account where none is allowed', policy: P(S({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:us-east-1:111122223333:amzn-s3-demo-bucket' })) },
  { name: 'wildcard with StringEquals when StringLike exists', policy: C({ StringEquals: { 's3:prefix': 'home/*' }, StringLike: { 'aws:UserAgent': 'x' } }, { Action: 's3:ListBucket', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket' }) },
  { name: 'numbers as JSON numbers', policy: C({ NumericGreaterThan: { 's3:max-keys': [5, 3, 9] } }, { Action: 's3:ListBucket', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket' }) },
  { name: 'duplicate JSON key inside Condition', policy: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"},"Bool":{"aws:SecureTransport":"false"}}}}' },
  { name: 'CRLF line endings', policy: JSON.stringify({ Statement: [S({ Effect: 'deny', Action: ['s3:getobject', 's3:GetObject'] })] }, null, 2).replace(/\n/g, '\r\n') },
]

interface Tried {
  code: string
  title: string
}

function tryFixes(source: string, opts: RunOptions | undefined, where: string, tried: Tried[]): void {
  const before = findings(catalogue, source, opts)
  for (const f of before) {
    for (const fix of f.fixes ?? []) {
      const label = `${where}: ${f.code} at ${JSON.stringify(f.path)} — "${fix.title}"`
      const text = applyEdits(source, fix.edits)
      expect(() => JSON.parse(text), `${label} leaves invalid JSON:\n${text}`).not.toThrow()
      const after = findings(catalogue, text, opts)
      const still = after.filter((g: Finding) => g.code === f.code && JSON.stringify(g.path) === JSON.stringify(f.path))
      expect(still.map((g) => g.message), `${label} did not remove the finding:\n${text}`).toEqual([])
      tried.push({ code: f.code, title: fix.title })
    }
  }
}

describe('applying a fix yields valid JSON and removes its finding', () => {
  const tried: Tried[] = []
  for (const c of CASES) {
    it(`fixes of ${c.code}`, () => {
      const text = typeof c.raise === 'string' ? c.raise : JSON.stringify(c.raise, null, 2)
      tryFixes(text, c.opts, c.code, tried)
    })
  }
  for (const fx of FIX_FIXTURES) {
    it(`fixes for: ${fx.name}`, () => {
      const text = typeof fx.policy === 'string' ? fx.policy : JSON.stringify(fx.policy, null, 2)
      tryFixes(text, fx.opts, fx.name, tried)
    })
  }
  it('exercised fixes of many codes', () => {
    const fixed = new Set(tried.map((t) => t.code))
    for (const code of [
      'MISSING_VERSION',
      'INVALID_VERSION',
      'INVALID_EFFECT',
      'INVALID_ACTION',
      'ACTION_CASE_MISMATCH',
      'INVALID_CONDITION_OPERATOR',
      'MISSING_QUALIFIER',
      'REDUNDANT_ACTION',
      'REDUNDANT_RESOURCE',
      'REDUNDANT_STATEMENT',
      'POLICY_SIZE_EXCEEDS_SCP_QUOTA',
      'JSON_SYNTAX_ERROR',
      'DUPLICATE_JSON_KEY',
      'EQUIVALENT_TO_NULL_FALSE',
      'EQUIVALENT_TO_NULL_TRUE',
      'WILDCARD_WITHOUT_LIKE_OPERATOR',
      'NULL_WITH_IF_EXISTS',
      'UNSUPPORTED_PRINCIPAL',
    ])
      expect(fixed, code).toContain(code)
    expect(tried.length).toBeGreaterThan(80)
  })
})
