/**
 * Issue 15, least privilege and simulator: reuse of roles already attached to resources, AWS-owned resources,
 * conditions that cannot hold today, fully denied statements, grouping, and the simulator's notes for writes
 * AWS rejects outside policy evaluation. Our own cases; each test names the AWS page it follows.
 */
import { describe, expect, it } from 'vitest'
import type { Suggestion } from '../../src/engine/findings/types'
import { PRIVESC_METHODS, suggestPolicy } from '../../src/engine/suggest'
import { allow, catalogue, deny, policy, suggest } from '../suggest/helpers'
import { sim } from '../simulate/helpers'

const codes = (l: Suggestion[]): string[] => l.map((s) => s.code)
const NOW = Date.parse('2026-06-01T00:00:00Z')

describe('escalation by reusing a role already attached to a resource (no iam:PassRole needed)', () => {
  it('the methods are data with their sources', () => {
    for (const id of ['EXISTING_ROLE_CLOUDFORMATION_UPDATE_STACK', 'EXISTING_ROLE_APPRUNNER_UPDATE_SERVICE', 'EXISTING_ROLE_CODEBUILD_START_BUILD']) {
      const m = PRIVESC_METHODS.find((x) => x.id === id)
      expect(m?.sources).toMatch(/pathfinding\.cloud/)
      expect(m?.passRoleTo).toBeUndefined()
    }
  })
  it('cloudformation:UpdateStack (with DescribeStacks) on a stack with a service role (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html)', async () => {
    const l = await suggest(policy(allow(['cloudformation:UpdateStack', 'cloudformation:DescribeStacks'])))
    expect(codes(l)).toContain('PRIVILEGE_ESCALATION_EXISTING_ROLE_CLOUDFORMATION_UPDATE_STACK')
  })
  it('apprunner:UpdateService (https://docs.aws.amazon.com/apprunner/latest/dg/security_iam_service-with-iam.html)', async () => {
    expect(codes(await suggest(policy(allow('apprunner:UpdateService'))))).toContain('PRIVILEGE_ESCALATION_EXISTING_ROLE_APPRUNNER_UPDATE_SERVICE')
  })
  for (const action of ['codebuild:StartBuild', 'codebuild:StartBuildBatch'])
    it(`${action} with a buildspec override (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_StartBuild.html)`, async () => {
      expect(codes(await suggest(policy(allow(action))))).toContain('PRIVILEGE_ESCALATION_EXISTING_ROLE_CODEBUILD_START_BUILD')
    })
  it('not when the action is limited to a named project the caller owns', async () => {
    const l = await suggest(policy(allow('codebuild:StartBuild', 'arn:aws:codebuild:us-east-1:111122223333:project/my-build')))
    expect(l.find((s) => s.code === 'PRIVILEGE_ESCALATION_EXISTING_ROLE_CODEBUILD_START_BUILD')?.severity ?? 'SUGGESTION').toBe('SUGGESTION')
  })
})

