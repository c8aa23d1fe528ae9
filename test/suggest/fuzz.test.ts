/** Property tests: random, mutated and generated input never breaks a public entry point. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { explainPolicy, explainUnsafe } from '../../src/engine/explain'
import { comparePositions, type Suggestion } from '../../src/engine/findings/types'
import { policyFromActivity } from '../../src/engine/generate'
import { expandWildcards, suggestPolicy } from '../../src/engine/suggest'
import { runSuggestions, runWildcardReports } from '../../src/engine/suggest/run'
import { applyEdits, catalogue, newGrant } from './helpers'

const ACTIONS = [
  '*',
  'iam:*',
  'iam:PassRole',
  'iam:Put*Policy',
  'iam:CreateAccessKey',
  'IAM:createpolicyversion',
  'ec2:RunInstances',
  'ec2:Describe*',
  's3:*',
  's3:GetObject',
  's3:Get*',
  's3:ListAllMyBuckets',
  'lambda:CreateFunction',
  'lambda:InvokeFunction',
  'sts:AssumeRole',
  'kms:PutKeyPolicy',
  'secretsmanager:GetSecretValue',
  'ecr:GetAuthorizationToken',
  'dynamodb:GetItem',
  'unknown:Thing',
  'nocolon',
  '',
]
const RESOURCES = [
  '*',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b',
  'arn:aws:iam::111122223333:role/r',
  'arn:aws:iam::111122223333:role/*',
  'arn:aws:iam::*:user/${aws:username}',
  'arn:aws:dynamodb:us-east-1:111122223333:table/t',
  'not-an-arn',
]
const CONDITIONS = [
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
  { StringLike: { 'iam:PassedToService': ['lambda.*'] } },
  { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
  { Bool: { 'aws:SecureTransport': 'false' } },
  {},
  'oops',
]
const PRINCIPALS = ['*', { AWS: '*' }, { AWS: 'arn:aws:iam::444455556666:root' }, { Service: 'sns.amazonaws.com' }, { Federated: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com' }]

const list = <T>(pool: readonly T[]) => fc.oneof(fc.constantFrom(...pool), fc.array(fc.constantFrom(...pool), { minLength: 0, maxLength: 4 }))

const statement = fc.record(
  {
    Sid: fc.constantFrom('A', 'B', '', 'Read1'),
    Effect: fc.constantFrom('Allow', 'Allow', 'Deny', 'allow'),
    Action: list(ACTIONS),
    NotAction: list(ACTIONS),
    Resource: list(RESOURCES),
    NotResource: list(RESOURCES),
    Condition: fc.constantFrom(...CONDITIONS),
    Principal: fc.constantFrom(...PRINCIPALS),
  },
  { requiredKeys: ['Effect'] },
)

const policyDoc = fc.record({
  Version: fc.constantFrom('2012-10-17', '2008-10-17'),
  Statement: fc.oneof(statement, fc.array(statement, { minLength: 0, maxLength: 5 })),
})

const indent = fc.constantFrom<string | number | undefined>(undefined, 2, 4, '\t')
const policyText = fc.tuple(policyDoc, indent).map(([doc, i]) => JSON.stringify(doc, null, i))
const policyType = fc.constantFrom('auto', 'identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session') as fc.Arbitrary<'auto'>

/** A valid policy text with a few characters inserted, deleted or replaced. */
const mutated = fc
  .tuple(policyText, fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '*', 'x', '\\', ' ', '\u0000', '\u{1F600}')), { maxLength: 4 }))
  .map(([text, ops]) => {
    let t = text
    for (const [pos, op, ch] of ops) {
      const at = t.length ? pos % t.length : 0
      t = op === 'insert' ? t.slice(0, at) + ch + t.slice(at) : op === 'delete' ? t.slice(0, at) + t.slice(at + 1) : t.slice(0, at) + ch + t.slice(at + 1)
    }
    return t
  })

function checkShape(text: string, out: Suggestion[]): void {
  const lines = text.split(/\r\n|\r|\n/).length
  for (let i = 0; i < out.length; i++) {
    const s = out[i]!
    expect(s.range.start.line).toBeGreaterThanOrEqual(1)
    expect(s.range.end.line).toBeLessThanOrEqual(lines)
    expect(comparePositions(s.range.start, s.range.end)).toBeLessThanOrEqual(0)
    if (i > 0) expect(comparePositions(out[i - 1]!.range.start, s.range.start)).toBeLessThanOrEqual(0)
    expect(typeof s.message).toBe('string')
    for (const f of s.fixes ?? []) {
      expect(f.edits.length).toBeGreaterThan(0)
      expect(() => JSON.parse(applyEdits(text, f.edits)), `${s.code}: ${f.title}\n${text}`).not.toThrow()
    }
  }
}

