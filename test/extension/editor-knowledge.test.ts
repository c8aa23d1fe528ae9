import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalogue, CatalogueDocs } from '../../src/engine/catalogue'
import { loadCatalogue, loadCatalogueDocs } from '../../src/engine/catalogue/bundled'
import { completionsAt, hoverAt, serviceDocUrl } from '../../src/extension/editor/knowledge'

let cat: Catalogue
let docs: CatalogueDocs
beforeAll(async () => {
  cat = await loadCatalogue()
  docs = await loadCatalogueDocs()
})

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:Get*"],
      "Resource": "arn:aws:s3:::reports/*",
      "Condition": { "StringEquals": { "s3:ExistingObjectTag/team": "data" } }
    }
  ]
}`
const at = (needle: string, delta = 2) => POLICY.indexOf(needle) + delta

describe('enhanced editor: hovers from the catalogue', () => {
  it('describes an action: access level, description, resource types, a link to AWS docs', () => {
    const h = hoverAt(POLICY, at('"s3:GetObject"'), cat, docs)!
    expect(h.markdown).toContain('**s3:GetObject**')
    expect(h.markdown).toContain('Read')
    expect(h.markdown).toContain('object')
    expect(h.markdown).toContain('https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html')
    expect(POLICY.slice(h.start, h.end)).toBe('s3:GetObject')
  })

  it('counts what a wildcard matches', () => {
    expect(hoverAt(POLICY, at('"s3:Get*"'), cat, docs)!.markdown).toMatch(/matches \d+ actions/)
  })

  it('explains condition operators and keys, and which resource type an ARN is', () => {
    expect(hoverAt(POLICY, at('"StringEquals"'), cat, docs)!.markdown).toContain('Compares strings')
    expect(hoverAt(POLICY, at('"s3:ExistingObjectTag/team"'), cat, docs)!.markdown).toContain('String')
    expect(hoverAt(POLICY, at('"arn:aws:s3:::reports/*"'), cat, docs)!.markdown).toContain('`object`')
    expect(hoverAt(POLICY, at('"Effect"'), cat, docs)).toBeUndefined()
  })

  it('names the service reference page as AWS does', () => {
    expect(serviceDocUrl('AWS Identity and Access Management (IAM)')).toBe('https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html')
  })
})

describe('enhanced editor: completions', () => {
  const complete = (text: string, cursor = text.indexOf('|')) => completionsAt(text.replace('|', ''), cursor, cat)

  it('completes services, then actions of the service', () => {
    expect(complete('{"Statement":[{"Action":"s3|"}]}')!.items.map((i) => i.label)).toContain('s3:')
    const actions = complete('{"Statement":[{"Action":["s3:GetObj|"]}]}')!
    expect(actions.items.map((i) => i.label)).toContain('s3:GetObject')
    expect(actions.items.every((i) => i.kind === 'action')).toBe(true)
  })

  it('completes statement elements, Effect values, operators and condition keys', () => {
    expect(complete('{"Statement":[{"|"}]}')!.items.map((i) => i.label)).toEqual(expect.arrayContaining(['Effect', 'Action', 'Condition']))
    expect(complete('{"Statement":[{"Effect":"|"}]}')!.items.map((i) => i.label)).toEqual(['Allow', 'Deny'])
    expect(complete('{"Statement":[{"Condition":{"|"}}]}')!.items.map((i) => i.label)).toEqual(expect.arrayContaining(['StringEquals', 'ForAnyValue:StringLike', 'BoolIfExists']))
    const keys = complete('{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEquals":{"|"}}}]}')!.items.map((i) => i.label)
    expect(keys).toEqual(expect.arrayContaining(['s3:ExistingObjectTag/<key>', 'aws:SourceIp']))
  })

  it('offers ARN templates for the statement’s actions in Resource', () => {
    const arns = complete('{"Statement":[{"Action":"s3:GetObject","Resource":"|"}]}')!.items
    expect(arns.map((i) => i.insertText)).toContain('arn:aws:s3:::${BucketName}/${ObjectName}')
  })
})