describe('no escalation through resources AWS owns (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies)', () => {
  it('iam:CreatePolicyVersion on AWS managed policy ARNs', async () => {
    const l = await suggest(policy(allow(['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion'], ['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/*'])))
    expect(l.filter((s) => s.category === 'privilege-escalation')).toEqual([])
  })
  it('the same actions on customer policies are still escalation', async () => {
    const l = await suggest(policy(allow('iam:CreatePolicyVersion', 'arn:aws:iam::111122223333:policy/*')))
    expect(codes(l)).toContain('PRIVILEGE_ESCALATION_CREATE_POLICY_VERSION')
  })
  it('changes to AWSReservedSSO_* roles (https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-and-iam-roles.html)', async () => {
    const l = await suggest(policy(allow(['iam:UpdateAssumeRolePolicy', 'iam:PutRolePolicy', 'iam:AttachRolePolicy'], 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_*')))
    expect(l.filter((s) => s.category === 'privilege-escalation')).toEqual([])
  })
})

describe('a condition that can never hold today lowers the finding, with the reason (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date)', () => {
  const escalation = (cond: object) => policy(allow('iam:CreatePolicyVersion', '*', { Condition: cond }))
  it('DateLessThan aws:TokenIssueTime in the past', async () => {
    const l = await suggest(escalation({ DateLessThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }), { now: NOW })
    const f = l.find((s) => s.code === 'PRIVILEGE_ESCALATION_CREATE_POLICY_VERSION')
    expect(f?.severity).toBe('SUGGESTION')
    expect(f?.message).toMatch(/cannot apply now.*expired/)
  })
  it('DateGreaterThan aws:CurrentTime far in the future', async () => {
    const f = (await suggest(escalation({ DateGreaterThan: { 'aws:CurrentTime': '2099-01-01T00:00:00Z' } }), { now: NOW })).find((s) => s.code === 'PRIVILEGE_ESCALATION_CREATE_POLICY_VERSION')
    expect(f?.severity).toBe('SUGGESTION')
    expect(f?.message).toMatch(/future/)
  })
  it('deterministic: without "now" nothing is judged by the date', async () => {
    const f = (await suggest(escalation({ DateGreaterThan: { 'aws:CurrentTime': '2099-01-01T00:00:00Z' } }))).find((s) => s.code === 'PRIVILEGE_ESCALATION_CREATE_POLICY_VERSION')
    expect(f?.severity).toBe('WARNING')
  })
  it('a window that includes now keeps the finding', async () => {
    const f = (await suggest(escalation({ DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } }), { now: NOW })).find((s) => s.code === 'PRIVILEGE_ESCALATION_CREATE_POLICY_VERSION')
    expect(f?.severity).toBe('WARNING')
    expect(f?.message).not.toMatch(/cannot apply now/)
  })
})

describe('an Allow that a Deny of the same policy cancels gets no wildcard or MFA suggestion (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html)', () => {
  it('iam:* allowed and denied', async () => {
    const l = await suggest(policy(allow('iam:*'), deny('iam:*')))
    expect(l.filter((s) => s.category === 'wildcard' || s.code === 'MISSING_MFA_CONDITION')).toEqual([])
  })
  it('a Deny of only part of it keeps the suggestions', async () => {
    const l = await suggest(policy(allow('iam:*'), deny('iam:Delete*')))
    expect(codes(l)).toContain('WILDCARD_SERVICE_ACTIONS')
  })
})

describe('grouping: one cause, one item (decision 2)', () => {
  it('{"Action":"*","Resource":"*"} gives at most 8 top-level suggestions; the escalation methods sit in one group', async () => {
    const c = await catalogue()
    const l = suggestPolicy(policy(allow('*')), { catalogue: c, policyType: 'identity' })
    expect(l.length).toBeLessThanOrEqual(8)
    const pe = l.find((s) => s.category === 'privilege-escalation')
    expect(pe?.group?.count).toBeGreaterThan(30)
    expect(pe?.group?.noun).toBe('privilege-escalation methods')
    expect(pe?.group?.members.every((m) => m.code.startsWith('PRIVILEGE_ESCALATION_'))).toBe(true)
    expect(pe?.severity).toBe('SECURITY_WARNING')
    // JSON keeps the detail
    const json = JSON.parse(JSON.stringify(l)) as Suggestion[]
    expect(json.find((s) => s.category === 'privilege-escalation')?.group?.members.length).toBe(pe?.group?.count)
  })
  it('group: false returns the members one by one', async () => {
    const c = await catalogue()
    const flat = suggestPolicy(policy(allow('*')), { catalogue: c, policyType: 'identity', group: false })
    expect(flat.filter((s) => s.category === 'privilege-escalation').length).toBeGreaterThan(30)
  })
})

describe('simulator: writes AWS rejects outside policy evaluation keep their decision and get a note', () => {
  const admin = [policy(allow('*'))]
  const cases = [
    ['iam:CreatePolicyVersion', 'arn:aws:iam::aws:policy/AdministratorAccess', 'access_policies_managed-vs-inline.html'],
    ['iam:PutRolePolicy', 'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef', 'identity-center-and-iam-roles.html'],
    ['kms:DeleteAlias', 'arn:aws:kms:us-east-1:111111111111:alias/aws/s3', 'kms-alias.html'],
  ] as const
  for (const [action, resource, page] of cases)
    it(`${action} on ${resource}`, () => {
      const r = sim({ action, resource, identity: admin })
      // the decision is the policies' (an AWS managed policy is in the account "aws", so that one is cross-account)
      expect(r.decision).toBe(resource.includes('::aws:') ? 'ImplicitDeny' : 'Allowed')
      const note = r.explanation?.find((l) => l.text.startsWith('Note:'))
      expect(note?.text).toContain(page)
    })
  it('reads get no note', () => {
    const r = sim({ action: 'iam:GetPolicyVersion', resource: 'arn:aws:iam::aws:policy/AdministratorAccess', identity: admin })
    expect(r.explanation?.some((l) => l.text.startsWith('Note:'))).toBe(false)
  })
})
