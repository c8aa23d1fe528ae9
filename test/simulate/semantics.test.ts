/**
 * Doc-backed cases beyond shared/examples: policy types, same- and cross-account rules, trust and KMS
 * key policies, sessions, NotPrincipal, SCP levels, RCPs, variables, resource and action matching,
 * derived context, errors and explanations. Each test names the AWS page it follows.
 */
import { describe, expect, it } from 'vitest'
import { compilePolicySet, evaluate, simulateCase, simulateCases } from '../../src/engine/simulate'
import { A, B, C, alice, allow, decision, deny, devRole, devSession, makeCase, object, policy, queueB, sim } from './helpers'

const EVAL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html'
const BASICS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html'
const XACCT = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html'
const PB = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html'
const SESSION = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session'
const PRINCIPAL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html'
const NP = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html'
const SCP = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html'
const RCP = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html'
const KMS = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html'
const TRUST = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_compare-resource-policies.html'
const VARS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html'
const RES = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html'
const NR = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html'
const NA = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html'
const ACTION = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html'
const KEYS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html'

const s3All = policy(allow('s3:*'))
const key = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
const targetRole = `arn:aws:iam::${A}:role/target`
const rpFor = (principal: unknown, action: string | string[] = 's3:GetObject', resource: string = object) =>
  policy({ Effect: 'Allow', Principal: principal, Action: action, Resource: resource })

describe(`Identity-based policies and explicit deny (${BASICS})`, () => {
  it('no policy at all is an implicit deny', () => expect(decision({})).toBe('ImplicitDeny'))
  it('identity policies are a union: one Allow among several is enough', () =>
    expect(decision({ identity: [policy(allow('ec2:*')), policy(allow('s3:GetObject', object))] })).toBe('Allowed'))
  it('a Deny in another identity policy overrides the Allow', () =>
    expect(decision({ identity: [s3All, policy(deny('s3:GetObject'))] })).toBe('ExplicitDeny'))
  it('a statement without Effect never applies', () =>
    expect(decision({ identity: [policy({ Action: 's3:*', Resource: '*' })] })).toBe('ImplicitDeny'))
  it('policies given as JSON text are evaluated like objects', () =>
    expect(decision({ identity: [JSON.stringify(s3All)] })).toBe('Allowed'))
})

