import { describe, expect, it } from 'vitest'
import { explainPolicy } from '../../src/engine/explain'
import { allow, catalogue, deny, managed, policy } from './helpers'

async function explain(input: string | object) {
  return explainPolicy(input, { catalogue: await catalogue() })
}

describe('explainPolicy: statement by statement', () => {
  it('reads a bucket, object access and MFA in words', async () => {
    const e = await explain(policy(allow('s3:GetObject', 'arn:aws:s3:::logs/*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })))
    expect(e.statements).toHaveLength(1)
    expect(e.statements[0]!.text).toBe('Allows reading objects (s3:GetObject) on all objects in bucket `logs`, only when the caller signed in with MFA.')
    expect(e.statements[0]!.index).toBe(0)
    expect(e.statements[0]!.range.start.line).toBeGreaterThan(1)
  })

  it('says Deny, the principal and a transport condition', async () => {
    const e = await explain(
      policy({ Sid: 'TLS', ...deny('s3:*', ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'], { Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }) }),
    )
    const t = e.statements[0]!.text
    expect(t).toMatch(/^Denies every Amazon S3 action/)
    expect(t).toContain('bucket `logs` and its objects')
    expect(t).toContain('anyone, including anonymous users')
    expect(t).toContain('when the request is not sent over HTTPS')
    expect(e.statements[0]!.sid).toBe('TLS')
  })

  it('words source IP, organization, tags and named resources', async () => {
    const e = await explain(
      policy(
        allow(['dynamodb:GetItem', 'dynamodb:Query'], 'arn:aws:dynamodb:us-east-1:111122223333:table/orders', {
          Condition: {
            IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
            StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4', 'aws:ResourceTag/team': 'blue' },
          },
        }),
      ),
    )
    const t = e.statements[0]!.text
    expect(t).toContain('table `orders`')
    expect(t).toContain('IP range `203.0.113.0/24`')
    expect(t).toContain('organization `o-abc123def4`')
    expect(t).toContain("the resource's tag `team` is `blue`")
  })

  it('wildcards, NotAction and NotResource', async () => {
    const e = await explain(
      policy(allow('s3:Get*', 'arn:aws:s3:::*'), { Effect: 'Allow', NotAction: ['iam:*'], NotResource: 'arn:aws:s3:::secret/*' }),
    )
    expect(e.statements[0]!.text).toMatch(/every Amazon S3 action starting with "Get" \(\d+ actions that read/)
    expect(e.statements[0]!.text).toContain('all buckets')
    expect(e.statements[1]!.text).toMatch(/^Allows every action except `iam:\*`/)
    expect(e.statements[1]!.text).toContain('on all resources except all objects in bucket `secret`')
  })

  it('trust policies say who may assume the role', async () => {
    const e = await explain(
      policy({
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:octo/app:ref:refs/heads/main' } },
      }),
    )
    expect(e.summary).toMatch(/^This trust policy lets GitHub Actions workflows assume the role/)
    expect(e.statements[0]!.text).toContain('`repo:octo/app:ref:refs/heads/main`')
  })

  it('names principals of resource policies', async () => {
    const e = await explain(policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/reader' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }))
    expect(e.statements[0]!.text).toContain('for role `reader` in account 444455556666')
  })

  it("the caller's own user, and what a policy variable means", async () => {
    const e = await explain(policy(allow('iam:ChangePassword', 'arn:aws:iam::*:user/${aws:username}')))
    expect(e.statements[0]!.text).toContain("the caller's own user")
    expect(e.statements[0]!.text).toContain("replaced by the caller's user name")
  })
})

describe('explainPolicy: summary', () => {
  it('AdministratorAccess is full administrator access', async () => {
    expect((await explain(managed('AdministratorAccess'))).summary).toMatch(/full administrator access/)
  })

  it('counts actions by service and access level, and mentions denies and conditions', async () => {
    const e = await explain(
      policy(allow(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::a', 'arn:aws:s3:::a/*'], { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }), deny('s3:DeleteBucket')),
    )
    expect(e.summary).toContain('2 actions in Amazon S3 (1 List, 1 Read)')
    expect(e.summary).toContain('on the resources it names')
    expect(e.summary).toContain('only under the conditions')
    expect(e.summary).toContain('One statement denies')
  })

  it('explains what is not a policy instead of throwing', async () => {
    expect((await explain('{')).summary).toMatch(/not valid JSON/)
    expect((await explain('{"Version":"2012-10-17","Statement":[]}')).summary).toMatch(/no statements/)
    expect((await explain('[]')).statements).toEqual([])
    expect((await explain({ Statement: { Effect: 'Maybe', Action: 'x', Resource: '*' } })).statements[0]!.text).toMatch(/neither Allow nor Deny/)
  })
})