describe('fuzz: suggestPolicy / expandWildcards / explainPolicy', () => {
  it('arbitrary strings and JSON values never throw', async () => {
    const c = await catalogue()
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))), policyType, (text, t) => {
        expect(Array.isArray(suggestPolicy(text, { catalogue: c, policyType: t }))).toBe(true)
        expect(Array.isArray(expandWildcards(text, { catalogue: c }))).toBe(true)
        expect(typeof explainPolicy(text, { catalogue: c }).summary).toBe('string')
      }),
      { numRuns: 300 },
    )
  })

  it('objects of any shape (not only text) never throw', async () => {
    const c = await catalogue()
    fc.assert(
      fc.property(fc.anything(), (v) => {
        runSuggestions(v as object, { catalogue: c })
        runWildcardReports(v as object, { catalogue: c })
        explainUnsafe(v as object, { catalogue: c })
      }),
      { numRuns: 200 },
    )
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(suggestPolicy(cyclic, { catalogue: c })).toEqual([])
  })

  it('mutated policies never throw and keep their output well formed', async () => {
    const c = await catalogue()
    fc.assert(
      fc.property(mutated, policyType, (text, t) => {
        // the unguarded versions: a bug must fail here, not hide behind the public functions' safety net
        checkShape(text, runSuggestions(text, { catalogue: c, policyType: t }))
        runWildcardReports(text, { catalogue: c })
        explainUnsafe(text, { catalogue: c })
      }),
      { numRuns: 150 },
    )
  })

  it('generated policies: sorted, in range, every fix leaves valid JSON; one sentence per statement', async () => {
    const c = await catalogue()
    fc.assert(
      fc.property(policyText, policyType, (text, t) => {
        checkShape(text, runSuggestions(text, { catalogue: c, policyType: t }))
        const e = explainUnsafe(text, { catalogue: c })
        const doc = JSON.parse(text) as { Statement: unknown }
        expect(e.statements.length).toBe(Array.isArray(doc.Statement) ? doc.Statement.length : 1)
        for (const r of runWildcardReports(text, { catalogue: c })) expect(r.grants.total).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 150 },
    )
  })

  it('generated policies of every type: applying a fix removes the suggestion it answers', async () => {
    const c = await catalogue()
    fc.assert(
      fc.property(policyText, policyType, (text, t) => {
        const list = runSuggestions(text, { catalogue: c, policyType: t })
        for (const s of list)
          for (const f of s.fixes ?? []) {
            const again = runSuggestions(applyEdits(text, f.edits), { catalogue: c, policyType: t })
            const before = list.filter((x) => x.code === s.code).length
            expect(again.filter((x) => x.code === s.code).length, `${s.code}: ${f.title}\n${text}`).toBeLessThan(before)
          }
      }),
      { numRuns: 200 },
    )
  })

  it('generated identity policies: fixes grant nothing new (simulator)', async () => {
    await fc.assert(
      fc.asyncProperty(policyText, async (text) => {
        const list = suggestPolicy(text, { catalogue: await catalogue(), policyType: 'identity' })
        for (const s of list)
          for (const f of s.fixes ?? []) {
            const after = applyEdits(text, f.edits)
            expect(await newGrant(text, after), `${s.code}: ${f.title}\n${text}`).toBeUndefined()
          }
      }),
      { numRuns: 12 },
    )
  }, 120_000)
})

describe('fuzz: policyFromActivity', () => {
  const line = fc.tuple(fc.constantFrom(...ACTIONS, 's3:ListObjectsV2', 'lambda:Invoke'), fc.option(fc.constantFrom(...RESOURCES))).map(([a, r]) => (r ? `${a} ${r}` : a))
  const event = fc.record(
    {
      eventSource: fc.constantFrom('s3.amazonaws.com', 'monitoring.amazonaws.com', 'lambda.amazonaws.com', 'x.amazonaws.com', 5),
      eventName: fc.constantFrom('GetObject', 'PutMetricData', 'Invoke', 'CreateFunction20150331', '', null),
      awsRegion: fc.constantFrom('us-east-1', 'cn-north-1', undefined),
      recipientAccountId: fc.constantFrom('111122223333', 'x'),
      requestParameters: fc.oneof(fc.constant(null), fc.dictionary(fc.constantFrom('bucketName', 'key', 'functionName', 'name'), fc.string())),
      resources: fc.oneof(fc.constant(undefined), fc.array(fc.record({ ARN: fc.constantFrom(...RESOURCES) }))),
    },
    { requiredKeys: [] },
  )
  const input = fc.oneof(
    fc.string(),
    fc.array(line).map((l) => l.join('\n')),
    fc.array(event).map((e) => JSON.stringify({ Records: e })),
    fc.array(event).map((e) => JSON.stringify(e)),
    fc.array(event).map((e) => e.map((x) => JSON.stringify(x)).join('\n')),
    fc.jsonValue().map((v) => JSON.stringify(v)),
  )

  it('never throws; the output is a policy whose text is its JSON', async () => {
    const c = await catalogue()
    fc.assert(
      fc.property(input, (text) => {
        const r = policyFromActivity(text, { catalogue: c })
        expect(JSON.parse(r.text)).toEqual(r.policy)
        expect(r.policy.Version).toBe('2012-10-17')
        for (const s of r.policy.Statement) expect(s.Effect).toBe('Allow')
        expect(r.unknown).not.toContain('the input could not be read')
      }),
      { numRuns: 300 },
    )
    expect(policyFromActivity(undefined as unknown as string, { catalogue: c }).policy.Statement).toEqual([])
  })
})
