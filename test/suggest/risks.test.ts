import { describe, expect, it } from 'vitest'
import { allow, byCode, codes, deny, one, policy, suggest } from './helpers'

const cond = { Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } } }

describe('data exfiltration (Cloudsplaining READ_ONLY_DATA_EXFILTRATION_ACTIONS)', () => {
  it('s3:GetObject on every resource is a warning that names the action and its category', async () => {
    const s = one(await suggest(policy(allow(['s3:GetObject', 's3:ListBucket']))), 'DATA_EXFILTRATION')
    expect(s.severity).toBe('WARNING')
    expect(s.category).toBe('data-exfiltration')
    expect(s.actions).toEqual(['s3:GetObject'])
    expect(s.path).toEqual(['Statement', 0, 'Action', 0])
    expect(s.message).toMatch(/Fix:/)
  })

  it('secrets and parameters count', async () => {
    const s = one(await suggest(policy(allow(['secretsmanager:GetSecretValue', 'ssm:GetParametersByPath']))), 'DATA_EXFILTRATION')
    expect(s.actions).toEqual(['secretsmanager:GetSecretValue', 'ssm:GetParametersByPath'])
  })

  it('near miss: objects of one bucket are a narrow resource', async () => {
    expect(byCode(await suggest(policy(allow('s3:GetObject', 'arn:aws:s3:::reports/*'))), 'DATA_EXFILTRATION')).toEqual([])
  })

  it('a condition lowers it to a suggestion', async () => {
    expect(one(await suggest(policy(allow('s3:GetObject', '*', cond))), 'DATA_EXFILTRATION').severity).toBe('SUGGESTION')
  })

  it('near miss: a read that returns no data (s3:GetBucketLocation) is not flagged', async () => {
    expect(byCode(await suggest(policy(allow('s3:GetBucketLocation'))), 'DATA_EXFILTRATION')).toEqual([])
  })

  it('near miss: an unconditional Deny takes it away', async () => {
    expect(byCode(await suggest(policy(allow('s3:*'), deny('s3:GetObject*'))), 'DATA_EXFILTRATION')).toEqual([])
  })
})

describe('credentials exposure (actions that return credentials)', () => {
  it('iam:CreateAccessKey on every user is a warning', async () => {
    const s = one(await suggest(policy(allow('iam:CreateAccessKey'))), 'CREDENTIALS_EXPOSURE')
    expect(s.severity).toBe('WARNING')
    expect(s.category).toBe('credentials-exposure')
  })

  it('an action that can only be granted on "*" is a suggestion (it cannot be narrowed by Resource)', async () => {
    expect(one(await suggest(policy(allow('ecr:GetAuthorizationToken'))), 'CREDENTIALS_EXPOSURE').severity).toBe('SUGGESTION')
  })

  it('near miss: sts:AssumeRole on one named role', async () => {
    expect(byCode(await suggest(policy(allow('sts:AssumeRole', 'arn:aws:iam::111122223333:role/deploy'))), 'CREDENTIALS_EXPOSURE')).toEqual([])
  })

  it('near miss: no credential action', async () => {
    expect(byCode(await suggest(policy(allow(['ec2:DescribeInstances', 's3:ListAllMyBuckets']))), 'CREDENTIALS_EXPOSURE')).toEqual([])
  })
})

describe('resource exposure ("Permissions management" on every resource)', () => {
  it('s3:PutBucketPolicy on * is a security warning', async () => {
    const s = one(await suggest(policy(allow(['s3:PutBucketPolicy', 's3:GetObject']))), 'RESOURCE_EXPOSURE')
    expect(s.severity).toBe('SECURITY_WARNING')
    expect(s.category).toBe('resource-exposure')
    expect(s.actions).toEqual(['s3:PutBucketPolicy'])
  })

  it('a condition lowers it to a warning', async () => {
    expect(one(await suggest(policy(allow('kms:PutKeyPolicy', '*', cond))), 'RESOURCE_EXPOSURE').severity).toBe('WARNING')
  })

  it('near miss: one named bucket', async () => {
    expect(byCode(await suggest(policy(allow('s3:PutBucketPolicy', 'arn:aws:s3:::site'))), 'RESOURCE_EXPOSURE')).toEqual([])
  })

  it('near miss: a read the reference files under Permissions management (billing:GetResourcePolicy) changes nothing', async () => {
    expect(byCode(await suggest(policy(allow('billing:GetResourcePolicy'))), 'RESOURCE_EXPOSURE')).toEqual([])
  })
})

describe('infrastructure modification (Write on every resource, no condition)', () => {
  it('ec2:TerminateInstances on * is a warning', async () => {
    const s = one(await suggest(policy(allow(['ec2:TerminateInstances', 'ec2:DescribeInstances']))), 'INFRASTRUCTURE_MODIFICATION')
    expect(s.severity).toBe('WARNING')
    expect(s.category).toBe('infrastructure-modification')
    expect(s.actions).toEqual(['ec2:TerminateInstances'])
  })

  it('near miss: a condition (Cloudsplaining #278)', async () => {
    expect(byCode(await suggest(policy(allow('ec2:TerminateInstances', '*', cond))), 'INFRASTRUCTURE_MODIFICATION')).toEqual([])
  })

  it('near miss: actions that only work with "*" (xray:PutTraceSegments, Cloudsplaining #190)', async () => {
    expect(byCode(await suggest(policy(allow(['xray:PutTraceSegments', 'kms:CreateKey']))), 'INFRASTRUCTURE_MODIFICATION')).toEqual([])
  })

  it('near miss: named instances', async () => {
    expect(byCode(await suggest(policy(allow('ec2:TerminateInstances', 'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc'))), 'INFRASTRUCTURE_MODIFICATION')).toEqual([])
  })
})

describe('where risk categories apply', () => {
  it('policies that do not grant to their holder get none of them (resource, trust, SCP, RCP, boundary, session)', async () => {
    for (const policyType of ['resource', 'trust', 'scp', 'rcp', 'boundary', 'session'] as const) {
      const s = await suggest(policy(allow('s3:*')), { policyType })
      const risky = s.filter((x) => ['data-exfiltration', 'resource-exposure', 'credentials-exposure', 'infrastructure-modification'].includes(x.category ?? ''))
      expect(codes(risky), policyType).toEqual([])
    }
  })
})
