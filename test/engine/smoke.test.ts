import { describe, expect, it } from 'vitest'
import { buildPolicyModel } from '../../src/engine/model'
import { loadCatalogue } from '../../src/engine/catalogue/bundled'

describe('smoke', () => {
  it('builds a model and loads the catalogue', async () => {
    const m = buildPolicyModel('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*"],"Resource":"*","Condition":{"StringEquals":{"aws:username":"bob"}}}]}')
    expect(m.problems).toEqual([])
    expect(m.statements[0]!.action!.items[0]!.value).toBe('s3:Get*')
    const c = await loadCatalogue()
    expect(c.expand('s3:Get*').length).toBeGreaterThan(30)
    expect(c.conditionKey('aws:ResourceTag/team')?.key).toBe('aws:ResourceTag/tag-key')
    expect(c.conditionKey('s3:prefix')?.type).toBe('String')
  })
})
