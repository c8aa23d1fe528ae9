/**
 * Property tests (fixed seed): the template and plan readers never throw, whatever the input, and a
 * policy whose values are all unknown never yields a finding.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { analyzeText, type AnalyzeOptions } from '../../src/cli/analyze'
import type { Catalogue } from '../../src/engine/catalogue'
import { loadCatalogue } from '../../src/engine/catalogue/bundled'
import { CfnResolver } from '../../src/cli/sources/cfn-intrinsics'
import { parseTemplate } from '../../src/cli/sources/detect'

let catalogue: Catalogue
beforeAll(async () => {
  catalogue = await loadCatalogue()
})
const options = (): AnalyzeOptions => ({ catalogue, mode: 'check', defaultPolicyType: 'auto', suppressFor: () => [] })
const SEED = { seed: 1212, numRuns: 120 }

const FNS = ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'FindInMap', 'ImportValue', 'Base64', 'GetAZs', 'Equals', 'Not', 'Cidr', 'Condition']
const scalar = fc.oneof(fc.constantFrom('AWS::AccountId', 'AWS::NoValue', 'Param', 'Bucket', 'Bucket.Arn', '${Bucket.Arn}/*', '${!x}', '', '0', 'IsProd'), fc.string({ maxLength: 8 }), fc.integer())
const intrinsicTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    scalar.map((s) => JSON.stringify(s)),
    fc.tuple(fc.constantFrom(...FNS), fc.oneof(scalar.map((s) => JSON.stringify(s)), fc.array(tie('node'), { maxLength: 4 }).map((a) => `[${a.join(', ')}]`))).map(
      ([fn, arg]) => `{"${fn === 'Ref' || fn === 'Condition' ? fn : 'Fn::' + fn}": ${arg}}`,
    ),
    fc.array(tie('node'), { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
  ),
})).node

describe('template and plan readers (property)', () => {
  it('resolving any tree of intrinsics never throws', () => {
    fc.assert(
      fc.property(intrinsicTree, (tree) => {
        const text = `{"Parameters": {"Param": {"Type": "String"}}, "Conditions": {"IsProd": {"Fn::Equals": ["a", "a"]}}, "Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}}, "V": ${tree}}`
        const doc = parseTemplate(text)
        const r = new CfnResolver(doc, {})
        expect(() => r.resolve(doc.get('V', true) as never, [], null)).not.toThrow()
      }),
      SEED,
    )
  })

  it('any text, and any template with intrinsics in its policy, gives one report and never throws', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), intrinsicTree.map((t) => policyTemplate(t))), fc.boolean(), (text, explicit) => {
        const r = analyzeText('x.yaml', text, explicit, options())
        expect(r.file).toBe('x.yaml')
      }),
      { seed: 1212, numRuns: 40 },
    )
  })

  it('a statement made only of unknown values never yields a finding', () => {
    const unknown = fc.constantFrom('{"Fn::ImportValue": "x"}', '{"Ref": "Param"}', '{"Fn::GetAtt": ["Bucket", "DomainName"]}', '{"Fn::Sub": "arn:aws:s3:::${Param}/*"}')
    fc.assert(
      fc.property(unknown, unknown, (a, b) => {
        const text = `{"AWSTemplateFormatVersion": "2010-09-09", "Parameters": {"Param": {"Type": "String"}}, "Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}, "P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ${a}, "Resource": ${b}}]}}}}}`
        const r = analyzeText('t.json', text, true, options())
        expect(r.policies).toHaveLength(1)
        expect(r.policies[0]!.findings).toEqual([])
      }),
      { seed: 1212, numRuns: 16 },
    )
  })
})

function policyTemplate(value: string): string {
  return `{"AWSTemplateFormatVersion": "2010-09-09", "Parameters": {"Param": {"Type": "String"}}, "Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}, "R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": ${value}, "Policies": [{"PolicyName": "p", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ${value}, "Resource": ${value}}]}}]}}}}`
}
