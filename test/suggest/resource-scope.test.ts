import { describe, expect, it } from 'vitest'
import { allow, applyFix, byCode, one, policy, suggest } from './helpers'

interface Doc {
  Statement: { Action: string | string[]; Resource: string | string[]; Condition?: unknown; Effect: string }[]
}

describe('Resource "*" for actions with resource-level permissions (service authorization reference)', () => {
  it('proposes an ARN template from the catalogue and says so', async () => {
    const s = one(await suggest(policy(allow('s3:GetObject'))), 'RESOURCE_STAR_SCOPABLE')
    expect(s.severity).toBe('SUGGESTION')
    expect(s.category).toBe('wildcard')
    expect(s.path).toEqual(['Statement', 0, 'Resource'])
    expect(s.message).toContain('arn:aws:s3:::my-bucket/*')
    expect(s.fixes![0]!.title).toMatch(/replace the my-… names/)
  })

  it('fills partition, Region and account from the options', async () => {
    const text = policy(allow('dynamodb:GetItem'))
    const s = one(await suggest(text, { account: '123456789012', region: 'eu-west-1' }), 'RESOURCE_STAR_SCOPABLE')
    const after = JSON.parse(applyFix(text, s.fixes![0]!)) as Doc
    expect(after.Statement[0]!.Resource).toBe('arn:aws:dynamodb:eu-west-1:123456789012:table/my-table')
    const cn = one(await suggest(text, { partition: 'aws-cn' }), 'RESOURCE_STAR_SCOPABLE')
    expect(JSON.stringify(cn.fixes![0]!.edits)).toContain('arn:aws-cn:dynamodb:*:111122223333:table/my-table')
  })

  it('names the actions that only work with "*" and moves them to their own statement', async () => {
    const text = policy(allow(['s3:GetObject', 's3:ListAllMyBuckets'], '*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }))
    const s = one(await suggest(text), 'RESOURCE_STAR_SCOPABLE')
    expect(s.message).toMatch(/s3:ListAllMyBuckets works only with "\*"/)
    const after = JSON.parse(applyFix(text, s.fixes![0]!)) as Doc
    expect(after.Statement).toHaveLength(2)
    expect(after.Statement[0]).toMatchObject({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' })
    expect(after.Statement[1]).toMatchObject({ Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } })
  })

  it('an action needing several resource types gets one template per type (ec2:RunInstances)', async () => {
    const s = one(await suggest(policy(allow('ec2:RunInstances'))), 'RESOURCE_STAR_SCOPABLE')
    const text = JSON.stringify(s.fixes![0]!.edits)
    expect(text).toContain('instance/my-instance-id')
    expect(text).toContain('subnet/my-subnet-id')
  })

  it('near miss: only actions that work with "*" alone', async () => {
    expect(byCode(await suggest(policy(allow(['s3:ListAllMyBuckets', 'sts:GetCallerIdentity']))), 'RESOURCE_STAR_SCOPABLE')).toEqual([])
  })

  it('near miss: already a named resource', async () => {
    expect(byCode(await suggest(policy(allow('s3:GetObject', 'arn:aws:s3:::logs/*'))), 'RESOURCE_STAR_SCOPABLE')).toEqual([])
  })

  it('near miss: Action "*" and resource policies', async () => {
    expect(byCode(await suggest(policy(allow('*'))), 'RESOURCE_STAR_SCOPABLE')).toEqual([])
    expect(byCode(await suggest(policy(allow('s3:GetObject', '*', { Principal: { AWS: '111122223333' } })), { policyType: 'resource' }), 'RESOURCE_STAR_SCOPABLE')).toEqual(
      [],
    )
  })

  it('near miss: resources chosen by tag (attribute-based access control)', async () => {
    const text = policy(allow('ec2:StopInstances', '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } }))
    expect(byCode(await suggest(text), 'RESOURCE_STAR_SCOPABLE')).toEqual([])
  })

  it('large wildcard statements are described without a rewrite', async () => {
    const s = one(await suggest(policy(allow('ec2:*'))), 'RESOURCE_STAR_SCOPABLE')
    expect(s.fixes).toBeUndefined()
    expect(s.message).toMatch(/work only with "\*"/)
  })
})
