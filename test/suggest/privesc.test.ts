import { describe, expect, it } from 'vitest'
import { PRIVESC_METHODS } from '../../src/engine/suggest'
import { allow, byCode, catalogue, codes, deny, one, policy, suggest } from './helpers'

const PASS = 'iam:PassRole'
const code = (id: string) => `PRIVILEGE_ESCALATION_${id}`
const escalations = (list: { code: string; category?: string }[]) => list.filter((s) => s.category === 'privilege-escalation').map((s) => s.code)

describe('privilege-escalation catalogue (validation-checks.md §3.4)', () => {
  it('holds the full method list as data, every action known to the catalogue', async () => {
    const c = await catalogue()
    expect(PRIVESC_METHODS.length).toBeGreaterThanOrEqual(45)
    expect(new Set(PRIVESC_METHODS.map((m) => m.id)).size).toBe(PRIVESC_METHODS.length)
    // CodeStar no longer lists this action; the method stays so that older policies naming it are still flagged
    const retired = new Set(['codestar:CreateProjectFromTemplate'])
    for (const m of PRIVESC_METHODS) for (const a of m.requires.flat()) if (!retired.has(a)) expect(c.action(a)?.key, `${m.id}: ${a}`).toBe(a)
  })

  it('covers the Rhino Security Labs methods named in the issue', () => {
    const ids = PRIVESC_METHODS.map((m) => m.id)
    for (const id of ['CREATE_POLICY_VERSION', 'PASSROLE_EC2', 'UPDATE_ASSUME_ROLE_POLICY', 'DELETE_PERMISSIONS_BOUNDARY', 'PASSROLE_LAMBDA', 'LAMBDA_UPDATE_FUNCTION_CODE'])
      expect(ids).toContain(id)
  })

  it.each(PRIVESC_METHODS.map((m) => [m.id, m] as const))('%s is reported when exactly its actions are allowed on *', async (id, m) => {
    const actions = [...(m.passRoleTo ? [PASS] : []), ...m.requires.map((g) => g[0]!)]
    const found = escalations(await suggest(policy(allow(actions))))
    // a method that needs a subset of these actions may be reported instead (it implies this one)
    const implied = PRIVESC_METHODS.filter((o) => [...(o.passRoleTo ? [PASS] : []), ...o.requires.map((g) => g[0]!)].every((a) => actions.includes(a))).map((o) => code(o.id))
    expect(found.some((c) => implied.includes(c)), `${id}: ${found.join(', ')}`).toBe(true)
  })

  it('each group is any-of: a second alternative satisfies it too', async () => {
    const s = await suggest(policy(allow([PASS, 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'])))
    expect(codes(s)).toContain(code('PASSROLE_LAMBDA'))
    const s2 = await suggest(policy(allow('iam:DeleteRolePermissionsBoundary')))
    expect(codes(s2)).toContain(code('DELETE_PERMISSIONS_BOUNDARY'))
  })
})

describe('iam:PassRole + ec2:RunInstances (id_roles_use_passrole)', () => {
  it('is a security warning across two statements, pointing at PassRole and naming both', async () => {
    const text = policy(allow(PASS), allow('ec2:RunInstances'))
    const s = one(await suggest(text), code('PASSROLE_EC2'))
    expect(s.severity).toBe('SECURITY_WARNING')
    expect(s.actions).toEqual(expect.arrayContaining([PASS, 'ec2:RunInstances']))
    expect(s.path).toEqual(['Statement', 0, 'Action'])
    expect(s.message).toMatch(/statement 1.*statement 2/)
    expect(s.message).toMatch(/Fix:/)
  })

  it('near miss: RunInstances alone is not an escalation', async () => {
    expect(escalations(await suggest(policy(allow('ec2:RunInstances'))))).toEqual([])
  })

  it('near miss: PassRole to one named role with iam:PassedToService is not an escalation', async () => {
    const text = policy(
      allow(PASS, 'arn:aws:iam::111122223333:role/app', { Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } }),
      allow('ec2:RunInstances'),
    )
    expect(byCode(await suggest(text), code('PASSROLE_EC2'))).toEqual([])
  })

  it('near miss: iam:PassedToService limited to another service breaks this path', async () => {
    const text = policy(allow(PASS, '*', { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } }), allow('ec2:RunInstances'))
    const s = await suggest(text)
    expect(byCode(s, code('PASSROLE_EC2'))).toEqual([])
  })

  it('iam:PassedToService on every role lowers the severity to a warning', async () => {
    const text = policy(allow(PASS, '*', { Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } }), allow('ec2:RunInstances'))
    expect(one(await suggest(text), code('PASSROLE_EC2')).severity).toBe('WARNING')
  })

  it('a named role without iam:PassedToService is a suggestion', async () => {
    const text = policy(allow(PASS, 'arn:aws:iam::111122223333:role/app'), allow('ec2:RunInstances'))
    expect(one(await suggest(text), code('PASSROLE_EC2')).severity).toBe('SUGGESTION')
  })

  it('roles matched by a name pattern lower the severity to a warning', async () => {
    const text = policy(allow(PASS, 'arn:aws:iam::111122223333:role/app-*'), allow('ec2:RunInstances'))
    expect(one(await suggest(text), code('PASSROLE_EC2')).severity).toBe('WARNING')
  })

  it('roles/* is every role', async () => {
    const text = policy(allow(PASS, 'arn:aws:iam::111122223333:role/*'), allow('ec2:RunInstances'))
    expect(one(await suggest(text), code('PASSROLE_EC2')).severity).toBe('SECURITY_WARNING')
  })

  it('near miss: PassRole on a resource of another kind does not grant PassRole', async () => {
    const text = policy(allow(PASS, 'arn:aws:s3:::bucket'), allow('ec2:RunInstances'))
    expect(byCode(await suggest(text), code('PASSROLE_EC2'))).toEqual([])
  })
})

describe('effective Allow set: wildcards, NotAction and Deny', () => {
  it('iam:* grants the IAM methods', async () => {
    const found = escalations(await suggest(policy(allow('iam:*'))))
    expect(found).toEqual(expect.arrayContaining([code('CREATE_POLICY_VERSION'), code('ATTACH_USER_POLICY'), code('UPDATE_ASSUME_ROLE_POLICY')]))
  })

  it('iam:*Policy* wildcards count', async () => {
    expect(escalations(await suggest(policy(allow('iam:Put*Policy'))))).toEqual(
      expect.arrayContaining([code('PUT_USER_POLICY'), code('PUT_ROLE_POLICY'), code('PUT_GROUP_POLICY')]),
    )
  })

  it('Allow NotAction grants everything it does not name', async () => {
    const s = await suggest(policy({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }))
    expect(codes(s)).toContain(code('CREATE_POLICY_VERSION'))
  })

  it('near miss: Allow NotAction iam:* does not grant IAM methods', async () => {
    const s = await suggest(policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }))
    expect(codes(s)).not.toContain(code('CREATE_POLICY_VERSION'))
    expect(codes(s)).toContain(code('LAMBDA_UPDATE_FUNCTION_CODE'))
  })

  it('an unconditional Deny on * removes the action (reference_policies_evaluation-logic)', async () => {
    const s = await suggest(policy(allow('iam:*'), deny(['iam:CreatePolicyVersion', 'iam:Attach*'])))
    expect(codes(s)).not.toContain(code('CREATE_POLICY_VERSION'))
    expect(codes(s)).not.toContain(code('ATTACH_ROLE_POLICY'))
    expect(codes(s)).toContain(code('PUT_ROLE_POLICY'))
  })

  it('near miss: a Deny with a condition may not apply, so it removes nothing', async () => {
    const s = await suggest(policy(allow('iam:*'), deny('iam:*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })))
    expect(codes(s)).toContain(code('CREATE_POLICY_VERSION'))
  })

  it('near miss: a Deny on a narrower resource removes nothing', async () => {
    const s = await suggest(policy(allow('iam:*'), deny('iam:CreatePolicyVersion', 'arn:aws:iam::111122223333:policy/x')))
    expect(codes(s)).toContain(code('CREATE_POLICY_VERSION'))
  })

  it('a Deny NotAction takes away everything it does not name', async () => {
    const s = await suggest(policy(allow('*'), { Effect: 'Deny', NotAction: 's3:*', Resource: '*' }))
    expect(escalations(s)).toEqual([])
  })

  it('actions are matched case-insensitively', async () => {
    expect(codes(await suggest(policy(allow('IAM:createpolicyversion'))))).toContain(code('CREATE_POLICY_VERSION'))
  })
})

describe('conditions and narrow resources', () => {
  it('a condition lowers a single-action method to a warning', async () => {
    const text = policy(allow('iam:CreatePolicyVersion', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }))
    expect(one(await suggest(text), code('CREATE_POLICY_VERSION')).severity).toBe('WARNING')
  })

  it('a named policy ARN lowers it to a suggestion', async () => {
    const text = policy(allow('iam:CreatePolicyVersion', 'arn:aws:iam::111122223333:policy/app'))
    expect(one(await suggest(text), code('CREATE_POLICY_VERSION')).severity).toBe('SUGGESTION')
  })

  it("near miss: access keys for the caller's own user are not an escalation", async () => {
    const text = policy(allow(['iam:CreateAccessKey', 'iam:UpdateLoginProfile'], 'arn:aws:iam::*:user/${aws:username}'))
    expect(escalations(await suggest(text))).toEqual([])
  })

  it("attaching policies to one's own user is still an escalation", async () => {
    const text = policy(allow('iam:AttachUserPolicy', 'arn:aws:iam::*:user/${aws:username}'))
    expect(codes(await suggest(text))).toContain(code('ATTACH_USER_POLICY'))
  })

  it('near miss: PutRolePermissionsBoundary that must set a named boundary is the delegation pattern', async () => {
    const text = policy(
      allow('iam:PutRolePermissionsBoundary', '*', {
        Condition: { StringEquals: { 'iam:PermissionsBoundary': 'arn:aws:iam::111122223333:policy/Boundary' } },
      }),
    )
    expect(escalations(await suggest(text))).toEqual([])
  })

  it('sts:AssumeRole on every role is a warning at most (it depends on trust policies)', async () => {
    expect(one(await suggest(policy(allow('sts:AssumeRole'))), code('ASSUME_ANY_ROLE')).severity).toBe('WARNING')
    expect(byCode(await suggest(policy(allow('sts:AssumeRole', 'arn:aws:iam::111122223333:role/deploy'))), code('ASSUME_ANY_ROLE'))[0]?.severity).toBe(
      'SUGGESTION',
    )
  })

  it('a smaller method that implies a bigger one is reported instead of both', async () => {
    const s = await suggest(policy(allow([PASS, 'cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'])))
    expect(codes(s)).toContain(code('CLOUDFORMATION_CHANGESET'))
    expect(codes(s)).not.toContain(code('PASSROLE_CLOUDFORMATION_CHANGESET'))
  })
})

describe('policy types', () => {
  it('resource, trust, SCP and boundary policies get no escalation findings', async () => {
    for (const policyType of ['resource', 'trust', 'scp', 'boundary'] as const) {
      const s = await suggest(policy(allow('*')), { policyType })
      expect(escalations(s), policyType).toEqual([])
    }
  })
})
