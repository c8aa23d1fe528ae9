/**
 * Every fix, applied: valid JSON, no new validation error, the suggestion it answers is gone, and the
 * simulator finds no request the fixed policy allows that the original did not.
 */
import { describe, expect, it } from 'vitest'
import type { PolicyType } from '../../src/engine/findings/types'
import { validatePolicy } from '../../src/engine/validate'
import { allow, applyFix, catalogue, deny, managed, newGrant, policy, suggest } from './helpers'

const githubPrincipal = { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }

/** Hand-written policies that between them trigger every kind of fix. */
const CORPUS: [string, string, PolicyType][] = [
  ['passrole + ec2 in two statements', policy(allow('iam:PassRole'), allow(['ec2:RunInstances', 'ec2:DescribeInstances'])), 'identity'],
  ['passrole + lambda in one statement', policy(allow(['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction', 's3:GetObject'])), 'identity'],
  ['iam wildcard', policy(allow(['iam:*', 'sts:GetCallerIdentity'])), 'identity'],
  ['single-action escalations', policy(allow(['iam:CreatePolicyVersion', 'iam:AttachUserPolicy', 'iam:ListUsers'], '*', { Sid: 'Admin' })), 'identity'],
  ['escalation with a condition', policy(allow('iam:PutRolePolicy', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } }), allow('s3:ListAllMyBuckets')), 'identity'],
  ['s3 full on *', policy(allow('s3:*')), 'identity'],
  ['s3 mixed with list-all', policy(allow(['s3:GetObject', 's3:PutObject', 's3:ListAllMyBuckets', 'secretsmanager:GetSecretValue'])), 'identity'],
  ['credentials and exposure', policy(allow(['iam:CreateAccessKey', 'kms:PutKeyPolicy', 'ec2:DescribeInstances'])), 'identity'],
  ['infrastructure', policy(allow(['ec2:TerminateInstances', 'ec2:StopInstances']), allow('dynamodb:DeleteTable')), 'identity'],
  ['pattern wildcards', policy(allow(['iam:*Policy', 'sqs:*'], 'arn:aws:iam::111122223333:role/app')), 'identity'],
  ['string Action wildcard', policy(allow('dynamodb:*', 'arn:aws:dynamodb:us-east-1:111122223333:table/orders')), 'identity'],
  ['mfa with existing condition', policy(allow('iam:AttachRolePolicy', 'arn:aws:iam::111122223333:role/app', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } })), 'identity'],
  ['redundant entries', policy(allow(['s3:GetObject', 's3:Get*', 's3:GetObject'], ['arn:aws:s3:::a/*', 'arn:aws:s3:::a/x', 'arn:aws:s3:::a/*'])), 'identity'],
  ['duplicate and subsumed statements', policy(allow('s3:Get*', 'arn:aws:s3:::a/*'), allow('s3:GetObject', 'arn:aws:s3:::a/k/*'), allow('s3:Get*', 'arn:aws:s3:::a/*')), 'identity'],
  ['mergeable statements', policy(allow('s3:GetObject', 'arn:aws:s3:::a/*'), allow('s3:PutObject', 'arn:aws:s3:::a/*'), allow('sqs:SendMessage', 'arn:aws:sqs:us-east-1:111122223333:q')), 'identity'],
  ['deny present', policy(allow(['iam:*', 's3:*']), deny('iam:CreatePolicyVersion')), 'identity'],
  ['lone statement object', JSON.stringify({ Version: '2012-10-17', Statement: allow(['iam:PassRole', 'ec2:RunInstances']) }, null, 2), 'identity'],
  ['one-line document', JSON.stringify({ Version: '2012-10-17', Statement: [allow('s3:*'), allow('iam:CreateAccessKey')] }), 'identity'],
  ['tab-indented', JSON.stringify({ Version: '2012-10-17', Statement: [allow(['iam:UpdateAssumeRolePolicy', 's3:GetObject'])] }, null, '\t'), 'identity'],
  ['public bucket policy', policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }), 'resource'],
  [
    'service principal in a bucket policy',
    policy({ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::logs/*' }),
    'resource',
  ],
  [
    'cross-account queue policy',
    policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:jobs' }),
    'resource',
  ],
  ['github trust without sub', policy({ Effect: 'Allow', Principal: githubPrincipal, Action: 'sts:AssumeRoleWithWebIdentity' }), 'trust'],
  [
    'github trust with aud only',
    policy({ Effect: 'Allow', Principal: githubPrincipal, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } } }),
    'trust',
  ],
  ['AmazonS3FullAccess', JSON.stringify(managed('AmazonS3FullAccess'), null, 4), 'identity'],
  ['AWSLambdaBasicExecutionRole', JSON.stringify(managed('AWSLambdaBasicExecutionRole'), null, 2), 'identity'],
  ['AmazonEC2ContainerRegistryPowerUser', JSON.stringify(managed('AmazonEC2ContainerRegistryPowerUser'), null, 2), 'identity'],
]

describe('every fix is safe to apply', () => {
  it.each(CORPUS)('%s', async (_name, text, policyType) => {
    const c = await catalogue()
    const before = await suggest(text, { policyType })
    const withFixes = before.filter((s) => s.fixes?.length)
    expect(withFixes.length).toBeGreaterThan(0)
    const errorsBefore = new Set(validatePolicy(text, { catalogue: c, policyType }).findings.filter((f) => f.severity === 'ERROR').map((f) => f.code))
    for (const s of withFixes) {
      for (const fix of s.fixes!) {
        const where = `${s.code}: ${fix.title}`
        const after = applyFix(text, fix)
        expect(() => JSON.parse(after), where).not.toThrow()
        const errors = validatePolicy(after, { catalogue: c, policyType }).findings.filter((f) => f.severity === 'ERROR' && !errorsBefore.has(f.code))
        expect(errors.map((f) => `${f.code} ${f.message}`), where).toEqual([])
        const again = await suggest(after, { policyType })
        expect(again.filter((x) => x.code === s.code).length, where).toBeLessThan(before.filter((x) => x.code === s.code).length)
        expect(await newGrant(text, after, policyType), where).toBeUndefined()
      }
    }
  })
})

describe('fixes on AWS managed policies keep valid JSON', () => {
  it('a sample of 120 managed policies', async () => {
    const { managedPolicies } = await import('./helpers')
    const all = [...managedPolicies().values()]
    const sample = all.filter((_, i) => i % Math.ceil(all.length / 120) === 0)
    let fixes = 0
    for (const p of sample) {
      const text = JSON.stringify(p.document, null, 2)
      for (const s of await suggest(text)) {
        for (const fix of s.fixes ?? []) {
          fixes++
          expect(() => JSON.parse(applyFix(text, fix)), `${p.name} ${s.code} ${fix.title}`).not.toThrow()
        }
      }
    }
    expect(fixes).toBeGreaterThan(50)
  })
})
