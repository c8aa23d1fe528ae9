import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { actionsOf, parseQuery, searchTemplates, type Searchable } from '../../src/extension/templates/search'

const item = (name: string, over: Partial<Searchable> = {}): Searchable => ({ name, description: '', tags: [], policyType: 'identity', actions: [], ...over })

const ITEMS = [
  item('S3 read bucket', { tags: ['s3', 'read-only'], actions: ['s3:GetObject', 's3:ListBucket'], description: 'Reads objects.' }),
  item('Deny leaving org', { policyType: 'scp', tags: ['organizations'], actions: ['organizations:LeaveOrganization'] }),
  item('KMS key policy', { policyType: 'resource', tags: ['kms'], actions: ['kms:*'] }),
  item('Wide reader', { actions: ['s3:Get*'] }),
]
const find = (q: string) => searchTemplates(ITEMS, q).map((i) => i.name)

describe('template search', () => {
  it('parses qualified and plain words', () => {
    expect(parseQuery('  tag:S3  type:scp foo service:kms action:s3:GetObject nope:x ')).toEqual([
      { field: 'tag', value: 's3' },
      { field: 'type', value: 'scp' },
      { field: 'any', value: 'foo' },
      { field: 'service', value: 'kms' },
      { field: 'action', value: 's3:getobject' },
      { field: 'any', value: 'nope:x' },
    ])
  })

  it('matches names first, then tags, descriptions and actions; every word must match', () => {
    expect(find('')).toEqual(ITEMS.map((i) => i.name))
    expect(find('kms')).toEqual(['KMS key policy'])
    expect(find('read')).toEqual(['S3 read bucket', 'Wide reader'])
    expect(find('objects')).toEqual(['S3 read bucket'])
    expect(find('tag:organizations')).toEqual(['Deny leaving org'])
    expect(find('type:scp')).toEqual(['Deny leaving org'])
    expect(find('service:s3')).toEqual(['S3 read bucket', 'Wide reader'])
    expect(find('s3 read')).toEqual(['S3 read bucket', 'Wide reader'])
    expect(find('s3 deny')).toEqual([])
  })

  it('matches actions through IAM wildcards both ways', () => {
    expect(find('s3:GetObject')).toEqual(['S3 read bucket', 'Wide reader'])
    expect(find('action:kms:Decrypt')).toEqual(['KMS key policy'])
    expect(find('s3:List*')).toEqual(['S3 read bucket'])
  })

  it('extracts actions from policy text, drafts included', () => {
    expect(actionsOf('{"Statement":[{"Action":"s3:GetObject"},{"NotAction":["iam:*","sts:AssumeRole"]}]}')).toEqual(['s3:GetObject', 'iam:*', 'sts:AssumeRole'])
    expect(actionsOf('{"Statement":{"Action":["a:B", 3]}}')).toEqual(['a:B'])
    expect(actionsOf('{"Statement":[{"Action":"s3:GetObject",')).toEqual(['s3:GetObject'])
    expect(actionsOf(null)).toEqual([])
  })

  it('fuzz: any query and any document never throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.oneof(fc.string({ maxLength: 200 }), fc.jsonValue({ maxDepth: 3 })), (q, doc) => {
        const actions = actionsOf(doc)
        const out = searchTemplates([...ITEMS, item('x', { actions })], q)
        expect(out.length).toBeLessThanOrEqual(ITEMS.length + 1)
      }),
      { numRuns: 500 },
    )
  })
})
