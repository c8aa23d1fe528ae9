import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  KNOWN_PLACEHOLDERS,
  checkPlaceholderValue,
  checkPlaceholderValues,
  describePlaceholder,
  fillPlaceholders,
  fillWithSamples,
  findPlaceholders,
  prefillValues,
} from '../../src/extension/templates/placeholders'

const TEMPLATE = '{"Resource":"arn:aws:s3:::{{BucketName}}/{{Prefix}}/*","Account":"{{AccountId}}","Again":"{{BucketName}}"}'

describe('placeholders', () => {
  it('finds distinct names in order of first use', () => {
    expect(findPlaceholders(TEMPLATE)).toEqual(['BucketName', 'Prefix', 'AccountId'])
    expect(findPlaceholders('{{ no }} {{1x}} {{a-b}} {x} ${aws:username}')).toEqual([])
  })

  it('fills every occurrence, JSON-escaped, in one pass', () => {
    const out = fillPlaceholders(TEMPLATE, { BucketName: 'b"\\x', Prefix: '{{AccountId}}', AccountId: '111122223333' })
    const parsed = JSON.parse(out) as Record<string, string>
    expect(parsed.Resource).toBe('arn:aws:s3:::b"\\x/{{AccountId}}/*')
    expect(parsed.Again).toBe('b"\\x')
    expect(parsed.Account).toBe('111122223333')
  })

  it('leaves placeholders without a value as written, and ignores inherited keys', () => {
    expect(fillPlaceholders('{{toString}} {{BucketName}}', {})).toBe('{{toString}} {{BucketName}}')
  })

  it('pre-fills account and Region from the console page, partition by default', () => {
    const v = prefillValues(['AccountId', 'Region', 'Partition', 'BucketName'], { accountId: '123456789012', region: 'eu-west-1' })
    expect({ ...v }).toEqual({ AccountId: '123456789012', Region: 'eu-west-1', Partition: 'aws' })
    expect({ ...prefillValues(['Partition'], { partition: 'aws-us-gov' }) }).toEqual({ Partition: 'aws-us-gov' })
    // A page value that does not fit the placeholder is not used.
    expect({ ...prefillValues(['AccountId'], { accountId: 'not-an-id' }) }).toEqual({})
  })

  it('checks values against the placeholder', () => {
    expect(checkPlaceholderValue('AccountId', '123456789012')).toBeUndefined()
    expect(checkPlaceholderValue('AccountId', '12345')).toMatch(/Account ID/)
    expect(checkPlaceholderValue('BucketName', 'Bad_Bucket')).toMatch(/Bucket name/)
    expect(checkPlaceholderValue('Custom', '  ')).toMatch(/required/)
    expect(checkPlaceholderValue('Custom', 'a\u0001b')).toMatch(/control/)
    expect(checkPlaceholderValue('Custom', 'anything')).toBeUndefined()
    expect(checkPlaceholderValues(['AccountId', 'Region'], { AccountId: '1' })).toEqual({
      AccountId: expect.stringMatching(/Account ID/),
      Region: expect.stringMatching(/required/),
    })
  })

  it('every known placeholder\u2019s sample passes its own check', () => {
    for (const name of Object.keys(KNOWN_PLACEHOLDERS)) expect(checkPlaceholderValue(name, describePlaceholder(name).sample), name).toBeUndefined()
  })

  it('labels unknown placeholders from their name', () => {
    expect(describePlaceholder('ClusterName').label).toBe('Cluster Name')
    expect(fillWithSamples('"{{ClusterName}}"')).toBe('"example"')
  })

  it('fuzz: filling a JSON template with any values keeps it valid JSON and inserts the values verbatim', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), (bucket, prefix) => {
        const out = fillPlaceholders(TEMPLATE, { BucketName: bucket, Prefix: prefix })
        const parsed = JSON.parse(out) as Record<string, string>
        expect(parsed.Resource).toBe(`arn:aws:s3:::${bucket}/${prefix}/*`)
        expect(parsed.Account).toBe('{{AccountId}}')
      }),
      { numRuns: 500 },
    )
  })

  it('fuzz: random and mutated texts never throw and every valued placeholder disappears', () => {
    const mutated = fc
      .tuple(fc.nat({ max: TEMPLATE.length }), fc.nat({ max: 8 }), fc.string({ maxLength: 8 }))
      .map(([at, cut, ins]) => TEMPLATE.slice(0, at) + ins + TEMPLATE.slice(at + cut))
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), mutated), fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })), (text, values) => {
        const names = findPlaceholders(text)
        // Every placeholder gets a value that itself looks like a placeholder: one pass, never re-expanded.
        const all = Object.fromEntries(names.map((n) => [n, `{{${n}}}`]))
        expect(fillPlaceholders(text, { ...values, ...all })).toBe(text)
        const dropped = fillPlaceholders(text, Object.fromEntries(names.map((n) => [n, ''])))
        expect(dropped.length).toBe(text.length - [...text.matchAll(/\{\{[A-Za-z][A-Za-z0-9]{0,63}\}\}/g)].reduce((n, m) => n + m[0].length, 0))
        expect(() => checkPlaceholderValues(names, values)).not.toThrow()
        expect(() => prefillValues(names, { accountId: text, region: text })).not.toThrow()
      }),
      { numRuns: 500 },
    )
  })
})
