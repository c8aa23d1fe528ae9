import { describe, expect, it } from 'vitest'
import { loadCatalogue } from '../../src/engine/catalogue/bundled'
import { simulateCase } from '../../src/engine/simulate'
import { ALLOW_ALL, buildCase, defaultResource, exportCase } from '../../src/extension/panel/simulate-case'

const identity = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }] })
const form = { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/a.csv', principal: 'arn:aws:iam::111111111111:user/alice', context: {}, multivalued: [], extras: {} }

describe('simulation case from the Simulate tab', () => {
  it('puts the policy where its type belongs', () => {
    expect(buildCase({ text: identity, policyType: 'identity' }, form).identityPolicies).toEqual([identity])
    const trust = buildCase({ text: '{}', policyType: 'trust' }, form)
    expect(trust.resourcePolicy).toBe('{}')
    expect(trust.identityPolicies).toEqual([])
    const scp = buildCase({ text: '{}', policyType: 'scp' }, form)
    expect(scp.scps).toEqual(['{}'])
    expect(scp.identityPolicies).toEqual([ALLOW_ALL])
    expect(buildCase({ text: '{}', policyType: 'boundary' }, form).permissionsBoundary).toBe('{}')
    expect(buildCase({ text: '{}', policyType: 'session' }, form).sessionPolicy).toBe('{}')
  })

  it('types the context: multivalued keys become lists, empty values are left out', () => {
    const c = buildCase(
      { text: identity, policyType: 'identity' },
      { ...form, context: { 'aws:TagKeys': 'team, env', 'aws:SourceIp': ' 203.0.113.5 ', 'aws:MultiFactorAuthPresent': '' }, multivalued: ['aws:TagKeys'] },
    )
    expect(c.request.context).toEqual({ 'aws:TagKeys': ['team', 'env'], 'aws:SourceIp': '203.0.113.5' })
  })

  it('adds the extra policies, and exports a case the simulator (and so the CLI) runs', async () => {
    const deny = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] })
    const c = buildCase({ text: identity, policyType: 'identity' }, { ...form, extras: { scp: deny } })
    expect(c.scps).toEqual([deny])
    const exported = JSON.parse(exportCase(c))
    expect(exported.identityPolicies[0].Statement[0].Action).toBe('s3:GetObject')
    const catalogue = await loadCatalogue()
    expect(simulateCase(exported, { catalogue }).decision).toBe('ExplicitDeny')
    expect(simulateCase(JSON.parse(exportCase(buildCase({ text: identity, policyType: 'identity' }, form))), { catalogue }).decision).toBe('Allowed')
  })

  it('proposes a resource from the action’s ARN format with the account and region filled in', () => {
    expect(defaultResource(['arn:${Partition}:sqs:${Region}:${Account}:${QueueName}'], '123456789012', 'eu-west-1', 'aws')).toBe('arn:aws:sqs:eu-west-1:123456789012:example-queue')
    // s3:GetObject: the plain object ARN, not the access-point template; no ${...} left.
    expect(
      defaultResource(
        ['arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'],
        '123456789012',
        'us-east-1',
        'aws',
      ),
    ).toBe('arn:aws:s3:::amzn-s3-demo-bucket/example.txt')
    expect(defaultResource([], undefined, undefined, 'aws')).toBe('*')
  })
})
