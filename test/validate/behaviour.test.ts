/** AWS behaviours the checks rely on, each with the documentation page it follows. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalogue } from '../../src/engine/catalogue'
import { C, codes, findings, getCatalogue, P, R, S, T } from './helpers'

let catalogue: Catalogue
beforeAll(async () => {
  catalogue = await getCatalogue()
})

describe('AWS behaviour', () => {
  it('action names are case-insensitive, so a case difference is a suggestion, not an error (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html)', () => {
    const fs = findings(catalogue, P(S({ Action: 'S3:getObject' })))
    expect(fs.map((f) => [f.code, f.severity])).toEqual([['ACTION_CASE_MISMATCH', 'SUGGESTION']])
  })

  it('bucket names never contain "/", so s3:ListBucket on bucket/* matches nothing (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html)', () => {
    expect(codes(catalogue, P(S({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' })))).toContain('ACTION_RESOURCE_MISMATCH')
    expect(codes(catalogue, P(S({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:::amzn-s3-demo-*' })))).not.toContain('ACTION_RESOURCE_MISMATCH')
  })

  it('actions without resource types accept any resource (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html)', () => {
    expect(codes(catalogue, P(S({ Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::*' })))).toEqual([])
  })

  it('AWS-owned SSM documents have no account in their ARN (https://docs.aws.amazon.com/systems-manager/latest/userguide/documents.html)', () => {
    expect(codes(catalogue, P(S({ Action: 'ssm:SendCommand', Resource: ['arn:aws:ssm:*::document/AWS-RunShellScript', 'arn:aws:ec2:*:*:instance/*'] })))).toEqual([])
  })

  it('"aws" is the account of AWS-managed resources (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html)', () => {
    expect(codes(catalogue, P(S({ Action: 'iam:GetPolicy', Resource: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })))).toEqual([])
  })

  it('a positive operator on a key the action never sends is never true, so a Deny relying on it never applies (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html)', () => {
    const r = codes(catalogue, P(S({ Effect: 'Deny', Action: 's3:GetObject', Condition: { StringEquals: { 's3:prefix': 'private/' } } })))
    expect(r).toEqual(expect.arrayContaining(['UNKNOWN_CONDITION_FOR_ACTION', 'DENY_NEVER_APPLIES']))
  })

  it('IfExists makes a test true when the key is absent, so it cannot make a statement dead (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists)', () => {
    expect(codes(catalogue, C({ StringEquals: { 'aws:RequestedRegion': 'us-east-1' }, StringNotEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } }))).toContain('STATEMENT_NEVER_MATCHES')
    expect(codes(catalogue, C({ StringEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' }, StringNotEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } }))).not.toContain('STATEMENT_NEVER_MATCHES')
  })

  it('Null true and a positive test of the same key contradict each other', () => {
    expect(codes(catalogue, C({ Null: { 'aws:SourceVpc': 'true' }, StringEquals: { 'aws:SourceVpc': 'vpc-1a2b3c4d' } }))).toContain('STATEMENT_NEVER_MATCHES')
    expect(codes(catalogue, C({ Null: { 'aws:SourceVpc': 'false' }, StringEquals: { 'aws:SourceVpc': 'vpc-1a2b3c4d' } }))).not.toContain('STATEMENT_NEVER_MATCHES')
  })

  it('ArnEquals and ArnLike both take wildcards, so a * in ArnEquals is not a mistake (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN)', () => {
    expect(codes(catalogue, P(R({ Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/app-*' } } })), { type: 'resource' })).not.toContain('WILDCARD_WITHOUT_LIKE_OPERATOR')
  })

  it('aws:EpochTime takes seconds since 1970 (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-epochtime)', () => {
    expect(codes(catalogue, C({ NumericLessThan: { 'aws:EpochTime': '1735689600' } }))).toEqual([])
  })

  it('variables in Resource are fine with Version 2012-10-17 and a default value (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html)', () => {
    expect(codes(catalogue, P(S({ Resource: "arn:aws:s3:::amzn-s3-demo-bucket/${aws:PrincipalTag/team, 'shared'}/*" })))).toEqual([])
  })

  it('a trust policy needs no Resource and takes an account root principal (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user.html)', () => {
    expect(codes(catalogue, P(T({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })), { type: 'trust' })).toEqual([])
  })

  it('Deny with NotPrincipal is allowed in resource policies; Allow with NotPrincipal is a security warning (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html)', () => {
    const deny = { Effect: 'Deny', NotPrincipal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::111122223333:role/Admin'] }, Action: 's3:*', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' }
    expect(codes(catalogue, P(deny), { type: 'resource' })).toEqual([])
  })

  it('SCPs may use the full policy language (NotResource, conditions on Allow) (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html)', () => {
    expect(codes(catalogue, P({ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::amzn-s3-demo-bucket/*', Condition: { StringNotEquals: { 'aws:PrincipalAccount': '111122223333' } } }), { type: 'scp' })).toEqual([])
  })

  it('Organizations counts every character of an SCP, so minifying can bring it under the limit (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html)', () => {
    const statements = Array.from({ length: 30 }, (_, i) => S({ Sid: `D${i}`, Effect: 'Deny', Resource: `arn:aws:s3:::amzn-s3-demo-bucket-${i}/*` }))
    const text = JSON.stringify(P(...statements), null, 8)
    const f = findings(catalogue, text, { type: 'scp' }).find((x) => x.code === 'POLICY_SIZE_EXCEEDS_SCP_QUOTA')!
    expect(f.fixes?.[0]?.title).toMatch(/minify/)
    // IAM does not count white space, so the same text is within an identity policy's limit
    expect(codes(catalogue, text)).not.toContain('POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA')
  })
})