describe(`Action and NotAction (${ACTION}; ${NA})`, () => {
  it('actions compare case-insensitively', () => expect(decision({ identity: [policy(allow('S3:getobject'))] })).toBe('Allowed'))
  it('"*" alone is every action', () => expect(decision({ identity: [policy(allow('*'))] })).toBe('Allowed'))
  it('a wildcard in the middle: s3:*Object*', () => expect(decision({ action: 's3:GetObjectAcl', identity: [policy(allow('s3:*Object*'))] })).toBe('Allowed'))
  it('wildcards do not cross into another service', () => expect(decision({ identity: [policy(allow('s3express:*'))] })).toBe('ImplicitDeny'))
  it('policy variables are not substituted in Action', () =>
    expect(decision({ context: { 'aws:PrincipalTag/svc': 's3' }, identity: [policy(allow('${aws:PrincipalTag/svc}:GetObject'))] })).toBe('ImplicitDeny'))
  it('Allow with NotAction grants every other action, limited by Resource', () => {
    expect(decision({ identity: [policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::data-bucket/*' })] })).toBe('Allowed')
    expect(decision({ identity: [policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::other/*' })] })).toBe('ImplicitDeny')
  })
  it('Deny with NotAction denies everything except the listed actions ("deny all but")', () => {
    const p = [policy(allow('*'), { Effect: 'Deny', NotAction: ['s3:Get*', 'iam:*'], Resource: '*' })]
    expect(decision({ identity: p })).toBe('Allowed')
    expect(decision({ action: 's3:PutObject', identity: p })).toBe('ExplicitDeny')
  })
})

describe(`Resource and NotResource (${RES}; ${NR})`, () => {
  const one = (resource: string | string[], reqResource: string, action = 's3:GetObject') =>
    decision({ action, resource: reqResource, identity: [policy(allow(action, resource))] })
  it('bucket/* does not cover the bucket itself', () => expect(one('arn:aws:s3:::data-bucket/*', 'arn:aws:s3:::data-bucket', 's3:ListBucket')).toBe('ImplicitDeny'))
  it('resource ARNs are case-sensitive (IAM user names)', () =>
    expect(one(`arn:aws:iam::${A}:user/Bob`, `arn:aws:iam::${A}:user/bob`, 'iam:GetUser')).toBe('ImplicitDeny'))
  it('* inside the resource part matches slashes: bucket/*/test/*', () =>
    expect(one('arn:aws:s3:::data-bucket/*/test/*', 'arn:aws:s3:::data-bucket/1/2/test/3/object.jpg')).toBe('Allowed'))
  it('? is exactly one character', () => expect(one('arn:aws:s3:::data-bucket/reports/q?.csv', object)).toBe('Allowed'))
  it('a * that ends a segment may expand past colons', () =>
    expect(one('arn:aws:sqs:*', `arn:aws:sqs:us-east-1:${A}:orders`, 'sqs:SendMessage')).toBe('Allowed'))
  it('a * in the middle of a segment does not cross a colon', () =>
    expect(one(`arn:aws:sqs:us-*1:${B}:orders`, `arn:aws:sqs:us-east:x1:${B}:orders`, 'sqs:SendMessage')).toBe('ImplicitDeny'))
  it('wildcards in the account segment', () => expect(one('arn:aws:sqs:us-east-1:*:orders', `arn:aws:sqs:us-east-1:${A}:orders`, 'sqs:SendMessage')).toBe('Allowed'))
  it('a specific ARN does not match a request whose resource is "*"', () =>
    expect(one('arn:aws:s3:::data-bucket', '*', 's3:ListAllMyBuckets')).toBe('ImplicitDeny'))
  it('Allow NotResource: everything except the listed resources', () => {
    const p = [policy({ Effect: 'Allow', Action: 's3:*', NotResource: ['arn:aws:s3:::secret', 'arn:aws:s3:::secret/*'] })]
    expect(decision({ identity: p })).toBe('Allowed')
    expect(decision({ resource: 'arn:aws:s3:::secret/x', identity: p })).toBe('ImplicitDeny')
  })
  it('Deny NotResource denies everything outside the list', () => {
    const p = [s3All, policy({ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::data-bucket/*' })]
    expect(decision({ identity: p })).toBe('Allowed')
    expect(decision({ resource: 'arn:aws:s3:::other/x', identity: p })).toBe('ExplicitDeny')
  })
})

describe(`Policy variables (${VARS})`, () => {
  const home = (resource: string, principal = alice, extra: Record<string, unknown> = {}, version = '2012-10-17') =>
    decision({
      principal,
      resource,
      context: extra,
      identity: [{ Version: version, Statement: [allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*')] }],
    })
  it('${aws:username} is derived for an IAM user and substituted', () => expect(home('arn:aws:s3:::home/alice/f')).toBe('Allowed'))
  it('the substituted value is case-sensitive', () => expect(home('arn:aws:s3:::home/Alice/f')).toBe('ImplicitDeny'))
  it('a role session has no aws:username: the Allow grants nothing', () => expect(home('arn:aws:s3:::home/s1/f', devSession)).toBe('ImplicitDeny'))
  it('without Version 2012-10-17 the text is literal', () => {
    expect(home('arn:aws:s3:::home/alice/f', alice, {}, '2008-10-17')).toBe('ImplicitDeny')
    expect(home('arn:aws:s3:::home/${aws:username}/f', alice, {}, '2008-10-17')).toBe('Allowed')
    expect(
      decision({ resource: 'arn:aws:s3:::home/${aws:username}/f', identity: [{ Statement: [allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*')] }] }),
    ).toBe('Allowed')
  })
  it('variable names are case-insensitive', () =>
    expect(decision({ resource: 'arn:aws:s3:::home/alice/f', identity: [policy(allow('s3:GetObject', 'arn:aws:s3:::home/${AWS:UserName}/*'))] })).toBe('Allowed'))
  it('a default value is used when the key is missing, ignored when present', () => {
    const p = [policy(allow('s3:GetObject', "arn:aws:s3:::team/${aws:PrincipalTag/team, 'shared'}/*"))]
    expect(decision({ resource: 'arn:aws:s3:::team/shared/x', identity: p })).toBe('Allowed')
    expect(decision({ resource: 'arn:aws:s3:::team/shared/x', context: { 'aws:PrincipalTag/team': 'blue' }, identity: p })).toBe('ImplicitDeny')
    expect(decision({ resource: 'arn:aws:s3:::team/blue/x', context: { 'aws:PrincipalTag/team': 'blue' }, identity: p })).toBe('Allowed')
  })
  it('${*}, ${?} and ${$} are literal characters', () => {
    const p = (r: string) => [policy(allow('s3:GetObject', r))]
    expect(decision({ resource: 'arn:aws:s3:::b/a*b', identity: p('arn:aws:s3:::b/a${*}b') })).toBe('Allowed')
    expect(decision({ resource: 'arn:aws:s3:::b/axb', identity: p('arn:aws:s3:::b/a${*}b') })).toBe('ImplicitDeny')
    expect(decision({ resource: 'arn:aws:s3:::b/a?', identity: p('arn:aws:s3:::b/a${?}') })).toBe('Allowed')
    expect(decision({ resource: 'arn:aws:s3:::b/$x', identity: p('arn:aws:s3:::b/${$}x') })).toBe('Allowed')
  })
  it('a substituted value is literal: its characters are not wildcards', () =>
    expect(
      decision({ resource: 'arn:aws:s3:::b/anything', context: { 'aws:PrincipalTag/p': '*' }, identity: [policy(allow('s3:GetObject', 'arn:aws:s3:::b/${aws:PrincipalTag/p}'))] }),
    ).toBe('ImplicitDeny'))
  it('variables work in colon-only resource parts (SQS queue names)', () =>
    expect(
      decision({ action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${A}:alice-queue`, identity: [policy(allow('sqs:SendMessage', `arn:aws:sqs:us-east-1:${A}:\${aws:username}-queue`))] }),
    ).toBe('Allowed'))
  it('variables are only substituted in the resource part (after the fifth colon)', () =>
    expect(
      decision({ action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${A}:q`, context: { 'aws:PrincipalTag/r': 'us-east-1' }, identity: [policy(allow('sqs:SendMessage', `arn:aws:sqs:\${aws:PrincipalTag/r}:${A}:q`))] }),
    ).toBe('ImplicitDeny'))
  it('a variable with no value in a Deny: the Deny does not apply', () =>
    expect(decision({ principal: devSession, identity: [policy(allow('s3:*'), deny('s3:GetObject', '*', { Condition: { StringNotEquals: { 'aws:PrincipalTag/x': '${aws:username}' } } }))] })).toBe('Allowed'))
  it('variables in StringLike condition values', () =>
    expect(
      decision({ action: 's3:ListBucket', resource: 'arn:aws:s3:::home', context: { 's3:prefix': 'alice/docs' }, identity: [policy(allow('s3:ListBucket', '*', { Condition: { StringLike: { 's3:prefix': '${aws:username}/*' } } }))] }),
    ).toBe('Allowed'))
  it('a variable without a value invalidates the whole statement, even when another Resource entry matches', () =>
    expect(decision({ principal: devSession, resource: 'arn:aws:s3:::public/x', identity: [policy(allow('s3:GetObject', ['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::public/*']))] })).toBe('ImplicitDeny'))
  it('a variable without a value in NotResource: the statement does not apply', () =>
    expect(decision({ principal: devSession, identity: [s3All, policy({ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::home/${aws:username}/*' })] })).toBe('Allowed'))
  it('a multivalued key cannot be a variable', () =>
    expect(decision({ resource: 'arn:aws:s3:::b/env', context: { 'aws:TagKeys': ['env'] }, identity: [policy(allow('s3:GetObject', 'arn:aws:s3:::b/${aws:TagKeys}'))] })).toBe('ImplicitDeny'))
})

describe(`Derived request context (shared/specs/simulation-case.md; ${KEYS})`, () => {
  const cond = (principal: string, c: Record<string, unknown>, context: Record<string, unknown> = {}) =>
    decision({ principal, context, identity: [policy(allow('s3:GetObject', '*', { Condition: c }))] })
  it('aws:PrincipalArn of a role session is the role ARN', () => expect(cond(devSession, { ArnEquals: { 'aws:PrincipalArn': devRole } })).toBe('Allowed'))
  it('aws:PrincipalAccount and aws:PrincipalType for a user', () =>
    expect(cond(alice, { StringEquals: { 'aws:PrincipalAccount': A, 'aws:PrincipalType': 'User', 'aws:username': 'alice' } })).toBe('Allowed'))
  it('aws:PrincipalType of a role session is AssumedRole', () => expect(cond(devSession, { StringEquals: { 'aws:PrincipalType': 'AssumedRole' } })).toBe('Allowed'))
  it('aws:ResourceAccount comes from the resource ARN', () =>
    expect(decision({ action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${A}:q`, identity: [policy(allow('sqs:*', '*', { Condition: { StringEquals: { 'aws:ResourceAccount': A } } }))] })).toBe('Allowed'))
  it('aws:ResourceAccount falls back to the caller account for S3 ARNs', () => expect(cond(alice, { StringEquals: { 'aws:ResourceAccount': A } })).toBe('Allowed'))
  it('a user path is not part of aws:username', () => expect(cond(`arn:aws:iam::${A}:user/eng/alice`, { StringEquals: { 'aws:username': 'alice' } })).toBe('Allowed'))
  it('the root user: aws:userid is the account ID, type Account', () =>
    expect(cond(`arn:aws:iam::${A}:root`, { StringEquals: { 'aws:userid': A, 'aws:PrincipalType': 'Account' } })).toBe('Allowed'))
  it('given values are never overridden by derived ones', () =>
    expect(cond(alice, { StringEquals: { 'aws:username': 'mallory' } }, { 'aws:username': 'mallory' })).toBe('Allowed'))
  it('aws:PrincipalIsAWSService is false for IAM callers', () => expect(cond(alice, { Bool: { 'aws:PrincipalIsAWSService': 'false' } })).toBe('Allowed'))
})

describe(`Resource-based policies in the same account (${EVAL})`, () => {
  it('a grant to the IAM user ARN stands alone: no identity policy needed', () =>
    expect(decision({ resourcePolicy: rpFor({ AWS: alice }) })).toBe('Allowed'))
  it('a grant to the user ARN is not limited by an implicit deny in the boundary', () =>
    expect(decision({ resourcePolicy: rpFor({ AWS: alice }), permissionsBoundary: policy(allow('ec2:*')) })).toBe('Allowed'))
  it('a grant to the account delegates to IAM policies: identity silent → ImplicitDeny', () =>
    expect(decision({ resourcePolicy: rpFor({ AWS: `arn:aws:iam::${A}:root` }) })).toBe('ImplicitDeny'))
  it('"AWS": "ACCOUNT" is the same as the account root ARN', () =>
    expect(decision({ resourcePolicy: rpFor({ AWS: A }), identity: [s3All] })).toBe('Allowed'))
  it('a grant to the role session ARN: boundary and session policy implicit denies do not matter', () =>
    expect(
      decision({ principal: devSession, resourcePolicy: rpFor({ AWS: devSession }), permissionsBoundary: policy(allow('ec2:*')), sessionPolicy: policy(allow('ec2:*')) }),
    ).toBe('Allowed'))
  it('a grant to the role ARN: identity not needed, but the boundary still limits', () => {
    expect(decision({ principal: devSession, resourcePolicy: rpFor({ AWS: devRole }) })).toBe('Allowed')
    expect(decision({ principal: devSession, resourcePolicy: rpFor({ AWS: devRole }), permissionsBoundary: policy(allow('ec2:*')) })).toBe('ImplicitDeny')
  })
  it('a grant to the role ARN: the session policy still limits', () =>
    expect(decision({ principal: devSession, resourcePolicy: rpFor({ AWS: devRole }), sessionPolicy: policy(allow('ec2:*')) })).toBe('ImplicitDeny'))
  it('a role ARN with a path in the policy still names the session (sessions do not carry the path)', () =>
    expect(decision({ principal: devSession, resourcePolicy: rpFor({ AWS: `arn:aws:iam::${A}:role/team/dev` }) })).toBe('Allowed'))
  it(`a resource-policy Deny naming the account denies its users (${PRINCIPAL})`, () =>
    expect(decision({ identity: [s3All], resourcePolicy: policy({ Effect: 'Deny', Principal: { AWS: A }, Action: 's3:*', Resource: '*' }) })).toBe('ExplicitDeny'))
  it('a Principal that does not name the caller grants nothing', () =>
    expect(decision({ resourcePolicy: rpFor({ AWS: `arn:aws:iam::${A}:user/bob` }) })).toBe('ImplicitDeny'))
  it('wildcards inside a principal ARN are not wildcards', () =>
    expect(decision({ resourcePolicy: rpFor({ AWS: `arn:aws:iam::${A}:user/*` }) })).toBe('ImplicitDeny'))
  it(`Principal "*" grants everyone (${PRINCIPAL})`, () => expect(decision({ resourcePolicy: rpFor('*') })).toBe('Allowed'))
})

describe(`Service principals and anonymous callers (${PRINCIPAL})`, () => {
  const cloudtrail = 'cloudtrail.amazonaws.com'
  const put = { action: 's3:PutObject', resource: 'arn:aws:s3:::logs/AWSLogs/x' }
  it('a service principal is granted by the resource policy', () =>
    expect(decision({ ...put, principal: cloudtrail, resourcePolicy: rpFor({ Service: cloudtrail }, 's3:PutObject', 'arn:aws:s3:::logs/*') })).toBe('Allowed'))
  it('a service principal has no identity-based policies', () => expect(decision({ ...put, principal: cloudtrail, identity: [policy(allow('*'))] })).toBe('ImplicitDeny'))
  it('a resource policy for another service does not grant', () =>
    expect(decision({ ...put, principal: cloudtrail, resourcePolicy: rpFor({ Service: 'config.amazonaws.com' }, 's3:PutObject', 'arn:aws:s3:::logs/*') })).toBe('ImplicitDeny'))
  it('SCPs do not restrict service principals', () =>
    expect(decision({ ...put, principal: cloudtrail, scps: [policy(allow('ec2:*'))], resourcePolicy: rpFor({ Service: cloudtrail }, 's3:PutObject', 'arn:aws:s3:::logs/*') })).toBe('Allowed'))
  it('aws:SourceAccount conditions on service-principal grants are checked', () => {
    const rp = policy({ Effect: 'Allow', Principal: { Service: cloudtrail }, Action: 's3:PutObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': A } } })
    expect(decision({ ...put, principal: cloudtrail, context: { 'aws:SourceAccount': A }, resourcePolicy: rp })).toBe('Allowed')
    expect(decision({ ...put, principal: cloudtrail, context: { 'aws:SourceAccount': C }, resourcePolicy: rp })).toBe('ImplicitDeny')
  })
  it('an anonymous caller is granted only by Principal "*"', () => {
    expect(decision({ principal: 'anonymous', resourcePolicy: rpFor('*') })).toBe('Allowed')
    expect(decision({ principal: 'anonymous', resourcePolicy: rpFor({ AWS: '*' }) })).toBe('Allowed')
    expect(decision({ principal: 'anonymous', resourcePolicy: rpFor({ AWS: A }) })).toBe('ImplicitDeny')
  })
  it('a web identity provider is trusted through Federated (AssumeRoleWithWebIdentity)', () =>
    expect(
      decision({
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: targetRole,
        principal: 'cognito-identity.amazonaws.com',
        resourcePolicy: policy({ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }),
      }),
    ).toBe('Allowed'))
  it('a SAML provider is trusted through Federated (AssumeRoleWithSAML)', () => {
    const saml = `arn:aws:iam::${A}:saml-provider/corp`
    expect(decision({ action: 'sts:AssumeRoleWithSAML', resource: targetRole, principal: saml, resourcePolicy: policy({ Effect: 'Allow', Principal: { Federated: saml }, Action: 'sts:AssumeRoleWithSAML' }) })).toBe('Allowed')
  })
})

describe(`The account root user (${EVAL})`, () => {
  const root = `arn:aws:iam::${A}:root`
  it('the root user is allowed in its own account unless something denies', () => expect(decision({ principal: root })).toBe('Allowed'))
  it('an explicit deny still applies to the root user', () =>
    expect(decision({ principal: root, resourcePolicy: policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }) })).toBe('ExplicitDeny'))
  it(`SCPs restrict the root user of a member account (${SCP})`, () => expect(decision({ principal: root, scps: [policy(allow('ec2:*'))] })).toBe('ImplicitDeny'))
  it('the root user of another account needs the resource policy', () => {
    expect(decision({ principal: `arn:aws:iam::${B}:root`, resource: object, resourceAccount: A })).toBe('ImplicitDeny')
    expect(decision({ principal: `arn:aws:iam::${B}:root`, resourceAccount: A, resourcePolicy: rpFor({ AWS: B }) })).toBe('Allowed')
  })
  it('the root user cannot assume a role (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html)', () =>
    expect(decision({ principal: root, action: 'sts:AssumeRole', resource: targetRole, resourcePolicy: policy({ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' }) })).toBe('ImplicitDeny'))
  it('a bare account ID as the caller is its root user', () => expect(decision({ principal: A })).toBe('Allowed'))
})

describe(`Cross-account requests (${XACCT})`, () => {
  const xa = { action: 'sqs:SendMessage', resource: queueB }
  const idAllow = [policy(allow('sqs:SendMessage'))]
  it('identity allows, no resource policy → ImplicitDeny', () => expect(decision({ ...xa, identity: idAllow })).toBe('ImplicitDeny'))
  it('resource policy names the user, identity silent → ImplicitDeny', () =>
    expect(decision({ ...xa, resourcePolicy: rpFor({ AWS: alice }, 'sqs:SendMessage', queueB) })).toBe('ImplicitDeny'))
  it('resource policy names the account, identity allows → Allowed', () =>
    expect(decision({ ...xa, identity: idAllow, resourcePolicy: rpFor({ AWS: `arn:aws:iam::${A}:root` }, 'sqs:SendMessage', queueB) })).toBe('Allowed'))
  it('resource policy names another account → ImplicitDeny', () =>
    expect(decision({ ...xa, identity: idAllow, resourcePolicy: rpFor({ AWS: C }, 'sqs:SendMessage', queueB) })).toBe('ImplicitDeny'))
  it('the boundary in the trusted account still limits', () =>
    expect(decision({ ...xa, identity: idAllow, permissionsBoundary: policy(allow('s3:*')), resourcePolicy: rpFor({ AWS: alice }, 'sqs:SendMessage', queueB) })).toBe('ImplicitDeny'))
  it('a grant to the role session ARN does not lift the session policy across accounts', () =>
    expect(
      decision({ ...xa, principal: devSession, identity: idAllow, sessionPolicy: policy(allow('s3:*')), resourcePolicy: rpFor({ AWS: devSession }, 'sqs:SendMessage', queueB) }),
    ).toBe('ImplicitDeny'))
  it('resourceAccount decides cross-account for ARNs without an account (S3)', () => {
    expect(decision({ resourceAccount: B, identity: [s3All] })).toBe('ImplicitDeny')
    expect(decision({ resourceAccount: B, identity: [s3All], resourcePolicy: rpFor({ AWS: A }) })).toBe('Allowed')
  })
  it('an explicit deny in either account wins', () =>
    expect(decision({ ...xa, identity: [policy(allow('sqs:*'), deny('sqs:SendMessage'))], resourcePolicy: rpFor('*', 'sqs:SendMessage', queueB) })).toBe('ExplicitDeny'))
})

describe(`Permissions boundaries (${PB})`, () => {
  it('identity ∩ boundary: both allow', () => expect(decision({ identity: [s3All], permissionsBoundary: policy(allow('s3:Get*')) })).toBe('Allowed'))
  it('the boundary never grants by itself', () => expect(decision({ permissionsBoundary: policy(allow('*')) })).toBe('ImplicitDeny'))
  it('an explicit deny in the boundary denies', () =>
    expect(decision({ identity: [s3All], permissionsBoundary: policy(allow('*'), deny('s3:GetObject')) })).toBe('ExplicitDeny'))
  it('a resource-policy Deny with NotPrincipal always denies a caller that has a boundary', () =>
    expect(
      decision({
        identity: [s3All],
        permissionsBoundary: policy(allow('*')),
        resourcePolicy: policy({ Effect: 'Deny', NotPrincipal: { AWS: [alice, `arn:aws:iam::${A}:root`] }, Action: 's3:*', Resource: '*' }),
      }),
    ).toBe('ExplicitDeny'))
})

describe(`Session policies (${SESSION})`, () => {
  it('a role session without a session policy: identity decides', () => expect(decision({ principal: devSession, identity: [s3All] })).toBe('Allowed'))
  it('session policy ∩ identity', () => expect(decision({ principal: devSession, identity: [s3All], sessionPolicy: policy(allow('ec2:*')) })).toBe('ImplicitDeny'))
  it('a Deny in the session policy is explicit', () =>
    expect(decision({ principal: devSession, identity: [s3All], sessionPolicy: policy(allow('*'), deny('s3:GetObject')) })).toBe('ExplicitDeny'))
  it('a federated-user session without a session policy has no permissions', () =>
    expect(decision({ principal: `arn:aws:sts::${A}:federated-user/bob`, identity: [s3All] })).toBe('ImplicitDeny'))
  it('a federated-user session: identity ∩ session policy', () =>
    expect(decision({ principal: `arn:aws:sts::${A}:federated-user/bob`, identity: [s3All], sessionPolicy: policy(allow('s3:GetObject')) })).toBe('Allowed'))
  it('a resource policy naming the federated-user session grants on its own in the same account', () =>
    expect(decision({ principal: `arn:aws:sts::${A}:federated-user/bob`, resourcePolicy: rpFor({ AWS: `arn:aws:sts::${A}:federated-user/bob` }) })).toBe('Allowed'))
  it('a session policy does not limit an IAM user (no session)', () => expect(decision({ identity: [s3All], sessionPolicy: policy(allow('ec2:*')) })).toBe('Allowed'))
})

describe(`Role trust policies (${TRUST})`, () => {
  const assume = { action: 'sts:AssumeRole', resource: targetRole }
  const trust = (principal: unknown) => policy({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' })
  const idAssume = [policy(allow('sts:AssumeRole', targetRole))]
  it('trust names the account, identity allows → Allowed', () => expect(decision({ ...assume, identity: idAssume, resourcePolicy: trust({ AWS: A }) })).toBe('Allowed'))
  it('trust names the account, identity silent → ImplicitDeny', () => expect(decision({ ...assume, resourcePolicy: trust({ AWS: A }) })).toBe('ImplicitDeny'))
  it('identity allows but the trust policy names someone else → ImplicitDeny', () =>
    expect(decision({ ...assume, identity: idAssume, resourcePolicy: trust({ AWS: `arn:aws:iam::${A}:user/bob` }) })).toBe('ImplicitDeny'))
  it('identity allows but no trust policy is given → ImplicitDeny (the trust policy must allow)', () => expect(decision({ ...assume, identity: idAssume })).toBe('ImplicitDeny'))
  it('trust names the user directly → Allowed without identity policy (same account)', () => expect(decision({ ...assume, resourcePolicy: trust({ AWS: alice }) })).toBe('Allowed'))
  it('trust conditions are checked (sts:ExternalId)', () => {
    const t = policy({ Effect: 'Allow', Principal: { AWS: B }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x-1' } } })
    const bob = `arn:aws:iam::${B}:user/bob`
    expect(decision({ ...assume, principal: bob, identity: idAssume, resourcePolicy: t, context: { 'sts:ExternalId': 'x-1' } })).toBe('Allowed')
    expect(decision({ ...assume, principal: bob, identity: idAssume, resourcePolicy: t })).toBe('ImplicitDeny')
  })
  it('a service principal assumes a role through its trust policy', () =>
    expect(decision({ ...assume, principal: 'lambda.amazonaws.com', resourcePolicy: trust({ Service: 'lambda.amazonaws.com' }) })).toBe('Allowed'))
})

describe(`KMS key policies (${KMS})`, () => {
  const decrypt = { action: 'kms:Decrypt', resource: key }
  const kp = (principal: unknown, action = 'kms:*') => policy({ Effect: 'Allow', Principal: principal, Action: action, Resource: '*' })
  const idKms = [policy(allow('kms:Decrypt'))]
  it('key policy names the account (enables IAM policies) + identity allows → Allowed', () => expect(decision({ ...decrypt, identity: idKms, resourcePolicy: kp({ AWS: `arn:aws:iam::${A}:root` }) })).toBe('Allowed'))
  it('identity allows, key policy does not mention the account → ImplicitDeny', () =>
    expect(decision({ ...decrypt, identity: idKms, resourcePolicy: kp({ AWS: `arn:aws:iam::${A}:user/bob` }) })).toBe('ImplicitDeny'))
  it('identity allows, no key policy given → ImplicitDeny', () => expect(decision({ ...decrypt, identity: idKms })).toBe('ImplicitDeny'))
  it('key policy names the user directly → Allowed without identity policy', () => expect(decision({ ...decrypt, resourcePolicy: kp({ AWS: alice }) })).toBe('Allowed'))
  it('kms actions that are not on a key (kms:ListKeys on "*") follow the usual rules', () =>
    expect(decision({ action: 'kms:ListKeys', resource: '*', identity: [policy(allow('kms:ListKeys'))] })).toBe('Allowed'))
  it('cross-account key use: key policy names the account and identity allows', () => {
    const keyB = `arn:aws:kms:us-east-1:${B}:key/k1`
    expect(decision({ action: 'kms:Decrypt', resource: keyB, identity: idKms, resourcePolicy: kp({ AWS: A }) })).toBe('Allowed')
    expect(decision({ action: 'kms:Decrypt', resource: keyB, resourcePolicy: kp({ AWS: A }) })).toBe('ImplicitDeny')
  })
})

describe(`NotPrincipal (${NP})`, () => {
  const npDeny = (listed: string[]) => policy(allow('s3:*'), { Effect: 'Deny', NotPrincipal: { AWS: listed }, Action: 's3:*', Resource: '*' })
  it('listing the user and its account exempts the user', () =>
    expect(decision({ identity: [s3All], resourcePolicy: npDeny([alice, `arn:aws:iam::${A}:root`]) })).toBe('Allowed'))
  it('listing only the user ARN: the account is denied, and so is the user', () => expect(decision({ identity: [s3All], resourcePolicy: npDeny([alice]) })).toBe('ExplicitDeny'))
  it('listing only the account root does not exempt the users of the account', () =>
    expect(decision({ identity: [s3All], resourcePolicy: npDeny([`arn:aws:iam::${A}:root`]) })).toBe('ExplicitDeny'))
  it('a role session is exempt only with the session, role and account ARNs listed', () => {
    expect(decision({ principal: devSession, identity: [s3All], resourcePolicy: npDeny([devSession, devRole, `arn:aws:iam::${A}:root`]) })).toBe('Allowed')
    expect(decision({ principal: devSession, identity: [s3All], resourcePolicy: npDeny([devSession, `arn:aws:iam::${A}:root`]) })).toBe('ExplicitDeny')
  })
  it('everybody else is denied', () => expect(decision({ principal: `arn:aws:iam::${A}:user/bob`, identity: [s3All], resourcePolicy: npDeny([alice, A]) })).toBe('ExplicitDeny'))
})

describe(`SCPs (${SCP})`, () => {
  const allowAll = policy(allow('*'))
  it('every level must allow: root, OU and account all allow → Allowed', () => expect(decision({ identity: [s3All], scps: [allowAll, policy(allow('s3:*')), allowAll] })).toBe('Allowed'))
  it('one level without an Allow → ImplicitDeny', () => expect(decision({ identity: [s3All], scps: [allowAll, policy(allow('ec2:*')), allowAll] })).toBe('ImplicitDeny'))
  it('a level with several policies passes when one of them allows', () =>
    expect(decision({ identity: [s3All], scps: [allowAll, [policy(allow('ec2:*')), policy(allow('s3:Get*'))]] })).toBe('Allowed'))
  it('an SCP Allow grants nothing by itself', () => expect(decision({ scps: [allowAll] })).toBe('ImplicitDeny'))
  it('an empty level has no Allow', () => expect(decision({ identity: [s3All], scps: [allowAll, []] })).toBe('ImplicitDeny'))
  it('SCPs limit a resource-policy grant too', () => expect(decision({ resourcePolicy: rpFor({ AWS: alice }), scps: [policy(allow('ec2:*'))] })).toBe('ImplicitDeny'))
  it('an SCP Deny with a condition on aws:PrincipalArn exempts the admin role', () => {
    const scp = policy(allow('*'), deny('s3:*', '*', { Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } } }))
    expect(decision({ principal: `arn:aws:sts::${A}:assumed-role/admin/x`, identity: [s3All], scps: [scp] })).toBe('Allowed')
    expect(decision({ principal: devSession, identity: [s3All], scps: [scp] })).toBe('ExplicitDeny')
  })
  it('SCPs do not restrict service-linked roles', () =>
    expect(decision({ principal: `arn:aws:iam::${A}:role/aws-service-role/elasticmapreduce.amazonaws.com/AWSServiceRoleForEMR`, identity: [s3All], scps: [policy(allow('ec2:*'))] })).toBe('Allowed'))
})

describe(`RCPs (${RCP})`, () => {
  it('an RCP Deny applies even when identity and resource policy allow', () =>
    expect(decision({ identity: [s3All], rcps: [policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' })] })).toBe('ExplicitDeny'))
  it('RCPFullAWSAccess is implied: RCPs without a matching Allow do not block', () =>
    expect(decision({ identity: [s3All], rcps: [policy({ Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: '*' })] })).toBe('Allowed'))
  it('a data-perimeter RCP denies callers outside the organization', () => {
    const rcp = policy({ Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-mine' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } })
    const xa = { action: 'sqs:SendMessage', resource: queueB, identity: [policy(allow('sqs:*'))], resourcePolicy: rpFor({ AWS: A }, 'sqs:SendMessage', queueB), rcps: [rcp] }
    expect(decision({ ...xa, context: { 'aws:PrincipalOrgID': 'o-other' } })).toBe('ExplicitDeny')
    expect(decision({ ...xa, context: { 'aws:PrincipalOrgID': 'o-mine' } })).toBe('Allowed')
  })
  it('RCPs apply to service principals (the KMS RCP examples restrict them: https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html)', () =>
    expect(
      decision({
        action: 's3:PutObject',
        principal: 'cloudtrail.amazonaws.com',
        resourcePolicy: rpFor({ Service: 'cloudtrail.amazonaws.com' }, 's3:PutObject', '*'),
        rcps: [policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:SourceOrgID': 'o-mine' } } })],
        context: { 'aws:SourceOrgID': 'o-other' },
      }),
    ).toBe('ExplicitDeny'))
  it('with the catalogue, RCPs apply only to services that support them', async () => {
    const { loadCatalogue } = await import('../../src/engine/catalogue/bundled')
    const catalogue = await loadCatalogue()
    const c = makeCase({ action: 'ec2:TerminateInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-1`, identity: [policy(allow('ec2:*'))], rcps: [policy({ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' })] })
    expect(simulateCase(c).decision).toBe('ExplicitDeny')
    expect(catalogue.rcpServices.has('ec2')).toBe(false)
    expect(simulateCase(c, { catalogue }).decision).toBe('Allowed')
  })
  it('RCPs apply to anonymous callers', () =>
    expect(decision({ principal: 'anonymous', resourcePolicy: rpFor('*'), rcps: [policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' })] })).toBe('ExplicitDeny'))
})

describe('GetCallerIdentity (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html)', () => {
  it('needs no permission and a Deny cannot stop it', () =>
    expect(decision({ action: 'sts:GetCallerIdentity', resource: '*', identity: [policy(deny('*'))] })).toBe('Allowed'))
})

describe('Malformed input yields {id, error} (shared/specs/cli.md)', () => {
  it('a policy with a JSON syntax error names the policy and the position', () => {
    const r = simulateCase({ id: 'bad', request: { action: 's3:GetObject', resource: object }, identityPolicies: [s3All, '{"Version": "2012-10-17",\n "Statement": [ }'] })
    expect(r.id).toBe('bad')
    expect(r.decision).toBeUndefined()
    expect(r.error).toMatch(/identityPolicies\[1\]/)
    expect(r.error).toMatch(/line 2, column \d+/)
  })
  it('a missing request, a bad action, a bad principal', () => {
    expect(simulateCase({ identityPolicies: [] }).error).toMatch(/request/)
    expect(simulateCase({ request: { action: 'GetObject', resource: '*' } }).error).toMatch(/service:Action/)
    expect(simulateCase({ request: { action: 's3:GetObject', resource: '*', principal: 'bob' } }).error).toMatch(/principal/)
    expect(simulateCase({ request: { action: 's3:GetObject' } }).error).toMatch(/resource/)
    expect(simulateCase({ request: { action: 's3:GetObject', resource: '*', context: { k: { nested: 1 } } } }).error).toMatch(/context/)
  })
  it('one bad case does not stop the others; ids default to the index', () => {
    const results = simulateCases([makeCase({ identity: [s3All] }), 42, { id: 'x', request: {} }])
    expect(results.map((r) => r.id)).toEqual(['0', '1', 'x'])
    expect(results[0]!.decision).toBe('Allowed')
    expect(results[1]!.error).toBeDefined()
    expect(results[2]!.error).toBeDefined()
  })
  it('a single case (not an array) gives a one-element array', () => expect(simulateCases(makeCase({})).length).toBe(1))
})

describe('Explanations', () => {
  it('name the deciding policy and statement, and each condition with both sides', () => {
    const r = sim({
      context: { 'aws:SourceIp': '10.1.1.1' },
      identity: [policy(allow('s3:*'), { Sid: 'OnlyCorp', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } })],
    })
    expect(r.decision).toBe('ExplicitDeny')
    const [first] = r.explanation!
    expect(first).toMatchObject({ kind: 'decision', policy: 'identity[0]', statement: 1, sid: 'OnlyCorp', effect: 'Deny' })
    const line = r.explanation!.find((l) => l.kind === 'statement' && l.sid === 'OnlyCorp')!
    expect(line.conditions).toEqual([{ operator: 'NotIpAddress', key: 'aws:SourceIp', requestValues: ['10.1.1.1'], policyValues: ['203.0.113.0/24'], result: true }])
    expect(line.text).toMatch(/NotIpAddress aws:SourceIp/)
  })
  it('give the range of each statement when the policy is given as text', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},\n    {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}'
    const r = simulateCase(makeCase({ identity: [text] }))
    expect(r.decision).toBe('ExplicitDeny')
    expect(r.explanation![0]!.range).toEqual({ start: { line: 5, column: 5 }, end: { line: 5, column: 66 } })
    expect(r.explanation!.filter((l) => l.kind === 'statement').map((l) => l.range!.start.line)).toEqual([4, 5])
  })
  it('explain why an SCP level blocks', () => {
    const r = sim({ identity: [s3All], scps: [policy(allow('*')), policy(allow('ec2:*'))] })
    expect(r.explanation![0]!.text).toMatch(/scps\[1\]/)
  })
  it('show resolved policy variables', () => {
    const r = sim({ action: 's3:ListBucket', resource: 'arn:aws:s3:::b', context: { 's3:prefix': 'bob/' }, identity: [policy(allow('s3:ListBucket', '*', { Condition: { StringLike: { 's3:prefix': '${aws:username}/*' } } }))] })
    const c = r.explanation!.find((l) => l.kind === 'statement')!.conditions![0]!
    expect(c.policyValues).toEqual(['alice/*'])
    expect(c.result).toBe(false)
  })
})

describe('compilePolicySet + evaluate: compile once, evaluate many', () => {
  it('gives the same decisions as simulateCase', () => {
    const set = compilePolicySet({ identityPolicies: [policy(allow('s3:Get*'), deny('s3:GetObjectAcl'))] })
    expect(evaluate(set, { action: 's3:GetObject', resource: object, principal: alice }).decision).toBe('Allowed')
    expect(evaluate(set, { action: 's3:GetObjectAcl', resource: object, principal: alice }).decision).toBe('ExplicitDeny')
    expect(evaluate(set, { action: 's3:PutObject', resource: object, principal: alice }, { explain: false }).decision).toBe('ImplicitDeny')
    expect(evaluate(set, { action: 'nope' }).error).toBeDefined()
  })
  it('a set with a broken policy reports the error on evaluate', () => {
    const set = compilePolicySet({ identityPolicies: ['{'] })
    expect(set.errors.length).toBe(1)
    expect(evaluate(set, { action: 's3:GetObject', resource: '*' }).error).toMatch(/identityPolicies\[0\]/)
  })
})
